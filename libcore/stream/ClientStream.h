// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "stream/ConnectionError.h"
#include "stream/ConnectionSettings.h"
#include "stream/StreamManagement.h"
#include "xml/XmlElement.h"

#include <QObject>

#include <memory>

class QTimer;

namespace confab {

class SaslStep;
class Transport;
class XmlStreamParser;

/// One account's XML stream to its server (RFC 6120): opens it, negotiates STARTTLS, optional XEP-0077
/// registration, SASL and resource binding, then carries stanzas both ways with XEP-0198 stream
/// management (acks, and resumption when the socket drops). Reconnecting is the Client's decision; this
/// class keeps what resumption needs across connectToServer() calls.
///
/// Negotiation is pipelined where RFC 6120 allows: the stream restart header goes out with no wait
/// after <success/>, and <enable/> right behind the bind request.
class ClientStream : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Negotiating, Established, Closing };
    Q_ENUM(State)

    explicit ClientStream(QObject *parent = nullptr);
    ~ClientStream() override;

    /// Connects, or reconnects resuming the previous session when the server allows it.
    void connectToServer(const ConnectionSettings &settings);
    /// Clean logout: closes the stream (RFC 6120 §4.4), which also ends any resumable session.
    void disconnectFromServer();
    /// Drops the socket now, as a dead network would; the session stays resumable.
    void abort();

    /// Queues a stanza. Sent at once when established, else after the next (re)connection.
    /// Returns a handle reported by stanzaAcked() once the server acknowledged it (XEP-0198).
    quint64 send(const XmlElement &stanza);

    State state() const { return m_state; }
    const Jid &boundJid() const { return m_boundJid; }
    const ConnectionSettings &settings() const { return m_settings; }
    /// Whether sent stanzas will be acknowledged (XEP-0198 enable sent and not refused).
    bool isStreamManagementActive() const { return m_sm.isActive(); }
    bool canResume() const { return m_sm.canResume(); }
    /// The SASL mechanism of the last authentication, e.g. "SCRAM-SHA-1".
    const QString &saslMechanism() const { return m_saslMechanism; }
    bool isEncrypted() const;
    /// The server's last <stream:features/> (after authentication: bind, sm, pre-approval, rosterver...).
    const XmlElement &features() const { return m_features; }

Q_SIGNALS:
    void stateChanged(confab::ClientStream::State state);
    /// The session is ready; `resumed` when XEP-0198 resumed the previous one.
    void established(bool resumed);
    void stanzaReceived(const confab::XmlElement &stanza);
    void stanzaAcked(quint64 handle);
    /// XEP-0198 is not available after all: these sent stanzas will get no ack.
    void acksUnavailable(const QList<quint64> &handles);
    /// Clean logout (error.kind None) or failure. Any resumable state is kept unless the close was clean.
    void disconnected(const confab::ConnectionError &error);

private:
    enum class Phase {
        Idle,
        AwaitingFeatures,
        StartTls,
        Registering,
        Authenticating,
        Resuming,
        Binding,
        Session,
        Established,
        Closing
    };

    void setState(State state);
    void handleTransportConnected();
    void handleTransportEncrypted();
    void handleData(const QByteArray &data);
    void processInput(bool all);
    void dropInput();
    void resetParser();
    void handleTransportFailed(const ConnectionError &error);
    void handleStreamOpened(const XmlElement &header);
    void handleElement(XmlElement &&element);
    void handleFeatures(const XmlElement &features);
    void handleStreamError(const XmlElement &error);
    void handleStanza(XmlElement &&stanza);
    bool handleStreamManagementElement(const XmlElement &element);
    void handleBindResult(const XmlElement &iq);
    void handleRegistrationResult(const XmlElement &iq);
    void startAuthentication();
    void startBind(bool requestResource);
    void becomeEstablished(bool resumed);
    void openStream();
    void restartStream();
    void writeElement(const XmlElement &element);
    void writeStanza(quint64 handle, const XmlElement &stanza);
    void scheduleAckRequest();
    void sendStreamErrorAndClose(const QString &condition, const QString &text);
    void fail(ConnectionError error);
    void finishClose();
    void discardParser();

    ConnectionSettings m_settings;
    Transport *m_transport = nullptr;
    std::unique_ptr<XmlStreamParser> m_parser;
    QByteArray m_input; ///< received, not yet parsed (a burst is parsed over several event-loop turns)
    qsizetype m_inputPos = 0;
    std::unique_ptr<SaslStep> m_sasl;
    QTimer *m_negotiationTimer = nullptr;
    QTimer *m_closeTimer = nullptr;
    StreamManagement m_sm;
    XmlElement m_features;
    QList<StreamManagement::Pending> m_outbox; ///< waiting for an established session
    Jid m_boundJid;
    QString m_saslMechanism;
    QString m_pendingIqId;
    int m_redirects = 0;
    quint64 m_nextHandle = 1;
    State m_state = State::Disconnected;
    Phase m_phase = Phase::Idle;
    bool m_tlsActive = false;
    bool m_authenticated = false;
    bool m_registered = false;
    bool m_bindRetried = false;
    bool m_smOffered = false;
    bool m_ackRequestScheduled = false;
    bool m_processingInput = false;
    bool m_inputScheduled = false;
};

} // namespace confab
