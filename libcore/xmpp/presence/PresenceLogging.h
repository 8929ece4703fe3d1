// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

// The presence subsystem's own categories (STYLE.md: one per subsystem).
Q_DECLARE_LOGGING_CATEGORY(lcPresence) // confab.presence
Q_DECLARE_LOGGING_CATEGORY(lcCaps) // confab.caps: XEP-0115 lookups, verification and the cache
