// SPDX-License-Identifier: Apache-2.0
#include "models/ConversationModel.h"

#include "storage/MessageStore.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace confab {

ConversationModel::ConversationModel(MessageStore *store, const Jid &conversation, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_conversation(conversation.bare())
{
    connect(m_store, &MessageStore::messageAdded, this, &ConversationModel::handleMessageAdded);
    connect(m_store, &MessageStore::messageUpdated, this, &ConversationModel::handleMessageUpdated);
}

ConversationModel::~ConversationModel() = default;

void ConversationModel::setPageSize(int size)
{
    m_pageSize = qMax(1, size);
    setCacheCapacity(m_cacheCapacity);
}

void ConversationModel::setCacheCapacity(int capacity)
{
    // A page that arrives must fit, with room for the rows on screen.
    m_cacheCapacity = qMax(capacity, 2 * m_pageSize);
    while (m_cache.size() > m_cacheCapacity) {
        m_cache.remove(m_lru.back());
        m_lru.pop_back();
    }
}

int ConversationModel::rowOf(qint64 id) const
{
    const auto it = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), id, [](const Row &row, qint64 wanted) { return row.id < wanted; });
    return it != m_rows.cend() && it->id == id ? int(it - m_rows.cbegin()) : -1;
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

const StoredMessage *ConversationModel::messageAt(int row) const
{
    const qint64 id = m_rows.at(row).id;
    const auto it = m_cache.find(id);
    if (it == m_cache.end()) {
        refetch(row);
        return nullptr;
    }
    m_lru.splice(m_lru.begin(), m_lru, it->lru);
    return &it->message;
}

void ConversationModel::cache(const StoredMessage &message) const
{
    if (const auto it = m_cache.find(message.id); it != m_cache.end()) {
        it->message = message;
        m_lru.splice(m_lru.begin(), m_lru, it->lru);
        return;
    }
    m_lru.push_front(message.id);
    m_cache.insert(message.id, Cached { message, m_lru.begin() });
    while (m_cache.size() > m_cacheCapacity) {
        m_cache.remove(m_lru.back());
        m_lru.pop_back();
    }
}

void ConversationModel::refetch(int row) const
{
    const qint64 id = m_rows.at(row).id;
    if (m_refetching.contains(id)) {
        return;
    }
    m_refetching.insert(id);
    m_wanted.append(id);
    if (!m_refetchScheduled) {
        m_refetchScheduled = true;
        // Not from data(): a page that is ready at once would emit dataChanged inside a view's paint.
        QTimer::singleShot(0, const_cast<ConversationModel *>(this), &ConversationModel::issueRefetches);
    }
}

void ConversationModel::issueRefetches()
{
    m_refetchScheduled = false;
    const QList<qint64> wanted = std::exchange(m_wanted, {});
    QSet<qint64> requested;
    for (const qint64 id : wanted) {
        const int row = rowOf(id);
        if (row < 0 || requested.contains(id)) {
            if (row < 0) {
                m_refetching.remove(id);
            }
            continue;
        }
        // One page around the row: the view asks for its neighbours next.
        const int first = qMax(0, row - m_pageSize / 2);
        const int last = qMin(int(m_rows.size()) - 1, first + m_pageSize - 1);
        QList<qint64> asked;
        for (int r = first; r <= last; ++r) {
            const qint64 rowId = m_rows.at(r).id;
            if (!m_cache.contains(rowId) && !requested.contains(rowId)) {
                asked.append(rowId);
                requested.insert(rowId);
                m_refetching.insert(rowId);
            }
        }
        // Row ids grow down the rows and the conversation has no others between them, so "the newest `count`
        // before the last one's id + 1" is exactly rows first..last.
        m_store->page(m_conversation, m_rows.at(last).id + 1, last - first + 1)
            .then(this, [this, asked](const QList<StoredMessage> &messages) { handleRefetched(asked, messages); });
    }
}

void ConversationModel::handleRefetched(const QList<qint64> &asked, const QList<StoredMessage> &messages)
{
    for (const qint64 id : asked) {
        m_refetching.remove(id);
    }
    int first = -1;
    int last = -1;
    for (const StoredMessage &message : messages) {
        const int row = rowOf(message.id);
        if (row < 0 || !asked.contains(message.id)) {
            continue;
        }
        m_rows[row].state = message.state;
        cache(message);
        first = first < 0 ? row : qMin(first, row);
        last = qMax(last, row);
    }
    if (first >= 0) {
        Q_EMIT dataChanged(index(first), index(last));
    }
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    // What every row keeps: no store access for the roles a view reads while walking all rows.
    switch (role) {
    case IdRole:
        return row.id;
    case StateRole:
        return int(row.state);
    case OutgoingRole:
        return row.outgoing;
    default:
        break;
    }
    const StoredMessage *message = messageAt(index.row());
    if (!message) {
        return {}; // evicted: read again, then dataChanged
    }
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return message->body;
    case Qt::AccessibleTextRole:
        return accessibleText(*message);
    case SenderRole:
        return message->sender.bareString();
    case TimestampRole:
        return message->timestamp;
    case EditedRole:
        return message->edited;
    case ResourceRole:
        return message->sender.resource();
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "messageId");
    names.insert(SenderRole, "sender");
    names.insert(BodyRole, "body");
    names.insert(TimestampRole, "timestamp");
    names.insert(StateRole, "state");
    names.insert(OutgoingRole, "outgoing");
    names.insert(EditedRole, "edited");
    names.insert(ResourceRole, "resource");
    return names;
}

bool ConversationModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete && !m_loading;
}

void ConversationModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    m_loading = true;
    const qint64 before = m_rows.isEmpty() ? 0 : m_rows.first().id;
    m_store->page(m_conversation, before, m_pageSize).then(this, [this](const QList<StoredMessage> &messages) {
        handlePage(messages);
    });
}

void ConversationModel::handlePage(const QList<StoredMessage> &messages)
{
    // m_loading stays set until the rows are in: a view (or QAbstractItemModelTester) may call fetchMore()
    // from the row signals, and the continuation may run inside fetchMore() when the page is already there.
    // A message added while the first page was loading is already appended and may be in the page too.
    const qint64 firstId = m_rows.isEmpty() ? std::numeric_limits<qint64>::max() : m_rows.first().id;
    QList<const StoredMessage *> older;
    older.reserve(messages.size());
    for (const StoredMessage &message : messages) {
        if (message.id < firstId) {
            older.append(&message);
        }
    }
    if (!older.isEmpty()) {
        const int count = int(older.size());
        beginInsertRows({}, 0, count - 1);
        QList<Row> rows;
        rows.reserve(count + m_rows.size());
        for (const StoredMessage *message : std::as_const(older)) {
            rows.append(Row { message->id, message->state, message->isOutgoing() });
            cache(*message);
        }
        rows.append(std::move(m_rows));
        m_rows = std::move(rows);
        endInsertRows();
    }
    m_complete = messages.size() < m_pageSize;
    m_loading = false;
    Q_EMIT pageLoaded(int(messages.size()));
}

void ConversationModel::handleMessageAdded(const StoredMessage &message)
{
    if (message.conversation != m_conversation || rowOf(message.id) >= 0) {
        return;
    }
    // New rows have the highest ids; anything older than the loaded rows comes with a later page.
    const auto at = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), message.id, [](const Row &row, qint64 id) { return row.id < id; });
    if (at == m_rows.cbegin() && !m_rows.isEmpty() && !m_complete) {
        return;
    }
    const int row = int(at - m_rows.cbegin());
    beginInsertRows({}, row, row);
    m_rows.insert(row, Row { message.id, message.state, message.isOutgoing() });
    cache(message);
    endInsertRows();
}

void ConversationModel::handleMessageUpdated(const StoredMessage &message)
{
    const int row = rowOf(message.id);
    if (row < 0) {
        return;
    }
    m_rows[row].state = message.state;
    m_rows[row].outgoing = message.isOutgoing();
    if (m_cache.contains(message.id)) {
        cache(message);
    }
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
}

QString ConversationModel::stateText(StoredMessage::State state)
{
    switch (state) {
    case StoredMessage::State::Pending:
        return QCoreApplication::translate("ConversationModel", "sending");
    case StoredMessage::State::Sent:
        return QCoreApplication::translate("ConversationModel", "sent");
    case StoredMessage::State::Delivered:
        return QCoreApplication::translate("ConversationModel", "delivered");
    case StoredMessage::State::Displayed:
        return QCoreApplication::translate("ConversationModel", "read");
    case StoredMessage::State::Failed:
        return QCoreApplication::translate("ConversationModel", "not sent");
    case StoredMessage::State::Received:
        return QCoreApplication::translate("ConversationModel", "received");
    }
    return {};
}

QString ConversationModel::accessibleText(const StoredMessage &message)
{
    const QString time = QLocale().toString(message.timestamp.toLocalTime(), QLocale::ShortFormat);
    const QString sender
        = message.isOutgoing() ? QCoreApplication::translate("ConversationModel", "you") : message.sender.bareString();
    QString state = stateText(message.state);
    if (message.state == StoredMessage::State::Failed && !message.error.isEmpty()) {
        state = QCoreApplication::translate("ConversationModel", "%1 (%2)").arg(state, message.error);
    }
    if (message.edited) {
        state = QCoreApplication::translate("ConversationModel", "%1, edited").arg(state);
    }
    //: Read out for one chat message: time, sender, text, delivery state.
    return QCoreApplication::translate("ConversationModel", "%1, %2, %3, %4").arg(time, sender, message.body, state);
}

} // namespace confab
