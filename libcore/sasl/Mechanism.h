// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCryptographicHash>
#include <QString>
#include <QStringView>

#include <optional>

namespace confab::sasl {

/// The SASL mechanisms Confab can run: PLAIN (RFC 4616) and SCRAM (RFC 5802, RFC 7677) with SHA-1, SHA-256
/// and SHA-512, each also as -PLUS with channel binding.
enum class Mechanism { Plain, ScramSha1, ScramSha1Plus, ScramSha256, ScramSha256Plus, ScramSha512, ScramSha512Plus };

/// The registered name, e.g. "SCRAM-SHA-256-PLUS".
QString mechanismName(Mechanism mechanism);

/// The mechanism with this name, or nullopt for one we do not implement. SASL mechanism names are upper case
/// (RFC 4422 §3.1); the match is exact.
std::optional<Mechanism> mechanismFromName(QStringView name);

/// Whether the mechanism is a -PLUS variant, which binds the authentication to the TLS channel.
bool usesChannelBinding(Mechanism mechanism);

/// The hash a SCRAM mechanism is built on (Sha1, Sha256 or Sha512); nullopt for PLAIN.
std::optional<QCryptographicHash::Algorithm> scramHash(Mechanism mechanism);

} // namespace confab::sasl
