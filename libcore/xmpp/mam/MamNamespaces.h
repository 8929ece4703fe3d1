// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringView>

/// Namespaces of message archive management (MamManager).
namespace confab::ns {
inline constexpr QStringView Mam = u"urn:xmpp:mam:2"; // XEP-0313
inline constexpr QStringView Rsm = u"http://jabber.org/protocol/rsm"; // XEP-0059
} // namespace confab::ns
