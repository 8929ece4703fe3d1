// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

// confab.avatar: avatar notifications, fetches, and images refused (hash mismatch, over a limit).
Q_DECLARE_LOGGING_CATEGORY(lcAvatar)
