// SPDX-License-Identifier: Apache-2.0
// Avatar bytes come from strangers: the decoder must refuse decompression bombs and oversized data
// before it spends memory on them, and still decode the ordinary picture.
#include "xmpp/avatar/AvatarDecoder.h"

#include <QBuffer>
#include <QImage>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

QByteArray encode(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

QImage gradient(int width, int height)
{
    QImage image(width, height, QImage::Format_ARGB32);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            image.setPixel(x, y, qRgba(x * 255 / width, y * 255 / height, 128, 255));
        }
    }
    return image;
}

QImage noise(int width, int height)
{
    QImage image(width, height, QImage::Format_ARGB32);
    quint32 state = 12345;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            state = state * 1103515245 + 12345; // a fixed LCG: the same bytes every run
            image.setPixel(x, y, qRgba(int(state >> 24), int(state >> 16) & 0xff, int(state >> 8) & 0xff, 255));
        }
    }
    return image;
}

quint32 crc32(QByteArrayView data)
{
    // PNG's CRC (ISO 3309 / ITU-T V.42), bit by bit: enough for one 17-byte chunk.
    quint32 crc = 0xffffffffu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc & 1) ? (crc >> 1) ^ 0xedb88320u : crc >> 1;
        }
    }
    return crc ^ 0xffffffffu;
}

/// A real, tiny PNG whose IHDR is rewritten to claim `width`×`height` (with a correct CRC, so libpng
/// accepts the header): the few bytes of a decompression bomb.
QByteArray pngClaiming(quint32 width, quint32 height)
{
    QByteArray png = encode(gradient(8, 8), "PNG");
    // Signature (8) | IHDR length (4) | "IHDR" (4) | width (4) | height (4) | ... 5 bytes | CRC (4)
    Q_ASSERT(png.mid(12, 4) == "IHDR");
    qToBigEndian(width, png.data() + 16);
    qToBigEndian(height, png.data() + 20);
    qToBigEndian(crc32(QByteArrayView(png).sliced(12, 17)), png.data() + 29);
    return png;
}

template <typename Result> QString errorOf(const Result &result)
{
    const auto *error = std::get_if<QString>(&result);
    return error ? *error : QString();
}

} // namespace

class tst_AvatarDecoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesASmallPng();
    void decodesAJpeg();
    void refusesPngWithForgedHugeDimensionsBeforeDecoding_data();
    void refusesPngWithForgedHugeDimensionsBeforeDecoding();
    void allocationLimitHoldsEvenWithoutTheDimensionLimit();
    void refusesDataOverTheByteLimit();
    void refusesARealImageOverAByteLimit();
    void refusesWhatIsNotAnAcceptedImage_data();
    void refusesWhatIsNotAnAcceptedImage();
    void acceptsTheLargestAllowedDimensions();
};

void tst_AvatarDecoding::decodesASmallPng()
{
    const QImage original = gradient(48, 32);
    const AvatarDecoder::DecodeResult result = AvatarDecoder().decode(encode(original, "PNG"));
    QVERIFY2(std::holds_alternative<QImage>(result), qPrintable(errorOf(result)));
    const QImage decoded = std::get<QImage>(result);
    QCOMPARE(decoded.size(), QSize(48, 32));
    QCOMPARE(decoded.pixel(47, 31), original.pixel(47, 31));

    const AvatarDecoder::HeaderResult header = AvatarDecoder().inspect(encode(original, "PNG"));
    QCOMPARE(std::get<AvatarDecoder::Header>(header).mimeType, u"image/png"_s);
    QCOMPARE(std::get<AvatarDecoder::Header>(header).size, QSize(48, 32));
}

void tst_AvatarDecoding::decodesAJpeg()
{
    const QByteArray jpeg = encode(gradient(40, 40), "JPEG");
    if (jpeg.isEmpty()) {
        QSKIP("this Qt has no JPEG writer");
    }
    const AvatarDecoder::DecodeResult result = AvatarDecoder().decode(jpeg);
    QVERIFY2(std::holds_alternative<QImage>(result), qPrintable(errorOf(result)));
    QCOMPARE(std::get<AvatarDecoder::Header>(AvatarDecoder().inspect(jpeg)).mimeType, u"image/jpeg"_s);
}

void tst_AvatarDecoding::refusesPngWithForgedHugeDimensionsBeforeDecoding_data()
{
    QTest::addColumn<quint32>("width");
    QTest::addColumn<quint32>("height");
    QTest::newRow("100000 x 100000") << 100000u << 100000u;
    QTest::newRow("wide: 4097 x 1") << 4097u << 1u;
    QTest::newRow("tall: 1 x 4097") << 1u << 4097u;
    QTest::newRow("2^31-1 square") << 0x7fffffffu << 0x7fffffffu;
}

void tst_AvatarDecoding::refusesPngWithForgedHugeDimensionsBeforeDecoding()
{
    QFETCH(quint32, width);
    QFETCH(quint32, height);
    const QByteArray bomb = pngClaiming(width, height);
    QVERIFY(bomb.size() < 1024); // a few hundred bytes on the wire

    const AvatarDecoder decoder;
    const AvatarDecoder::HeaderResult header = decoder.inspect(bomb);
    QVERIFY(std::holds_alternative<QString>(header));
    const AvatarDecoder::DecodeResult result = decoder.decode(bomb);
    QVERIFY(std::holds_alternative<QString>(result));
    QVERIFY2(std::get<QString>(result).contains(u"limit"_s) || std::get<QString>(result).contains(u"unreadable"_s),
        qPrintable(errorOf(result)));
}

void tst_AvatarDecoding::allocationLimitHoldsEvenWithoutTheDimensionLimit()
{
    // With the dimension check lifted, QImageReader's allocation limit is what stands between the forged
    // header and a 40 GB allocation.
    AvatarDecoder::Limits limits;
    limits.maxSize = QSize(1000000, 1000000);
    const AvatarDecoder decoder(limits);
    const AvatarDecoder::DecodeResult result = decoder.decode(pngClaiming(100000, 100000));
    QVERIFY(std::holds_alternative<QString>(result));
}

void tst_AvatarDecoding::refusesDataOverTheByteLimit()
{
    // A valid image followed by padding up to one byte over the default 1 MiB: refused on size alone.
    QByteArray bytes = encode(gradient(16, 16), "PNG");
    bytes.append(QByteArray(AvatarDecoder::Limits {}.maxBytes + 1 - bytes.size(), '\0'));
    QCOMPARE(bytes.size(), AvatarDecoder::Limits {}.maxBytes + 1);
    const AvatarDecoder::DecodeResult result = AvatarDecoder().decode(bytes);
    QVERIFY(std::holds_alternative<QString>(result));
    QVERIFY2(std::get<QString>(result).contains(u"bytes"_s), qPrintable(errorOf(result)));

    // Exactly at the limit is still inspected as an image.
    bytes.chop(1);
    QVERIFY(std::holds_alternative<QImage>(AvatarDecoder().decode(bytes)));
}

void tst_AvatarDecoding::refusesARealImageOverAByteLimit()
{
    const QByteArray png = encode(noise(64, 64), "PNG"); // noise does not compress: over 12 kB
    QVERIFY(png.size() > 4096);
    AvatarDecoder::Limits limits;
    limits.maxBytes = 4096;
    QVERIFY(std::holds_alternative<QString>(AvatarDecoder(limits).decode(png)));
    QVERIFY(std::holds_alternative<QImage>(AvatarDecoder().decode(png)));
}

void tst_AvatarDecoding::refusesWhatIsNotAnAcceptedImage_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArray("hello, this is not a picture");
    QTest::newRow("truncated png") << encode(gradient(16, 16), "PNG").left(40);
    QTest::newRow("bmp (not an avatar format)") << encode(gradient(16, 16), "BMP");
    QTest::newRow("svg (not an avatar format)")
        << QByteArray("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>");
}

void tst_AvatarDecoding::refusesWhatIsNotAnAcceptedImage()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(std::holds_alternative<QString>(AvatarDecoder().decode(bytes)));
}

void tst_AvatarDecoding::acceptsTheLargestAllowedDimensions()
{
    const QByteArray header = pngClaiming(4096, 4096);
    const AvatarDecoder::HeaderResult result = AvatarDecoder().inspect(header);
    QVERIFY(std::holds_alternative<AvatarDecoder::Header>(result));
    QCOMPARE(std::get<AvatarDecoder::Header>(result).size, QSize(4096, 4096));
}

QTEST_GUILESS_MAIN(tst_AvatarDecoding)
#include "tst_AvatarDecoding.moc"
