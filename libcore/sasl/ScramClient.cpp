// SPDX-License-Identifier: Apache-2.0
#include "sasl/ScramClient.h"

#include "sasl/OpaqueString.h"

#include <QList>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

#include <algorithm>
#include <array>
#include <cctype>

namespace confab::sasl {

namespace {

using namespace Qt::StringLiterals;

/// RFC 5802 §7: printable ASCII except ','.
bool isValidNonce(QByteArrayView nonce)
{
    if (nonce.isEmpty()) {
        return false;
    }
    for (const char c : nonce) {
        if (c < 0x21 || c > 0x7E || c == ',') {
            return false;
        }
    }
    return true;
}

/// RFC 5802 §7 / RFC 5056 §7: cb-name is 1*(ALPHA / DIGIT / "." / "-").
bool isValidChannelBindingName(QByteArrayView name)
{
    if (name.isEmpty()) {
        return false;
    }
    for (const char c : name) {
        const bool ok
            = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

/// RFC 5802 §5.1: in saslname, '=' is sent as "=3D" and ',' as "=2C".
QByteArray escapeSaslName(const QByteArray &name)
{
    QByteArray escaped = name;
    escaped.replace('=', "=3D"_ba);
    escaped.replace(',', "=2C"_ba);
    return escaped;
}

QByteArray randomNonce()
{
    // 24 random bytes are 192 bits: RFC 5802 §5.1 asks for a nonce that is unlikely to repeat ever.
    std::array<quint32, 6> words {};
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)));
    return bytes.toBase64(); // letters, digits, '+' and '/': printable, no ','
}

QByteArray hmac(QCryptographicHash::Algorithm hash, const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, hash);
}

/// Equal-length comparison that takes the same time wherever the first difference is, so the server's
/// signature cannot be guessed byte by byte from timing.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    }
    return difference == 0;
}

/// The value of an "x=value" attribute, or nullopt when the attribute is not x.
std::optional<QByteArray> attributeValue(const QByteArray &attribute, char name)
{
    if (attribute.size() < 2 || attribute[0] != name || attribute[1] != '=') {
        return std::nullopt;
    }
    return attribute.sliced(2);
}

/// A server-supplied value safe to show in an error: printable ASCII only, and short.
QString sanitized(const QByteArray &value)
{
    QString out;
    for (const char c : value.left(64)) {
        out += (c >= 0x20 && c <= 0x7E) ? QChar::fromLatin1(c) : QChar(u'?');
    }
    return out;
}

} // namespace

ScramClient::ScramClient(QCryptographicHash::Algorithm hash, const QString &username, const QString &password,
    char gs2Flag, const QByteArray &channelBindingType, const QByteArray &channelBindingData)
    : m_hash(hash)
    , m_gs2Flag(gs2Flag)
    , m_channelBindingType(channelBindingType)
    , m_channelBindingData(channelBindingData)
    , m_clientNonce(randomNonce())
{
    if (hash != QCryptographicHash::Sha1 && hash != QCryptographicHash::Sha256 && hash != QCryptographicHash::Sha512) {
        m_error = tr("SCRAM is only implemented with SHA-1, SHA-256 and SHA-512.");
        return;
    }
    if (gs2Flag == 'p') {
        if (!isValidChannelBindingName(channelBindingType) || channelBindingData.isEmpty()) {
            m_error = tr("Channel binding was requested without a valid type and data.");
            return;
        }
    } else if (gs2Flag != 'n' && gs2Flag != 'y') {
        m_error = tr("The GS2 channel-binding flag must be 'n', 'y' or 'p'.");
        return;
    }
    const auto preparedUsername = prepareOpaqueString(username);
    if (!preparedUsername) {
        m_error = tr("The user name is empty or contains characters that cannot be sent.");
        return;
    }
    const auto preparedPassword = prepareOpaqueString(password);
    if (!preparedPassword) {
        m_error = tr("The password is empty or contains characters that cannot be sent.");
        return;
    }
    m_username = preparedUsername->toUtf8();
    m_password = preparedPassword->toUtf8();
}

bool ScramClient::setClientNonce(const QByteArray &nonce)
{
    if (m_step != Step::ClientFirst || !isValidNonce(nonce)) {
        return false;
    }
    m_clientNonce = nonce;
    return true;
}

QByteArray ScramClient::gs2Header() const
{
    // RFC 5802 §7: gs2-header = gs2-cbind-flag "," [ authzid ] ","; we never send an authzid.
    if (m_gs2Flag == 'p') {
        return "p="_ba + m_channelBindingType + ",,"_ba;
    }
    return QByteArray(1, m_gs2Flag) + ",,"_ba;
}

QByteArray ScramClient::clientFirstMessage()
{
    if (!isValid()) {
        return {};
    }
    if (m_step == Step::ClientFirst) {
        m_clientFirstBare = "n="_ba + escapeSaslName(m_username) + ",r="_ba + m_clientNonce;
        m_step = Step::ServerFirst;
    }
    return gs2Header() + m_clientFirstBare;
}

std::variant<QByteArray, QString> ScramClient::processServerFirst(QByteArrayView serverFirst)
{
    if (!isValid()) {
        return m_error;
    }
    if (m_step != Step::ServerFirst) {
        return tr("The server's SCRAM challenge came out of order.");
    }
    // Whatever happens below, this exchange cannot continue with another server-first-message.
    m_step = Step::Done;

    // RFC 5802 §7: server-first-message = [reserved-mext ","] nonce "," salt "," iteration-count ["," extensions]
    const QByteArray message = serverFirst.toByteArray();
    const QList<QByteArray> attributes = message.split(',');
    if (attributes.constFirst().startsWith("m=")) {
        // RFC 5802 §5.1: a mandatory extension we do not understand means authentication must fail.
        return tr("The server requires a SCRAM extension that is not supported.");
    }
    if (attributes.size() < 3) {
        return tr("The server's SCRAM challenge is malformed.");
    }
    const auto nonce = attributeValue(attributes[0], 'r');
    const auto salt = attributeValue(attributes[1], 's');
    const auto iterations = attributeValue(attributes[2], 'i');
    if (!nonce || !salt || !iterations) {
        return tr("The server's SCRAM challenge is malformed.");
    }
    for (qsizetype i = 3; i < attributes.size(); ++i) {
        // Optional extensions (attr-val) are allowed and ignored.
        const QByteArray &extension = attributes[i];
        if (extension.size() < 2 || extension[1] != '=' || !std::isalpha(static_cast<unsigned char>(extension[0]))) {
            return tr("The server's SCRAM challenge is malformed.");
        }
    }
    // RFC 5802 §5.1: the server's nonce starts with ours and adds its own part; anything else is a replay
    // or a confused server.
    if (!isValidNonce(*nonce) || !nonce->startsWith(m_clientNonce) || nonce->size() <= m_clientNonce.size()) {
        return tr("The server's SCRAM nonce does not extend the client's.");
    }
    const auto decodedSalt = QByteArray::fromBase64Encoding(*salt, QByteArray::AbortOnBase64DecodingErrors);
    if (!decodedSalt || decodedSalt.decoded.isEmpty()) {
        return tr("The server's SCRAM salt is not valid.");
    }
    // RFC 5802 §7: posit-number, no sign, no leading zero; bounded above against a denial of service.
    const QByteArray &count = *iterations;
    const bool digitsOnly = !count.isEmpty() && count.size() <= 7 && count[0] != '0'
        && std::all_of(count.begin(), count.end(), [](char c) { return c >= '0' && c <= '9'; });
    const int iterationCount = digitsOnly ? count.toInt() : 0;
    if (iterationCount < 1 || iterationCount > MaxIterations) {
        return tr("The server's SCRAM iteration count is outside 1 to 1,000,000.");
    }

    // RFC 5802 §3:
    //   SaltedPassword  := Hi(Normalize(password), salt, i)       (Hi is PBKDF2 with HMAC)
    //   ClientKey       := HMAC(SaltedPassword, "Client Key")
    //   StoredKey       := H(ClientKey)
    //   AuthMessage     := client-first-message-bare + "," + server-first-message + "," +
    //                      client-final-message-without-proof
    //   ClientSignature := HMAC(StoredKey, AuthMessage)
    //   ClientProof     := ClientKey XOR ClientSignature
    //   ServerKey       := HMAC(SaltedPassword, "Server Key")
    //   ServerSignature := HMAC(ServerKey, AuthMessage)
    const int hashLength = QCryptographicHash::hashLength(m_hash);
    const QByteArray saltedPassword
        = QPasswordDigestor::deriveKeyPbkdf2(m_hash, m_password, *decodedSalt, iterationCount, quint64(hashLength));
    const QByteArray clientKey = hmac(m_hash, saltedPassword, "Client Key"_ba);
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, m_hash);

    // RFC 5802 §7: c= is base64 of the GS2 header followed, with 'p', by the channel-binding data.
    QByteArray channelBinding = gs2Header();
    if (m_gs2Flag == 'p') {
        channelBinding += m_channelBindingData;
    }
    const QByteArray finalWithoutProof = "c="_ba + channelBinding.toBase64() + ",r="_ba + *nonce;
    const QByteArray authMessage = m_clientFirstBare + ',' + message + ',' + finalWithoutProof;
    const QByteArray clientSignature = hmac(m_hash, storedKey, authMessage);
    QByteArray proof = clientKey;
    for (qsizetype i = 0; i < proof.size(); ++i) {
        proof[i] = char(proof[i] ^ clientSignature[i]);
    }
    const QByteArray serverKey = hmac(m_hash, saltedPassword, "Server Key"_ba);
    m_expectedServerSignature = hmac(m_hash, serverKey, authMessage);
    m_step = Step::ServerFinal;
    return finalWithoutProof + ",p="_ba + proof.toBase64();
}

std::optional<QString> ScramClient::verifyServerFinal(QByteArrayView serverFinal)
{
    if (!isValid()) {
        return m_error;
    }
    if (m_step != Step::ServerFinal) {
        return tr("The server's SCRAM result came out of order.");
    }
    m_step = Step::Done;

    // RFC 5802 §7: server-final-message = (server-error / verifier) ["," extensions]
    const QByteArray message = serverFinal.toByteArray();
    const QByteArray first = message.split(',').constFirst();
    if (const auto error = attributeValue(first, 'e')) {
        return tr("The server refused the SCRAM authentication: %1").arg(sanitized(*error));
    }
    const auto verifier = attributeValue(first, 'v');
    if (!verifier) {
        return tr("The server's SCRAM result is malformed.");
    }
    // RFC 5802 §5.1: the client MUST verify ServerSignature; only then has the server proved it knows the
    // password (or its salted form), so an impostor cannot pretend the login succeeded. Compared as the
    // canonical base64 text, so no other spelling of it (missing padding, stray low bits) passes either.
    if (!constantTimeEquals(*verifier, m_expectedServerSignature.toBase64())) {
        return tr("The server's SCRAM signature is wrong: it does not know the password, or the connection "
                  "is being tampered with.");
    }
    return std::nullopt;
}

} // namespace confab::sasl
