// SPDX-License-Identifier: Apache-2.0
#include "models/ConversationModel.h"

#include "storage/MessageStore.h"

#include <QCoreApplication>
#include <QLocale>

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

int ConversationModel::rowOf(qint64 id) const
{
    const auto it = m_serials.constFind(id);
    return it == m_serials.cend() ? -1 : int(*it - m_firstSerial);
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const StoredMessage &message = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return message.body;
    case Qt::AccessibleTextRole:
        return accessibleText(message);
    case IdRole:
        return message.id;
    case SenderRole:
        return message.sender.bareString();
    case TimestampRole:
        return message.timestamp;
    case StateRole:
        return int(message.state);
    case OutgoingRole:
        return message.isOutgoing();
    case EditedRole:
        return message.edited;
    case ResourceRole:
        return message.sender.resource();
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
    const qint64 before = m_messages.isEmpty() ? 0 : m_messages.first().id;
    m_store->page(m_conversation, before, m_pageSize).then(this, [this](const QList<StoredMessage> &messages) {
        handlePage(messages);
    });
}

void ConversationModel::handlePage(const QList<StoredMessage> &messages)
{
    // m_loading stays set until the rows are in: a view (or QAbstractItemModelTester) may call fetchMore()
    // from the row signals, and the continuation may run inside fetchMore() when the page is already there.
    // A message added while the first page was loading is already appended and may be in the page too.
    QList<StoredMessage> older;
    older.reserve(messages.size());
    for (const StoredMessage &message : messages) {
        if (!m_serials.contains(message.id)) {
            older.append(message);
        }
    }
    if (!older.isEmpty()) {
        const int count = int(older.size());
        beginInsertRows({}, 0, count - 1);
        m_firstSerial -= count;
        for (int i = 0; i < count; ++i) {
            m_serials.insert(older.at(i).id, m_firstSerial + i);
        }
        older.append(std::move(m_messages));
        m_messages = std::move(older);
        endInsertRows();
    }
    m_complete = messages.size() < m_pageSize;
    m_loading = false;
    Q_EMIT pageLoaded(int(messages.size()));
}

void ConversationModel::handleMessageAdded(const StoredMessage &message)
{
    if (message.conversation != m_conversation || m_serials.contains(message.id)) {
        return;
    }
    const int row = int(m_messages.size());
    beginInsertRows({}, row, row);
    m_serials.insert(message.id, m_firstSerial + row);
    m_messages.append(message);
    endInsertRows();
}

void ConversationModel::handleMessageUpdated(const StoredMessage &message)
{
    const int row = rowOf(message.id);
    if (row < 0) {
        return;
    }
    m_messages[row] = message;
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
