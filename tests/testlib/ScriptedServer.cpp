// SPDX-License-Identifier: Apache-2.0
#include "ScriptedServer.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace confab::test {

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedServer::handleNewConnection);
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
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 ScriptedServer::port() const
{
    return m_server.serverPort();
}

ScriptedServer &ScriptedServer::on(const QByteArray &trigger, const QByteArray &reply)
{
    return on(trigger, [reply](const QByteArray &) { return reply; });
}

ScriptedServer &ScriptedServer::on(const QByteArray &trigger, Reply reply)
{
    m_steps.append({ trigger, std::move(reply), false });
    return *this;
}

ScriptedServer &ScriptedServer::thenClose()
{
    if (!m_steps.isEmpty()) {
        m_steps.last().close = true;
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
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
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
        m_cursor = 0;
        ++m_connections;
        connect(socket, &QTcpSocket::readyRead, this, &ScriptedServer::handleReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (socket == m_socket) {
                // Whatever came with the close still counts as received.
                handleReadyRead();
                Q_EMIT clientDisconnected();
            }
        });
        Q_EMIT clientConnected();
        runSteps();
    }
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
    Q_EMIT dataReceived();
    runSteps();
}

void ScriptedServer::runSteps()
{
    while (m_socket && m_nextStep < m_steps.size()) {
        const Step &step = m_steps[m_nextStep];
        const qsizetype at = step.trigger.isEmpty() ? m_cursor : m_received.indexOf(step.trigger, m_cursor);
        if (at < 0) {
            return;
        }
        m_cursor = at + step.trigger.size();
        ++m_nextStep;
        m_socket->write(step.reply(m_received));
        if (step.close) {
            m_socket->disconnectFromHost();
            return;
        }
    }
}

} // namespace confab::test
