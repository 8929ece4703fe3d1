// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace confab {
struct ConnectionError;
} // namespace confab

namespace confab::ui {

/// One clear, translated sentence for why a connection failed or was lost, by ConnectionError::Kind and,
/// where it tells more, its condition (RFC 6120 §4.9.3 stream errors, RFC 6120 §6.5 SASL failures, XEP-0077
/// errors). Shared by the sign-in dialog and the main window's "reconnecting" banner. Empty for a clean
/// logout.
QString connectionErrorText(const ConnectionError &error);

} // namespace confab::ui
