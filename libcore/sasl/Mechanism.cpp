// SPDX-License-Identifier: Apache-2.0
#include "sasl/Mechanism.h"

#include <array>
#include <utility>

namespace confab::sasl {

namespace {

constexpr std::array<std::pair<Mechanism, QStringView>, 7> Names { {
    { Mechanism::Plain, u"PLAIN" },
    { Mechanism::ScramSha1, u"SCRAM-SHA-1" },
    { Mechanism::ScramSha1Plus, u"SCRAM-SHA-1-PLUS" },
    { Mechanism::ScramSha256, u"SCRAM-SHA-256" },
    { Mechanism::ScramSha256Plus, u"SCRAM-SHA-256-PLUS" },
    { Mechanism::ScramSha512, u"SCRAM-SHA-512" },
    { Mechanism::ScramSha512Plus, u"SCRAM-SHA-512-PLUS" },
} };

} // namespace

QString mechanismName(Mechanism mechanism)
{
    for (const auto &[candidate, name] : Names) {
        if (candidate == mechanism) {
            return name.toString();
        }
    }
    return {};
}

std::optional<Mechanism> mechanismFromName(QStringView name)
{
    for (const auto &[mechanism, candidate] : Names) {
        if (candidate == name) {
            return mechanism;
        }
    }
    return std::nullopt;
}

bool usesChannelBinding(Mechanism mechanism)
{
    return mechanism == Mechanism::ScramSha1Plus || mechanism == Mechanism::ScramSha256Plus
        || mechanism == Mechanism::ScramSha512Plus;
}

std::optional<QCryptographicHash::Algorithm> scramHash(Mechanism mechanism)
{
    switch (mechanism) {
    case Mechanism::Plain:
        return std::nullopt;
    case Mechanism::ScramSha1:
    case Mechanism::ScramSha1Plus:
        return QCryptographicHash::Sha1;
    case Mechanism::ScramSha256:
    case Mechanism::ScramSha256Plus:
        return QCryptographicHash::Sha256;
    case Mechanism::ScramSha512:
    case Mechanism::ScramSha512Plus:
        return QCryptographicHash::Sha512;
    }
    return std::nullopt;
}

} // namespace confab::sasl
