// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "xml/XmlElement.h"

#include <QList>
#include <QString>

#include <variant>

class tst_StreamManagement;

namespace confab {

/// The counters and the unacknowledged queue of XEP-0198 stream management, without any I/O, so that the
/// arithmetic (h wraps at 2^32, §4) and the resend rules can be tested on their own.
class StreamManagement
{
public:
    struct Pending
    {
        quint64 handle; ///< the ClientStream's handle for this stanza, reported back when acked
        XmlElement stanza;
    };

    /// Forget everything: no SM on this stream (yet).
    void reset();
    /// <enable/> was written: from now on every stanza we send is counted (§3: the count starts at 0).
    void enableRequested();
    /// <enabled/> arrived: the server counts its stanzas from here.
    void enabled(const QString &resumptionId, bool resumable);
    /// <failed/> answered our <enable/>: SM is off; returns what had been queued.
    QList<Pending> enableFailed();

    /// The old session cannot be resumed; its unacked stanzas stay queued for resending.
    void forgetResumption()
    {
        m_resumptionId.clear();
        m_resumable = false;
    }

    bool isActive() const { return m_active; }
    bool isEnabled() const { return m_enabled; }
    bool canResume() const { return m_enabled && m_resumable && !m_resumptionId.isEmpty(); }
    const QString &resumptionId() const { return m_resumptionId; }

    void stanzaSent(quint64 handle, const XmlElement &stanza);
    void stanzaReceived() { ++m_inbound; }
    quint32 inboundCount() const { return m_inbound; }
    qsizetype unackedCount() const { return m_queue.size(); }

    /// <a h=.../> or <resumed h=.../>: the handles acknowledged by it, or an error when h acknowledges
    /// stanzas we never sent (§4: the stream must then be closed).
    std::variant<QList<quint64>, QString> acknowledge(quint32 h);
    /// After <resumed/>: the stanzas to send again, in order; the outbound count is rewound to h so they
    /// are counted anew.
    QList<Pending> takeUnackedForResend();

private:
    // The counters wrap at 2^32 (§4); reaching that honestly takes four billion stanzas, so the unit test
    // starts near it instead.
    friend class ::tst_StreamManagement;
    void setCountersForTest(quint32 sentAndAcked, quint32 received)
    {
        m_outbound = m_acked = sentAndAcked;
        m_inbound = received;
    }

    QList<Pending> m_queue;
    quint32 m_outbound = 0; ///< stanzas sent since <enable/>, mod 2^32
    quint32 m_acked = 0; ///< last h the server reported
    quint32 m_inbound = 0;
    QString m_resumptionId;
    bool m_active = false; ///< <enable/> sent, counting
    bool m_enabled = false; ///< <enabled/> received
    bool m_resumable = false;
};

} // namespace confab
