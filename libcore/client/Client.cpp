// SPDX-License-Identifier: Apache-2.0
#include "client/Client.h"

#include "base/Futures.h"
#include "base/Ids.h"
#include "base/Logging.h"
#include "base/Namespaces.h"
#include "client/ClientExtension.h"
#include "stanza/Stanza.h"

#include <QPromise>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace confab {

Client::Client(QObject *parent)
    : QObject(parent)
    , m_stream(new ClientStream(this))
    , m_reconnectTimer(new QTimer(this))
    , m_keepAliveTimer(new QTimer(this))
{
    connect(m_stream, &ClientStream::established, this, &Client::handleEstablished);
    connect(m_stream, &ClientStream::disconnected, this, &Client::handleStreamDisconnected);
    connect(m_stream, &ClientStream::stanzaReceived, this, &Client::handleStanza);
    connect(m_stream, &ClientStream::stanzaAcked, this, &Client::handleAcked);
    connect(m_stream, &ClientStream::acksUnavailable, this, &Client::confirmWithPing);

    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, [this] {
        setState(State::Reconnecting);
        m_stream->connectToServer(m_settings);
    });
    m_keepAliveTimer->setSingleShot(true);
    connect(m_keepAliveTimer, &QTimer::timeout, this, &Client::sendKeepAlive);
}

Client::~Client()
{
    m_iqTracker.failAll(NetworkError {});
}

void Client::setState(State state)
{
    if (m_state != state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

void Client::setKeepAliveInterval(std::chrono::milliseconds interval)
{
    m_keepAliveInterval = interval;
    if (m_keepAliveTimer->isActive()) {
        m_keepAliveTimer->start(m_keepAliveInterval);
    }
}

std::chrono::milliseconds Client::backoffDelay(int attempt)
{
    using namespace std::chrono;
    const milliseconds cap = minutes(5);
    const milliseconds base = attempt >= 9 ? cap : std::min<milliseconds>(cap, seconds(1) * (1 << attempt));
    // Jitter spreads the reconnects of many clients after a server restart.
    const double factor = 0.5 + QRandomGenerator::global()->generateDouble();
    return milliseconds(qint64(double(base.count()) * factor));
}

void Client::connectToServer(const ConnectionSettings &settings)
{
    m_settings = settings;
    m_reconnectTimer->stop();
    m_reconnectAttempt = 0;
    m_everConnected = false;
    setState(State::Connecting);
    m_stream->connectToServer(settings);
}

void Client::disconnectFromServer()
{
    m_reconnectTimer->stop();
    m_keepAliveTimer->stop();
    if (m_stream->state() == ClientStream::State::Disconnected) {
        if (m_state != State::Disconnected) {
            setState(State::Disconnected);
            Q_EMIT disconnected(ConnectionError {});
        }
        return;
    }
    m_stream->disconnectFromServer();
}

void Client::addExtension(ClientExtension *extension)
{
    extension->setParent(this);
    extension->m_client = this;
    m_router.addExtension(extension);
}

QFuture<IqResult> Client::sendIq(XmlElement iq)
{
    if (m_state == State::Disconnected) {
        return readyFuture<IqResult>(XmppError(NetworkError {}));
    }
    if (iq.attribute(u"id").isEmpty()) {
        iq.setAttribute(u"id"_s, generateStanzaId());
    }
    QFuture<IqResult> future = m_iqTracker.track(iq);
    m_stream->send(iq);
    return future;
}

QFuture<SendResult> Client::send(const XmlElement &stanza)
{
    if (m_state == State::Disconnected) {
        return readyFuture<SendResult>(XmppError(NetworkError {}));
    }
    auto promise = std::make_shared<QPromise<SendResult>>();
    promise->start();
    QFuture<SendResult> future = promise->future();
    m_pendingSends.insert(m_stream->send(stanza), std::move(promise));
    return future;
}

void Client::handleAcked(quint64 handle)
{
    if (const auto promise = m_pendingSends.take(handle)) {
        promise->addResult(std::monostate {});
        promise->finish();
    }
}

void Client::confirmWithPing(const QList<quint64> &written)
{
    QList<quint64> handles;
    for (quint64 handle : written) {
        if (m_pendingSends.contains(handle)) {
            handles.append(handle); // IQs (the ping itself among them) have their own answers
        }
    }
    if (handles.isEmpty()) {
        return;
    }
    // Without XEP-0198 the server handles our stanzas in order, so the answer to a ping sent behind
    // them means they were handled too (RFC 6120 §10.1).
    XmlElement ping
        = stanza::makeIq(stanza::IqType::Get, generateStanzaId(), {}, XmlElement(u"ping"_s, ns::Ping.toString()));
    sendIq(ping).then(this, [this, handles](const IqResult &result) {
        for (quint64 handle : handles) {
            const auto promise = m_pendingSends.take(handle);
            if (!promise) {
                continue;
            }
            // An error answer (a server without XEP-0199) still proves it read what came before.
            if (const auto *error = std::get_if<XmppError>(&result);
                error && !std::holds_alternative<StanzaError>(*error)) {
                promise->addResult(*error);
            } else {
                promise->addResult(std::monostate {});
            }
            promise->finish();
        }
    });
}

void Client::handleEstablished(bool resumed)
{
    m_reconnectAttempt = 0;
    m_everConnected = true;
    m_keepAliveOutstanding = false;
    m_iqTracker.setOwnJid(m_stream->boundJid());
    m_keepAliveTimer->start(m_keepAliveInterval);
    setState(State::Connected);
    for (ClientExtension *extension : m_router.extensions()) {
        extension->sessionEstablished(resumed);
    }
    Q_EMIT connected(resumed);
}

void Client::handleStreamDisconnected(const ConnectionError &error)
{
    m_keepAliveTimer->stop();
    for (ClientExtension *extension : m_router.extensions()) {
        extension->sessionLost();
    }
    const bool retry = error.isError() && error.isTransient() && m_autoReconnect && m_everConnected;
    if (!retry) {
        m_iqTracker.failAll(NetworkError { error.message });
        const auto sends = std::exchange(m_pendingSends, {});
        for (const auto &promise : sends) {
            promise->addResult(XmppError(NetworkError { error.message }));
            promise->finish();
        }
        setState(State::Disconnected);
        Q_EMIT disconnected(error);
        return;
    }
    if (!m_stream->canResume()) {
        // The session is gone: its IQs will never be answered. Unacked messages are resent (ClientStream).
        m_iqTracker.failAll(NetworkError { error.message });
    }
    const std::chrono::milliseconds delay = backoffDelay(m_reconnectAttempt++);
    qCInfo(lcClient) << "connection lost:" << error.message << "- retrying in" << delay.count() << "ms";
    setState(State::Reconnecting);
    m_reconnectTimer->start(delay);
    Q_EMIT connectionLost(error, delay);
}

void Client::handleStanza(const XmlElement &stanza)
{
    // Any traffic proves the link alive.
    m_keepAliveOutstanding = false;
    m_keepAliveTimer->start(m_keepAliveInterval);

    if (stanza::isIq(stanza)) {
        const auto type = stanza::iqType(stanza);
        if (type == stanza::IqType::Result || type == stanza::IqType::Error) {
            m_iqTracker.handleResponse(stanza); // an answer nobody asked for, or from the wrong sender, is dropped
            return;
        }
        if (!type || stanza.attribute(u"id").isEmpty()) {
            return; // RFC 6120 §8.2.3: not a valid request; never answer it, so no error loops
        }
        if (!m_router.route(stanza)) {
            // RFC 6120 §8.4: a request for a namespace we do not understand.
            m_stream->send(stanza::makeErrorReply(
                stanza, StanzaError { StanzaError::Type::Cancel, u"service-unavailable"_s, {} }));
        }
        return;
    }
    if (!m_router.route(stanza) && stanza::isMessage(stanza)) {
        Q_EMIT messageReceived(stanza);
    }
}

void Client::sendKeepAlive()
{
    if (m_state != State::Connected) {
        return;
    }
    if (m_keepAliveOutstanding) {
        // XEP-0199 §4.2: no answer to our ping: the connection is dead even if the socket does not know.
        qCInfo(lcClient) << "keepalive ping unanswered; dropping the connection";
        m_stream->abort();
        return;
    }
    m_keepAliveOutstanding = true;
    sendIq(stanza::makeIq(stanza::IqType::Get, generateStanzaId(), {}, XmlElement(u"ping"_s, ns::Ping.toString())));
    m_keepAliveTimer->start(m_keepAliveInterval / 2);
}

} // namespace confab
