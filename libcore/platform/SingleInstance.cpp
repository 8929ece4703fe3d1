// SPDX-License-Identifier: Apache-2.0
#include "platform/SingleInstance.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace confab {

namespace {

// The frame: a quint32 length (big endian), then that many bytes of UTF-8; the answer is one byte.
constexpr quint32 maxMessageBytes = 64 * 1024;
constexpr char acknowledgement = '\x06';
constexpr int clientReadTimeoutMs = 5000;

QString userId()
{
#ifdef Q_OS_UNIX
    return QString::number(::getuid());
#else
    // A named pipe's name is global on Windows; the user name keeps users apart (QLocalServer::UserAccessOption
    // keeps others out).
    return qEnvironmentVariable("USERNAME");
#endif
}

} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
    , m_key(key)
{ }

SingleInstance::~SingleInstance() = default;

QString SingleInstance::keyFor(const QString &profileDirectory)
{
    const QFileInfo info(profileDirectory);
    const QString canonical = info.exists() ? info.canonicalFilePath() : QDir::cleanPath(info.absoluteFilePath());
    const QByteArray hash = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    QString user = userId();
    user.removeIf([](QChar c) { return !c.isLetterOrNumber(); });
    return u"confab-"_s + user.left(32) + u'-' + QString::fromLatin1(hash);
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

bool SingleInstance::listen()
{
    if (isListening()) {
        return true;
    }
    if (!m_server) {
        m_server = new QLocalServer(this);
        m_server->setSocketOptions(QLocalServer::UserAccessOption);
        connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::handleNewConnection);
    }
    // Ask first: with UserAccessOption, QLocalServer on Unix creates its socket elsewhere and renames it into
    // place, which would silently take the name from a live instance. A live instance accepts a connection;
    // a socket file a crashed instance left behind refuses it, and we remove it and take over.
    QLocalSocket probe;
    probe.connectToServer(m_key);
    if (probe.waitForConnected(1000)) {
        probe.abort();
        return false;
    }
    QLocalServer::removeServer(m_key);
    return m_server->listen(m_key);
}

void SingleInstance::handleNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readFrom(socket); });
        // A client that connects and says nothing must not hold its socket forever.
        QTimer::singleShot(clientReadTimeoutMs, socket, [socket] { socket->abort(); });
        readFrom(socket);
    }
}

void SingleInstance::readFrom(QLocalSocket *socket)
{
    if (socket->bytesAvailable() < qint64(sizeof(quint32))) {
        return;
    }
    QByteArray header = socket->peek(sizeof(quint32));
    QDataStream lengthStream(header);
    quint32 length = 0;
    lengthStream >> length;
    if (length > maxMessageBytes) {
        socket->abort();
        return;
    }
    if (socket->bytesAvailable() < qint64(sizeof(quint32) + length)) {
        return;
    }
    socket->skip(sizeof(quint32));
    const QByteArray payload = socket->read(length);
    socket->write(&acknowledgement, 1);
    socket->flush();
    socket->disconnectFromServer();
    Q_EMIT messageReceived(QString::fromUtf8(payload));
}

bool SingleInstance::sendToPrimary(const QString &key, const QString &message, int timeoutMs)
{
    const QByteArray payload = message.toUtf8();
    if (payload.size() > qsizetype(maxMessageBytes)) {
        return false;
    }
    QLocalSocket socket;
    socket.connectToServer(key);
    if (!socket.waitForConnected(timeoutMs)) {
        return false;
    }
    QByteArray frame;
    QDataStream stream(&frame, QIODevice::WriteOnly);
    stream << quint32(payload.size());
    frame.append(payload);
    socket.write(frame);
    if (!socket.waitForBytesWritten(timeoutMs)) {
        return false;
    }
    while (socket.bytesAvailable() < 1) {
        if (!socket.waitForReadyRead(timeoutMs)) {
            return false;
        }
    }
    char answer = 0;
    return socket.getChar(&answer) && answer == acknowledgement;
}

} // namespace confab
