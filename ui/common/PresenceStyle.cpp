// SPDX-License-Identifier: Apache-2.0
#include "common/PresenceStyle.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace confab::ui {

QString PresenceStyle::name(Presence::Show show)
{
    switch (show) {
    case Presence::Show::Chat:
        return QCoreApplication::translate("PresenceStyle", "Free for chat");
    case Presence::Show::Online:
        return QCoreApplication::translate("PresenceStyle", "Available");
    case Presence::Show::Away:
        return QCoreApplication::translate("PresenceStyle", "Away");
    case Presence::Show::ExtendedAway:
        return QCoreApplication::translate("PresenceStyle", "Extended away");
    case Presence::Show::DoNotDisturb:
        return QCoreApplication::translate("PresenceStyle", "Do not disturb");
    case Presence::Show::Offline:
        break;
    }
    return QCoreApplication::translate("PresenceStyle", "Offline");
}

QColor PresenceStyle::color(Presence::Show show)
{
    switch (show) {
    case Presence::Show::Chat:
        return QColor(0x1a, 0xa3, 0x8c);
    case Presence::Show::Online:
        return QColor(0x2e, 0xa0, 0x43);
    case Presence::Show::Away:
        return QColor(0xe0, 0xa1, 0x00);
    case Presence::Show::ExtendedAway:
        return QColor(0xd4, 0x6a, 0x15);
    case Presence::Show::DoNotDisturb:
        return QColor(0xd0, 0x34, 0x2c);
    case Presence::Show::Offline:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

QIcon PresenceStyle::icon(Presence::Show show, int size)
{
    // Drawn once per state and size: tab titles and menus ask on every change (a burst of messages
    // updates the tab once per turn), and the colours never change.
    // Never destroyed: pixmaps must not outlive the application object, as a static's destructor would.
    static auto *const cache = new QHash<std::pair<int, int>, QIcon>;
    const std::pair<int, int> key { int(show), size };
    if (const auto it = cache->constFind(key); it != cache->constEnd()) {
        return *it;
    }
    QIcon icon;
    for (const qreal scale : { 1.0, 2.0 }) {
        QPixmap pixmap(QSize(size, size) * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal inset = size * 0.2;
        const QRectF dot(inset, inset, size - 2 * inset, size - 2 * inset);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color(show));
        painter.drawEllipse(dot);
        if (show == Presence::Show::DoNotDisturb) {
            // A bar, so the state does not rest on colour alone.
            painter.setBrush(Qt::white);
            painter.drawRect(QRectF(dot.left() + dot.width() * 0.22, dot.center().y() - dot.height() * 0.1,
                dot.width() * 0.56, dot.height() * 0.2));
        } else if (show == Presence::Show::Offline) {
            painter.setBrush(Qt::white);
            painter.drawEllipse(
                dot.adjusted(dot.width() * 0.28, dot.height() * 0.28, -dot.width() * 0.28, -dot.height() * 0.28));
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    cache->insert(key, icon);
    return icon;
}

QList<Presence::Show> PresenceStyle::selectable()
{
    return { Presence::Show::Online, Presence::Show::Chat, Presence::Show::Away, Presence::Show::ExtendedAway,
        Presence::Show::DoNotDisturb, Presence::Show::Offline };
}

} // namespace confab::ui
