// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

// One category per subsystem (STYLE.md). Secrets (SASL exchanges, passwords) are never logged.
Q_DECLARE_LOGGING_CATEGORY(lcStream) // confab.stream
Q_DECLARE_LOGGING_CATEGORY(lcTransport) // confab.transport
Q_DECLARE_LOGGING_CATEGORY(lcClient) // confab.client
Q_DECLARE_LOGGING_CATEGORY(lcStorage) // confab.storage
Q_DECLARE_LOGGING_CATEGORY(lcXmlIn) // confab.xml.in: every element received (debug)
Q_DECLARE_LOGGING_CATEGORY(lcXmlOut) // confab.xml.out: every element sent (debug, SASL redacted)
