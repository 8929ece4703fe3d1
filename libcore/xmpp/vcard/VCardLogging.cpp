// SPDX-License-Identifier: Apache-2.0
#include "xmpp/vcard/VCardLogging.h"

Q_LOGGING_CATEGORY(lcVCard, "confab.vcard", QtInfoMsg)
