// SPDX-License-Identifier: Apache-2.0
#include "common/Avatar.h"

#include <QCryptographicHash>
#include <QPainter>
#include <QPainterPath>

namespace confab::ui {

QColor Avatar::consistentColor(const QString &jid)
{
    const QByteArray hash = QCryptographicHash::hash(jid.toUtf8(), QCryptographicHash::Sha1);
    // XEP-0392 §5.1: the first two bytes, little endian, scaled to an angle.
    const int angle = (quint8(hash.at(0)) | (quint8(hash.at(1)) << 8)) * 360 / 65536;
    return QColor::fromHsl(angle, 140, 110);
}

void Avatar::paint(QPainter &painter, const QRectF &rect, const QImage &image, const QString &name, const QString &jid)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath circle;
    circle.addEllipse(rect);
    if (!image.isNull()) {
        painter.setClipPath(circle);
        // Fill the circle, cropping the longer side.
        const QSizeF source = QSizeF(image.size()).scaled(rect.size(), Qt::KeepAspectRatioByExpanding);
        QRectF target(QPointF(), source);
        target.moveCenter(rect.center());
        painter.drawImage(target, image);
    } else {
        painter.setPen(Qt::NoPen);
        painter.setBrush(consistentColor(jid));
        painter.drawPath(circle);
        const QString text = (name.isEmpty() ? jid : name).trimmed();
        if (!text.isEmpty()) {
            QFont font = painter.font();
            font.setPixelSize(qMax(6, int(rect.height() * 0.45)));
            font.setBold(true);
            painter.setFont(font);
            painter.setPen(Qt::white);
            // The first grapheme (a surrogate pair stays whole; a CJK name shows its first character).
            const int length = text.at(0).isHighSurrogate() && text.size() > 1 ? 2 : 1;
            painter.drawText(rect, Qt::AlignCenter, text.left(length).toUpper());
        }
    }
    painter.restore();
}

QPixmap Avatar::pixmap(int size, qreal devicePixelRatio, const QImage &image, const QString &name, const QString &jid)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paint(painter, QRectF(0, 0, size, size), image, name, jid);
    painter.end();
    return pixmap;
}

} // namespace confab::ui
