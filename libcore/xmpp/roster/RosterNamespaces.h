// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringView>

/// The namespaces of the roster and of subscription pre-approval (RFC 6121).
namespace confab::ns::roster {
inline constexpr QStringView Query = u"jabber:iq:roster"; // RFC 6121 §2.1
/// Stream feature: the server supports roster versioning (RFC 6121 §2.6.1).
inline constexpr QStringView VersioningFeature = u"urn:xmpp:features:rosterver";
/// Stream feature: the server supports subscription pre-approval (RFC 6121 §3.4.1).
inline constexpr QStringView PreApprovalFeature = u"urn:xmpp:features:pre-approval";
} // namespace confab::ns::roster
