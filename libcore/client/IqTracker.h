// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "base/XmppError.h"
#include "xml/XmlElement.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPromise>

#include <chrono>
#include <memory>
#include <variant>

class QTimer;

namespace confab {

/// What an IQ request comes back with: the whole result <iq/>, or why there is none.
using IqResult = std::variant<XmlElement, XmppError>;

/// Matches IQ responses to requests by id AND expected sender (RFC 6120 §8.2.3), so that nobody but the
/// addressee can answer a request: a result with the right id from the wrong JID is not a result.
class IqTracker : public QObject
{
    Q_OBJECT
public:
    explicit IqTracker(QObject *parent = nullptr);
    ~IqTracker() override;

    /// Our own full JID; requests without 'to' (or to our bare JID) are answered by our account.
    void setOwnJid(const Jid &jid) { m_ownJid = jid; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    /// Starts tracking a request that is about to be sent; `iq` must have an id and type get or set.
    QFuture<IqResult> track(const XmlElement &iq);
    /// Offers a received result/error IQ; true when it answered a tracked request.
    bool handleResponse(const XmlElement &iq);
    /// Fails every open request (the session is gone).
    void failAll(const XmppError &error);
    qsizetype pendingCount() const { return m_pending.size(); }

private:
    struct Pending;
    bool isExpectedSender(const Jid &requestTo, const QString &from) const;
    void finish(const QString &id, IqResult result);

    QHash<QString, std::shared_ptr<Pending>> m_pending;
    Jid m_ownJid;
    std::chrono::milliseconds m_timeout { 30000 };
};

} // namespace confab
