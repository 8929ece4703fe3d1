// SPDX-License-Identifier: Apache-2.0
#include "chat/ChatHistoryModel.h"

#include "models/ConversationModel.h"
#include "storage/MessageStore.h"

#include <QLocale>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace confab::ui {

ChatHistoryModel::ChatHistoryModel(
    ConversationModel *source, MessageStore *store, std::function<QString(const QString &)> nameOf, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_conversation(source)
    , m_store(store)
    , m_nameOf(std::move(nameOf))
{
    setSourceModel(source);
    connect(this, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &, int first, int last) { lookUpErrors(first, last); });
    connect(this, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            lookUpErrors(topLeft.row(), bottomRight.row());
        });
}

bool ChatHistoryModel::canLoadOlder() const
{
    return m_conversation->canFetchMore({});
}

void ChatHistoryModel::loadOlder()
{
    m_conversation->fetchMore({});
}

void ChatHistoryModel::namesChanged()
{
    if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), { SenderNameRole, Qt::AccessibleTextRole });
    }
}

bool ChatHistoryModel::canFetchMore(const QModelIndex &) const
{
    return false;
}

void ChatHistoryModel::fetchMore(const QModelIndex &)
{ }

QHash<int, QByteArray> ChatHistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QIdentityProxyModel::roleNames();
    names.insert(SenderNameRole, "senderName");
    names.insert(ErrorRole, "error");
    return names;
}

QVariant ChatHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    switch (role) {
    case SenderNameRole:
        if (index.data(ConversationModel::OutgoingRole).toBool()) {
            return tr("You");
        }
        return m_nameOf ? m_nameOf(index.data(ConversationModel::SenderRole).toString())
                        : index.data(ConversationModel::SenderRole);
    case ErrorRole:
        return m_errors.value(index.data(ConversationModel::IdRole).toLongLong());
    case Qt::AccessibleTextRole: {
        const auto state = StoredMessage::State(index.data(ConversationModel::StateRole).toInt());
        QString stateText = ConversationModel::stateText(state);
        const QString error = data(index, ErrorRole).toString();
        if (state == StoredMessage::State::Failed && !error.isEmpty()) {
            stateText = tr("%1 (%2)").arg(stateText, error);
        }
        if (index.data(ConversationModel::EditedRole).toBool()) {
            stateText = tr("%1, edited").arg(stateText);
        }
        const QString time = QLocale().toString(
            index.data(ConversationModel::TimestampRole).toDateTime().toLocalTime(), QLocale::ShortFormat);
        //: Read out for one chat message: time, sender, text, delivery state.
        return tr("%1, %2, %3, %4")
            .arg(time, data(index, SenderNameRole).toString(), index.data(ConversationModel::BodyRole).toString(),
                stateText);
    }
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

void ChatHistoryModel::lookUpErrors(int first, int last)
{
    for (int row = first; row <= last && row < rowCount(); ++row) {
        const QModelIndex idx = index(row, 0);
        if (StoredMessage::State(idx.data(ConversationModel::StateRole).toInt()) != StoredMessage::State::Failed) {
            continue;
        }
        const qint64 id = idx.data(ConversationModel::IdRole).toLongLong();
        if (m_errors.contains(id)) {
            continue;
        }
        m_errors.insert(id, QString());
        m_store->message(id).then(this, [this, id](const std::optional<StoredMessage> &message) {
            if (!message || message->error.isEmpty()) {
                return;
            }
            m_errors.insert(id, message->error);
            const int at = m_conversation->rowOf(id);
            if (at >= 0) {
                const QModelIndex changed = index(at, 0);
                Q_EMIT dataChanged(changed, changed, { ErrorRole, Qt::AccessibleTextRole });
            }
        });
    }
}

} // namespace confab::ui
