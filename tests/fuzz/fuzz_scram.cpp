// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for ScramClient (RFC 5802, RFC 7677): a hostile server's two messages.
//
// Input layout:
//   byte 0      bits 0-1: hash (SHA-1, SHA-256, SHA-512); bits 2-3: GS2 flag ('n', 'y', 'p')
//   bytes 1..   server-first-message, '\n', server-final-message (no '\n': no server-final)
//
// The client has a fixed nonce, user and password (those of RFC 5802 §5). Next to it the harness computes
// the exchange on its own from RFC 5802 §3 (PBKDF2 written out here, HMAC from QtCore), so that:
//   - a server-first the client accepts must be well-formed to the harness too, and the client-final must
//     be exactly the one the harness computes (proof included);
//   - verifyServerFinal() may accept only "v=" + base64(ServerSignature) as computed by the harness;
//   - nothing is accepted out of order, and there is no ASan/UBSan report.
// Iteration counts over 4096 are skipped: the client allows up to 1,000,000 (seconds per input).
#include "sasl/ScramClient.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

using namespace Qt::StringLiterals;
using confab::sasl::ScramClient;

namespace {

constexpr int MaxFuzzedIterations = 4096;
const QByteArray ClientNonce = "fyko+d2lbbFgONRv9qkxdawL"_ba;
const QByteArray User = "user"_ba;
const QByteArray Password = "pencil"_ba;
const QByteArray ChannelBindingType = "tls-server-end-point"_ba;
const QByteArray ChannelBindingData = "\x01\x02\x03\x04 fixed certificate hash"_ba;

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "fuzz_scram oracle failed: %s\n", what);
    std::abort();
}

QByteArray hmac(QCryptographicHash::Algorithm hash, const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, hash);
}

// RFC 5802 §2.2 Hi(), which is PBKDF2 (RFC 8018 §5.2) with one block of HMAC output.
QByteArray hi(QCryptographicHash::Algorithm hash, const QByteArray &password, const QByteArray &salt, int i)
{
    QByteArray u = hmac(hash, password, salt + QByteArray("\0\0\0\1", 4));
    QByteArray result = u;
    for (int n = 1; n < i; ++n) {
        u = hmac(hash, password, u);
        for (qsizetype k = 0; k < result.size(); ++k) {
            result[k] = char(result[k] ^ u[k]);
        }
    }
    return result;
}

bool isPrintableNonce(const QByteArray &nonce)
{
    for (const char c : nonce) {
        if (c < 0x21 || c > 0x7E || c == ',') {
            return false;
        }
    }
    return !nonce.isEmpty();
}

struct Reference
{
    QByteArray clientFinal;
    QByteArray serverFinal; // "v=..."
};

// The exchange as RFC 5802 §3, §7 define it, or nullopt when the server-first is not acceptable.
std::optional<Reference> reference(QCryptographicHash::Algorithm hash, const QByteArray &gs2Header,
    const QByteArray &channelBindingData, const QByteArray &serverFirst)
{
    const QList<QByteArray> parts = serverFirst.split(',');
    if (parts.size() < 3 || !parts[0].startsWith("r=") || !parts[1].startsWith("s=") || !parts[2].startsWith("i=")) {
        return std::nullopt;
    }
    const QByteArray nonce = parts[0].mid(2);
    if (!isPrintableNonce(nonce) || !nonce.startsWith(ClientNonce) || nonce.size() == ClientNonce.size()) {
        return std::nullopt;
    }
    // The client decodes the salt with QByteArray::fromBase64Encoding, which also takes it unpadded or cut
    // short (regressions/fuzz_scram/salt-*). A wrong salt only makes the proof wrong, so the reference decodes
    // it the same way; the signature below gets no such leniency.
    const auto decodedSalt = QByteArray::fromBase64Encoding(parts[1].mid(2), QByteArray::AbortOnBase64DecodingErrors);
    const std::optional<QByteArray> salt
        = decodedSalt ? std::optional<QByteArray>(decodedSalt.decoded) : std::optional<QByteArray>();
    const QByteArray count = parts[2].mid(2);
    if (!salt || salt->isEmpty() || count.isEmpty() || count.size() > 7 || count[0] == '0') {
        return std::nullopt;
    }
    int iterations = 0;
    for (const char c : count) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        iterations = iterations * 10 + (c - '0');
    }
    for (qsizetype k = 3; k < parts.size(); ++k) {
        const QByteArray &extension = parts[k];
        const bool letter = !extension.isEmpty()
            && ((extension[0] >= 'a' && extension[0] <= 'z') || (extension[0] >= 'A' && extension[0] <= 'Z'));
        if (!letter || extension.size() < 2 || extension[1] != '=') {
            return std::nullopt;
        }
    }

    const QByteArray saltedPassword = hi(hash, Password, *salt, iterations);
    const QByteArray clientKey = hmac(hash, saltedPassword, "Client Key"_ba);
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, hash);
    const QByteArray withoutProof = "c="_ba + QByteArray(gs2Header + channelBindingData).toBase64() + ",r="_ba + nonce;
    const QByteArray authMessage = "n="_ba + User + ",r="_ba + ClientNonce + ',' + serverFirst + ',' + withoutProof;
    const QByteArray clientSignature = hmac(hash, storedKey, authMessage);
    QByteArray proof = clientKey;
    for (qsizetype k = 0; k < proof.size(); ++k) {
        proof[k] = char(proof[k] ^ clientSignature[k]);
    }
    const QByteArray serverSignature = hmac(hash, hmac(hash, saltedPassword, "Server Key"_ba), authMessage);
    return Reference { withoutProof + ",p="_ba + proof.toBase64(), "v="_ba + serverSignature.toBase64() };
}

// The iteration count the client would run PBKDF2 with, when it is digits only (else 0).
int announcedIterations(const QByteArray &serverFirst)
{
    const QList<QByteArray> parts = serverFirst.split(',');
    if (parts.size() < 3 || !parts[2].startsWith("i=") || parts[2].size() > 9) {
        return 0;
    }
    bool ok = false;
    const int value = parts[2].mid(2).toInt(&ok);
    return ok ? value : 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 4096) {
        return 0;
    }
    static const QCryptographicHash::Algorithm hashes[] = { QCryptographicHash::Sha1, QCryptographicHash::Sha256,
        QCryptographicHash::Sha512, QCryptographicHash::Sha256 };
    const QCryptographicHash::Algorithm hash = hashes[data[0] & 3];
    static const char gs2Flags[] = { 'n', 'y', 'p', 'n' };
    const char gs2Flag = gs2Flags[(data[0] >> 2) & 3];
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype separator = input.indexOf('\n');
    const QByteArray serverFirst = separator < 0 ? input : input.left(separator);
    const QByteArray serverFinal = separator < 0 ? QByteArray() : input.mid(separator + 1);
    if (announcedIterations(serverFirst) > MaxFuzzedIterations) {
        return 0;
    }

    const bool binding = gs2Flag == 'p';
    ScramClient client(hash, QString::fromLatin1(User), QString::fromLatin1(Password), gs2Flag,
        binding ? ChannelBindingType : QByteArray(), binding ? ChannelBindingData : QByteArray());
    if (!client.isValid() || !client.setClientNonce(ClientNonce)) {
        fail("the fixed client could not be set up");
    }
    const QByteArray gs2Header
        = binding ? QByteArray("p="_ba + ChannelBindingType + ",,"_ba) : QByteArray(QByteArray(1, gs2Flag) + ",,"_ba);
    if (client.clientFirstMessage() != gs2Header + "n="_ba + User + ",r="_ba + ClientNonce) {
        fail("unexpected client-first-message");
    }
    if (client.verifyServerFinal(serverFinal) == std::nullopt) {
        fail("a server-final accepted before the server-first");
    }

    const auto expected = reference(hash, gs2Header, binding ? ChannelBindingData : QByteArray(), serverFirst);
    const auto reply = client.processServerFirst(serverFirst);
    if (std::holds_alternative<QByteArray>(client.processServerFirst(serverFirst))) {
        fail("a second server-first accepted");
    }
    const QByteArray *clientFinal = std::get_if<QByteArray>(&reply);
    if (!clientFinal) {
        if (std::get<QString>(reply).isEmpty()) {
            fail("a refused server-first without a reason");
        }
        if (client.verifyServerFinal(serverFinal) == std::nullopt) {
            fail("a server-final accepted after a refused server-first");
        }
        return 0;
    }
    if (!expected) {
        std::fprintf(stderr, "server-first: %s\n", serverFirst.constData());
        fail("the client accepted a server-first that RFC 5802 §7 does not allow");
    }
    if (*clientFinal != expected->clientFinal) {
        std::fprintf(stderr, "client: %s\nexpected: %s\n", clientFinal->constData(), expected->clientFinal.constData());
        fail("client-final-message differs from the RFC 5802 computation");
    }
    const bool accepted = client.verifyServerFinal(serverFinal) == std::nullopt;
    // RFC 5802 §7: server-final-message = verifier ["," extensions]; the verifier must be the exact signature.
    const QByteArray verifier = serverFinal.split(',').constFirst();
    if (accepted && verifier != expected->serverFinal) {
        std::fprintf(
            stderr, "server-final: %s\nexpected: %s\n", serverFinal.constData(), expected->serverFinal.constData());
        fail("a server-final accepted without the exact ServerSignature");
    }
    if (serverFinal == expected->serverFinal && !accepted) {
        fail("the correct server-final refused");
    }
    if (client.verifyServerFinal(expected->serverFinal) == std::nullopt) {
        fail("a second server-final accepted");
    }
    return 0;
}
