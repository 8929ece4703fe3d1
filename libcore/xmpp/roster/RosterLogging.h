// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

// The roster and subscriptions (RFC 6121 §2, §3). Kept here rather than in base/Logging.h so the roster
// feature stays in its own folder.
Q_DECLARE_LOGGING_CATEGORY(lcRoster) // confab.roster
