// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QProcess;
class QTemporaryDir;

namespace confab::test {

// A throwaway Prosody on 127.0.0.1 for integration tests: its own temporary directory, config, test CA
// and accounts (made by tests/testlib/prosody-fixture), free ports, and a process that dies with the test
// even when the test crashes. Never the system's Prosody service.
//
// start() blocks until the server answers (bounded, about 20 s at most); call it from the thread that
// will outlive the server, because the server is tied to that thread's life (PR_SET_PDEATHSIG).
//
// Environment: CONFAB_KEEP_FIXTURE=1 keeps the directory when start() failed or the current test
// failed (=always: keep it in any case); CONFAB_FIXTURE_LOG_LEVEL=debug makes Prosody log more.
class ProsodyFixture
{
public:
    struct Options
    {
        bool plaintext = false; // no TLS at all: for "a server without TLS is refused" tests
        bool directTls = false; // also listen for XEP-0368 Direct TLS (directTlsPort())
        bool untrustedCa = false; // the server certificate is signed by a CA that caFile() does not hold
        bool mam = true; // mod_mam costs the server ~2 ms per message: benchmarks may turn it off
        QStringList accounts = { QStringLiteral("alice"), QStringLiteral("bob") }; // each with password(user)
    };

    ProsodyFixture();
    explicit ProsodyFixture(Options options);
    ~ProsodyFixture();
    ProsodyFixture(const ProsodyFixture &) = delete;
    ProsodyFixture &operator=(const ProsodyFixture &) = delete;

    // Creates the server and waits until it answers; an error text (with the server's log) on failure.
    std::optional<QString> start();
    // Starts the same server again (same directory, ports, accounts and data) after stop() or kill().
    std::optional<QString> restart();
    // SIGTERM, wait for the exit, SIGKILL if it does not come. Safe to call twice.
    void stop();
    // SIGKILL now, as a crash would; waits until the process is gone (its ports then refuse).
    void kill();
    bool isRunning() const;
    qint64 processId() const;

    quint16 c2sPort() const { return m_c2sPort; }
    quint16 directTlsPort() const { return m_directTlsPort; } // 0 unless Options::directTls
    quint16 httpPort() const { return m_httpPort; } // XEP-0363 upload service (upload.example.test)
    QString domain() const;
    QString host() const; // "127.0.0.1": the domain does not resolve, so connect here
    QString caFile() const; // the CA to trust (PEM)
    QString directory() const;

    // The password of an account made by the fixture: "pw-<user>-Zz9", or the one registerAccount() used.
    QString password(const QString &user) const;
    QString jid(const QString &user) const;
    std::optional<QString> registerAccount(const QString &user, const QString &password);

    // The server's log (and its console output, if any): print it when a test fails.
    QString logText() const;

private:
    std::optional<QString> createServer();
    std::optional<QString> launch();
    std::optional<QString> waitUntilReady();
    QString currentLog() const;
    std::optional<QString> runScript(const QStringList &arguments) const;

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QHash<QString, QString> m_passwords;
    quint16 m_c2sPort = 0;
    quint16 m_directTlsPort = 0;
    quint16 m_httpPort = 0;
    qint64 m_logOffset = 0;
    bool m_failed = false;
};

} // namespace confab::test
