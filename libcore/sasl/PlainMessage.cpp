// SPDX-License-Identifier: Apache-2.0
#include "sasl/PlainMessage.h"

#include "sasl/OpaqueString.h"

namespace confab::sasl {

QByteArray plainMessage(const QString &authcid, const QString &password)
{
    const auto preparedAuthcid = prepareOpaqueString(authcid);
    const auto preparedPassword = prepareOpaqueString(password);
    if (!preparedAuthcid || !preparedPassword) {
        return {};
    }
    // RFC 4616 §2: message = [authzid] UTF8NUL authcid UTF8NUL passwd; we never act as another identity.
    QByteArray message;
    message += '\0';
    message += preparedAuthcid->toUtf8();
    message += '\0';
    message += preparedPassword->toUtf8();
    return message;
}

} // namespace confab::sasl
