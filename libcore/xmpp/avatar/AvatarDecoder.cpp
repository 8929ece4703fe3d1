// SPDX-License-Identifier: Apache-2.0
#include "xmpp/avatar/AvatarDecoder.h"

#include <QBuffer>
#include <QImageReader>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

// The formats avatars come in (XEP-0084 §4.2.1 requires PNG; JPEG, GIF and WebP are common). Other
// image plugins (TIFF, SVG, ...) are more attack surface than a contact picture is worth.
QString mimeTypeFor(const QByteArray &format)
{
    if (format == "png") {
        return u"image/png"_s;
    }
    if (format == "jpeg" || format == "jpg") {
        return u"image/jpeg"_s;
    }
    if (format == "gif") {
        return u"image/gif"_s;
    }
    if (format == "webp") {
        return u"image/webp"_s;
    }
    return {};
}

} // namespace

AvatarDecoder::HeaderResult AvatarDecoder::inspect(const QByteArray &bytes) const
{
    if (bytes.isEmpty()) {
        return u"no image data"_s;
    }
    if (bytes.size() > m_limits.maxBytes) {
        return u"image of %1 bytes is over the limit of %2"_s.arg(bytes.size()).arg(m_limits.maxBytes);
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true); // never trust a declared type for choosing the parser
    Header header;
    header.format = reader.format();
    header.mimeType = mimeTypeFor(header.format);
    if (header.mimeType.isEmpty()) {
        return u"not an image in an accepted format (%1)"_s.arg(QString::fromLatin1(header.format));
    }
    // QImageReader::size() reads the header only (PNG: IHDR), so a bomb is caught here, before decoding.
    header.size = reader.size();
    if (!header.size.isValid() || header.size.isEmpty()) {
        return u"image dimensions unreadable"_s;
    }
    if (header.size.width() > m_limits.maxSize.width() || header.size.height() > m_limits.maxSize.height()) {
        return u"image of %1×%2 pixels is over the limit of %3×%4"_s.arg(header.size.width())
            .arg(header.size.height())
            .arg(m_limits.maxSize.width())
            .arg(m_limits.maxSize.height());
    }
    return header;
}

AvatarDecoder::DecodeResult AvatarDecoder::decode(const QByteArray &bytes) const
{
    const HeaderResult header = inspect(bytes);
    if (const auto *error = std::get_if<QString>(&header)) {
        return *error;
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, std::get<Header>(header).format);
    // A format whose header lies about its size (or a plugin that cannot tell it) still cannot make the
    // reader allocate more than this.
    reader.setAllocationLimit(m_limits.allocationLimitMiB);
    QImage image = reader.read();
    if (image.isNull()) {
        return u"image could not be decoded: %1"_s.arg(reader.errorString());
    }
    if (image.width() > m_limits.maxSize.width() || image.height() > m_limits.maxSize.height()) {
        return u"decoded image is larger than its header said"_s;
    }
    return image;
}

} // namespace confab
