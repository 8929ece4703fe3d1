// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

// confab.vcard: vCard-temp requests and what was wrong with a peer's vCard (XEP-0054).
Q_DECLARE_LOGGING_CATEGORY(lcVCard)
