// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QString>

#include <optional>
#include <variant>

namespace confab::sasl {

/// The client side of one SCRAM exchange (RFC 5802; SHA-256 per RFC 7677; SHA-512 likewise), with or
/// without channel binding. It only computes: the caller carries the messages to and from the server.
///
///     ScramClient scram(QCryptographicHash::Sha256, user, password, choice.gs2Flag, choice.channelBindingType,
///                       choice.channelBindingType.isEmpty() ? QByteArray() : tlsServerEndPoint(peerCert));
///     send(scram.clientFirstMessage());
///     auto reply = scram.processServerFirst(challenge);   // QByteArray to send, or QString error
///     auto error = scram.verifyServerFinal(success);       // nullopt: the server proved it knows the password
///
/// The password and the keys derived from it are never logged.
class ScramClient
{
    Q_DECLARE_TR_FUNCTIONS(ScramClient)

public:
    /// hash: QCryptographicHash::Sha1, Sha256 or Sha512. username and password are prepared with
    /// prepareOpaqueString(). gs2Flag is 'n', 'y' or 'p' (RFC 5802 §7); with 'p', channelBindingType names
    /// the binding (e.g. "tls-server-end-point") and channelBindingData holds its bytes, which are otherwise
    /// ignored. An unusable argument makes the client invalid (see isValid()).
    ScramClient(QCryptographicHash::Algorithm hash, const QString &username, const QString &password,
        char gs2Flag = 'n', const QByteArray &channelBindingType = {}, const QByteArray &channelBindingData = {});

    /// False when the hash, GS2 flag or channel binding is unusable, or the username or password cannot be
    /// prepared; every step then fails with errorString().
    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    /// Replaces the random client nonce, for tests with fixed vectors. The nonce must be printable ASCII
    /// without ',' (RFC 5802 §7); returns false (and changes nothing) otherwise or after the first message.
    bool setClientNonce(const QByteArray &nonce);
    QByteArray clientNonce() const { return m_clientNonce; }

    /// The client-first-message: GS2 header and client-first-message-bare, e.g. "n,,n=user,r=<nonce>". Empty
    /// when the client is not valid.
    QByteArray clientFirstMessage();

    /// Checks the server-first-message and returns the client-final-message (with the proof), or why the
    /// exchange must stop: our nonce not extended, a bad salt, an iteration count outside 1..1,000,000, a
    /// mandatory extension ("m="), or a message out of order.
    std::variant<QByteArray, QString> processServerFirst(QByteArrayView serverFirst);

    /// Checks the server-final-message: nullopt when its signature proves the server knows the password, else
    /// why not (including a server error "e=...").
    std::optional<QString> verifyServerFinal(QByteArrayView serverFinal);

    /// The most iterations accepted, so a hostile server cannot make the client hash for long. PBKDF2 runs
    /// in processServerFirst() on the calling thread: about 15 ms at 4096 iterations, 4 s at this bound.
    static constexpr int MaxIterations = 1'000'000;

private:
    enum class Step { ClientFirst, ServerFirst, ServerFinal, Done };

    QByteArray gs2Header() const;

    QCryptographicHash::Algorithm m_hash;
    QByteArray m_username; ///< prepared, UTF-8, not yet escaped
    QByteArray m_password; ///< prepared, UTF-8
    char m_gs2Flag;
    QByteArray m_channelBindingType;
    QByteArray m_channelBindingData;
    QByteArray m_clientNonce;
    QByteArray m_clientFirstBare;
    QByteArray m_expectedServerSignature;
    QString m_error;
    Step m_step = Step::ClientFirst;
};

} // namespace confab::sasl
