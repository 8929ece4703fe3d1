// SPDX-License-Identifier: Apache-2.0
#include "xmpp/presence/PresenceLogging.h"

Q_LOGGING_CATEGORY(lcPresence, "confab.presence", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCaps, "confab.caps", QtInfoMsg)
