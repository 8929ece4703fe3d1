// SPDX-License-Identifier: Apache-2.0
#include "xmpp/roster/RosterLogging.h"

Q_LOGGING_CATEGORY(lcRoster, "confab.roster", QtInfoMsg)
