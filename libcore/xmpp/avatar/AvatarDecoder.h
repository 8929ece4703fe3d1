// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

#include <variant>

namespace confab {

/// Turns avatar bytes from the network into an image without letting them cost more than a contact
/// picture should: the byte count is checked before anything is parsed, and the dimensions the header
/// claims are checked before any pixel is decoded, so a few hundred bytes of PNG claiming 100000×100000
/// pixels (a decompression bomb) are refused without allocating for them.
class AvatarDecoder
{
public:
    struct Limits
    {
        qsizetype maxBytes = 1024 * 1024; ///< of encoded image data
        QSize maxSize { 4096, 4096 }; ///< width and height, each
        int allocationLimitMiB = 64; ///< QImageReader's own ceiling, a second line of defence
    };

    /// What an image is, read from its header only.
    struct Header
    {
        QByteArray format; ///< "png", "jpeg", "gif", "webp"...
        QSize size;
        QString mimeType; ///< "image/png", ... for XEP-0084 <info type=/> and vCard PHOTO/TYPE
    };

    using HeaderResult = std::variant<Header, QString>;
    using DecodeResult = std::variant<QImage, QString>;

    AvatarDecoder() = default;
    explicit AvatarDecoder(Limits limits)
        : m_limits(limits)
    { }

    const Limits &limits() const { return m_limits; }

    /// Reads format and dimensions and checks them against the limits, decoding no pixels. The error is
    /// one line for the log.
    HeaderResult inspect(const QByteArray &bytes) const;
    /// inspect(), then decodes. The error is one line for the log.
    DecodeResult decode(const QByteArray &bytes) const;

private:
    Limits m_limits;
};

} // namespace confab
