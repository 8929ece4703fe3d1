// SPDX-License-Identifier: Apache-2.0
#include "sasl/TlsServerEndPoint.h"

#include <QCryptographicHash>
#include <QSslCertificate>

#include <optional>

namespace confab::sasl {

namespace {

/// One DER TLV (X.690 §8.1): its tag, its contents, and how many bytes the whole element takes.
struct Tlv
{
    quint8 tag = 0;
    QByteArrayView contents;
    qsizetype size = 0;
};

/// Reads the DER element at the start of data. Only what a certificate needs: low tag numbers and definite
/// lengths of up to four length octets.
std::optional<Tlv> readTlv(QByteArrayView data)
{
    if (data.size() < 2) {
        return std::nullopt;
    }
    const auto tag = quint8(data[0]);
    if ((tag & 0x1F) == 0x1F) {
        return std::nullopt; // high tag number form, not used in X.509
    }
    const auto first = quint8(data[1]);
    qsizetype header = 2;
    quint64 length = first;
    if (first & 0x80) {
        const int octets = first & 0x7F;
        if (octets < 1 || octets > 4 || data.size() < 2 + octets) {
            return std::nullopt; // indefinite length is not DER
        }
        length = 0;
        for (int i = 0; i < octets; ++i) {
            length = (length << 8) | quint8(data[2 + i]);
        }
        header += octets;
    }
    if (length > quint64(data.size() - header)) {
        return std::nullopt;
    }
    return Tlv { tag, data.sliced(header, qsizetype(length)), header + qsizetype(length) };
}

constexpr quint8 Sequence = 0x30;
constexpr quint8 ObjectIdentifier = 0x06;
constexpr quint8 ContextZero = 0xA0; // [0] EXPLICIT

/// The hash a signature OID names, by its DER contents. MD5 and SHA-1 are upgraded to SHA-256 (RFC 5929 §4.1).
std::optional<QCryptographicHash::Algorithm> hashForOid(QByteArrayView oid)
{
    struct Entry
    {
        QByteArrayView oid;
        QCryptographicHash::Algorithm hash;
    };
    static const Entry entries[] = {
        // PKCS #1 (RFC 8017 Appendix C): 1.2.840.113549.1.1.{4 md5, 5 sha1, 11 sha256, 12 sha384, 13 sha512,
        // 14 sha224}WithRSAEncryption
        { "\x2A\x86\x48\x86\xF7\x0D\x01\x01\x04", QCryptographicHash::Sha256 },
        { "\x2A\x86\x48\x86\xF7\x0D\x01\x01\x05", QCryptographicHash::Sha256 },
        { "\x2A\x86\x48\x86\xF7\x0D\x01\x01\x0B", QCryptographicHash::Sha256 },
        { "\x2A\x86\x48\x86\xF7\x0D\x01\x01\x0C", QCryptographicHash::Sha384 },
        { "\x2A\x86\x48\x86\xF7\x0D\x01\x01\x0D", QCryptographicHash::Sha512 },
        { "\x2A\x86\x48\x86\xF7\x0D\x01\x01\x0E", QCryptographicHash::Sha224 },
        // ECDSA (RFC 5758 §3.2): 1.2.840.10045.4.1 ecdsa-with-SHA1, 1.2.840.10045.4.3.{1,2,3,4} SHA-224..512
        { "\x2A\x86\x48\xCE\x3D\x04\x01", QCryptographicHash::Sha256 },
        { "\x2A\x86\x48\xCE\x3D\x04\x03\x01", QCryptographicHash::Sha224 },
        { "\x2A\x86\x48\xCE\x3D\x04\x03\x02", QCryptographicHash::Sha256 },
        { "\x2A\x86\x48\xCE\x3D\x04\x03\x03", QCryptographicHash::Sha384 },
        { "\x2A\x86\x48\xCE\x3D\x04\x03\x04", QCryptographicHash::Sha512 },
        // DSA: 1.2.840.10040.4.3 dsa-with-sha1; 2.16.840.1.101.3.4.3.{1,2} dsa-with-sha224/256
        { "\x2A\x86\x48\xCE\x38\x04\x03", QCryptographicHash::Sha256 },
        { "\x60\x86\x48\x01\x65\x03\x04\x03\x01", QCryptographicHash::Sha224 },
        { "\x60\x86\x48\x01\x65\x03\x04\x03\x02", QCryptographicHash::Sha256 },
        // NIST SHA-3 signatures: 2.16.840.1.101.3.4.3.{9..12} ECDSA, {13..16} RSA PKCS #1 v1.5
        { "\x60\x86\x48\x01\x65\x03\x04\x03\x09", QCryptographicHash::Sha3_224 },
        { "\x60\x86\x48\x01\x65\x03\x04\x03\x0A", QCryptographicHash::Sha3_256 },
        { "\x60\x86\x48\x01\x65\x03\x04\x03\x0B", QCryptographicHash::Sha3_384 },
        { "\x60\x86\x48\x01\x65\x03\x04\x03\x0C", QCryptographicHash::Sha3_512 },
        { "\x60\x86\x48\x01\x65\x03\x04\x03\x0D", QCryptographicHash::Sha3_224 },
        { "\x60\x86\x48\x01\x65\x03\x04\x03\x0E", QCryptographicHash::Sha3_256 },
        { "\x60\x86\x48\x01\x65\x03\x04\x03\x0F", QCryptographicHash::Sha3_384 },
        { "\x60\x86\x48\x01\x65\x03\x04\x03\x10", QCryptographicHash::Sha3_512 },
        // Hash algorithms, as found in RSASSA-PSS parameters: 1.3.14.3.2.26 sha1,
        // 2.16.840.1.101.3.4.2.{1 sha256, 2 sha384, 3 sha512, 4 sha224, 7..10 sha3-224..512}
        { "\x2B\x0E\x03\x02\x1A", QCryptographicHash::Sha256 },
        { "\x60\x86\x48\x01\x65\x03\x04\x02\x01", QCryptographicHash::Sha256 },
        { "\x60\x86\x48\x01\x65\x03\x04\x02\x02", QCryptographicHash::Sha384 },
        { "\x60\x86\x48\x01\x65\x03\x04\x02\x03", QCryptographicHash::Sha512 },
        { "\x60\x86\x48\x01\x65\x03\x04\x02\x04", QCryptographicHash::Sha224 },
        { "\x60\x86\x48\x01\x65\x03\x04\x02\x07", QCryptographicHash::Sha3_224 },
        { "\x60\x86\x48\x01\x65\x03\x04\x02\x08", QCryptographicHash::Sha3_256 },
        { "\x60\x86\x48\x01\x65\x03\x04\x02\x09", QCryptographicHash::Sha3_384 },
        { "\x60\x86\x48\x01\x65\x03\x04\x02\x0A", QCryptographicHash::Sha3_512 },
    };
    for (const Entry &entry : entries) {
        if (entry.oid == oid) {
            return entry.hash;
        }
    }
    return std::nullopt;
}

/// RSASSA-PSS (1.2.840.113549.1.1.10) names its hash in its parameters (RFC 4055 §3.1):
/// RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] HashAlgorithm DEFAULT sha1, ... }
QCryptographicHash::Algorithm hashForPss(QByteArrayView parameters)
{
    const auto params = readTlv(parameters);
    if (!params || params->tag != Sequence) {
        return QCryptographicHash::Sha256;
    }
    const auto hashField = readTlv(params->contents);
    if (!hashField || hashField->tag != ContextZero) {
        return QCryptographicHash::Sha256; // sha1 by default, which RFC 5929 upgrades to SHA-256
    }
    const auto algorithm = readTlv(hashField->contents);
    if (!algorithm || algorithm->tag != Sequence) {
        return QCryptographicHash::Sha256;
    }
    const auto oid = readTlv(algorithm->contents);
    if (!oid || oid->tag != ObjectIdentifier) {
        return QCryptographicHash::Sha256;
    }
    return hashForOid(oid->contents).value_or(QCryptographicHash::Sha256);
}

/// Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm AlgorithmIdentifier, signatureValue }
/// (RFC 5280 §4.1); AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }.
std::optional<QCryptographicHash::Algorithm> signatureHash(QByteArrayView der)
{
    const auto certificate = readTlv(der);
    if (!certificate || certificate->tag != Sequence) {
        return std::nullopt;
    }
    const auto tbs = readTlv(certificate->contents);
    if (!tbs || tbs->tag != Sequence) {
        return std::nullopt;
    }
    const auto algorithm = readTlv(certificate->contents.sliced(tbs->size));
    if (!algorithm || algorithm->tag != Sequence) {
        return std::nullopt;
    }
    const auto oid = readTlv(algorithm->contents);
    if (!oid || oid->tag != ObjectIdentifier) {
        return std::nullopt;
    }
    if (oid->contents == QByteArrayView("\x2A\x86\x48\x86\xF7\x0D\x01\x01\x0A")) {
        return hashForPss(algorithm->contents.sliced(oid->size));
    }
    return hashForOid(oid->contents);
}

} // namespace

QByteArray tlsServerEndPoint(const QSslCertificate &certificate)
{
    if (certificate.isNull()) {
        return {};
    }
    const QByteArray der = certificate.toDer();
    if (!readTlv(der)) {
        return {};
    }
    // RFC 5929 §4.1: a signature with no single hash (Ed25519, Ed448) or one we do not know leaves the hash
    // undefined; SHA-256 is what the upgrade rule would choose and what peers are likeliest to compute.
    return QCryptographicHash::hash(der, signatureHash(der).value_or(QCryptographicHash::Sha256));
}

} // namespace confab::sasl
