// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QStringList>

#include <functional>

class QSslSocket;
class QTcpServer;

namespace confab::test {

// A loopback "XMPP server" that plays bytes from a script, for what a real server will not do (a stripped
// STARTTLS, a forged SCRAM signature, a bind to someone else's JID, restricted XML, impossible acks).
// Each step waits until the client's bytes on the current connection, after the previous step's trigger,
// contain its trigger, then sends its reply (and may close the connection). It runs in the caller's event
// loop: wait with QSignalSpy::wait / QTRY_*.
//
// With a TLS configuration (setTls) it can also speak TLS: from the first byte (Direct TLS, XEP-0368) or from a
// step marked thenStartTls() (STARTTLS, RFC 6120 §5), whose reply goes out in plaintext, in the same write as
// anything appended to it, before the handshake starts. Steps wait for the handshake; what the client sends
// over TLS is recorded decrypted.
class ScriptedServer : public QObject
{
    Q_OBJECT

public:
    // Computes a reply from everything the client sent on this connection (to echo ids and nonces).
    using Reply = std::function<QByteArray(const QByteArray &received)>;

    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;

    // Listens on 127.0.0.1 at a free port.
    bool listen();
    quint16 port() const;

    // Appends a step. An empty trigger matches at once: on connection for a first step, else right after the
    // previous step. The script runs once, across connections.
    ScriptedServer &on(const QByteArray &trigger, const QByteArray &reply);
    ScriptedServer &on(const QByteArray &trigger, Reply reply);
    // The last step closes the connection (gracefully, after its reply) once it has run.
    ScriptedServer &thenClose();
    // The last step starts the server side of TLS right after writing its reply (needs setTls).
    ScriptedServer &thenStartTls();

    // The certificate, key, chain and protocols the server presents.
    void setTls(const QSslConfiguration &configuration) { m_tls = configuration; }
    // Every connection starts with the TLS handshake (XEP-0368 Direct TLS).
    void setDirectTls(bool direct) { m_directTls = direct; }
    // Whether a TLS handshake completed on the current (or last) connection.
    bool isEncrypted() const { return m_encrypted; }
    // Handshake and socket errors the server side saw, over all connections.
    QStringList tlsErrors() const { return m_tlsErrors; }
    // What the client sent on the current connection before TLS started (all of it without TLS).
    QByteArray receivedBeforeTls() const { return m_beforeTls; }

    // To the current connection, now.
    void send(const QByteArray &bytes);
    // Closes the current connection gracefully (what was sent is flushed first).
    void closeConnection();

    int connectionCount() const { return m_connections; }
    bool isClientConnected() const;
    // Everything the client sent, over all connections, in order.
    QByteArray received() const { return m_allReceived; }
    // What the client sent on the current (or last) connection.
    QByteArray receivedOnConnection() const { return m_received; }
    qsizetype stepsDone() const { return m_nextStep; }
    bool isScriptDone() const { return m_nextStep == m_steps.size(); }

Q_SIGNALS:
    void clientConnected();
    void dataReceived();
    void clientDisconnected();
    void encrypted();

private:
    struct Step
    {
        QByteArray trigger;
        Reply reply;
        bool close = false;
        bool startTls = false;
    };

    void handleNewConnection();
    void startTls();
    void handleReadyRead();
    void runSteps();

    QTcpServer *m_server;
    QPointer<QSslSocket> m_socket;
    QSslConfiguration m_tls;
    QStringList m_tlsErrors;
    QByteArray m_beforeTls;
    QList<Step> m_steps;
    qsizetype m_nextStep = 0;
    QByteArray m_received;
    QByteArray m_allReceived;
    qsizetype m_cursor = 0;
    int m_connections = 0;
    bool m_directTls = false;
    bool m_handshaking = false;
    bool m_encrypted = false;
};

} // namespace confab::test
