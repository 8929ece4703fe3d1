// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringView>

// base/Namespaces.h is shared; the blocking namespaces live with their feature.
namespace confab::ns {
inline constexpr QStringView Blocking = u"urn:xmpp:blocking"; // XEP-0191
inline constexpr QStringView BlockingErrors = u"urn:xmpp:blocking:errors"; // XEP-0191 §3.5
} // namespace confab::ns
