// SPDX-License-Identifier: Apache-2.0
#include "tray/TrayIcon.h"

#include "common/PresenceStyle.h"

#include <QFile>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace confab::ui {

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
{
    retranslate();
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
            Q_EMIT showWindowRequested();
        }
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_lastNotified.isValid()) {
            Q_EMIT chatRequested(m_lastNotified);
        }
    });
    updateIcon();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::show()
{
    m_tray->show();
}

void TrayIcon::retranslate()
{
    m_menu->clear();
    m_menu->addAction(tr("Show Confab"), this, &TrayIcon::showWindowRequested);
    m_menu->addSeparator();
    for (const Presence::Show show : PresenceStyle::selectable()) {
        QAction *action = m_menu->addAction(PresenceStyle::icon(show), PresenceStyle::name(show), this,
            [this, show] { Q_EMIT presenceRequested(show); });
        action->setCheckable(true);
        action->setChecked(show == m_show);
    }
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
}

void TrayIcon::setUnreadCount(int count)
{
    if (count != m_unread) {
        m_unread = count;
        updateIcon();
    }
}

void TrayIcon::setPresence(Presence::Show show)
{
    if (show != m_show) {
        m_show = show;
        retranslate();
        updateIcon();
    }
}

void TrayIcon::notify(const Jid &contact, const QString &title, const QString &body)
{
    m_lastNotified = contact;
    // Long messages are cut: a notification is a pointer to the chat, not the chat.
    QString text = body.simplified();
    if (text.size() > 200) {
        text = text.left(199) + u'…';
    }
    m_tray->showMessage(title, text, icon(), 8000);
}

QIcon TrayIcon::appIcon()
{
    if (const QString artwork = u":/icons/confab.svg"_s; QFile::exists(artwork)) {
        return QIcon(artwork);
    }
    // A speech bubble, for builds without the artwork.
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath bubble;
    bubble.addRoundedRect(QRectF(4, 6, 56, 42), 14, 14);
    bubble.moveTo(16, 44);
    bubble.lineTo(12, 60);
    bubble.lineTo(30, 46);
    painter.fillPath(bubble.simplified(), QColor(0x2b, 0x7a, 0xd6));
    painter.end();
    return QIcon(pixmap);
}

QIcon TrayIcon::icon() const
{
    return m_tray->icon();
}

void TrayIcon::updateIcon()
{
    QPixmap pixmap = appIcon().pixmap(64, 64);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    // Presence in the lower left corner, the unread count in a red disc in the upper right.
    painter.setPen(QPen(Qt::white, 3));
    painter.setBrush(PresenceStyle::color(m_show));
    painter.drawEllipse(QRectF(2, 40, 22, 22));
    if (m_unread > 0) {
        const QRectF disc(28, 0, 36, 36);
        painter.setBrush(QColor(0xd0, 0x34, 0x2c));
        painter.drawEllipse(disc);
        QFont font = painter.font();
        font.setPixelSize(m_unread > 9 ? 18 : 22);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(disc, Qt::AlignCenter, m_unread > 99 ? u"99+"_s : QString::number(m_unread));
    }
    painter.end();
    m_tray->setIcon(QIcon(pixmap));
    m_tray->setToolTip(m_unread > 0 ? tr("Confab — %n unread message(s)", nullptr, m_unread)
                                    : tr("Confab — %1").arg(PresenceStyle::name(m_show)));
}

} // namespace confab::ui
