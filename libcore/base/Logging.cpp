// SPDX-License-Identifier: Apache-2.0
#include "base/Logging.h"

Q_LOGGING_CATEGORY(lcStream, "confab.stream", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransport, "confab.transport", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClient, "confab.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "confab.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcXmlIn, "confab.xml.in", QtWarningMsg)
Q_LOGGING_CATEGORY(lcXmlOut, "confab.xml.out", QtWarningMsg)
