// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stream/ConnectionError.h"
#include "stream/ConnectionSettings.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>

class QDnsLookup;
class QSslSocket;
class QTimer;

namespace confab {

/// The byte pipe under a ClientStream: finds the server (DNS SRV, RFC 6120 §3.2 and XEP-0368, or the
/// host override), connects, runs TLS (Direct TLS or a STARTTLS upgrade) and verifies the certificate
/// against the system store, an optional CA file, or one pinned SHA-256 fingerprint.
class Transport : public QObject
{
    Q_OBJECT
public:
    struct Endpoint
    {
        QString host;
        quint16 port = 0;
        bool directTls = false;
    };

    explicit Transport(QObject *parent = nullptr);
    ~Transport() override;

    /// Resolves (unless settings.host is set) and connects to the first endpoint that answers.
    /// `hostOverride` (see-other-host) replaces the DNS step for this attempt.
    void connectToServer(
        const ConnectionSettings &settings, const QString &hostOverride = {}, quint16 portOverride = 0);
    /// RFC 6120 §5.4.3.3: upgrade the connected plaintext socket after <proceed/>.
    void startTls();
    void write(const QByteArray &data);
    /// Flushes what is queued, then closes.
    void close();
    /// Drops the connection at once (what was already written is still handed to the network); no signal is
    /// emitted.
    void abort();

    bool isEncrypted() const;
    bool isConnected() const;
    /// The peer address is loopback (checked before insecure plaintext is allowed).
    bool isLoopbackPeer() const;
    QSslCertificate peerCertificate() const;
    Endpoint endpoint() const { return m_current; }

    /// The endpoints DNS SRV answered for a domain, ordered as RFC 2782 asks (exposed for tests).
    static QList<Endpoint> orderSrvRecords(
        const QList<Endpoint> &records, const QList<quint16> &priorities, const QList<quint16> &weights);

Q_SIGNALS:
    void connected(); ///< TCP up; for Direct TLS, TLS up and verified as well
    void encrypted(); ///< STARTTLS upgrade done and verified
    void dataReceived(const QByteArray &data);
    void failed(const confab::ConnectionError &error); ///< could not connect, or the connection was lost
    void closed(); ///< the peer closed after we asked to close

private:
    void resolve();
    void handleSrvFinished(QDnsLookup *lookup);
    void tryNextEndpoint();
    void handleSocketConnected();
    void handleSocketEncrypted();
    void handleSocketError();
    void handleSslErrors(const QList<class QSslError> &errors);
    void handleDisconnected();
    /// Delivers what is still buffered; false when that ended this connection.
    bool drain();
    void setupTls();
    void fail(ConnectionError error);

    ConnectionSettings m_settings;
    QString m_domainAce;
    QSslSocket *m_socket = nullptr;
    QList<Endpoint> m_endpoints;
    Endpoint m_current;
    int m_pendingLookups = 0;
    QList<Endpoint> m_srvDirect;
    QList<Endpoint> m_srvStartTls;
    QList<QPointer<QDnsLookup>> m_lookups;
    ConnectionError m_lastError;
    bool m_established = false;
    bool m_closing = false;
    bool m_tlsStarted = false;
    bool m_certificateRefused = false;
};

} // namespace confab
