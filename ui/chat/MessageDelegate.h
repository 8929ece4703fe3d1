// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFont>
#include <QHash>
#include <QList>
#include <QStyledItemDelegate>
#include <QUrl>

#include <memory>

class QTextLayout;

namespace confab::ui {

/// Paints one chat message: a day separator ("Today", "Yesterday", a date) where the day changes, the
/// "New messages" line above the first unread one, the sender (and resource when asked), the time, the
/// delivery state of ours (clock, ✓ sent, ✓✓ delivered, ✓✓ read in the link colour, or "Not sent" with the
/// reason), an "edited" mark, and the body word-wrapped.
///
/// Bodies are untrusted plain text: never HTML. Only http, https and xmpp addresses become links, shown as
/// exactly the text they open (bidirectional controls end a link, so an RTL override cannot disguise one).
/// Each body's QTextLayout is cached per row id and width, so painting and sizing a row costs the same
/// whatever the history's length. Colours come from the option's palette (light and dark).
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    struct Link
    {
        int start = 0;
        int length = 0;
        QUrl url;
    };

    explicit MessageDelegate(QObject *parent = nullptr);
    ~MessageDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The width rows are laid out for (the view's viewport).
    void setWidth(int width);
    /// The message the "New messages" line is drawn above (0: none).
    void setUnreadMarker(qint64 id);
    qint64 unreadMarker() const { return m_unreadMarker; }
    /// Text highlighted in bodies (search); empty for none.
    void setHighlight(const QString &text);
    QString highlight() const { return m_highlight; }
    /// Whether incoming messages name the sender's resource (the contact uses several).
    void setShowResources(bool show);
    /// Forgets every cached layout (palette or font changed).
    void clearCache();

    /// The link at `pos` (view coordinates) in the row painted into `option.rect`, or an empty URL.
    QUrl linkAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;

    /// The http(s) and xmpp links in a plain-text body, with their places in it.
    static QList<Link> findLinks(const QString &text);
    /// Where a link really goes, as its tooltip shows it: the host in ASCII (punycode), so a look-alike in another
    /// script ("pаypal.com" with a Cyrillic 'а') or a user-info prefix ("https://bank.example@evil.example")
    /// cannot pass for the host it imitates.
    static QString linkTarget(const QUrl &url);
    /// "Today", "Yesterday", or the date (locale's long format), for a separator.
    static QString dayText(const QDate &date, const QDate &today);
    /// A row as plain text for the clipboard: "[time] sender: body".
    static QString copyText(const QModelIndex &index);

private:
    struct Entry
    {
        QString body;
        QString highlight;
        int width = 0;
        QFont font;
        std::shared_ptr<QTextLayout> layout;
        QList<Link> links;
        qreal height = 0;
    };
    struct Geometry
    {
        int separator = 0; ///< height of the day separator band (0: none)
        int marker = 0; ///< height of the unread marker band
        QRect header; ///< the sender / time line
        QPoint bodyOrigin;
        int height = 0;
    };

    const Entry &entry(const QStyleOptionViewItem &option, const QModelIndex &index, int bodyWidth) const;
    Geometry geometry(const QStyleOptionViewItem &option, const QModelIndex &index, const Entry **body) const;
    void paintState(QPainter *painter, const QRectF &box, int state, const QPalette &palette) const;

    mutable QHash<qint64, Entry> m_cache;
    int m_width = 0;
    qint64 m_unreadMarker = 0;
    QString m_highlight;
    bool m_showResources = false;
};

} // namespace confab::ui
