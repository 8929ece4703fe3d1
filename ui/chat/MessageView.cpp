// SPDX-License-Identifier: Apache-2.0
#include "chat/MessageView.h"

#include "chat/ChatHistoryModel.h"
#include "chat/MessageDelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QScrollBar>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace confab::ui {

MessageView::MessageView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new MessageDelegate(this))
{
    setItemDelegate(m_delegate);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setUniformItemSizes(false);
    setWordWrap(true);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    setAccessibleName(tr("Messages"));
    verticalScrollBar()->setSingleStep(20);

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int) {
        if (!m_restoreFromBottom) {
            m_followBottom = isAtBottom();
        }
        maybeLoadOlder();
    });
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &MessageView::handleRangeChanged);
}

void MessageView::setHistory(ChatHistoryModel *model)
{
    m_history = model;
    setModel(model);
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this](const QModelIndex &, int first, int) {
        if (first == 0 && m_history->rowCount() > 0) {
            m_restoreFromBottom = true;
            m_distanceFromBottom = verticalScrollBar()->maximum() - verticalScrollBar()->value();
        }
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int) {
        if (first > 0 && m_followBottom) {
            scrollToNewest();
        }
    });
}

bool MessageView::isAtBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 4;
}

void MessageView::scrollToNewest()
{
    m_followBottom = true;
    // The layout of new rows is delayed; rangeChanged() follows it to the bottom.
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void MessageView::handleRangeChanged(int, int maximum)
{
    if (m_restoreFromBottom) {
        m_restoreFromBottom = false;
        verticalScrollBar()->setValue(maximum - m_distanceFromBottom);
    } else if (m_followBottom) {
        verticalScrollBar()->setValue(maximum);
    }
    // A page that does not fill the view leaves no scrolling to ask for the next one.
    maybeLoadOlder();
}

void MessageView::maybeLoadOlder()
{
    if (!m_history || !m_history->canLoadOlder()) {
        return;
    }
    if (verticalScrollBar()->value() <= viewport()->height() / 2) {
        m_history->loadOlder();
    }
}

QString MessageView::selectedText() const
{
    QModelIndexList rows = selectionModel() ? selectionModel()->selectedRows() : QModelIndexList();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &index : std::as_const(rows)) {
        lines.append(MessageDelegate::copyText(index));
    }
    return lines.join(u'\n');
}

QUrl MessageView::linkAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid()) {
        return {};
    }
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return m_delegate->linkAt(option, index, pos);
}

void MessageView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        const QString text = selectedText();
        if (!text.isEmpty()) {
            QGuiApplication::clipboard()->setText(text);
        }
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    m_delegate->setWidth(viewport()->width());
    const bool follow = m_followBottom;
    QListView::resizeEvent(event);
    scheduleDelayedItemsLayout();
    m_followBottom = follow;
}

void MessageView::mouseMoveEvent(QMouseEvent *event)
{
    const QUrl link = linkAt(event->position().toPoint());
    viewport()->setCursor(link.isEmpty() ? Qt::ArrowCursor : Qt::PointingHandCursor);
    if (!link.isEmpty()) {
        QToolTip::showText(event->globalPosition().toPoint(), MessageDelegate::linkTarget(link), viewport());
    }
    QListView::mouseMoveEvent(event);
}

void MessageView::mousePressEvent(QMouseEvent *event)
{
    m_pressedLink = event->button() == Qt::LeftButton ? linkAt(event->position().toPoint()) : QUrl();
    QListView::mousePressEvent(event);
}

void MessageView::mouseReleaseEvent(QMouseEvent *event)
{
    QListView::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && !m_pressedLink.isEmpty()
        && linkAt(event->position().toPoint()) == m_pressedLink) {
        Q_EMIT linkActivated(m_pressedLink);
    }
    m_pressedLink.clear();
}

void MessageView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (index.isValid() && !selectionModel()->isSelected(index)) {
        selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    const QUrl link = linkAt(event->pos());
    QMenu menu(this);
    QAction *copy = menu.addAction(tr("&Copy"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(!selectedText().isEmpty());
    connect(copy, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(selectedText()); });
    if (!link.isEmpty()) {
        QAction *copyLink = menu.addAction(tr("Copy &link"));
        connect(copyLink, &QAction::triggered, this,
            [link] { QGuiApplication::clipboard()->setText(link.toString(QUrl::FullyEncoded)); });
    }
    menu.addSeparator();
    QAction *all = menu.addAction(tr("Select &all"));
    connect(all, &QAction::triggered, this, &QAbstractItemView::selectAll);
    menu.exec(event->globalPos());
}

void MessageView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_delegate->clearCache();
        scheduleDelayedItemsLayout();
    }
    QListView::changeEvent(event);
}

} // namespace confab::ui
