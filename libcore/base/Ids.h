// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace confab {

/// A fresh stanza id: 96 random bits from the system CSPRNG, base64url. Unpredictable ids matter:
/// IQ responses are matched by id (and sender), so a guessable id invites spoofed results.
QString generateStanzaId();

} // namespace confab
