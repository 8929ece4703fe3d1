// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMetaType>
#include <QString>

namespace confab {

/// Why a connection could not be made or was lost: a closed, typed set, so a UI and the CLI's exit codes
/// can each say the right thing. `message` is one line a person understands (translated).
struct ConnectionError
{
    enum class Kind {
        None, ///< a clean logout
        HostNotFound, ///< DNS has no address for the server
        ConnectionFailed, ///< refused, unreachable, or no answer to connect
        ConnectionLost, ///< the established connection dropped or went silent
        TlsUnavailable, ///< the server does not offer TLS; we never fall back to plaintext
        CertificateRefused, ///< verification failed; `certificateSha256` lets the user pin it
        TlsFailed, ///< handshake failed for another reason
        PlaintextRefused, ///< insecure-plaintext asked for a non-loopback address
        AuthenticationFailed, ///< wrong user name or password (SASL not-authorized and friends)
        NoSuitableMechanism, ///< nothing we accept was offered (e.g. only PLAIN without TLS)
        RegistrationFailed, ///< XEP-0077 said no; `condition` tells conflict, not-allowed, ...
        StreamError, ///< RFC 6120 §4.9 stream error from the server; `condition` names it
        ProtocolError, ///< the server broke the protocol, or sent XML we refuse
        Timeout, ///< negotiation did not finish in time
    };

    Kind kind = Kind::None;
    QString message;
    QString condition; ///< stream error, SASL failure or stanza error condition, when there is one
    QByteArray certificateSha256; ///< with CertificateRefused: the leaf certificate's SHA-256
    QString certificateSubject; ///< with CertificateRefused: who the certificate claims to be

    bool isError() const { return kind != Kind::None; }
    /// Whether trying again later may help (network trouble) rather than needing the user (password, TLS).
    bool isTransient() const;
};

} // namespace confab

Q_DECLARE_METATYPE(confab::ConnectionError)
