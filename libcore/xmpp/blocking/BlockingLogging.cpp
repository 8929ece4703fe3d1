// SPDX-License-Identifier: Apache-2.0
#include "xmpp/blocking/BlockingLogging.h"

Q_LOGGING_CATEGORY(lcBlocking, "confab.blocking", QtInfoMsg)
