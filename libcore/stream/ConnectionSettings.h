// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"

#include <QByteArray>
#include <QString>

#include <chrono>

namespace confab {

enum class TlsMode {
    StartTls, ///< RFC 6120 §5: STARTTLS, required (the default)
    DirectTls, ///< XEP-0368: TLS from the first byte
    InsecurePlaintext ///< no TLS at all; only to a loopback address and never with PLAIN (tests, local demos)
};

/// Everything needed to open one account's session.
struct ConnectionSettings
{
    Jid jid; ///< bare, or full to request that resource at bind
    QString password; ///< never logged
    QString host; ///< connect here instead of resolving DNS SRV; the JID's domain is still used for TLS
    quint16 port = 0; ///< with host; 0 means 5222 (5223 for Direct TLS)
    TlsMode tlsMode = TlsMode::StartTls;
    QString caFile; ///< PEM CA trusted in addition to the system store
    QByteArray pinnedSha256; ///< raw 32-byte SHA-256 of the one server certificate to accept whatever its chain
    bool registerAccount = false; ///< XEP-0077: create the account before authenticating
    bool streamManagement = true; ///< XEP-0198 when the server offers it
    QString lang = QStringLiteral("en");
    std::chrono::milliseconds negotiationTimeout { 30000 }; ///< connect to bound session, at most

    /// "AB:CD:..." or "abcd..." (64 hex digits) to 32 raw bytes; empty on malformed input.
    static QByteArray parseFingerprint(QStringView text);
    /// 32 raw bytes as "AB:CD:...".
    static QString formatFingerprint(const QByteArray &sha256);
};

} // namespace confab
