// SPDX-License-Identifier: Apache-2.0
#include "stream/SaslStep.h"

#include "base/Namespaces.h"
#include "sasl/Mechanism.h"
#include "sasl/MechanismChoice.h"
#include "sasl/PlainMessage.h"
#include "sasl/ScramClient.h"
#include "sasl/TlsServerEndPoint.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SaslStep", text);
}

XmlElement saslElement(const QString &name, const QByteArray &payload)
{
    XmlElement element(name, ns::Sasl.toString());
    // RFC 6120 §6.4.2: an empty response is "=", no payload at all is an empty element.
    element.setText(payload.isEmpty() ? u"="_s : QString::fromLatin1(payload.toBase64()));
    return element;
}

std::optional<QByteArray> decodePayload(const XmlElement &element)
{
    const QString text = element.text().trimmed();
    if (text.isEmpty() || text == u"=") {
        return QByteArray();
    }
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    return *decoded;
}

QString describeFailure(const QString &condition)
{
    // RFC 6120 §6.5: SASL failure conditions, in words.
    if (condition == u"not-authorized") {
        return tr("Wrong user name or password.");
    }
    if (condition == u"account-disabled") {
        return tr("This account is disabled.");
    }
    if (condition == u"credentials-expired") {
        return tr("The password has expired.");
    }
    if (condition == u"encryption-required") {
        return tr("The server requires encryption for this sign-in method.");
    }
    if (condition == u"temporary-auth-failure") {
        return tr("The server could not check the password right now. Try again later.");
    }
    if (condition == u"mechanism-too-weak") {
        return tr("The server considers the sign-in method too weak.");
    }
    return tr("Sign-in failed (%1).").arg(condition.isEmpty() ? u"unknown"_s : condition);
}

} // namespace

SaslStep::SaslStep() = default;
SaslStep::~SaslStep() = default;

SaslStep::Result SaslStep::fail(ConnectionError::Kind kind, const QString &message, const QString &condition)
{
    m_scram.reset();
    return ConnectionError { kind, message, condition, {}, {} };
}

SaslStep::Result SaslStep::start(const XmlElement &features, const ConnectionSettings &settings, bool tlsActive,
    const QSslCertificate &peerCertificate)
{
    const XmlElement *mechanisms = features.firstChild(u"mechanisms", ns::Sasl);
    QStringList offered;
    if (mechanisms) {
        for (const XmlElement &m : mechanisms->children()) {
            if (m.name() == u"mechanism") {
                offered.append(m.text().trimmed());
            }
        }
    }
    sasl::ChoiceContext context;
    context.tlsActive = tlsActive;
    if (tlsActive && !peerCertificate.isNull()) {
        // RFC 5929 §4: the one binding Qt 6.4 lets us compute.
        context.clientChannelBindings = { "tls-server-end-point"_ba };
    }
    if (const XmlElement *cb = features.firstChild(u"sasl-channel-binding", ns::SaslChannelBinding)) {
        QList<QByteArray> types;
        for (const XmlElement &type : cb->children()) {
            types.append(type.attribute(u"type").toLatin1());
        }
        context.serverChannelBindings = types;
    }
    const std::optional<sasl::Choice> choice = sasl::chooseMechanism(offered, context);
    if (!choice) {
        if (offered.contains(u"PLAIN"_s) && !tlsActive) {
            return fail(ConnectionError::Kind::NoSuitableMechanism,
                tr("The server would only accept the password unencrypted, so Confab did not send it."));
        }
        return fail(ConnectionError::Kind::NoSuitableMechanism,
            tr("The server offers no sign-in method Confab supports (%1).").arg(offered.join(u", "_s)));
    }
    m_mechanism = sasl::mechanismName(choice->mechanism);
    XmlElement auth(u"auth"_s, ns::Sasl.toString());
    auth.setAttribute(u"mechanism"_s, m_mechanism);

    const QString user = settings.jid.local();
    if (choice->mechanism == sasl::Mechanism::Plain) {
        const QByteArray message = sasl::plainMessage(user, settings.password);
        if (message.isEmpty()) {
            return fail(ConnectionError::Kind::AuthenticationFailed,
                tr("The password contains characters that cannot be sent."));
        }
        auth.setText(QString::fromLatin1(message.toBase64()));
        m_awaitingSuccess = true;
        return auth;
    }
    const QByteArray cbData = choice->gs2Flag == 'p' ? sasl::tlsServerEndPoint(peerCertificate) : QByteArray();
    m_scram = std::make_unique<sasl::ScramClient>(*sasl::scramHash(choice->mechanism), user, settings.password,
        choice->gs2Flag, choice->channelBindingType, cbData);
    const QByteArray first = m_scram->clientFirstMessage();
    if (!m_scram->isValid() || first.isEmpty()) {
        return fail(ConnectionError::Kind::AuthenticationFailed,
            tr("The user name or password cannot be used: %1").arg(m_scram->errorString()));
    }
    auth.setText(QString::fromLatin1(first.toBase64()));
    return auth;
}

SaslStep::Result SaslStep::handle(const XmlElement &element)
{
    const QString &name = element.name();
    if (name == u"failure") {
        QString condition;
        QString text;
        for (const XmlElement &child : element.children()) {
            if (child.name() == u"text") {
                text = child.text();
            } else if (condition.isEmpty()) {
                condition = child.name();
            }
        }
        QString message = describeFailure(condition);
        if (!text.isEmpty()) {
            message += u" ("_s + text + u')';
        }
        return fail(ConnectionError::Kind::AuthenticationFailed, message, condition);
    }
    const std::optional<QByteArray> payload = decodePayload(element);
    if (!payload) {
        return fail(ConnectionError::Kind::ProtocolError, tr("The server sent an invalid sign-in message."));
    }
    if (name == u"challenge") {
        if (!m_scram) {
            return fail(ConnectionError::Kind::ProtocolError, tr("The server sent an unexpected sign-in challenge."));
        }
        if (!m_awaitingSuccess) {
            auto final = m_scram->processServerFirst(*payload);
            if (const auto *error = std::get_if<QString>(&final)) {
                return fail(ConnectionError::Kind::AuthenticationFailed, tr("Sign-in failed: %1").arg(*error));
            }
            m_awaitingSuccess = true;
            return saslElement(u"response"_s, std::get<QByteArray>(final));
        }
        // Some servers send the server-final-message as a challenge (RFC 6120 §6.4.6 allows either).
        if (const std::optional<QString> error = m_scram->verifyServerFinal(*payload)) {
            return fail(ConnectionError::Kind::AuthenticationFailed,
                tr("The server could not prove it knows the password: %1").arg(*error));
        }
        m_scram.reset();
        return saslElement(u"response"_s, {});
    }
    if (name == u"success") {
        if (!m_awaitingSuccess) {
            return fail(ConnectionError::Kind::ProtocolError, tr("The server reported success too early."));
        }
        if (m_scram) {
            // RFC 5802 §5: mutual authentication. A server that cannot show the signature does not know
            // the password: an impostor, whatever it says.
            if (const std::optional<QString> error = m_scram->verifyServerFinal(*payload)) {
                return fail(ConnectionError::Kind::AuthenticationFailed,
                    tr("The server could not prove it knows the password: %1").arg(*error));
            }
            m_scram.reset();
        }
        return Success {};
    }
    return fail(ConnectionError::Kind::ProtocolError, tr("The server sent an unexpected sign-in message."));
}

} // namespace confab
