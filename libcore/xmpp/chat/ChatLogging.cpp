// SPDX-License-Identifier: Apache-2.0
#include "xmpp/chat/ChatLogging.h"

Q_LOGGING_CATEGORY(lcChat, "confab.chat", QtInfoMsg)
