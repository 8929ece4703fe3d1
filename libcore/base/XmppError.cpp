// SPDX-License-Identifier: Apache-2.0
#include "base/XmppError.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

QString describeCondition(const QString &condition)
{
    // RFC 6120 §8.3.3: the defined conditions a person may meet, in words.
    struct Entry
    {
        const char16_t *condition;
        const char *text;
    };
    static constexpr Entry entries[] = {
        { u"bad-request", QT_TRANSLATE_NOOP("XmppError", "The request was malformed.") },
        { u"conflict", QT_TRANSLATE_NOOP("XmppError", "It already exists.") },
        { u"feature-not-implemented", QT_TRANSLATE_NOOP("XmppError", "The other side does not support this.") },
        { u"forbidden", QT_TRANSLATE_NOOP("XmppError", "You are not allowed to do this.") },
        { u"gone", QT_TRANSLATE_NOOP("XmppError", "The address is no longer in use.") },
        { u"internal-server-error", QT_TRANSLATE_NOOP("XmppError", "The server had an internal error.") },
        { u"item-not-found", QT_TRANSLATE_NOOP("XmppError", "It was not found.") },
        { u"jid-malformed", QT_TRANSLATE_NOOP("XmppError", "The address is not valid.") },
        { u"not-acceptable", QT_TRANSLATE_NOOP("XmppError", "The request was not acceptable.") },
        { u"not-allowed", QT_TRANSLATE_NOOP("XmppError", "This is not allowed.") },
        { u"not-authorized", QT_TRANSLATE_NOOP("XmppError", "You are not authorized.") },
        { u"policy-violation", QT_TRANSLATE_NOOP("XmppError", "The server's policy does not allow this.") },
        { u"recipient-unavailable", QT_TRANSLATE_NOOP("XmppError", "The recipient is not available.") },
        { u"remote-server-not-found", QT_TRANSLATE_NOOP("XmppError", "The contact's server could not be found.") },
        { u"remote-server-timeout", QT_TRANSLATE_NOOP("XmppError", "The contact's server did not answer in time.") },
        { u"resource-constraint", QT_TRANSLATE_NOOP("XmppError", "The server is too busy.") },
        { u"service-unavailable", QT_TRANSLATE_NOOP("XmppError", "The service is not available.") },
        { u"subscription-required", QT_TRANSLATE_NOOP("XmppError", "A presence subscription is required.") },
        { u"undefined-condition", QT_TRANSLATE_NOOP("XmppError", "An error occurred.") },
        { u"unexpected-request", QT_TRANSLATE_NOOP("XmppError", "The request was not expected.") },
    };
    for (const Entry &e : entries) {
        if (condition == QStringView(e.condition)) {
            return QCoreApplication::translate("XmppError", e.text);
        }
    }
    return QCoreApplication::translate("XmppError", "Error: %1").arg(condition);
}

} // namespace

QString describeError(const XmppError &error)
{
    if (const auto *stanza = std::get_if<StanzaError>(&error)) {
        QString text = describeCondition(stanza->condition);
        if (!stanza->text.isEmpty()) {
            text += u" ("_s + stanza->text + u')';
        }
        return text;
    }
    if (std::holds_alternative<TimeoutError>(error)) {
        return QCoreApplication::translate("XmppError", "No answer came in time.");
    }
    if (const auto *network = std::get_if<NetworkError>(&error)) {
        return network->message.isEmpty() ? QCoreApplication::translate("XmppError", "The connection was lost.")
                                          : network->message;
    }
    return QCoreApplication::translate("XmppError", "The server sent an invalid answer: %1")
        .arg(std::get<ProtocolError>(error).message);
}

} // namespace confab
