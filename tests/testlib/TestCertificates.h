// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>

namespace confab::test {

// A throwaway PKI made with openssl at test time (EC P-256, so each certificate takes milliseconds): one test
// CA that the client is told to trust (caFile()), and server certificates signed by it — or not — for whatever
// names and validity a case needs.
class TestCertificates
{
public:
    struct Leaf
    {
        QSslCertificate certificate;
        QSslKey key;
        QList<QSslCertificate> chain; ///< the leaf, then its issuer (empty issuer for a self-signed one)
    };

    struct Options
    {
        int days = 30; ///< validity from now; negative for a certificate that has already expired
        bool selfSigned = false; ///< signed by its own key instead of the test CA
    };

    TestCertificates();

    /// Creates the CA; an error message on failure.
    std::optional<QString> createCa();
    /// A server certificate with these subjectAltNames ("DNS:example.net", "IP:127.0.0.1", ...).
    std::optional<QString> createLeaf(const QString &name, const QStringList &altNames, Options options);
    std::optional<QString> createLeaf(const QString &name, const QStringList &altNames)
    {
        return createLeaf(name, altNames, Options {});
    }

    QString caFile() const;
    Leaf leaf(const QString &name) const;
    /// A server-side configuration presenting `name`, TLS 1.2 or later unless `protocol` says otherwise.
    QSslConfiguration serverConfiguration(const QString &name, QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater) const;

private:
    std::optional<QString> openssl(const QStringList &arguments) const;
    QString path(const QString &file) const { return m_dir.filePath(file); }

    QTemporaryDir m_dir;
};

} // namespace confab::test
