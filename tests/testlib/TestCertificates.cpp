// SPDX-License-Identifier: Apache-2.0
#include "TestCertificates.h"

#include <QFile>
#include <QProcess>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace confab::test {

namespace {

const QStringList NewKey { u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s };

} // namespace

TestCertificates::TestCertificates() = default;

std::optional<QString> TestCertificates::openssl(const QStringList &arguments) const
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(u"openssl"_s, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return u"openssl %1 failed: %2"_s.arg(
            arguments.join(u' '), QString::fromLocal8Bit(process.readAllStandardError()));
    }
    return std::nullopt;
}

std::optional<QString> TestCertificates::createCa()
{
    if (!m_dir.isValid()) {
        return u"no temporary directory"_s;
    }
    // Our own config, so the system's openssl.cnf defaults cannot add or clash with extensions.
    QFile cnf(path(u"openssl.cnf"_s));
    if (!cnf.open(QIODevice::WriteOnly)) {
        return u"cannot write openssl.cnf"_s;
    }
    cnf.write("[req]\ndistinguished_name = dn\nprompt = no\n[dn]\nCN = unused\n"
              "[ca_ext]\nbasicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\n"
              "subjectKeyIdentifier = hash\n");
    cnf.close();
    return openssl(QStringList { u"req"_s, u"-x509"_s, u"-config"_s, u"openssl.cnf"_s, u"-extensions"_s, u"ca_ext"_s }
        + NewKey
        + QStringList { u"-days"_s, u"3650"_s, u"-subj"_s, u"/O=Confab tests/CN=Confab Hostile Test CA"_s, u"-keyout"_s,
            u"ca.key"_s, u"-out"_s, u"ca.pem"_s });
}

std::optional<QString> TestCertificates::createLeaf(const QString &name, const QStringList &altNames, Options options)
{
    const QString ext = name + u".ext"_s;
    QFile file(path(ext));
    if (!file.open(QIODevice::WriteOnly)) {
        return u"cannot write "_s + ext;
    }
    file.write("basicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature\n"
               "extendedKeyUsage = serverAuth\nsubjectKeyIdentifier = hash\nsubjectAltName = "
        + altNames.join(u", "_s).toUtf8() + '\n');
    file.close();
    const QString subject = u"/CN="_s + altNames.value(0).section(u':', 1);
    QStringList sign;
    if (options.selfSigned) {
        sign = QStringList { u"req"_s, u"-x509"_s, u"-config"_s, u"openssl.cnf"_s } + NewKey
            + QStringList { u"-subj"_s, subject, u"-keyout"_s, name + u".key"_s, u"-addext"_s,
                  u"subjectAltName = "_s + altNames.join(u", "_s), u"-addext"_s,
                  u"basicConstraints = critical, CA:FALSE"_s };
    } else {
        if (auto error = openssl(QStringList { u"req"_s, u"-new"_s, u"-config"_s, u"openssl.cnf"_s } + NewKey
                + QStringList { u"-subj"_s, subject, u"-keyout"_s, name + u".key"_s, u"-out"_s, name + u".csr"_s })) {
            return error;
        }
        sign = QStringList { u"x509"_s, u"-req"_s, u"-in"_s, name + u".csr"_s, u"-CA"_s, u"ca.pem"_s, u"-CAkey"_s,
            u"ca.key"_s, u"-set_serial"_s, QString::number(qHash(name) & 0x7fffffff), u"-extfile"_s, ext };
    }
    // A negative -days gives a notAfter in the past: a certificate that expired before the test began.
    sign += QStringList { u"-days"_s, QString::number(options.days), u"-out"_s, name + u".pem"_s };
    return openssl(sign);
}

QString TestCertificates::caFile() const
{
    return path(u"ca.pem"_s);
}

TestCertificates::Leaf TestCertificates::leaf(const QString &name) const
{
    Leaf leaf;
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(path(name + u".pem"_s), QSsl::Pem);
    leaf.certificate = certs.value(0);
    QFile keyFile(path(name + u".key"_s));
    if (keyFile.open(QIODevice::ReadOnly)) {
        leaf.key = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
    }
    leaf.chain = { leaf.certificate };
    if (leaf.certificate.issuerDisplayName() != leaf.certificate.subjectDisplayName()) {
        leaf.chain += QSslCertificate::fromPath(caFile(), QSsl::Pem);
    }
    return leaf;
}

QSslConfiguration TestCertificates::serverConfiguration(const QString &name, QSsl::SslProtocol protocol) const
{
    const Leaf l = leaf(name);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(l.chain);
    config.setPrivateKey(l.key);
    config.setProtocol(protocol);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}

} // namespace confab::test
