// SPDX-License-Identifier: Apache-2.0
// Build-time tool: renders the application icon (SVG) to the PNG sizes of the hicolor icon theme, so the
// packages need nothing beyond Qt Svg, which Confab links anyway.
//
//   confab-svg2png INPUT.svg SIZE OUTPUT.png

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc != 4) {
        std::fputs("usage: confab-svg2png INPUT.svg SIZE OUTPUT.png\n", stderr);
        return 2;
    }
    // No window system is needed to paint into an image; the offscreen platform keeps build machines
    // without a display happy.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QString input = QString::fromLocal8Bit(argv[1]);
    bool ok = false;
    const int size = QString::fromLocal8Bit(argv[2]).toInt(&ok);
    const QString output = QString::fromLocal8Bit(argv[3]);
    if (!ok || size < 1 || size > 4096) {
        std::fprintf(stderr, "confab-svg2png: bad size %s\n", argv[2]);
        return 2;
    }
    QSvgRenderer renderer(input);
    if (!renderer.isValid()) {
        std::fprintf(stderr, "confab-svg2png: cannot read %s\n", argv[1]);
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
        renderer.render(&painter);
    }
    // Metadata-free output (no text chunks, no timestamps), so the PNGs are reproducible.
    image.setText(QString(), QString());
    if (!image.save(output, "PNG")) {
        std::fprintf(stderr, "confab-svg2png: cannot write %s\n", argv[3]);
        return 1;
    }
    return 0;
}
