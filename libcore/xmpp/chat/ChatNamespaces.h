// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringView>

/// Namespaces of the one-to-one chat XEPs (ChatManager and its payloads).
namespace confab::ns {
inline constexpr QStringView Receipts = u"urn:xmpp:receipts"; // XEP-0184
inline constexpr QStringView ChatStates = u"http://jabber.org/protocol/chatstates"; // XEP-0085
inline constexpr QStringView ChatMarkers = u"urn:xmpp:chat-markers:0"; // XEP-0333
inline constexpr QStringView Carbons = u"urn:xmpp:carbons:2"; // XEP-0280
inline constexpr QStringView Forward = u"urn:xmpp:forward:0"; // XEP-0297
inline constexpr QStringView StanzaIds = u"urn:xmpp:sid:0"; // XEP-0359
inline constexpr QStringView Correction = u"urn:xmpp:message-correct:0"; // XEP-0308
} // namespace confab::ns
