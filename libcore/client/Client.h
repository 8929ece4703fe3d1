// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "base/XmppError.h"
#include "client/IqTracker.h"
#include "client/StanzaRouter.h"
#include "stream/ClientStream.h"
#include "stream/ConnectionError.h"
#include "stream/ConnectionSettings.h"

#include <QFuture>
#include <QHash>
#include <QObject>

#include <chrono>
#include <memory>
#include <variant>

class QTimer;

namespace confab {

class ClientExtension;

/// Whether a stanza reached the server: std::monostate once it acknowledged it (XEP-0198, or a ping
/// round trip behind it where stream management is not available), else why not.
using SendResult = std::variant<std::monostate, XmppError>;

/// One account's connection as the rest of the program sees it: a ClientStream, IQ tracking by id and
/// sender, routing of received stanzas to extensions, automatic reconnection with exponential backoff
/// and jitter, and keepalive pings that detect a dead link (XEP-0199 §4.2).
class Client : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    explicit Client(QObject *parent = nullptr);
    ~Client() override;

    void connectToServer(const ConnectionSettings &settings);
    /// Clean logout; stops reconnecting.
    void disconnectFromServer();

    /// Takes ownership; the extension sees every stanza no higher-priority extension handled.
    void addExtension(ClientExtension *extension);
    template <typename T> T *findExtension() const
    {
        for (ClientExtension *e : m_router.extensions()) {
            if (auto *t = qobject_cast<T *>(e)) {
                return t;
            }
        }
        return nullptr;
    }
    const QList<ClientExtension *> &extensions() const { return m_router.extensions(); }

    /// Sends a get/set IQ (an id is generated when absent) and tracks its answer.
    QFuture<IqResult> sendIq(XmlElement iq);
    /// Sends a message or presence; the future tells when the server has it.
    QFuture<SendResult> send(const XmlElement &stanza);

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    Jid jid() const { return m_stream->boundJid(); }
    const ConnectionSettings &settings() const { return m_settings; }
    ClientStream *stream() const { return m_stream; }

    void setAutoReconnect(bool enabled) { m_autoReconnect = enabled; }
    /// Idle time before a keepalive ping; a ping unanswered for half as long means the link is dead.
    void setKeepAliveInterval(std::chrono::milliseconds interval);
    void setIqTimeout(std::chrono::milliseconds timeout) { m_iqTracker.setTimeout(timeout); }

    /// The delay before reconnect attempt `attempt` (0-based): 1 s doubling to 5 min, times 0.5–1.5.
    static std::chrono::milliseconds backoffDelay(int attempt);

Q_SIGNALS:
    void stateChanged(confab::Client::State state);
    /// The session is ready (again); `resumed` when XEP-0198 resumed it and nothing was lost.
    void connected(bool resumed);
    /// The connection broke; another attempt comes in `retryIn`.
    void connectionLost(const confab::ConnectionError &error, std::chrono::milliseconds retryIn);
    /// Final: a clean logout (error.kind None), or a failure that needs the user.
    void disconnected(const confab::ConnectionError &error);
    /// A message no extension handled (until the chat manager exists, the CLI reads these).
    void messageReceived(const confab::XmlElement &message);

private:
    void handleEstablished(bool resumed);
    void handleStreamDisconnected(const ConnectionError &error);
    void handleStanza(const XmlElement &stanza);
    void handleAcked(quint64 handle);
    void confirmWithPing(const QList<quint64> &handles);
    void sendKeepAlive();
    void setState(State state);

    ClientStream *m_stream;
    IqTracker m_iqTracker;
    StanzaRouter m_router;
    ConnectionSettings m_settings;
    QHash<quint64, std::shared_ptr<QPromise<SendResult>>> m_pendingSends;
    QTimer *m_reconnectTimer;
    QTimer *m_keepAliveTimer;
    std::chrono::milliseconds m_keepAliveInterval { 60000 };
    int m_reconnectAttempt = 0;
    State m_state = State::Disconnected;
    bool m_autoReconnect = true;
    bool m_everConnected = false;
    bool m_keepAliveOutstanding = false;
};

} // namespace confab
