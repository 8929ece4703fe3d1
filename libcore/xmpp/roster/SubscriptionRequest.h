// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace confab {

/// A contact's request to see our presence (RFC 6121 §3.1.3) that the user has not answered yet. Kept
/// across restarts: the server redelivers it at each login, but only until someone answers it.
struct SubscriptionRequest
{
    Jid jid; ///< the requester's bare JID
    QString status; ///< the optional <status/> text the requester sent along
    QDateTime received; ///< UTC, when it first arrived

    bool operator==(const SubscriptionRequest &) const = default;
};

} // namespace confab

Q_DECLARE_METATYPE(confab::SubscriptionRequest)
