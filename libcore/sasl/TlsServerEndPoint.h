// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

class QSslCertificate;

namespace confab::sasl {

/// The "tls-server-end-point" channel-binding data (RFC 5929 §4.1) for the server's certificate: the hash
/// of its DER encoding, with the hash of the certificate's signatureAlgorithm, except SHA-256 where that is
/// MD5 or SHA-1; SHA-256 also when the algorithm names no single hash (e.g. Ed25519) or is unknown.
/// An empty array for a null or unparsable certificate.
QByteArray tlsServerEndPoint(const QSslCertificate &certificate);

} // namespace confab::sasl
