// SPDX-License-Identifier: Apache-2.0
#include "xmpp/mam/MamLogging.h"

Q_LOGGING_CATEGORY(lcMam, "confab.mam", QtInfoMsg)
