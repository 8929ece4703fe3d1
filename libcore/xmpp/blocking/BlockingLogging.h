// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

// confab.blocking: the XEP-0191 blocklist, and pushes refused for their sender.
Q_DECLARE_LOGGING_CATEGORY(lcBlocking)
