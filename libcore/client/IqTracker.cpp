// SPDX-License-Identifier: Apache-2.0
#include "client/IqTracker.h"

#include "base/Logging.h"
#include "stanza/Stanza.h"

#include <QTimer>

namespace confab {

struct IqTracker::Pending
{
    Jid to;
    QPromise<IqResult> promise;
    QTimer timer;
};

IqTracker::IqTracker(QObject *parent)
    : QObject(parent)
{ }

IqTracker::~IqTracker()
{
    failAll(NetworkError {});
}

QFuture<IqResult> IqTracker::track(const XmlElement &iq)
{
    const QString id = iq.attribute(u"id");
    auto pending = std::make_shared<Pending>();
    pending->to = Jid::fromString(iq.attribute(u"to"));
    pending->promise.start();
    QFuture<IqResult> future = pending->promise.future();
    pending->timer.setSingleShot(true);
    connect(&pending->timer, &QTimer::timeout, this, [this, id] { finish(id, XmppError(TimeoutError {})); });
    pending->timer.start(m_timeout);
    m_pending.insert(id, std::move(pending));
    return future;
}

bool IqTracker::isExpectedSender(const Jid &requestTo, const QString &from) const
{
    const Jid sender = Jid::fromString(from);
    // RFC 6120 §8.1.2.1 / §10.3.3: a request to nobody, to our own bare JID or to our server is
    // answered by the server on our behalf, with no 'from', our bare or full JID, or the domain.
    const bool toOwnAccount = requestTo.isNull() || requestTo == m_ownJid.bare();
    if (toOwnAccount) {
        return from.isEmpty() || sender == m_ownJid.bare() || sender == m_ownJid
            || (requestTo.isNull() && sender == Jid::fromString(m_ownJid.domain()));
    }
    return !from.isEmpty() && sender == requestTo;
}

bool IqTracker::handleResponse(const XmlElement &iq)
{
    const auto type = stanza::iqType(iq);
    if (type != stanza::IqType::Result && type != stanza::IqType::Error) {
        return false;
    }
    const QString id = iq.attribute(u"id");
    const auto it = m_pending.constFind(id);
    if (it == m_pending.constEnd()) {
        return false;
    }
    if (!isExpectedSender((*it)->to, iq.attribute(u"from"))) {
        qCWarning(lcClient) << "ignoring IQ response" << id << "from unexpected sender" << iq.attribute(u"from");
        return false;
    }
    if (type == stanza::IqType::Error) {
        // RFC 6120 §8.3.2: an error without its <error/> still failed; say so rather than give no condition.
        finish(id,
            XmppError(stanza::errorFromXml(iq).value_or(
                StanzaError { StanzaError::Type::Cancel, QStringLiteral("undefined-condition"), {} })));
    } else {
        finish(id, iq);
    }
    return true;
}

void IqTracker::finish(const QString &id, IqResult result)
{
    const std::shared_ptr<Pending> pending = m_pending.take(id);
    if (!pending) {
        return;
    }
    pending->timer.stop();
    pending->promise.addResult(std::move(result));
    pending->promise.finish();
}

void IqTracker::failAll(const XmppError &error)
{
    const auto pending = std::exchange(m_pending, {});
    for (const std::shared_ptr<Pending> &p : pending) {
        p->timer.stop();
        p->promise.addResult(error);
        p->promise.finish();
    }
}

} // namespace confab
