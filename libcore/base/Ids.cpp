// SPDX-License-Identifier: Apache-2.0
#include "base/Ids.h"

#include <QByteArray>
#include <QRandomGenerator>

namespace confab {

QString generateStanzaId()
{
    quint32 words[3];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray raw(reinterpret_cast<const char *>(words), sizeof(words));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace confab
