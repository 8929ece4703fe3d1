// SPDX-License-Identifier: Apache-2.0
#include "TcpProxy.h"

#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <deque>
#include <utility>

namespace confab::test {

namespace {

using Clock = std::chrono::steady_clock;

struct Chunk
{
    QByteArray data;
    Clock::time_point due;
};

// One direction of one proxied connection. Chunks leave in arrival order once their time has come; one
// single-shot timer per direction wakes us for the next due chunk, so nothing ever blocks.
struct Pipe
{
    QTcpSocket *from = nullptr;
    QTcpSocket *to = nullptr;
    qint64 *counter = nullptr;
    QByteArray *record = nullptr;
    std::deque<Chunk> queue;
    QTimer timer;
    bool sourceClosed = false;
};

} // namespace

// One accepted client connection and its connection to the target.
class TcpProxy::Link : public QObject
{
public:
    Link(TcpProxy *proxy, QTcpSocket *client);
    ~Link() override;

    void connectToTarget();
    void pumpAll();
    qint64 bytesHeld() const;
    // Aborts both sides at once; the link is dead afterwards and reports nothing more.
    void cut();

private:
    void receive(Pipe &pipe);
    void pump(Pipe &pipe);
    void handleClosed(QTcpSocket *socket);
    void finish();

    TcpProxy *m_proxy;
    QTcpSocket *m_client;
    QTcpSocket *m_server;
    Pipe m_up; // client -> target
    Pipe m_down; // target -> client
    bool m_done = false;
};

TcpProxy::Link::Link(TcpProxy *proxy, QTcpSocket *client)
    : QObject(proxy)
    , m_proxy(proxy)
    , m_client(client)
    , m_server(new QTcpSocket(this))
{
    m_client->setParent(this);
    m_up.from = m_client;
    m_up.to = m_server;
    m_up.counter = &proxy->m_bytesToServer;
    m_up.record = &proxy->m_recordedToServer;
    m_down.from = m_server;
    m_down.to = m_client;
    m_down.counter = &proxy->m_bytesToClient;
    m_down.record = &proxy->m_recordedToClient;

    for (Pipe *pipe : { &m_up, &m_down }) {
        pipe->timer.setSingleShot(true);
        // A coarse timer may fire up to 5 % early; a delayed chunk must never leave before its time.
        pipe->timer.setTimerType(Qt::PreciseTimer);
        connect(&pipe->timer, &QTimer::timeout, this, [this, pipe] { pump(*pipe); });
        connect(pipe->from, &QIODevice::readyRead, this, [this, pipe] { receive(*pipe); });
    }
    for (QTcpSocket *socket : { m_client, m_server }) {
        connect(socket, &QAbstractSocket::stateChanged, this, [this, socket](QAbstractSocket::SocketState state) {
            if (state == QAbstractSocket::UnconnectedState) {
                handleClosed(socket);
            }
        });
    }
    connect(m_server, &QAbstractSocket::connected, this, [this] {
        // No Nagle on our side: the proxy must add no latency but the one asked for.
        m_server->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        pump(m_up);
    });
    m_client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
}

TcpProxy::Link::~Link()
{
    // The sockets are our children and abort while they are destroyed: they must not call back into a
    // half-destroyed link.
    m_client->disconnect(this);
    m_server->disconnect(this);
}

void TcpProxy::Link::connectToTarget()
{
    m_server->connectToHost(m_proxy->m_targetHost, m_proxy->m_targetPort);
}

void TcpProxy::Link::pumpAll()
{
    pump(m_up);
    if (!m_done) {
        pump(m_down);
    }
}

qint64 TcpProxy::Link::bytesHeld() const
{
    qint64 held = 0;
    for (const Pipe *pipe : { &m_up, &m_down }) {
        for (const Chunk &chunk : pipe->queue) {
            held += chunk.data.size();
        }
    }
    return held;
}

void TcpProxy::Link::cut()
{
    m_done = true;
    for (Pipe *pipe : { &m_up, &m_down }) {
        pipe->timer.stop();
        pipe->queue.clear();
    }
    m_client->disconnect(this);
    m_server->disconnect(this);
    m_client->abort();
    m_server->abort();
}

void TcpProxy::Link::receive(Pipe &pipe)
{
    if (m_done) {
        return;
    }
    QByteArray data = pipe.from->readAll();
    if (data.isEmpty()) {
        return;
    }
    Clock::time_point due = Clock::now() + m_proxy->m_delay;
    if (!pipe.queue.empty()) {
        // The delay may have been shortened meanwhile; order still comes first.
        due = std::max(due, pipe.queue.back().due);
    }
    pipe.queue.push_back({ std::move(data), due });
    pump(pipe);
}

void TcpProxy::Link::pump(Pipe &pipe)
{
    if (m_done) {
        return;
    }
    if (pipe.to->state() != QAbstractSocket::ConnectedState) {
        // The target is still being dialled (its connected() pumps again), or is gone. If the source is
        // gone too, nothing will ever be delivered: close the other side as well.
        if (pipe.sourceClosed) {
            pipe.to->abort();
        }
        return;
    }
    if (!m_proxy->m_stalled) {
        const Clock::time_point now = Clock::now();
        while (!pipe.queue.empty() && pipe.queue.front().due <= now) {
            const QByteArray &data = pipe.queue.front().data;
            pipe.to->write(data);
            *pipe.counter += data.size();
            if (m_proxy->m_recording) {
                pipe.record->append(data);
            }
            pipe.queue.pop_front();
        }
        if (!pipe.queue.empty()) {
            const auto wait = std::chrono::ceil<std::chrono::milliseconds>(pipe.queue.front().due - now);
            pipe.timer.start(wait);
        }
    }
    if (pipe.sourceClosed && pipe.queue.empty()) {
        // Everything the closed side sent has been passed on: now close the other side (gracefully, so
        // QTcpSocket still flushes what it buffered).
        pipe.to->disconnectFromHost();
    }
}

void TcpProxy::Link::handleClosed(QTcpSocket *socket)
{
    if (m_done) {
        return;
    }
    Pipe &outgoing = socket == m_client ? m_up : m_down;
    Pipe &incoming = socket == m_client ? m_down : m_up;
    // Bytes that arrived together with the close still go out; bytes bound for the closed socket cannot.
    receive(outgoing);
    outgoing.sourceClosed = true;
    incoming.timer.stop();
    incoming.queue.clear();
    pump(outgoing);
    if (!m_done && m_client->state() == QAbstractSocket::UnconnectedState
        && m_server->state() == QAbstractSocket::UnconnectedState) {
        finish();
    }
}

void TcpProxy::Link::finish()
{
    m_done = true;
    m_up.timer.stop();
    m_down.timer.stop();
    m_proxy->removeLink(this);
}

TcpProxy::TcpProxy(QString targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetHost(std::move(targetHost))
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::handleNewConnection);
}

TcpProxy::~TcpProxy()
{
    qDeleteAll(std::exchange(m_links, {}));
}

bool TcpProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 TcpProxy::port() const
{
    return m_server.serverPort();
}

void TcpProxy::setDelay(std::chrono::milliseconds delay)
{
    m_delay = std::max(delay, std::chrono::milliseconds { 0 });
}

void TcpProxy::setStalled(bool stalled)
{
    m_stalled = stalled;
    if (!stalled) {
        const QList<Link *> links = m_links;
        for (Link *link : links) {
            link->pumpAll();
        }
    }
}

void TcpProxy::cutAll()
{
    const QList<Link *> links = std::exchange(m_links, {});
    for (Link *link : links) {
        link->cut();
        link->deleteLater();
        Q_EMIT connectionClosed();
    }
}

void TcpProxy::setRefuseNew(bool refuse)
{
    m_refuseNew = refuse;
}

int TcpProxy::connectionCount() const
{
    return int(m_links.size());
}

qint64 TcpProxy::bytesHeld() const
{
    qint64 held = 0;
    for (const Link *link : m_links) {
        held += link->bytesHeld();
    }
    return held;
}

void TcpProxy::handleNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_refuseNew) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *link = new Link(this, socket);
        // Listed before dialling, so even an immediate failure finds it to remove.
        m_links.append(link);
        Q_EMIT connectionOpened();
        link->connectToTarget();
    }
}

void TcpProxy::removeLink(Link *link)
{
    if (m_links.removeOne(link)) {
        link->deleteLater();
        Q_EMIT connectionClosed();
    }
}

} // namespace confab::test
