// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QListView>
#include <QUrl>

namespace confab::ui {

class ChatHistoryModel;
class MessageDelegate;

/// The message list of a chat: newest at the bottom and kept there while the user is there; older history
/// loads as the user scrolls near the top, without moving what they are reading. Ctrl+C copies the
/// selected messages; links open on click; a context menu offers "Copy" and "Copy link".
class MessageView : public QListView
{
    Q_OBJECT
public:
    explicit MessageView(QWidget *parent = nullptr);

    void setHistory(ChatHistoryModel *model);
    ChatHistoryModel *history() const { return m_history; }
    MessageDelegate *messageDelegate() const { return m_delegate; }

    /// Whether the view shows the newest message (the user is following the conversation).
    bool isAtBottom() const;
    void scrollToNewest();
    /// The selected messages as text, oldest first, one per line.
    QString selectedText() const;
    /// The link at `pos` (viewport coordinates), or an empty URL.
    QUrl linkAt(const QPoint &pos) const;

Q_SIGNALS:
    void linkActivated(const QUrl &url);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void maybeLoadOlder();
    void handleRangeChanged(int minimum, int maximum);

    ChatHistoryModel *m_history = nullptr;
    MessageDelegate *m_delegate;
    bool m_followBottom = true;
    bool m_restoreFromBottom = false; ///< rows were prepended: keep the distance from the bottom
    int m_distanceFromBottom = 0;
    QUrl m_pressedLink;
};

} // namespace confab::ui
