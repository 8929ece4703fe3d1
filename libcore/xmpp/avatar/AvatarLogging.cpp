// SPDX-License-Identifier: Apache-2.0
#include "xmpp/avatar/AvatarLogging.h"

Q_LOGGING_CATEGORY(lcAvatar, "confab.avatar", QtInfoMsg)
