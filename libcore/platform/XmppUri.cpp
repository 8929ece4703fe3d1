// SPDX-License-Identifier: Apache-2.0
#include "platform/XmppUri.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringDecoder>

#include <cctype>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

/// Percent-decodes one component as UTF-8 (RFC 5122 §2.7.2: an IRI is first mapped to a URI, whose
/// octets are UTF-8). Characters that are not ASCII may also appear as they are; they pass through.
/// Returns a null string when the decoded octets are not UTF-8 or a '%' is not followed by two hex digits.
QString decode(QStringView component)
{
    const QByteArray raw = component.toUtf8();
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i) == '%') {
            if (i + 2 >= raw.size() || !std::isxdigit(static_cast<unsigned char>(raw.at(i + 1)))
                || !std::isxdigit(static_cast<unsigned char>(raw.at(i + 2)))) {
                return {};
            }
        }
    }
    const QByteArray octets = QByteArray::fromPercentEncoding(raw);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(octets);
    if (utf8.hasError()) {
        return {};
    }
    return text.isNull() ? u""_s : text;
}

/// pathxmpp = [ nodeid "@" ] host [ "/" resid ] (§2.3), split before decoding so that an encoded "@"
/// or "/" stays in its part (where the JID rules then reject it).
Jid parseAddress(QStringView path, QString *error)
{
    QStringView local;
    QStringView rest = path;
    const qsizetype slash = path.indexOf(u'/');
    const qsizetype at = path.indexOf(u'@');
    if (at >= 0 && (slash < 0 || at < slash)) {
        local = path.first(at);
        rest = path.sliced(at + 1);
        if (local.isEmpty()) {
            *error = QCoreApplication::translate("XmppUri", "The address has an empty user name.");
            return {};
        }
    }
    QStringView domain = rest;
    QStringView resource;
    bool hasResource = false;
    if (const qsizetype resourceSlash = rest.indexOf(u'/'); resourceSlash >= 0) {
        domain = rest.first(resourceSlash);
        resource = rest.sliced(resourceSlash + 1);
        hasResource = true;
    }
    const QString localText = decode(local);
    const QString domainText = decode(domain);
    const QString resourceText = decode(resource);
    if (localText.isNull() || domainText.isNull() || resourceText.isNull()) {
        *error = QCoreApplication::translate("XmppUri", "The address is not correctly percent-encoded UTF-8.");
        return {};
    }
    if (domainText.isEmpty()) {
        *error = QCoreApplication::translate("XmppUri", "The address has no domain.");
        return {};
    }
    if (hasResource && resourceText.isEmpty()) {
        *error = QCoreApplication::translate("XmppUri", "The address ends in an empty resource.");
        return {};
    }
    QString text = domainText;
    if (!localText.isEmpty()) {
        text = localText + u'@' + text;
    }
    if (hasResource) {
        text += u'/' + resourceText;
    }
    auto parsed = Jid::parse(text);
    if (const auto *jidError = std::get_if<JidError>(&parsed)) {
        *error = jidError->message;
        return {};
    }
    return std::get<Jid>(parsed);
}

XmppUri::Action actionFor(const QString &queryType)
{
    static const QList<QPair<QString, XmppUri::Action>> actions = {
        { u"message"_s, XmppUri::Action::Message },
        { u"roster"_s, XmppUri::Action::Roster },
        { u"subscribe"_s, XmppUri::Action::Subscribe },
        { u"unsubscribe"_s, XmppUri::Action::Unsubscribe },
        { u"remove"_s, XmppUri::Action::Remove },
        { u"join"_s, XmppUri::Action::Join },
    };
    for (const auto &[name, action] : actions) {
        if (name == queryType) {
            return action;
        }
    }
    return XmppUri::Action::Other;
}

} // namespace

bool XmppUri::hasXmppScheme(const QString &text)
{
    return text.startsWith(u"xmpp:"_s, Qt::CaseInsensitive);
}

XmppUri XmppUri::failed(const QString &error)
{
    XmppUri uri;
    uri.m_error = error;
    return uri;
}

XmppUri XmppUri::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (!hasXmppScheme(trimmed)) {
        return failed(QCoreApplication::translate("XmppUri", "This is not an xmpp: address."));
    }
    QStringView rest = QStringView(trimmed).sliced(5);
    // The fragment (§2.3 "#" ifragment) identifies something inside the target; nothing Confab acts on.
    if (const qsizetype hash = rest.indexOf(u'#'); hash >= 0) {
        rest = rest.first(hash);
    }
    QStringView query;
    bool hasQuery = false;
    if (const qsizetype question = rest.indexOf(u'?'); question >= 0) {
        query = rest.sliced(question + 1);
        rest = rest.first(question);
        hasQuery = true;
    }

    XmppUri uri;
    QString error;
    // authpath = "//" authxmpp [ "/" pathxmpp ], authxmpp = nodeid "@" host: the account to use (§2.3).
    if (rest.startsWith(u"//")) {
        rest = rest.sliced(2);
        const qsizetype slash = rest.indexOf(u'/');
        const QStringView authority = slash < 0 ? rest : rest.first(slash);
        if (!authority.contains(u'@')) {
            return failed(QCoreApplication::translate("XmppUri", "The account in the address has no user name."));
        }
        uri.m_account = parseAddress(authority, &error);
        if (!uri.m_account.isValid()) {
            return failed(error);
        }
        if (slash < 0 || slash + 1 == rest.size()) {
            return failed(QCoreApplication::translate("XmppUri", "The address names an account but no contact."));
        }
        rest = rest.sliced(slash + 1);
    }
    if (rest.isEmpty()) {
        return failed(QCoreApplication::translate("XmppUri", "The address is empty."));
    }
    uri.m_target = parseAddress(rest, &error);
    if (!uri.m_target.isValid()) {
        return failed(error);
    }

    if (hasQuery) {
        // iquerycomp = querytype *( ";" pair ), pair = key "=" value (§2.3); split before decoding, so an
        // encoded ";" or "=" belongs to its value.
        const QList<QStringView> parts = query.split(u';');
        uri.m_queryType = decode(parts.first());
        if (uri.m_queryType.isEmpty()) {
            return failed(QCoreApplication::translate("XmppUri", "The address has an empty query."));
        }
        uri.m_action = actionFor(uri.m_queryType);
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QStringView part = parts.at(i);
            if (part.isEmpty()) {
                continue;
            }
            const qsizetype equals = part.indexOf(u'=');
            const QString key = decode(equals < 0 ? part : part.first(equals));
            const QString value = equals < 0 ? u""_s : decode(part.sliced(equals + 1));
            if (key.isNull() || value.isNull()) {
                return failed(
                    QCoreApplication::translate("XmppUri", "The address is not correctly percent-encoded UTF-8."));
            }
            if (key.isEmpty()) {
                return failed(
                    QCoreApplication::translate("XmppUri", "The address has a query parameter without a name."));
            }
            uri.m_parameters.append({ key, value });
        }
    }
    return uri;
}

QString XmppUri::parameter(const QString &key) const
{
    for (const auto &[name, value] : m_parameters) {
        if (name == key) {
            return value;
        }
    }
    return {};
}

QStringList XmppUri::parameters(const QString &key) const
{
    QStringList values;
    for (const auto &[name, value] : m_parameters) {
        if (name == key) {
            values.append(value);
        }
    }
    return values;
}

} // namespace confab
