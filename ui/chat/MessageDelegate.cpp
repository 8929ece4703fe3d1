// SPDX-License-Identifier: Apache-2.0
#include "chat/MessageDelegate.h"

#include "chat/ChatHistoryModel.h"
#include "common/Avatar.h"
#include "models/ConversationModel.h"
#include "storage/StoredMessage.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QTextLayout>

using namespace Qt::StringLiterals;

namespace confab::ui {

namespace {

constexpr int HorizontalPadding = 10;
constexpr int VerticalPadding = 4;
constexpr int CacheLimit = 4000;

/// Bidirectional controls and line separators end a link: they could make it read as something it is not.
const QRegularExpression &linkPattern()
{
    static const QRegularExpression pattern(
        uR"((?<![A-Za-z0-9.+-])(?:https?://|xmpp:)[^\s<>"\x{200E}\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}\x{2028}\x{2029}\x{FEFF}]+)"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

/// QTextLayout breaks lines only at U+2028; same length, so offsets (links, highlights) stay valid.
QString layoutText(const QString &body)
{
    QString text = body;
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\r') {
            c = QChar::LineSeparator;
        }
    }
    return text;
}

QColor secondaryColor(const QPalette &palette)
{
    return palette.color(QPalette::PlaceholderText);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QDate localDate(const QModelIndex &index)
{
    return index.data(ConversationModel::TimestampRole).toDateTime().toLocalTime().date();
}

} // namespace

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

MessageDelegate::~MessageDelegate() = default;

void MessageDelegate::setWidth(int width)
{
    m_width = width;
}

void MessageDelegate::setUnreadMarker(qint64 id)
{
    m_unreadMarker = id;
}

void MessageDelegate::setHighlight(const QString &text)
{
    if (text != m_highlight) {
        m_highlight = text;
        m_cache.clear();
    }
}

void MessageDelegate::setShowResources(bool show)
{
    m_showResources = show;
}

void MessageDelegate::clearCache()
{
    m_cache.clear();
}

QList<MessageDelegate::Link> MessageDelegate::findLinks(const QString &text)
{
    QList<Link> links;
    auto it = linkPattern().globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        QString candidate = match.captured();
        // Trailing punctuation belongs to the sentence; a closing parenthesis only when unbalanced.
        while (!candidate.isEmpty()) {
            const QChar last = candidate.back();
            if (QStringView(u".,;:!?'*").contains(last)
                || (last == u')' && candidate.count(u'(') < candidate.count(u')'))) {
                candidate.chop(1);
            } else {
                break;
            }
        }
        const QUrl url(candidate, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        const bool web = scheme == u"http" || scheme == u"https";
        if (!url.isValid() || (web && url.host().isEmpty()) || (!web && scheme != u"xmpp")
            || (!web && url.path().isEmpty())) {
            continue;
        }
        links.append(Link { int(match.capturedStart()), int(candidate.size()), url });
    }
    return links;
}

QString MessageDelegate::linkTarget(const QUrl &url)
{
    if (url.host().isEmpty()) {
        return url.toDisplayString();
    }
    // QUrl::toDisplayString() shows Unicode for hosts under the TLDs of Qt's IDN whitelist (.com among them),
    // which is exactly where a homograph hides; the ACE form (RFC 3490) is the host the browser will contact.
    QString target = url.scheme() + u"://"_s + url.host(QUrl::FullyEncoded);
    if (url.port() != -1) {
        target += u':' + QString::number(url.port());
    }
    return target + url.toDisplayString(QUrl::RemoveScheme | QUrl::RemoveAuthority);
}

QString MessageDelegate::dayText(const QDate &date, const QDate &today)
{
    if (date == today) {
        return tr("Today");
    }
    if (date == today.addDays(-1)) {
        return tr("Yesterday");
    }
    return QLocale().toString(date, QLocale::LongFormat);
}

QString MessageDelegate::copyText(const QModelIndex &index)
{
    const QString time = QLocale().toString(
        index.data(ConversationModel::TimestampRole).toDateTime().toLocalTime(), QLocale::ShortFormat);
    QString sender = index.data(ChatHistoryModel::SenderNameRole).toString();
    if (sender.isEmpty()) {
        sender = index.data(ConversationModel::SenderRole).toString();
    }
    //: A chat message copied to the clipboard: [time] sender: text
    return tr("[%1] %2: %3").arg(time, sender, index.data(ConversationModel::BodyRole).toString());
}

const MessageDelegate::Entry &MessageDelegate::entry(
    const QStyleOptionViewItem &option, const QModelIndex &index, int bodyWidth) const
{
    const qint64 id = index.data(ConversationModel::IdRole).toLongLong();
    const QString body = index.data(ConversationModel::BodyRole).toString();
    auto it = m_cache.find(id);
    if (it != m_cache.end() && it->width == bodyWidth && it->body == body && it->highlight == m_highlight
        && it->font == option.font) {
        return *it;
    }
    if (m_cache.size() >= CacheLimit) {
        m_cache.clear();
    }
    Entry fresh;
    fresh.body = body;
    fresh.highlight = m_highlight;
    fresh.width = bodyWidth;
    fresh.font = option.font;
    fresh.links = findLinks(body);
    fresh.layout = std::make_shared<QTextLayout>(layoutText(body), option.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    textOption.setTextDirection(body.isRightToLeft() ? Qt::RightToLeft : Qt::LeftToRight);
    fresh.layout->setTextOption(textOption);

    QList<QTextLayout::FormatRange> formats;
    if (!m_highlight.isEmpty()) {
        QColor mark = option.palette.color(QPalette::Highlight);
        mark.setAlpha(isDark(option.palette) ? 120 : 80);
        for (qsizetype at = body.indexOf(m_highlight, 0, Qt::CaseInsensitive); at >= 0;
             at = body.indexOf(m_highlight, at + m_highlight.size(), Qt::CaseInsensitive)) {
            QTextLayout::FormatRange range;
            range.start = int(at);
            range.length = int(m_highlight.size());
            range.format.setBackground(mark);
            formats.append(range);
        }
    }
    for (const Link &link : std::as_const(fresh.links)) {
        QTextLayout::FormatRange range;
        range.start = link.start;
        range.length = link.length;
        range.format.setForeground(option.palette.color(QPalette::Link));
        range.format.setFontUnderline(true);
        formats.append(range);
    }
    fresh.layout->setFormats(formats);

    fresh.layout->beginLayout();
    qreal y = 0;
    for (QTextLine line = fresh.layout->createLine(); line.isValid(); line = fresh.layout->createLine()) {
        line.setLineWidth(bodyWidth);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    fresh.layout->endLayout();
    fresh.height = qMax(y, qreal(QFontMetrics(option.font).height()));
    return *m_cache.insert(id, std::move(fresh));
}

MessageDelegate::Geometry MessageDelegate::geometry(
    const QStyleOptionViewItem &option, const QModelIndex &index, const Entry **body) const
{
    Geometry g;
    const QFontMetrics metrics(option.font);
    const int width = option.rect.width() > 0 ? option.rect.width() : (m_width > 0 ? m_width : 400);
    const int bodyWidth = qMax(40, width - 2 * HorizontalPadding);
    const QModelIndex previous = index.siblingAtRow(index.row() - 1);
    if (!previous.isValid() || localDate(previous) != localDate(index)) {
        g.separator = metrics.height() + 12;
    }
    if (m_unreadMarker != 0 && index.data(ConversationModel::IdRole).toLongLong() == m_unreadMarker) {
        g.marker = metrics.height() + 6;
    }
    const int top = option.rect.top() + g.separator + g.marker + VerticalPadding;
    g.header = QRect(option.rect.left() + HorizontalPadding, top, bodyWidth, metrics.height());
    g.bodyOrigin = QPoint(g.header.left(), g.header.bottom() + 1 + 2);
    const Entry &e = entry(option, index, bodyWidth);
    *body = &e;
    g.height
        = g.separator + g.marker + VerticalPadding + metrics.height() + 2 + int(std::ceil(e.height)) + VerticalPadding;
    return g;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem sized = option;
    if (m_width > 0) {
        sized.rect.setWidth(m_width);
    }
    const Entry *body = nullptr;
    const Geometry g = geometry(sized, index, &body);
    return QSize(sized.rect.width() > 0 ? sized.rect.width() : 400, g.height);
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Entry *body = nullptr;
    const Geometry g = geometry(option, index, &body);
    const QPalette &palette = option.palette;
    const QFontMetrics metrics(option.font);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    int y = option.rect.top();
    if (g.separator > 0) {
        const QString day = dayText(localDate(index), QDate::currentDate());
        QFont font = option.font;
        font.setBold(true);
        const QFontMetrics dayMetrics(font);
        const int textWidth = dayMetrics.horizontalAdvance(day) + 16;
        const QRect band(option.rect.left(), y, option.rect.width(), g.separator);
        QColor line = secondaryColor(palette);
        line.setAlpha(90);
        painter->setPen(QPen(line, 1));
        const qreal middle = band.center().y() + 0.5;
        const qreal left = band.left() + HorizontalPadding;
        const qreal right = band.right() - HorizontalPadding;
        const qreal textLeft = band.center().x() - textWidth / 2.0;
        painter->drawLine(QPointF(left, middle), QPointF(textLeft, middle));
        painter->drawLine(QPointF(textLeft + textWidth, middle), QPointF(right, middle));
        painter->setFont(font);
        painter->setPen(secondaryColor(palette));
        painter->drawText(band, Qt::AlignCenter, day);
        y += g.separator;
    }
    if (g.marker > 0) {
        const QRect band(option.rect.left(), y, option.rect.width(), g.marker);
        const QColor accent = palette.color(QPalette::Highlight);
        const QString label = tr("New messages");
        painter->setFont(option.font);
        const int labelWidth = metrics.horizontalAdvance(label);
        const qreal middle = band.center().y() + 0.5;
        painter->setPen(QPen(accent, 1));
        painter->drawLine(QPointF(band.left() + HorizontalPadding, middle),
            QPointF(band.right() - HorizontalPadding - labelWidth - 8, middle));
        painter->drawText(band.adjusted(0, 0, -HorizontalPadding, 0), Qt::AlignRight | Qt::AlignVCenter, label);
        y += g.marker;
    }

    const QRect message(option.rect.left(), y, option.rect.width(), option.rect.bottom() - y + 1);
    if (option.state & QStyle::State_Selected) {
        QColor selection = palette.color(QPalette::Highlight);
        selection.setAlpha(isDark(palette) ? 90 : 50);
        painter->fillRect(message, selection);
    }
    if ((option.state & QStyle::State_HasFocus) && (option.state & QStyle::State_Active)) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(message).adjusted(0.5, 0.5, -0.5, -0.5));
    }

    // Right side of the header, from the right edge: delivery state, time, "edited", failure.
    const bool outgoing = index.data(ConversationModel::OutgoingRole).toBool();
    const int state = index.data(ConversationModel::StateRole).toInt();
    int right = g.header.right() + 1;
    if (outgoing) {
        const qreal side = metrics.height();
        const QRectF box(right - side * 1.4, g.header.top(), side * 1.4, side);
        paintState(painter, box, state, palette);
        right -= int(side * 1.4) + 6;
    }
    QFont small = option.font;
    painter->setFont(small);
    painter->setPen(secondaryColor(palette));
    const QString time = QLocale().toString(
        index.data(ConversationModel::TimestampRole).toDateTime().toLocalTime().time(), QLocale::ShortFormat);
    const int timeWidth = metrics.horizontalAdvance(time);
    painter->drawText(QRect(right - timeWidth, g.header.top(), timeWidth, g.header.height()),
        Qt::AlignRight | Qt::AlignVCenter, time);
    right -= timeWidth + 8;
    if (index.data(ConversationModel::EditedRole).toBool()) {
        //: Mark on a message that was corrected (XEP-0308).
        const QString edited = tr("edited");
        QFont italic = option.font;
        italic.setItalic(true);
        painter->setFont(italic);
        const int editedWidth = QFontMetrics(italic).horizontalAdvance(edited);
        painter->drawText(QRect(right - editedWidth, g.header.top(), editedWidth, g.header.height()),
            Qt::AlignRight | Qt::AlignVCenter, edited);
        right -= editedWidth + 8;
        painter->setFont(option.font);
    }
    if (outgoing && state == int(StoredMessage::State::Failed)) {
        const QString error = index.data(ChatHistoryModel::ErrorRole).toString();
        const QString failed = error.isEmpty() ? tr("Not sent") : tr("Not sent: %1").arg(error);
        const int room = qMax(0, (right - g.header.left()) / 2);
        const QString shown = metrics.elidedText(failed, Qt::ElideRight, room);
        const int failedWidth = metrics.horizontalAdvance(shown);
        painter->setPen(QColor(isDark(palette) ? 0xff6b6b : 0xc62828));
        painter->drawText(QRect(right - failedWidth, g.header.top(), failedWidth, g.header.height()),
            Qt::AlignRight | Qt::AlignVCenter, shown);
        right -= failedWidth + 8;
    }

    // Left side: the sender, and the resource when the contact writes from several.
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const int nameRoom = qMax(0, right - g.header.left());
    QString name = index.data(ChatHistoryModel::SenderNameRole).toString();
    if (name.isEmpty()) {
        name = index.data(ConversationModel::SenderRole).toString();
    }
    name = boldMetrics.elidedText(name, Qt::ElideRight, nameRoom);
    QColor nameColor = palette.color(QPalette::Text);
    if (!outgoing) {
        nameColor = Avatar::consistentColor(index.data(ConversationModel::SenderRole).toString());
        if (isDark(palette)) {
            nameColor = nameColor.lighter(150);
        }
    }
    painter->setFont(bold);
    painter->setPen(nameColor);
    painter->drawText(
        g.header.adjusted(0, 0, -(g.header.width() - nameRoom), 0), Qt::AlignLeft | Qt::AlignVCenter, name);
    const QString resource = index.data(ConversationModel::ResourceRole).toString();
    if (m_showResources && !outgoing && !resource.isEmpty()) {
        const int nameWidth = boldMetrics.horizontalAdvance(name) + 6;
        const int resourceRoom = nameRoom - nameWidth;
        if (resourceRoom > 20) {
            painter->setFont(option.font);
            painter->setPen(secondaryColor(palette));
            painter->drawText(QRect(g.header.left() + nameWidth, g.header.top(), resourceRoom, g.header.height()),
                Qt::AlignLeft | Qt::AlignVCenter, metrics.elidedText(u"/"_s + resource, Qt::ElideRight, resourceRoom));
        }
    }

    painter->setPen(palette.color(QPalette::Text));
    body->layout->draw(painter, g.bodyOrigin);
    painter->restore();
}

void MessageDelegate::paintState(QPainter *painter, const QRectF &box, int state, const QPalette &palette) const
{
    const qreal side = box.height();
    const qreal pen = qMax(1.2, side / 9.0);
    QColor color = secondaryColor(palette);
    const auto check = [&](qreal dx) {
        QPainterPath path;
        path.moveTo(box.left() + dx + side * 0.12, box.top() + side * 0.52);
        path.lineTo(box.left() + dx + side * 0.38, box.top() + side * 0.76);
        path.lineTo(box.left() + dx + side * 0.86, box.top() + side * 0.26);
        painter->drawPath(path);
    };
    painter->setBrush(Qt::NoBrush);
    switch (StoredMessage::State(state)) {
    case StoredMessage::State::Pending: {
        painter->setPen(QPen(color, pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        const QPointF centre(box.right() - side / 2, box.center().y());
        const qreal radius = side * 0.36;
        painter->drawEllipse(centre, radius, radius);
        painter->drawLine(centre, centre + QPointF(0, -radius * 0.65));
        painter->drawLine(centre, centre + QPointF(radius * 0.5, 0));
        break;
    }
    case StoredMessage::State::Sent:
        painter->setPen(QPen(color, pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        check(box.width() - side);
        break;
    case StoredMessage::State::Delivered:
    case StoredMessage::State::Displayed:
        if (StoredMessage::State(state) == StoredMessage::State::Displayed) {
            color = palette.color(QPalette::Link);
        } else {
            color = palette.color(QPalette::Text);
        }
        painter->setPen(QPen(color, pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        check(box.width() - side * 1.4);
        check(box.width() - side);
        break;
    case StoredMessage::State::Failed: {
        const QColor red(isDark(palette) ? 0xff6b6b : 0xc62828);
        const QPointF centre(box.right() - side / 2, box.center().y());
        const qreal radius = side * 0.42;
        painter->setPen(Qt::NoPen);
        painter->setBrush(red);
        painter->drawEllipse(centre, radius, radius);
        painter->setPen(QPen(palette.color(QPalette::Base), pen, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(centre + QPointF(0, -radius * 0.5), centre + QPointF(0, radius * 0.1));
        painter->drawPoint(centre + QPointF(0, radius * 0.5));
        break;
    }
    case StoredMessage::State::Received:
        break;
    }
}

QUrl MessageDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    const Entry *body = nullptr;
    const Geometry g = geometry(option, index, &body);
    if (body->links.isEmpty()) {
        return {};
    }
    const QPointF local = QPointF(pos - g.bodyOrigin);
    for (int i = 0; i < body->layout->lineCount(); ++i) {
        const QTextLine line = body->layout->lineAt(i);
        if (local.y() < line.y() || local.y() >= line.y() + line.height()) {
            continue;
        }
        if (local.x() < line.x() || local.x() > line.x() + line.naturalTextWidth()) {
            return {};
        }
        const int cursor = line.xToCursor(local.x(), QTextLine::CursorOnCharacter);
        for (const Link &link : body->links) {
            if (cursor >= link.start && cursor < link.start + link.length) {
                return link.url;
            }
        }
        return {};
    }
    return {};
}

} // namespace confab::ui
