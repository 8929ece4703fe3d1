// SPDX-License-Identifier: Apache-2.0
#include "stream/Transport.h"

#include "base/Logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDnsLookup>
#include <QRandomGenerator>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

constexpr quint16 DefaultStartTlsPort = 5222;
constexpr quint16 DefaultDirectTlsPort = 5223;
constexpr int ConnectTimeoutMs = 10000;

} // namespace

Transport::Transport(QObject *parent)
    : QObject(parent)
{ }

Transport::~Transport()
{
    abort();
}

void Transport::connectToServer(const ConnectionSettings &settings, const QString &hostOverride, quint16 portOverride)
{
    abort();
    m_settings = settings;
    m_domainAce = settings.jid.domainAce();
    m_endpoints.clear();
    m_lastError = {};
    m_certificateRefused = false;

    const bool direct = settings.tlsMode == TlsMode::DirectTls;
    const quint16 defaultPort = direct ? DefaultDirectTlsPort : DefaultStartTlsPort;
    if (!hostOverride.isEmpty()) {
        m_endpoints.append({ hostOverride, portOverride ? portOverride : defaultPort, direct });
    } else if (!settings.host.isEmpty()) {
        m_endpoints.append({ settings.host, settings.port ? settings.port : defaultPort, direct });
    }
    if (!m_endpoints.isEmpty()) {
        tryNextEndpoint();
        return;
    }
    resolve();
}

void Transport::resolve()
{
    // RFC 6120 §3.2.1 and XEP-0368 §3: look up both services and try them in priority order.
    m_srvDirect.clear();
    m_srvStartTls.clear();
    QStringList services;
    if (m_settings.tlsMode != TlsMode::InsecurePlaintext) {
        services.append(u"_xmpps-client._tcp."_s);
    }
    if (m_settings.tlsMode != TlsMode::DirectTls) {
        services.append(u"_xmpp-client._tcp."_s);
    }
    m_pendingLookups = int(services.size());
    for (const QString &service : std::as_const(services)) {
        auto *lookup = new QDnsLookup(QDnsLookup::SRV, service + m_domainAce, this);
        m_lookups.append(lookup);
        connect(lookup, &QDnsLookup::finished, this, [this, lookup] { handleSrvFinished(lookup); });
        lookup->lookup();
    }
    qCDebug(lcTransport) << "resolving SRV for" << m_domainAce;
}

QList<Transport::Endpoint> Transport::orderSrvRecords(
    const QList<Endpoint> &records, const QList<quint16> &priorities, const QList<quint16> &weights)
{
    // RFC 2782: ascending priority; within one priority, a weighted random order.
    struct Entry
    {
        Endpoint endpoint;
        quint16 priority;
        quint16 weight;
    };
    QList<Entry> entries;
    for (qsizetype i = 0; i < records.size(); ++i) {
        entries.append({ records[i], priorities.value(i), weights.value(i) });
    }
    std::stable_sort(
        entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.priority < b.priority; });
    QList<Endpoint> ordered;
    qsizetype start = 0;
    while (start < entries.size()) {
        qsizetype end = start;
        while (end < entries.size() && entries[end].priority == entries[start].priority) {
            ++end;
        }
        QList<Entry> group(entries.begin() + start, entries.begin() + end);
        // RFC 2782: weight-0 records go to the beginning before the running sums are taken, which gives
        // them their small chance (r = 0) of being picked first; taking records out keeps that order.
        std::stable_partition(group.begin(), group.end(), [](const Entry &e) { return e.weight == 0; });
        while (!group.isEmpty()) {
            quint32 total = 0;
            for (const Entry &e : std::as_const(group)) {
                total += e.weight;
            }
            qsizetype pick = 0;
            if (total > 0) {
                quint32 r = QRandomGenerator::global()->bounded(total + 1);
                quint32 running = 0;
                for (qsizetype i = 0; i < group.size(); ++i) {
                    running += group[i].weight;
                    if (running >= r) {
                        pick = i;
                        break;
                    }
                }
            }
            ordered.append(group.takeAt(pick).endpoint);
        }
        start = end;
    }
    return ordered;
}

void Transport::handleSrvFinished(QDnsLookup *lookup)
{
    const bool direct = lookup->name().startsWith(u"_xmpps-client.");
    if (lookup->error() == QDnsLookup::NoError) {
        QList<Endpoint> records;
        QList<quint16> priorities;
        QList<quint16> weights;
        for (const QDnsServiceRecord &record : lookup->serviceRecords()) {
            // RFC 2782: a target of "." means the service is decidedly not available here.
            if (record.target() == u"." || record.target().isEmpty()) {
                continue;
            }
            records.append({ record.target(), record.port(), direct });
            priorities.append(record.priority());
            weights.append(record.weight());
        }
        (direct ? m_srvDirect : m_srvStartTls) = orderSrvRecords(records, priorities, weights);
    } else {
        qCDebug(lcTransport) << "SRV lookup" << lookup->name() << "gave" << lookup->errorString();
    }
    lookup->deleteLater();
    if (--m_pendingLookups > 0) {
        return;
    }
    m_lookups.clear();
    // XEP-0368 §3: Direct TLS records first where both exist; they save a round trip.
    m_endpoints = m_srvDirect + m_srvStartTls;
    if (m_endpoints.isEmpty()) {
        // RFC 6120 §3.2.2: no SRV records, so fall back to the domain itself.
        const bool directMode = m_settings.tlsMode == TlsMode::DirectTls;
        m_endpoints.append({ m_domainAce, directMode ? DefaultDirectTlsPort : DefaultStartTlsPort, directMode });
    }
    tryNextEndpoint();
}

void Transport::tryNextEndpoint()
{
    if (m_endpoints.isEmpty()) {
        fail(m_lastError.isError() ? m_lastError
                                   : ConnectionError { ConnectionError::Kind::ConnectionFailed,
                                       tr("Could not connect to the server."), {}, {}, {} });
        return;
    }
    m_current = m_endpoints.takeFirst();
    m_established = false;
    m_closing = false;
    m_tlsStarted = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QSslSocket(this);
    setupTls();
    connect(m_socket, &QSslSocket::connected, this, &Transport::handleSocketConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &Transport::handleSocketEncrypted);
    connect(m_socket, &QSslSocket::errorOccurred, this, &Transport::handleSocketError);
    connect(m_socket, &QSslSocket::sslErrors, this, &Transport::handleSslErrors);
    connect(m_socket, &QSslSocket::disconnected, this, &Transport::handleDisconnected);
    connect(m_socket, &QSslSocket::readyRead, this, [this] {
        const QByteArray data = m_socket->readAll();
        if (!data.isEmpty()) {
            Q_EMIT dataReceived(data);
        }
    });

    auto *timer = new QTimer(m_socket);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this] {
        if (m_established) {
            return;
        }
        m_lastError = { ConnectionError::Kind::ConnectionFailed,
            tr("The server %1 did not answer.").arg(m_current.host), {}, {}, {} };
        tryNextEndpoint();
    });
    timer->start(ConnectTimeoutMs);

    qCInfo(lcTransport) << "connecting to" << m_current.host << m_current.port
                        << (m_current.directTls ? "(Direct TLS)" : "");
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_current.directTls) {
        // XEP-0368 §3: SNI is the XMPP domain, not the SRV target.
        m_socket->connectToHostEncrypted(m_current.host, m_current.port, m_domainAce);
    } else {
        m_socket->connectToHost(m_current.host, m_current.port);
    }
}

void Transport::setupTls()
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_settings.caFile.isEmpty()) {
        QList<QSslCertificate> cas = config.caCertificates();
        cas += QSslCertificate::fromPath(m_settings.caFile, QSsl::Pem);
        config.setCaCertificates(cas);
    }
    if (m_current.directTls) {
        config.setAllowedNextProtocols({ "xmpp-client"_ba }); // XEP-0368 §4: ALPN
    }
    m_socket->setSslConfiguration(config);
    m_socket->setPeerVerifyName(m_domainAce);
}

void Transport::handleSocketConnected()
{
    if (m_current.directTls) {
        return; // wait for encrypted()
    }
    m_established = true;
    Q_EMIT connected();
}

void Transport::handleSocketEncrypted()
{
    m_established = true;
    qCInfo(lcTransport) << "TLS up:" << m_socket->sessionProtocol() << m_socket->sessionCipher().name();
    if (m_current.directTls) {
        Q_EMIT connected();
    } else {
        Q_EMIT encrypted();
    }
}

void Transport::handleSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate cert = m_socket->peerCertificate();
    const QByteArray fingerprint = cert.isNull() ? QByteArray() : cert.digest(QCryptographicHash::Sha256);
    if (!m_settings.pinnedSha256.isEmpty() && fingerprint == m_settings.pinnedSha256) {
        // The user saw this exact certificate and chose to trust it; its chain and name no longer matter.
        qCInfo(lcTransport) << "accepting pinned certificate" << ConnectionSettings::formatFingerprint(fingerprint);
        m_socket->ignoreSslErrors(errors);
        return;
    }
    QStringList reasons;
    for (const QSslError &e : errors) {
        reasons.append(e.errorString());
    }
    qCWarning(lcTransport) << "certificate refused:" << reasons;
    m_certificateRefused = true;
    ConnectionError error { ConnectionError::Kind::CertificateRefused,
        tr("The server's certificate is not trusted: %1").arg(reasons.join(u"; "_s)), {}, fingerprint,
        cert.subjectDisplayName() };
    m_endpoints.clear(); // a refused certificate is a verdict, not a reason to try elsewhere
    fail(error);
}

bool Transport::drain()
{
    // Bytes may still be buffered when the socket reports its end: a server's last words (a stream error
    // such as <system-shutdown/>) come right before it closes, and must be read before the loss is.
    QSslSocket *socket = m_socket;
    if (socket && socket->bytesAvailable() > 0) {
        const QByteArray data = socket->readAll();
        Q_EMIT dataReceived(data);
    }
    return m_socket == socket && m_socket;
}

void Transport::handleSocketError()
{
    if (!m_socket || !drain()) {
        return;
    }
    const auto socketError = m_socket->error();
    if (m_certificateRefused) {
        return; // already reported with the certificate
    }
    if (m_closing && socketError == QAbstractSocket::RemoteHostClosedError) {
        return;
    }
    ConnectionError error;
    if (m_tlsStarted && !m_socket->isEncrypted()) {
        // RFC 6120 §5.4.3.3: the STARTTLS handshake failed (the server offered only TLS 1.0, say). TCP was up,
        // but no secure stream ever was: a TLS failure the user must see as such, not a lost connection to
        // retry quietly.
        error = { ConnectionError::Kind::TlsFailed,
            tr("A secure connection could not be made: %1").arg(m_socket->errorString()), {}, {}, {} };
        m_endpoints.clear();
        fail(error);
        return;
    }
    if (m_established) {
        error = { ConnectionError::Kind::ConnectionLost,
            tr("The connection to the server was lost: %1").arg(m_socket->errorString()), {}, {}, {} };
        fail(error);
        return;
    }
    switch (socketError) {
    case QAbstractSocket::HostNotFoundError:
        error = { ConnectionError::Kind::HostNotFound, tr("The server %1 could not be found.").arg(m_current.host), {},
            {}, {} };
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        error = { ConnectionError::Kind::TlsFailed,
            tr("A secure connection could not be made: %1").arg(m_socket->errorString()), {}, {}, {} };
        m_endpoints.clear();
        break;
    default:
        error = { ConnectionError::Kind::ConnectionFailed,
            tr("Could not connect to %1 port %2: %3")
                .arg(m_current.host)
                .arg(m_current.port)
                .arg(m_socket->errorString()),
            {}, {}, {} };
        break;
    }
    m_lastError = error;
    tryNextEndpoint();
}

void Transport::handleDisconnected()
{
    if (!drain() && !m_closing) {
        return;
    }
    if (m_closing) {
        Q_EMIT closed();
        return;
    }
    if (m_established && !m_certificateRefused) {
        fail({ ConnectionError::Kind::ConnectionLost, tr("The server closed the connection."), {}, {}, {} });
    }
}

void Transport::fail(ConnectionError error)
{
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    m_established = false;
    if (socket) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    Q_EMIT failed(error);
}

void Transport::startTls()
{
    if (m_socket && !m_tlsStarted) {
        m_tlsStarted = true;
        m_socket->startClientEncryption();
    }
}

void Transport::write(const QByteArray &data)
{
    if (m_socket) {
        m_socket->write(data);
    }
}

void Transport::close()
{
    if (!m_socket) {
        Q_EMIT closed();
        return;
    }
    m_closing = true;
    m_socket->disconnectFromHost();
}

void Transport::abort()
{
    for (const QPointer<QDnsLookup> &lookup : std::as_const(m_lookups)) {
        if (lookup) {
            lookup->disconnect(this);
            lookup->abort();
            lookup->deleteLater();
        }
    }
    m_lookups.clear();
    m_pendingLookups = 0;
    m_endpoints.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        // What was written last (a stream error and our closing tag, RFC 6120 §4.9.1.1) must still go out:
        // QAbstractSocket::abort() discards whatever is still in the write buffer.
        m_socket->flush();
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_established = false;
}

bool Transport::isEncrypted() const
{
    return m_socket && m_socket->isEncrypted();
}

bool Transport::isConnected() const
{
    return m_socket && m_established;
}

bool Transport::isLoopbackPeer() const
{
    return m_socket && m_socket->peerAddress().isLoopback();
}

QSslCertificate Transport::peerCertificate() const
{
    return m_socket ? m_socket->peerCertificate() : QSslCertificate();
}

} // namespace confab
