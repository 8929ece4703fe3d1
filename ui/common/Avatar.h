// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QImage>
#include <QPixmap>
#include <QString>

class QPainter;
class QRectF;

namespace confab::ui {

/// Avatars as every view draws them: the contact's picture cut to a circle, or, without one, their initial
/// on a colour derived from the JID (XEP-0392 consistent colour), so a contact keeps one colour everywhere.
class Avatar
{
public:
    /// Paints into `rect` (logical pixels). `name` gives the initial; `jid` the colour.
    static void paint(
        QPainter &painter, const QRectF &rect, const QImage &image, const QString &name, const QString &jid);
    /// A ready pixmap (`size` logical px at `devicePixelRatio`), for labels and window icons.
    static QPixmap pixmap(
        int size, qreal devicePixelRatio, const QImage &image, const QString &name, const QString &jid);
    /// XEP-0392: hue from SHA-1 of the JID; saturation and lightness fixed for text contrast.
    static QColor consistentColor(const QString &jid);
};

} // namespace confab::ui
