// SPDX-License-Identifier: Apache-2.0
#include "ScriptedServer.h"

#include <QHostAddress>
#include <QSslSocket>
#include <QTcpServer>

namespace confab::test {

namespace {

// Accepts every connection as a QSslSocket, which stays plain TCP until told to start TLS.
class SslCapableServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (socket->setSocketDescriptor(descriptor)) {
            addPendingConnection(socket);
        } else {
            delete socket;
        }
    }
};

} // namespace

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
    , m_server(new SslCapableServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &ScriptedServer::handleNewConnection);
}

ScriptedServer::~ScriptedServer()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool ScriptedServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 ScriptedServer::port() const
{
    return m_server->serverPort();
}

ScriptedServer &ScriptedServer::on(const QByteArray &trigger, const QByteArray &reply)
{
    return on(trigger, [reply](const QByteArray &) { return reply; });
}

ScriptedServer &ScriptedServer::on(const QByteArray &trigger, Reply reply)
{
    m_steps.append({ trigger, std::move(reply), false, false });
    return *this;
}

ScriptedServer &ScriptedServer::thenClose()
{
    if (!m_steps.isEmpty()) {
        m_steps.last().close = true;
    }
    return *this;
}

ScriptedServer &ScriptedServer::thenStartTls()
{
    if (!m_steps.isEmpty()) {
        m_steps.last().startTls = true;
    }
    return *this;
}

void ScriptedServer::send(const QByteArray &bytes)
{
    if (m_socket) {
        m_socket->write(bytes);
    }
}

void ScriptedServer::closeConnection()
{
    if (m_socket) {
        m_socket->disconnectFromHost();
    }
}

bool ScriptedServer::isClientConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void ScriptedServer::handleNewConnection()
{
    while (QTcpSocket *tcp = m_server->nextPendingConnection()) {
        auto *socket = static_cast<QSslSocket *>(tcp);
        if (m_socket) {
            // One client at a time: a new connection replaces the old one, as a reconnect does.
            m_socket->disconnect(this);
            m_socket->abort();
            m_socket->deleteLater();
        }
        socket->setParent(this);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_socket = socket;
        m_received.clear();
        m_beforeTls.clear();
        m_cursor = 0;
        m_handshaking = false;
        m_encrypted = false;
        ++m_connections;
        connect(socket, &QSslSocket::readyRead, this, &ScriptedServer::handleReadyRead);
        connect(socket, &QSslSocket::disconnected, this, [this, socket] {
            if (socket == m_socket) {
                // Whatever came with the close still counts as received.
                handleReadyRead();
                Q_EMIT clientDisconnected();
            }
        });
        connect(socket, &QSslSocket::encrypted, this, [this, socket] {
            if (socket == m_socket) {
                m_handshaking = false;
                m_encrypted = true;
                Q_EMIT encrypted();
                runSteps();
            }
        });
        connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            for (const QSslError &error : errors) {
                m_tlsErrors.append(error.errorString());
            }
        });
        connect(socket, &QSslSocket::errorOccurred, this, [this, socket] {
            if (m_handshaking || socket->isEncrypted()) {
                m_tlsErrors.append(socket->errorString());
            }
        });
        Q_EMIT clientConnected();
        if (m_directTls) {
            startTls();
        }
        runSteps();
    }
}

void ScriptedServer::startTls()
{
    m_handshaking = true;
    m_socket->setSslConfiguration(m_tls);
    m_socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    m_socket->startServerEncryption();
}

void ScriptedServer::handleReadyRead()
{
    if (!m_socket) {
        return;
    }
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty()) {
        return;
    }
    m_received += data;
    m_allReceived += data;
    if (!m_handshaking && !m_encrypted) {
        m_beforeTls += data;
    }
    Q_EMIT dataReceived();
    runSteps();
}

void ScriptedServer::runSteps()
{
    while (m_socket && !m_handshaking && m_nextStep < m_steps.size()) {
        const Step &step = m_steps[m_nextStep];
        const qsizetype at = step.trigger.isEmpty() ? m_cursor : m_received.indexOf(step.trigger, m_cursor);
        if (at < 0) {
            return;
        }
        m_cursor = at + step.trigger.size();
        ++m_nextStep;
        // One write: a reply and whatever rides with it leave together (in one TCP segment on loopback).
        m_socket->write(step.reply(m_received));
        if (step.close) {
            m_socket->disconnectFromHost();
            return;
        }
        if (step.startTls) {
            startTls();
            return;
        }
    }
}

} // namespace confab::test
