// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"

#include <QList>
#include <QPair>
#include <QString>

namespace confab {

/// An `xmpp:` URI or IRI (RFC 5122), as a link on a web page or the command line hands it to Confab:
/// `xmpp:user@example.com?message;body=Hi` opens a chat with user@example.com with "Hi" typed in.
/// The address, the query type and each key and value are percent-decoded (UTF-8); non-ASCII characters
/// may also appear as they are (IRI, RFC 5122 §2.7). The authority form `xmpp://account@host/target`
/// (§2.3) is accepted: `account()` then names the local account the sender meant; `target()` is still the
/// address to act on, and a URI with an authority but no target is invalid.
class XmppUri
{
public:
    /// The query types of the XMPP URI/IRI querytypes registry that Confab acts on; anything else is Other.
    enum class Action {
        None, ///< no query: "interact" with the address, which for a person means open a chat
        Message, ///< ?message (XEP-0147): open a chat, maybe with `body`/`subject` prefilled
        Roster, ///< ?roster: add to the contact list, maybe with `name` and `group`
        Subscribe, ///< ?subscribe: ask for the contact's presence
        Unsubscribe, ///< ?unsubscribe
        Remove, ///< ?remove: remove from the contact list
        Join, ///< ?join: a group chat (XEP-0045)
        Other, ///< a query type Confab does not know; `queryType()` names it
    };

    XmppUri() = default;

    /// Parses `text`; on failure `isValid()` is false and `errorString()` says why.
    static XmppUri parse(const QString &text);
    /// Whether `text` starts with the xmpp: scheme (any case); a cheap test before parse().
    static bool hasXmppScheme(const QString &text);

    bool isValid() const { return m_error.isEmpty() && m_target.isValid(); }
    /// One line a person understands (translated, context "XmppUri"), empty when valid.
    const QString &errorString() const { return m_error; }

    /// The address to act on (normalised, RFC 7622); may carry a resource.
    const Jid &target() const { return m_target; }
    /// The account the authority component names (§2.3); null when the URI has none.
    const Jid &account() const { return m_account; }
    Action action() const { return m_action; }
    /// The query type as written, decoded ("message", "roster", ...); empty without a query.
    const QString &queryType() const { return m_queryType; }
    /// The key=value pairs after the query type, decoded, in order; repeated keys (group) stay repeated.
    const QList<QPair<QString, QString>> &parameters() const { return m_parameters; }
    /// The first value of `key`, or an empty string.
    QString parameter(const QString &key) const;
    /// Every value of `key` (`group` may appear more than once).
    QStringList parameters(const QString &key) const;

private:
    static XmppUri failed(const QString &error);

    Jid m_target;
    Jid m_account;
    Action m_action = Action::None;
    QString m_queryType;
    QList<QPair<QString, QString>> m_parameters;
    QString m_error;
};

} // namespace confab
