// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringView>

/// XML namespaces of the protocols libcore speaks, one place for all of them.
namespace confab::ns {
inline constexpr QStringView Client = u"jabber:client";
inline constexpr QStringView Stream = u"http://etherx.jabber.org/streams";
inline constexpr QStringView Streams = u"urn:ietf:params:xml:ns:xmpp-streams"; // stream error conditions
inline constexpr QStringView Stanzas = u"urn:ietf:params:xml:ns:xmpp-stanzas"; // stanza error conditions
inline constexpr QStringView Tls = u"urn:ietf:params:xml:ns:xmpp-tls";
inline constexpr QStringView Sasl = u"urn:ietf:params:xml:ns:xmpp-sasl";
inline constexpr QStringView Bind = u"urn:ietf:params:xml:ns:xmpp-bind";
inline constexpr QStringView Session = u"urn:ietf:params:xml:ns:xmpp-session";
inline constexpr QStringView SaslChannelBinding = u"urn:xmpp:sasl-cb:0"; // XEP-0440
inline constexpr QStringView StreamManagement = u"urn:xmpp:sm:3"; // XEP-0198
inline constexpr QStringView Register = u"jabber:iq:register"; // XEP-0077
inline constexpr QStringView RegisterFeature = u"http://jabber.org/features/iq-register";
inline constexpr QStringView DiscoInfo = u"http://jabber.org/protocol/disco#info"; // XEP-0030
inline constexpr QStringView DiscoItems = u"http://jabber.org/protocol/disco#items";
inline constexpr QStringView Version = u"jabber:iq:version"; // XEP-0092
inline constexpr QStringView Ping = u"urn:xmpp:ping"; // XEP-0199
inline constexpr QStringView Delay = u"urn:xmpp:delay"; // XEP-0203
inline constexpr QStringView DataForms = u"jabber:x:data"; // XEP-0004
inline constexpr QStringView Caps = u"http://jabber.org/protocol/caps"; // XEP-0115
} // namespace confab::ns
