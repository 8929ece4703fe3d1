// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

// Message archive catch-up (XEP-0313), kept with its feature.
Q_DECLARE_LOGGING_CATEGORY(lcMam) // confab.mam
