// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStyledItemDelegate>

namespace confab::ui {

/// Paints a roster row: for a contact, the avatar with a presence badge, the name, the status text under it
/// and an unread count; for a group, its name with "online/total". Colours come from the palette, so light
/// and dark themes both read. Everything painted is also in the model's AccessibleTextRole.
class RosterDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintGroup(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintContact(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace confab::ui
