// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringView>

// base/Namespaces.h is shared; the avatar namespaces live with their feature.
namespace confab::ns {
inline constexpr QStringView AvatarData = u"urn:xmpp:avatar:data"; // XEP-0084
inline constexpr QStringView AvatarMetadata = u"urn:xmpp:avatar:metadata"; // XEP-0084
inline constexpr QStringView VCardUpdate = u"vcard-temp:x:update"; // XEP-0153
inline constexpr QStringView PubSub = u"http://jabber.org/protocol/pubsub"; // XEP-0060
inline constexpr QStringView PubSubEvent = u"http://jabber.org/protocol/pubsub#event";
inline constexpr QStringView PubSubPublishOptions = u"http://jabber.org/protocol/pubsub#publish-options";
} // namespace confab::ns
