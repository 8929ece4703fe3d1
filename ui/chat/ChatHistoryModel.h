// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QIdentityProxyModel>

#include <functional>

namespace confab {
class ConversationModel;
class MessageStore;
} // namespace confab

namespace confab::ui {

/// What the chat view reads from a ConversationModel: the same rows, plus the sender's display name and a
/// failed message's reason, and an accessible text that uses them ("time, sender, body, delivery state").
/// It hides canFetchMore() from the view: QAbstractItemView fetches whenever the LAST row is visible (the
/// normal position of a chat), while history must load only as the user scrolls to the top (loadOlder()).
class ChatHistoryModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    enum Role {
        SenderNameRole = Qt::UserRole + 100, ///< who wrote it, as the user knows them
        ErrorRole, ///< with StoredMessage::State::Failed: why, in words (may be empty)
    };
    Q_ENUM(Role)

    /// `nameOf` turns a bare JID string into a display name; outgoing messages read as "You" (translated).
    ChatHistoryModel(ConversationModel *source, MessageStore *store, std::function<QString(const QString &)> nameOf,
        QObject *parent = nullptr);

    ConversationModel *conversation() const { return m_conversation; }
    /// Whether older history remains to be loaded (and no page is loading).
    bool canLoadOlder() const;
    /// Loads one older page (prepends rows).
    void loadOlder();
    /// Names may have changed (roster): rows repaint.
    void namesChanged();

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    void lookUpErrors(int first, int last);

    ConversationModel *m_conversation;
    MessageStore *m_store;
    std::function<QString(const QString &)> m_nameOf;
    QHash<qint64, QString> m_errors; ///< failed messages' reasons, fetched from the store once
};

} // namespace confab::ui
