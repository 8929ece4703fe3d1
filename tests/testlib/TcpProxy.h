// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>

#include <chrono>

namespace confab::test {

// A loopback TCP forwarder to put between a client under test and its server, to make the network
// misbehave on cue: delay every byte, go silent, cut every connection, refuse new ones.
// It runs in the caller's event loop (no threads, nothing blocks), so it works next to the client under
// test as long as the test waits with QSignalSpy::wait / QTRY_* rather than blocking calls.
class TcpProxy : public QObject
{
    Q_OBJECT

public:
    TcpProxy(QString targetHost, quint16 targetPort, QObject *parent = nullptr);
    ~TcpProxy() override;

    // Listens on 127.0.0.1 at a free port.
    bool listen();
    quint16 port() const;

    // Holds each chunk this long in each direction before passing it on; order is kept.
    void setDelay(std::chrono::milliseconds delay);
    std::chrono::milliseconds delay() const { return m_delay; }
    // While stalled, bytes are held but connections stay open: a link that went silent (a dead Wi-Fi,
    // say), which only pings and XEP-0198 acks can notice. Unstalling delivers what was held.
    void setStalled(bool stalled);
    bool isStalled() const { return m_stalled; }
    // Aborts every current connection on both sides at once, as when the network dies.
    void cutAll();
    // Accepts new connections and closes them at once (the listener stays, so no "connection refused").
    void setRefuseNew(bool refuse);
    bool refusesNew() const { return m_refuseNew; }

    int connectionCount() const;
    // Bytes passed on since construction, over all connections.
    qint64 bytesToServer() const { return m_bytesToServer; }
    qint64 bytesToClient() const { return m_bytesToClient; }
    // Bytes received and not yet passed on (delayed or stalled), over all connections and directions.
    qint64 bytesHeld() const;
    // Keeps a copy of everything passed on from now on (all connections, in order per direction), to look for
    // what must never be on the wire or, with plaintext, to learn what was (SASL payloads, say).
    void setRecording(bool recording) { m_recording = recording; }
    const QByteArray &recordedToServer() const { return m_recordedToServer; }
    const QByteArray &recordedToClient() const { return m_recordedToClient; }

Q_SIGNALS:
    void connectionOpened();
    void connectionClosed();

private:
    class Link;
    friend class Link;

    void handleNewConnection();
    void removeLink(Link *link);

    QTcpServer m_server;
    QString m_targetHost;
    quint16 m_targetPort;
    QList<Link *> m_links;
    std::chrono::milliseconds m_delay { 0 };
    bool m_stalled = false;
    bool m_refuseNew = false;
    qint64 m_bytesToServer = 0;
    qint64 m_bytesToClient = 0;
    bool m_recording = false;
    QByteArray m_recordedToServer;
    QByteArray m_recordedToClient;
};

} // namespace confab::test
