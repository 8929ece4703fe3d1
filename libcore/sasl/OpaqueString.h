// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace confab::sasl {

/// Prepares a SASL username or password the way the PRECIS OpaqueString profile does (RFC 8265 §4.2), which
/// succeeds SASLprep (RFC 4013) for SCRAM (RFC 7677 §4) and PLAIN: non-ASCII spaces become U+0020, the result
/// is NFC, case and width are kept. nullopt for an empty result, a control character or broken UTF-16.
std::optional<QString> prepareOpaqueString(QStringView input);

} // namespace confab::sasl
