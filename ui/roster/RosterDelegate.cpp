// SPDX-License-Identifier: Apache-2.0
#include "roster/RosterDelegate.h"

#include "common/Avatar.h"
#include "common/PresenceStyle.h"
#include "models/RosterModel.h"

#include <QApplication>
#include <QPainter>

namespace confab::ui {

namespace {

constexpr int kMargin = 6;
constexpr int kAvatar = 32;

} // namespace

QSize RosterDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    if (index.data(RosterModel::IsGroupRole).toBool()) {
        return { 100, metrics.height() + 2 * kMargin };
    }
    return { 100, qMax(kAvatar, 2 * metrics.height() + 2) + 2 * kMargin };
}

void RosterDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The style draws the background, selection and focus; the text is ours.
    opt.text.clear();
    opt.icon = {};
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    if (index.data(RosterModel::IsGroupRole).toBool()) {
        paintGroup(painter, option, index);
    } else {
        paintContact(painter, option, index);
    }
}

void RosterDelegate::paintGroup(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    QFont font = option.font;
    font.setBold(true);
    painter->setFont(font);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect rect = option.rect.adjusted(kMargin, 0, -kMargin, 0);
    const QString counts = QStringLiteral("%1/%2")
                               .arg(index.data(RosterModel::OnlineCountRole).toInt())
                               .arg(index.data(RosterModel::ContactCountRole).toInt());
    const QFontMetrics metrics(font);
    const int countsWidth = metrics.horizontalAdvance(counts);
    const QString name = metrics.elidedText(
        index.data(Qt::DisplayRole).toString(), Qt::ElideRight, rect.width() - countsWidth - kMargin);
    painter->drawText(rect, Qt::AlignVCenter | Qt::AlignLeft, name);
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->setFont(option.font);
    painter->drawText(rect, Qt::AlignVCenter | Qt::AlignRight, counts);
    painter->restore();
}

void RosterDelegate::paintContact(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QString jid = index.data(RosterModel::JidRole).toString();
    const QString name = index.data(Qt::DisplayRole).toString();
    const auto show = Presence::Show(index.data(RosterModel::PresenceRole).toInt());
    const int unread = index.data(RosterModel::UnreadCountRole).toInt();
    const bool blocked = index.data(RosterModel::BlockedRole).toBool();

    const QRect rect = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QRect avatarRect(rect.left(), rect.top() + (rect.height() - kAvatar) / 2, kAvatar, kAvatar);
    if (show == Presence::Show::Offline) {
        painter->setOpacity(0.55);
    }
    Avatar::paint(*painter, avatarRect, index.data(RosterModel::AvatarRole).value<QImage>(), name, jid);
    painter->setOpacity(1.0);

    // The presence badge sits on the avatar's lower right, ringed in the background colour.
    const int badge = 12;
    const QRectF badgeRect(avatarRect.right() - badge + 2, avatarRect.bottom() - badge + 2, badge, badge);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(option.palette.color(selected ? QPalette::Highlight : QPalette::Base), 2));
    painter->setBrush(PresenceStyle::color(show));
    painter->drawEllipse(badgeRect);

    int right = rect.right();
    if (unread > 0) {
        QFont bold = option.font;
        bold.setBold(true);
        const QFontMetrics metrics(bold);
        const QString text = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const int height = metrics.height();
        const int width = qMax(height, metrics.horizontalAdvance(text) + height / 2);
        const QRect pill(right - width + 1, rect.top() + (rect.height() - height) / 2, width, height);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xd0, 0x34, 0x2c));
        painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
        painter->setPen(Qt::white);
        painter->setFont(bold);
        painter->drawText(pill, Qt::AlignCenter, text);
        right = pill.left() - kMargin;
    }

    const int textLeft = avatarRect.right() + kMargin + 4;
    const QRect textRect(textLeft, rect.top(), right - textLeft, rect.height());
    QFont nameFont = option.font;
    if (unread > 0) {
        nameFont.setBold(true);
    }
    const QFontMetrics nameMetrics(nameFont);
    const QFontMetrics statusMetrics(option.font);
    QString status = index.data(RosterModel::StatusTextRole).toString().simplified();
    if (blocked) {
        status = tr("Blocked");
    } else if (index.data(RosterModel::PendingRole).toBool()) {
        status = tr("Waiting for approval");
    }
    const int lines = status.isEmpty() ? 1 : 2;
    const int textHeight = nameMetrics.height() + (lines == 2 ? statusMetrics.height() : 0);
    int y = textRect.top() + (textRect.height() - textHeight) / 2;
    painter->setFont(nameFont);
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(QRect(textRect.left(), y, textRect.width(), nameMetrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter, nameMetrics.elidedText(name, Qt::ElideRight, textRect.width()));
    if (lines == 2) {
        y += nameMetrics.height();
        painter->setFont(option.font);
        painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(QRect(textRect.left(), y, textRect.width(), statusMetrics.height()),
            Qt::AlignLeft | Qt::AlignVCenter, statusMetrics.elidedText(status, Qt::ElideRight, textRect.width()));
    }
    painter->restore();
}

} // namespace confab::ui
