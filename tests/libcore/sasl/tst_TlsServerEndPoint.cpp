// SPDX-License-Identifier: Apache-2.0
#include "sasl/TlsServerEndPoint.h"

#include <QSslCertificate>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Self-signed certificates made once with OpenSSL 3.0, one per signature algorithm, valid for 100 years; the
// expected channel-binding data is the fingerprint OpenSSL computes with the hash RFC 5929 §4.1 calls for.
// openssl req -x509 ... (ECDSA with SHA-256); expected value from "openssl x509 -fingerprint -sha256".
constexpr char PemEcSha256[] = R"(
-----BEGIN CERTIFICATE-----
MIIBiTCCAS+gAwIBAgIUB837dyMk1dHOxaKaSVHtefcAH60wCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOc2hhMjU2LmV4YW1wbGUwIBcNMjYxMTIyMDI0NzIyWhgPMjEy
NjEwMjkwMjQ3MjJaMBkxFzAVBgNVBAMMDnNoYTI1Ni5leGFtcGxlMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEddDkUYb5pHV3joHv9+x3iBKvSCkV8yP4TTACzc/N
4zSMAh31izfa7f1P44BvEoO4fRYifc7Sf0ryRlEAMMiosqNTMFEwHQYDVR0OBBYE
FAv/Dc7jHqdLbYhL+HBcFtfZrc1pMB8GA1UdIwQYMBaAFAv/Dc7jHqdLbYhL+HBc
FtfZrc1pMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhALiHpF2z
+Y0iSnIXtyTMvBHQhbYo3vAjzQceYaJfonoWAiANF/wr1SAe/pP90bai1JuDRhg0
8AYVGkmjNEJMN9uzNA==
-----END CERTIFICATE-----
)";

// openssl req -x509 ... (ECDSA with SHA-384); expected value from "openssl x509 -fingerprint -sha384".
constexpr char PemEcSha384[] = R"(
-----BEGIN CERTIFICATE-----
MIIBiTCCAS+gAwIBAgIUY2iJCQnHNk5uOA7C4Xzhhu9IX/gwCgYIKoZIzj0EAwMw
GTEXMBUGA1UEAwwOc2hhMzg0LmV4YW1wbGUwIBcNMjYxMTIyMDI0NzIyWhgPMjEy
NjEwMjkwMjQ3MjJaMBkxFzAVBgNVBAMMDnNoYTM4NC5leGFtcGxlMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEM57cXZiKQb333Sv+WccCdC99X2Z/pyoPqWn67ia3
jTvqk1aDphi3DYGQrCrEFlL9ABhMV8nDm8OGpVnjcQvhh6NTMFEwHQYDVR0OBBYE
FIFIwYIckkx8666LSrI3C+ac00ZGMB8GA1UdIwQYMBaAFIFIwYIckkx8666LSrI3
C+ac00ZGMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwMDSAAwRQIhAMF91jlA
FMgzyq+T0OuOBf2TNwqN7oeQWX9oWK7gpHl7AiAowj3tZJ8HEeHm8M6oJkj4HRdl
9cfXkUY2fsKe8fzzlg==
-----END CERTIFICATE-----
)";

// openssl req -x509 ... (ECDSA with SHA-512); expected value from "openssl x509 -fingerprint -sha512".
constexpr char PemEcSha512[] = R"(
-----BEGIN CERTIFICATE-----
MIIBijCCAS+gAwIBAgIUCXxTCOhwFnCcD8zaY4CKrPN6ILAwCgYIKoZIzj0EAwQw
GTEXMBUGA1UEAwwOc2hhNTEyLmV4YW1wbGUwIBcNMjYxMTIyMDI0NzIyWhgPMjEy
NjEwMjkwMjQ3MjJaMBkxFzAVBgNVBAMMDnNoYTUxMi5leGFtcGxlMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEjOh9v2FTQ7kJTzoKUXAKsAo1Phb2uVcDS51QMd+6
s0XE6vnCvkXwFXaHFfrZcpxm1GnFWUVG9wBbSiGinkprDqNTMFEwHQYDVR0OBBYE
FM51m+pWSbEaHnHygEjDCDNhbypPMB8GA1UdIwQYMBaAFM51m+pWSbEaHnHygEjD
CDNhbypPMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwQDSQAwRgIhAOsf/LhB
rBzZy+hXcgXJh6w4aIgXPimV3jS8LeKWpLJtAiEA/b7ovb0OcRdlGFc3h+iPwWGp
xEsWKbZ5IbUyxqhEFc4=
-----END CERTIFICATE-----
)";

// openssl req -x509 ... (ECDSA with SHA-1 upgraded to SHA-256); expected value from "openssl x509 -fingerprint
// -sha256".
constexpr char PemEcSha1[] = R"(
-----BEGIN CERTIFICATE-----
MIIBgjCCASqgAwIBAgIUNIv5+xS0Gljo2NqZZyo2XxPJmg8wCQYHKoZIzj0EATAX
MRUwEwYDVQQDDAxzaGExLmV4YW1wbGUwIBcNMjYxMTIyMDI0NzIyWhgPMjEyNjEw
MjkwMjQ3MjJaMBcxFTATBgNVBAMMDHNoYTEuZXhhbXBsZTBZMBMGByqGSM49AgEG
CCqGSM49AwEHA0IABIK323W15O+vSrmF1ndKceA5rLeRzi0Y6wbcA9FnhcyK/XJP
F73fVVQtgXM/T2GSUXeajKsAHfYgnCP+vIt1/w2jUzBRMB0GA1UdDgQWBBQJx+F8
4A5NWHmIUkHcu1cyHhvMJTAfBgNVHSMEGDAWgBQJx+F84A5NWHmIUkHcu1cyHhvM
JTAPBgNVHRMBAf8EBTADAQH/MAkGByqGSM49BAEDRwAwRAIgCfjm7YDZs2l1I5GT
4i3y3IPOLochC7lEv/yMVcpjwrICIAU8jh/wcjg36hclu3/ricXv9s8v73KByG+f
0aIbbi9P
-----END CERTIFICATE-----
)";

// openssl req -x509 ... (RSA PKCS #1 with SHA-512); expected value from "openssl x509 -fingerprint -sha512".
constexpr char PemRsaSha512[] = R"(
-----BEGIN CERTIFICATE-----
MIICCjCCAXOgAwIBAgIUNboW+tNhcs4uVitkjklP7xycOsMwDQYJKoZIhvcNAQEN
BQAwFjEUMBIGA1UEAwwLcnNhLmV4YW1wbGUwIBcNMjYxMTIyMDI0NzI2WhgPMjEy
NjEwMjkwMjQ3MjZaMBYxFDASBgNVBAMMC3JzYS5leGFtcGxlMIGfMA0GCSqGSIb3
DQEBAQUAA4GNADCBiQKBgQDux+VkGbueGBs09UroWKJTiF6x309hqeB6tRoeLnJw
XSwXqByjYPbZE2zTX5aTK21urS2+d4nWbzlxrCD+VUMYPs4pCqaxNl3qLf4IV71s
lpAW8efVkMaA8V9PZlre9SYVrbP2z+l0QCodPNDly6XSvt0Z2RFO9QBEzKR+bE+N
pwIDAQABo1MwUTAdBgNVHQ4EFgQUuIQ/BFo/ERvW6ZuQr2p+/TlBjlYwHwYDVR0j
BBgwFoAUuIQ/BFo/ERvW6ZuQr2p+/TlBjlYwDwYDVR0TAQH/BAUwAwEB/zANBgkq
hkiG9w0BAQ0FAAOBgQCdDZvUVZDkdVuXUWWcTDA4Q/SmRvBPA88MZ8nfzn2NGXW8
YJd0isTonHBOs2qplj2G61uP+u//PkXhCgVvRKzsFH2AypCMHxDPgfbxRNA/lHFi
DLTe7HREOMAj+SRLNpXLVlF95rOIa6OK2sxYoxWF34jn9GB+w7FPgoBFnF+rsg==
-----END CERTIFICATE-----
)";

// openssl req -x509 ... (RSASSA-PSS with SHA-384 in its parameters); expected value from "openssl x509 -fingerprint
// -sha384".
constexpr char PemPssSha384[] = R"(
-----BEGIN CERTIFICATE-----
MIICcjCCAaegAwIBAgIUbdFVL91diL0TYn8hzNLhAxe5Ok4wQQYJKoZIhvcNAQEK
MDSgDzANBglghkgBZQMEAgIFAKEcMBoGCSqGSIb3DQEBCDANBglghkgBZQMEAgIF
AKIDAgFOMBYxFDASBgNVBAMMC3Bzcy5leGFtcGxlMCAXDTI2MTEyMjAyNDcyMloY
DzIxMjYxMDI5MDI0NzIyWjAWMRQwEgYDVQQDDAtwc3MuZXhhbXBsZTCBnzANBgkq
hkiG9w0BAQEFAAOBjQAwgYkCgYEAyph/Ja4bwn16CllW/85frRNptDbQc4/Ri3Z3
7ZWGdcyM4VeZ8qzqxl0HlreHnrZDfIr9WZs+OyW/3QHfqhALv+dCFxWlaIXrjtm2
06LNRrWnhcYh5zK3TbW9hYLpC0DvwiPTzsqVt9v7uAwrF1MSyaOf42fJLOWLUl8i
DHY7q6UCAwEAAaNTMFEwHQYDVR0OBBYEFNz0AG/hazBRHezb3ndKwi7v9TWsMB8G
A1UdIwQYMBaAFNz0AG/hazBRHezb3ndKwi7v9TWsMA8GA1UdEwEB/wQFMAMBAf8w
QQYJKoZIhvcNAQEKMDSgDzANBglghkgBZQMEAgIFAKEcMBoGCSqGSIb3DQEBCDAN
BglghkgBZQMEAgIFAKIDAgFOA4GBAJIDyyB/2GdDQbd0zj4ULxudHGaLPnx4UV1z
iBgGUJr0pxl6QYjB96BhidTnYH8xlRaVY8MaooLecfGip4P5xDpIUv+BbInOXwyU
8oFAiuYilo+88MGHq1cUle1aVJsOFD14IPkmpkXwXb7TnE864BEyGi632UB1nGoe
DU4hRYgV
-----END CERTIFICATE-----
)";

// openssl req -x509 ... (Ed25519 falls back to SHA-256); expected value from "openssl x509 -fingerprint -sha256".
constexpr char PemEd25519[] = R"(
-----BEGIN CERTIFICATE-----
MIIBSjCB/aADAgECAhQG+XbyyqQ5J0RprjWaZuKZQZzEUjAFBgMrZXAwGjEYMBYG
A1UEAwwPZWQyNTUxOS5leGFtcGxlMCAXDTI2MTEyMjAyNDcyMloYDzIxMjYxMDI5
MDI0NzIyWjAaMRgwFgYDVQQDDA9lZDI1NTE5LmV4YW1wbGUwKjAFBgMrZXADIQAT
QQzdE0+ZGwpA65GOexe1hAL5YxYJbOAghO2wnDlsOKNTMFEwHQYDVR0OBBYEFCb4
8DHApn722Jn4ymPvhBvkcLGHMB8GA1UdIwQYMBaAFCb48DHApn722Jn4ymPvhBvk
cLGHMA8GA1UdEwEB/wQFMAMBAf8wBQYDK2VwA0EA49yiq3SSdD2j4r0vOfVq3OD0
1lsWfQRHTupClPmg8wWHIqChFlrOHLEyIeuPWjVpPsjoYE/G3Fctk1FNXnQnAw==
-----END CERTIFICATE-----
)";

} // namespace

class tst_TlsServerEndPoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashesWithTheSignatureHash_data();
    void hashesWithTheSignatureHash();
    void nullCertificateGivesNothing();
};

void tst_TlsServerEndPoint::hashesWithTheSignatureHash_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<QByteArray>("expectedHex");

    QTest::newRow("ECDSA with SHA-256") << QByteArray(PemEcSha256)
                                        << "cab391e74a4655fe9f913af5b0f47714e60f9a2927b8a0b2d2c7b98a74260a1a"_ba;
    QTest::newRow("ECDSA with SHA-384")
        << QByteArray(PemEcSha384)
        << "2efe8f8f1099688e1a68be2639bee420d1c02ed74e400e7f9d02a62bd6ab53727419d2883aba3ec8164028cca47baf1a"_ba;
    QTest::newRow("ECDSA with SHA-512")
        << QByteArray(PemEcSha512)
        << "bab74a904eb43b48726199ac96083cea9e310900dd9f1bda96875ea211ada3b6b2128c544bef500d1425a27fb8602ff7e1e4317f831816626fa087140f0b9b21"_ba;
    QTest::newRow("ECDSA with SHA-1 upgraded to SHA-256")
        << QByteArray(PemEcSha1) << "a01a9126d8e2d92d77c335959356ee2b44db1e83ca319dc4bc8c481e8e74cf0a"_ba;
    QTest::newRow("RSA PKCS #1 with SHA-512")
        << QByteArray(PemRsaSha512)
        << "225f35c4ed04ca58611ac8f3f78ba3ef6333558232a343f2b2f2899acdccb966a3bea5a87f2d32ee8fcfa658c9e33eec687b4f2b8a39858bb6ca43bb547fc890"_ba;
    QTest::newRow("RSASSA-PSS with SHA-384 in its parameters")
        << QByteArray(PemPssSha384)
        << "13bb9e1e92e1d897103128250a856bcb0ff0dad04600e70ec5e6b25be2ce9550b4f6289187b63e2516029b506469b24a"_ba;
    QTest::newRow("Ed25519 falls back to SHA-256")
        << QByteArray(PemEd25519) << "34043ce029443a79a47e0b2b199b3c016e9d9d907aec5806b3078366b3138b08"_ba;
}

void tst_TlsServerEndPoint::hashesWithTheSignatureHash()
{
    QFETCH(QByteArray, pem);
    QFETCH(QByteArray, expectedHex);

    const QSslCertificate certificate(pem, QSsl::Pem);
    QVERIFY(!certificate.isNull());
    QCOMPARE(confab::sasl::tlsServerEndPoint(certificate).toHex(), expectedHex);
}

void tst_TlsServerEndPoint::nullCertificateGivesNothing()
{
    QVERIFY(confab::sasl::tlsServerEndPoint(QSslCertificate()).isEmpty());
}

QTEST_GUILESS_MAIN(tst_TlsServerEndPoint)
#include "tst_TlsServerEndPoint.moc"
