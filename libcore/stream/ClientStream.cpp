// SPDX-License-Identifier: Apache-2.0
#include "stream/ClientStream.h"

#include "base/Ids.h"
#include "base/Logging.h"
#include "base/Namespaces.h"
#include "stanza/Stanza.h"
#include "stream/SaslStep.h"
#include "stream/Transport.h"
#include "xml/XmlStreamParser.h"
#include "xml/XmlWriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

constexpr int MaxRedirects = 3;
constexpr int CloseTimeoutMs = 3000;
// A burst (a server replaying 100,000 presences) is parsed in slices, yielding to the event loop once a turn has
// taken this long, so the UI keeps painting and timers keep firing (issue 7, Flood).
constexpr qsizetype InputSliceBytes = 16 * 1024;
constexpr qint64 InputBudgetMs = 10;

/// RFC 6120 §4.9.3: stream error conditions in words a person understands.
QString describeStreamError(const QString &condition)
{
    if (condition == u"system-shutdown") {
        return ClientStream::tr("The server is shutting down.");
    }
    if (condition == u"conflict") {
        return ClientStream::tr("This account signed in from another place with the same resource.");
    }
    if (condition == u"connection-timeout") {
        return ClientStream::tr("The server closed the connection because it was idle.");
    }
    if (condition == u"host-unknown") {
        return ClientStream::tr("The server does not serve this domain.");
    }
    if (condition == u"policy-violation") {
        return ClientStream::tr("The server closed the connection because of its policy.");
    }
    if (condition == u"not-authorized") {
        return ClientStream::tr("The server refused the session.");
    }
    if (condition == u"reset") {
        return ClientStream::tr("The server asked to reconnect.");
    }
    if (condition == u"resource-constraint") {
        return ClientStream::tr("The server is too busy.");
    }
    return ClientStream::tr("The server ended the session (%1).").arg(condition);
}

} // namespace

ClientStream::ClientStream(QObject *parent)
    : QObject(parent)
    , m_transport(new Transport(this))
    , m_negotiationTimer(new QTimer(this))
    , m_closeTimer(new QTimer(this))
{
    connect(m_transport, &Transport::connected, this, &ClientStream::handleTransportConnected);
    connect(m_transport, &Transport::encrypted, this, &ClientStream::handleTransportEncrypted);
    connect(m_transport, &Transport::dataReceived, this, &ClientStream::handleData);
    connect(m_transport, &Transport::failed, this, &ClientStream::handleTransportFailed);
    connect(m_transport, &Transport::closed, this, [this] {
        if (!m_processingInput) {
            processInput(true); // the server's last words before its close
        }
        finishClose();
    });

    m_negotiationTimer->setSingleShot(true);
    connect(m_negotiationTimer, &QTimer::timeout, this, [this] {
        fail({ ConnectionError::Kind::Timeout, tr("The server did not complete the sign-in in time."), {}, {}, {} });
    });
    m_closeTimer->setSingleShot(true);
    connect(m_closeTimer, &QTimer::timeout, this, &ClientStream::finishClose);
}

ClientStream::~ClientStream() = default;

void ClientStream::setState(State state)
{
    if (m_state != state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

bool ClientStream::isEncrypted() const
{
    return m_transport->isEncrypted();
}

void ClientStream::connectToServer(const ConnectionSettings &settings)
{
    m_transport->abort();
    m_settings = settings;
    m_redirects = 0;
    setState(State::Connecting);
    m_phase = Phase::Idle;
    m_negotiationTimer->start(settings.negotiationTimeout);
    m_transport->connectToServer(settings);
}

void ClientStream::handleTransportConnected()
{
    m_tlsActive = m_transport->isEncrypted();
    m_authenticated = false;
    m_bindRetried = false;
    m_smOffered = false;
    if (!m_tlsActive && m_settings.tlsMode == TlsMode::InsecurePlaintext && !m_transport->isLoopbackPeer()) {
        fail({ ConnectionError::Kind::PlaintextRefused,
            tr("An unencrypted connection is only allowed to this computer itself (loopback)."), {}, {}, {} });
        return;
    }
    setState(State::Negotiating);
    XmlStreamParser::Callbacks callbacks;
    callbacks.streamOpened = [this](const XmlElement &header) { handleStreamOpened(header); };
    callbacks.elementReceived = [this](XmlElement &&element) { handleElement(std::move(element)); };
    callbacks.streamClosed = [this] {
        if (m_phase == Phase::Closing) {
            finishClose();
            return;
        }
        // RFC 6120 §4.4: the server closed the stream; close ours and report it.
        m_transport->write(XmlWriter::streamFooter());
        fail({ ConnectionError::Kind::ConnectionLost, tr("The server closed the session."), {}, {}, {} });
    };
    callbacks.errorOccurred = [this](XmlStreamParser::Error error, const QString &detail) {
        qCWarning(lcStream) << "refusing the server's XML:" << detail;
        sendStreamErrorAndClose(XmlStreamParser::conditionName(error), detail);
    };
    dropInput();
    m_parser = std::make_unique<XmlStreamParser>(std::move(callbacks));
    openStream();
}

void ClientStream::openStream()
{
    m_phase = Phase::AwaitingFeatures;
    // RFC 6120 §4.7.1: 'from' names the user; over a connection not yet encrypted it would tell every
    // observer who is signing in, so it is sent only under TLS.
    m_transport->write(XmlWriter::streamHeader(
        m_settings.jid.domain(), m_tlsActive ? m_settings.jid.bareString() : QString(), m_settings.lang));
}

void ClientStream::restartStream()
{
    // RFC 6120 §4.3.3: after TLS and after SASL both sides start a fresh stream; whatever the old parser
    // still held (after <proceed/>, an injection attempt) is thrown away.
    resetParser();
    openStream();
}

void ClientStream::handleTransportEncrypted()
{
    m_tlsActive = true;
    restartStream();
}

void ClientStream::handleData(const QByteArray &data)
{
    if (!m_parser) {
        return;
    }
    if (m_processingInput) {
        m_input.append(data);
        return;
    }
    m_input.remove(0, m_inputPos);
    m_inputPos = 0;
    m_input.append(data);
    processInput(false);
}

void ClientStream::processInput(bool all)
{
    // What one read brings can be megabytes: fed in slices, and after InputBudgetMs the rest waits for the next
    // event-loop turn. A parser reset (after <proceed/>, after SASL) drops what is left, as it always did for the
    // rest of a read.
    QElapsedTimer clock;
    clock.start();
    m_processingInput = true;
    while (m_parser && m_inputPos < m_input.size()) {
        const qsizetype size = std::min(InputSliceBytes, m_input.size() - m_inputPos);
        // A copy: a callback may append to m_input (re-entrant data) while the parser reads the slice.
        const QByteArray slice = m_input.mid(m_inputPos, size);
        m_inputPos += size;
        m_parser->feed(slice);
        if (!all && clock.elapsed() >= InputBudgetMs) {
            break;
        }
    }
    m_processingInput = false;
    if (!m_parser || m_inputPos >= m_input.size()) {
        dropInput();
        return;
    }
    if (!m_inputScheduled) {
        m_inputScheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_inputScheduled = false;
            if (!m_processingInput) {
                processInput(false);
            }
        });
    }
}

void ClientStream::dropInput()
{
    m_input.clear();
    m_inputPos = 0;
}

void ClientStream::resetParser()
{
    m_parser->reset();
    dropInput();
}

void ClientStream::handleStreamOpened(const XmlElement &header)
{
    // RFC 6120 §4.7.5: we speak version 1.0; a server without it cannot do TLS or SASL.
    if (!header.attribute(u"version").startsWith(u"1.")) {
        sendStreamErrorAndClose(u"unsupported-version"_s, u"XMPP 1.0 required"_s);
    }
}

void ClientStream::handleElement(XmlElement &&element)
{
    if (lcXmlIn().isDebugEnabled()) {
        // SASL challenges and outcomes are redacted like what we send: the server-first message and the server
        // signature, together with our redacted messages, would allow an offline guess of the password.
        if (element.namespaceUri() == ns::Sasl) {
            qCDebug(lcXmlIn).noquote() << u"<%1 xmlns='%2'>(redacted)</%1>"_s.arg(element.name(), ns::Sasl);
        } else {
            qCDebug(lcXmlIn).noquote() << QString::fromUtf8(XmlWriter::serialize(element));
        }
    }
    if (element.is(u"error", ns::Stream)) {
        handleStreamError(element);
        return;
    }
    switch (m_phase) {
    case Phase::AwaitingFeatures:
        if (element.is(u"features", ns::Stream)) {
            handleFeatures(element);
            return;
        }
        break;
    case Phase::StartTls:
        if (element.is(u"proceed", ns::Tls)) {
            // RFC 6120 §5.4.3.3: nothing after <proceed/> may be read as plaintext.
            resetParser();
            m_transport->startTls();
            return;
        }
        if (element.is(u"failure", ns::Tls)) {
            fail({ ConnectionError::Kind::TlsFailed, tr("The server could not start TLS."), {}, {}, {} });
            return;
        }
        break;
    case Phase::Authenticating:
        if (element.namespaceUri() == ns::Sasl) {
            const SaslStep::Result result = m_sasl->handle(element);
            if (const auto *reply = std::get_if<XmlElement>(&result)) {
                writeElement(*reply);
            } else if (const auto *error = std::get_if<ConnectionError>(&result)) {
                fail(*error);
            } else {
                qCInfo(lcStream) << "authenticated with" << m_saslMechanism;
                m_authenticated = true;
                m_sasl.reset();
                restartStream(); // pipelined: no wait for anything before the new header
            }
            return;
        }
        break;
    case Phase::Resuming:
        if (element.is(u"resumed", ns::StreamManagement) || element.is(u"failed", ns::StreamManagement)) {
            handleStreamManagementElement(element);
            return;
        }
        break;
    case Phase::Registering:
    case Phase::Binding:
    case Phase::Session:
        if (stanza::isIq(element) && element.attribute(u"id") == m_pendingIqId) {
            if (m_phase == Phase::Registering) {
                handleRegistrationResult(element);
            } else if (m_phase == Phase::Binding) {
                handleBindResult(element);
            } else if (stanza::iqType(element) == stanza::IqType::Result) {
                becomeEstablished(false);
            } else {
                fail(
                    { ConnectionError::Kind::ProtocolError, tr("The server refused to start a session."), {}, {}, {} });
            }
            return;
        }
        if (handleStreamManagementElement(element)) {
            return;
        }
        break;
    case Phase::Established:
    case Phase::Closing:
        if (element.namespaceUri() == ns::StreamManagement) {
            handleStreamManagementElement(element);
            return;
        }
        if (element.namespaceUri() == ns::Client) {
            handleStanza(std::move(element));
            return;
        }
        qCDebug(lcStream) << "ignoring" << element.name() << element.namespaceUri();
        return;
    case Phase::Idle:
        break;
    }
    qCWarning(lcStream) << "unexpected" << element.name() << element.namespaceUri() << "during negotiation";
    sendStreamErrorAndClose(u"unsupported-stanza-type"_s, u"unexpected element during negotiation"_s);
}

void ClientStream::handleFeatures(const XmlElement &features)
{
    m_features = features;
    if (!m_tlsActive && m_settings.tlsMode != TlsMode::InsecurePlaintext) {
        if (!features.firstChild(u"starttls", ns::Tls)) {
            // RFC 6120 §5.3.1 leaves TLS to policy; ours is never to send credentials in the clear.
            fail({ ConnectionError::Kind::TlsUnavailable,
                tr("The server does not offer an encrypted connection, so Confab did not sign in."), {}, {}, {} });
            return;
        }
        m_phase = Phase::StartTls;
        writeElement(XmlElement(u"starttls"_s, ns::Tls.toString()));
        return;
    }
    if (!m_authenticated) {
        if (m_settings.registerAccount && !m_registered) {
            // XEP-0077 §3.1: ask for the registration fields first.
            m_phase = Phase::Registering;
            m_pendingIqId = generateStanzaId();
            writeElement(stanza::makeIq(
                stanza::IqType::Get, m_pendingIqId, {}, XmlElement(u"query"_s, ns::Register.toString())));
            return;
        }
        startAuthentication();
        return;
    }
    m_smOffered = m_settings.streamManagement && features.firstChild(u"sm", ns::StreamManagement);
    if (m_smOffered && m_sm.canResume()) {
        m_phase = Phase::Resuming;
        XmlElement resume(u"resume"_s, ns::StreamManagement.toString());
        resume.setAttribute(u"h"_s, QString::number(m_sm.inboundCount()));
        resume.setAttribute(u"previd"_s, m_sm.resumptionId());
        writeElement(resume);
        return;
    }
    if (!features.firstChild(u"bind", ns::Bind)) {
        fail({ ConnectionError::Kind::ProtocolError, tr("The server offered no resource binding."), {}, {}, {} });
        return;
    }
    startBind(true);
}

void ClientStream::startAuthentication()
{
    m_sasl = std::make_unique<SaslStep>();
    const SaslStep::Result first = m_sasl->start(m_features, m_settings, m_tlsActive, m_transport->peerCertificate());
    if (const auto *error = std::get_if<ConnectionError>(&first)) {
        fail(*error);
        return;
    }
    m_saslMechanism = m_sasl->mechanismName();
    m_phase = Phase::Authenticating;
    writeElement(std::get<XmlElement>(first));
}

void ClientStream::handleRegistrationResult(const XmlElement &iq)
{
    const auto type = stanza::iqType(iq);
    if (type == stanza::IqType::Error) {
        const StanzaError error = stanza::errorFromXml(iq).value_or(StanzaError {});
        QString message;
        if (error.condition == u"conflict") {
            message = tr("An account with this name already exists on the server.");
        } else if (error.condition == u"not-allowed" || error.condition == u"forbidden") {
            message = tr("The server does not allow creating accounts.");
        } else if (error.condition == u"not-acceptable") {
            message = tr("The server did not accept this user name or password.");
        } else {
            message = tr("The server could not create the account: %1").arg(describeError(error));
        }
        if (!error.text.isEmpty()) {
            message += u" ("_s + error.text + u')';
        }
        fail({ ConnectionError::Kind::RegistrationFailed, message, error.condition, {}, {} });
        return;
    }
    const XmlElement *query = iq.firstChild(u"query", ns::Register);
    if (type == stanza::IqType::Result && query) {
        // The form: XEP-0077 §3.1 fields. We can fill username and password; anything else required
        // (a CAPTCHA, an e-mail) needs a person, which the UI asks for.
        for (const XmlElement &field : query->children()) {
            if (field.namespaceUri() == ns::Register && field.name() != u"username" && field.name() != u"password"
                && field.name() != u"instructions" && field.name() != u"registered") {
                qCInfo(lcStream) << "registration form also asks for" << field.name() << "(left empty)";
            }
        }
        m_pendingIqId = generateStanzaId();
        XmlElement set(u"query"_s, ns::Register.toString());
        set.appendTextChild(u"username"_s, m_settings.jid.local(), ns::Register.toString());
        set.appendTextChild(u"password"_s, m_settings.password, ns::Register.toString());
        writeElement(stanza::makeIq(stanza::IqType::Set, m_pendingIqId, {}, std::move(set)));
        return;
    }
    // The result of our set: the account exists now (XEP-0077 §3.1, example 4).
    qCInfo(lcStream) << "account" << m_settings.jid.bareString() << "created";
    m_registered = true;
    startAuthentication();
}

void ClientStream::startBind(bool requestResource)
{
    m_phase = Phase::Binding;
    m_pendingIqId = generateStanzaId();
    XmlElement bind(u"bind"_s, ns::Bind.toString());
    if (requestResource && !m_settings.jid.resource().isEmpty()) {
        bind.appendTextChild(u"resource"_s, m_settings.jid.resource(), ns::Bind.toString());
    }
    writeElement(stanza::makeIq(stanza::IqType::Set, m_pendingIqId, {}, std::move(bind)));
    if (m_bindRetried) {
        return; // the retry after a conflict: <enable/> already went out behind the first request
    }
    if (m_smOffered) {
        // XEP-0198 §3: enable after binding; sent right behind the bind request to save a round trip
        // (the server handles them in order). From here every stanza we send is counted.
        QList<StreamManagement::Pending> previous = m_sm.takeUnackedForResend();
        m_sm.enableRequested();
        XmlElement enable(u"enable"_s, ns::StreamManagement.toString());
        enable.setAttribute(u"resume"_s, u"true"_s);
        writeElement(enable);
        // Messages the old session never confirmed go out again in the new one, first and in their order
        // (DESIGN.md).
        qsizetype at = 0;
        for (StreamManagement::Pending &p : previous) {
            if (stanza::isMessage(p.stanza)) {
                m_outbox.insert(at++, std::move(p));
            }
        }
    } else {
        const QList<StreamManagement::Pending> previous = m_sm.enableFailed();
        qsizetype at = 0;
        for (const StreamManagement::Pending &p : previous) {
            if (stanza::isMessage(p.stanza)) {
                m_outbox.insert(at++, p);
            }
        }
    }
}

void ClientStream::handleBindResult(const XmlElement &iq)
{
    if (stanza::iqType(iq) != stanza::IqType::Result) {
        const StanzaError error = stanza::errorFromXml(iq).value_or(StanzaError {});
        if (error.condition == u"conflict" && !m_bindRetried) {
            // RFC 6120 §7.7.2.2: the resource is taken; let the server choose one.
            m_bindRetried = true;
            startBind(false);
            return;
        }
        fail({ ConnectionError::Kind::ProtocolError,
            tr("The server refused to bind a resource: %1").arg(describeError(error)), error.condition, {}, {} });
        return;
    }
    const XmlElement *bind = iq.firstChild(u"bind", ns::Bind);
    const Jid bound = bind ? Jid::fromString(bind->childText(u"jid", ns::Bind)) : Jid();
    // RFC 6120 §7.6.3: the server says which full JID we got; it must be ours.
    if (!bound.isFull() || bound.bare() != m_settings.jid.bare()) {
        fail({ ConnectionError::Kind::ProtocolError, tr("The server bound an unexpected address."), {}, {}, {} });
        return;
    }
    m_boundJid = bound;
    const XmlElement *session = m_features.firstChild(u"session", ns::Session);
    if (session && !session->firstChild(u"optional", ns::Session)) {
        // RFC 3921 §3 session establishment, still required by some old servers.
        m_phase = Phase::Session;
        m_pendingIqId = generateStanzaId();
        writeElement(
            stanza::makeIq(stanza::IqType::Set, m_pendingIqId, {}, XmlElement(u"session"_s, ns::Session.toString())));
        return;
    }
    becomeEstablished(false);
}

bool ClientStream::handleStreamManagementElement(const XmlElement &element)
{
    if (element.namespaceUri() != ns::StreamManagement) {
        return false;
    }
    const QString &name = element.name();
    if (name == u"r") {
        XmlElement a(u"a"_s, ns::StreamManagement.toString());
        a.setAttribute(u"h"_s, QString::number(m_sm.inboundCount()));
        writeElement(a);
    } else if (name == u"a" || name == u"resumed") {
        bool ok = false;
        const quint32 h = element.attribute(u"h").toUInt(&ok);
        if (!ok) {
            sendStreamErrorAndClose(u"undefined-condition"_s, u"invalid h"_s);
            return true;
        }
        auto acked = m_sm.acknowledge(h);
        if (const auto *error = std::get_if<QString>(&acked)) {
            // XEP-0198 §4: an h beyond what we sent is fatal.
            sendStreamErrorAndClose(u"undefined-condition"_s, *error);
            return true;
        }
        const QList<quint64> handles = std::get<QList<quint64>>(acked);
        if (name == u"resumed") {
            becomeEstablished(true);
        }
        for (quint64 handle : handles) {
            Q_EMIT stanzaAcked(handle);
        }
    } else if (name == u"enabled") {
        m_sm.enabled(
            element.attribute(u"id"), element.attribute(u"resume") == u"true" || element.attribute(u"resume") == u"1");
        qCInfo(lcStream) << "stream management enabled" << (m_sm.canResume() ? "(resumable)" : "");
    } else if (name == u"failed") {
        if (m_phase == Phase::Resuming) {
            // XEP-0198 §5: the old session is gone; start a new one. Its unacked messages are resent
            // after binding; the server may tell how many it did handle (h on <failed/>, XEP-0198 1.6).
            qCInfo(lcStream) << "resumption refused; starting a new session";
            bool ok = false;
            const quint32 h = element.attribute(u"h").toUInt(&ok);
            if (ok) {
                auto acked = m_sm.acknowledge(h);
                if (const auto *handles = std::get_if<QList<quint64>>(&acked)) {
                    for (quint64 handle : *handles) {
                        Q_EMIT stanzaAcked(handle);
                    }
                }
            }
            m_sm.forgetResumption();
            m_smOffered = m_settings.streamManagement;
            startBind(true);
        } else {
            qCInfo(lcStream) << "server refused stream management";
            QList<quint64> handles;
            for (const StreamManagement::Pending &p : m_sm.enableFailed()) {
                handles.append(p.handle);
            }
            if (!handles.isEmpty()) {
                Q_EMIT acksUnavailable(handles);
            }
        }
    }
    return true;
}

void ClientStream::becomeEstablished(bool resumed)
{
    m_negotiationTimer->stop();
    m_phase = Phase::Established;
    m_redirects = 0;
    setState(State::Established);
    qCInfo(lcStream) << (resumed ? "session resumed as" : "session established as") << m_boundJid.toString();
    QList<StreamManagement::Pending> resend
        = resumed ? m_sm.takeUnackedForResend() : QList<StreamManagement::Pending>();
    resend += std::exchange(m_outbox, {});
    Q_EMIT established(resumed);
    for (const StreamManagement::Pending &p : std::as_const(resend)) {
        writeStanza(p.handle, p.stanza);
    }
}

void ClientStream::handleStanza(XmlElement &&stanza)
{
    if (m_sm.isEnabled()) {
        m_sm.stanzaReceived();
    }
    Q_EMIT stanzaReceived(stanza);
}

void ClientStream::handleStreamError(const XmlElement &error)
{
    QString condition;
    QString text;
    for (const XmlElement &child : error.children()) {
        if (child.namespaceUri() != ns::Streams) {
            continue;
        }
        if (child.name() == u"text") {
            text = child.text();
        } else if (condition.isEmpty()) {
            condition = child.name();
            if (condition == u"see-other-host") {
                text = child.text();
            }
        }
    }
    qCWarning(lcStream) << "stream error" << condition << text;
    if (condition == u"see-other-host" && m_redirects < MaxRedirects && !text.isEmpty()) {
        // RFC 6120 §4.9.3.19: reconnect there; TLS is still checked against our own domain.
        QString host = text;
        quint16 port = 0;
        if (host.startsWith(u'[')) {
            const qsizetype close = host.indexOf(u']');
            if (close > 0 && host.mid(close + 1).startsWith(u':')) {
                port = host.mid(close + 2).toUShort();
            }
            host = host.mid(1, close - 1);
        } else if (host.count(u':') == 1) {
            port = host.section(u':', 1).toUShort();
            host = host.section(u':', 0, 0);
        }
        ++m_redirects;
        m_transport->abort();
        discardParser();
        qCInfo(lcStream) << "redirected to" << host << port;
        m_transport->connectToServer(m_settings, host, port ? port : (m_settings.port ? m_settings.port : 5222));
        return;
    }
    m_transport->write(XmlWriter::streamFooter());
    fail({ ConnectionError::Kind::StreamError,
        describeStreamError(condition) + (text.isEmpty() ? QString() : u" ("_s + text + u')'), condition, {}, {} });
}

void ClientStream::handleTransportFailed(const ConnectionError &error)
{
    if (!m_processingInput) {
        processInput(true); // what arrived before the loss is handled first, as it always was
    }
    fail(error);
}

quint64 ClientStream::send(const XmlElement &stanza)
{
    const quint64 handle = m_nextHandle++;
    if (m_phase == Phase::Established) {
        writeStanza(handle, stanza);
    } else {
        m_outbox.append({ handle, stanza });
    }
    return handle;
}

void ClientStream::writeStanza(quint64 handle, const XmlElement &stanza)
{
    writeElement(stanza);
    if (m_sm.isActive()) {
        m_sm.stanzaSent(handle, stanza);
        scheduleAckRequest();
    } else {
        Q_EMIT acksUnavailable({ handle });
    }
}

void ClientStream::scheduleAckRequest()
{
    // One <r/> per burst: a thousand messages written in one event-loop turn ask once.
    if (m_ackRequestScheduled) {
        return;
    }
    m_ackRequestScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_ackRequestScheduled = false;
        if (m_phase == Phase::Established && m_sm.isActive() && m_sm.unackedCount() > 0) {
            writeElement(XmlElement(u"r"_s, ns::StreamManagement.toString()));
        }
    });
}

void ClientStream::writeElement(const XmlElement &element)
{
    const QByteArray bytes = XmlWriter::serialize(element);
    if (lcXmlOut().isDebugEnabled() && element.namespaceUri() != ns::Sasl && element.namespaceUri() != ns::Register) {
        qCDebug(lcXmlOut).noquote() << QString::fromUtf8(bytes);
    }
    m_transport->write(bytes);
}

void ClientStream::sendStreamErrorAndClose(const QString &condition, const QString &text)
{
    XmlElement error(u"error"_s, ns::Stream.toString());
    error.appendChild(XmlElement(condition, ns::Streams.toString()));
    if (!text.isEmpty()) {
        error.appendTextChild(u"text"_s, text, ns::Streams.toString());
    }
    // RFC 6120 §4.9.2: <stream:error>. The stream's default namespace is jabber:client, so an unprefixed
    // <error/> would be a jabber:client element, not a stream error; XmlWriter writes no prefixes.
    QByteArray bytes = "<stream:error>"_ba;
    for (const XmlElement &child : error.children()) {
        XmlWriter::serialize(bytes, child, ns::Stream);
    }
    bytes += "</stream:error>"_ba + XmlWriter::streamFooter();
    m_transport->write(bytes);
    fail({ ConnectionError::Kind::ProtocolError, tr("The server sent data Confab cannot accept (%1).").arg(condition),
        condition, {}, {} });
}

void ClientStream::disconnectFromServer()
{
    if (m_state == State::Disconnected) {
        return;
    }
    if (m_phase == Phase::Idle || !m_parser) {
        m_transport->abort();
        m_sm.reset();
        finishClose();
        return;
    }
    // RFC 6120 §4.4: close our stream and wait (a little) for the server's close.
    if (m_phase == Phase::Established && m_sm.isEnabled()) {
        // XEP-0198 §4: acknowledge what we handled before closing, or the server treats those stanzas
        // as undelivered and routes them again (Prosody stores them offline: a duplicate for the user).
        XmlElement a(u"a"_s, ns::StreamManagement.toString());
        a.setAttribute(u"h"_s, QString::number(m_sm.inboundCount()));
        writeElement(a);
    }
    m_phase = Phase::Closing;
    setState(State::Closing);
    m_sm.reset(); // a clean close ends the session for good (XEP-0198 §5)
    m_transport->write(XmlWriter::streamFooter());
    m_closeTimer->start(CloseTimeoutMs);
}

void ClientStream::finishClose()
{
    m_closeTimer->stop();
    m_negotiationTimer->stop();
    m_transport->abort();
    discardParser();
    m_sasl.reset();
    m_outbox.clear();
    const bool wasConnected = m_state != State::Disconnected;
    m_phase = Phase::Idle;
    setState(State::Disconnected);
    if (wasConnected) {
        Q_EMIT disconnected(ConnectionError {});
    }
}

void ClientStream::discardParser()
{
    // This may run inside one of the parser's own callbacks, where deleting it is not allowed: stop it
    // now and let the event loop delete it.
    dropInput();
    if (m_parser) {
        m_parser->reset();
        QTimer::singleShot(0, this, [parser = m_parser.release()] { delete parser; });
    }
}

void ClientStream::abort()
{
    if (m_state == State::Disconnected) {
        return;
    }
    fail({ ConnectionError::Kind::ConnectionLost, tr("The connection was dropped."), {}, {}, {} });
}

void ClientStream::fail(ConnectionError error)
{
    if (m_state == State::Disconnected) {
        return;
    }
    if (m_phase == Phase::Closing) {
        finishClose();
        return;
    }
    qCInfo(lcStream) << "disconnected:" << error.message;
    m_negotiationTimer->stop();
    m_transport->abort();
    discardParser();
    m_sasl.reset();
    if (!error.isTransient()) {
        // The user must act (password, certificate): the next session is a new one, not a resumption.
        m_sm.forgetResumption();
    }
    m_phase = Phase::Idle;
    setState(State::Disconnected);
    Q_EMIT disconnected(error);
}

} // namespace confab
