// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace confab::sasl {

/// The single message of SASL PLAIN (RFC 4616 §2): NUL authcid NUL password, in UTF-8, with no authzid.
/// Both are prepared with prepareOpaqueString(); an empty array when either cannot be (empty, or containing
/// a control character such as NUL). Send it only over TLS (see chooseMechanism()).
QByteArray plainMessage(const QString &authcid, const QString &password);

} // namespace confab::sasl
