// SPDX-License-Identifier: Apache-2.0
#include "stream/StreamManagement.h"

using namespace Qt::StringLiterals;

namespace confab {

void StreamManagement::reset()
{
    *this = StreamManagement();
}

void StreamManagement::enableRequested()
{
    reset();
    m_active = true;
}

void StreamManagement::enabled(const QString &resumptionId, bool resumable)
{
    m_enabled = true;
    m_resumptionId = resumptionId;
    m_resumable = resumable;
}

QList<StreamManagement::Pending> StreamManagement::enableFailed()
{
    QList<Pending> queued = std::move(m_queue);
    reset();
    return queued;
}

void StreamManagement::stanzaSent(quint64 handle, const XmlElement &stanza)
{
    if (!m_active) {
        return;
    }
    ++m_outbound;
    m_queue.append({ handle, stanza });
}

std::variant<QList<quint64>, QString> StreamManagement::acknowledge(quint32 h)
{
    // §4: h is the count of stanzas handled, modulo 2^32; unsigned arithmetic wraps exactly so.
    const quint32 newlyAcked = h - m_acked;
    if (newlyAcked > quint32(m_queue.size())) {
        return u"the server acknowledged %1 stanzas, but only %2 were unacknowledged"_s.arg(newlyAcked)
            .arg(m_queue.size());
    }
    QList<quint64> handles;
    handles.reserve(newlyAcked);
    for (quint32 i = 0; i < newlyAcked; ++i) {
        handles.append(m_queue.takeFirst().handle);
    }
    m_acked = h;
    return handles;
}

QList<StreamManagement::Pending> StreamManagement::takeUnackedForResend()
{
    m_outbound = m_acked;
    return std::exchange(m_queue, {});
}

} // namespace confab
