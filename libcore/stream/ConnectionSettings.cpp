// SPDX-License-Identifier: Apache-2.0
#include "stream/ConnectionSettings.h"

namespace confab {

QByteArray ConnectionSettings::parseFingerprint(QStringView text)
{
    QByteArray hex;
    hex.reserve(64);
    for (QChar c : text) {
        if (c == u':' || c == u' ') {
            continue;
        }
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'))) {
            return {};
        }
        hex.append(char(c.unicode()));
    }
    if (hex.size() != 64) {
        return {};
    }
    return QByteArray::fromHex(hex);
}

QString ConnectionSettings::formatFingerprint(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

} // namespace confab
