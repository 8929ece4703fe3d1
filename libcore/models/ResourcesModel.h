// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "xmpp/presence/Presence.h"

#include <QAbstractListModel>

namespace confab {

class PresenceManager;

/// One contact's available resources (RFC 6121 §4), most available first: for the chat window's
/// resource selector and the contact's details.
class ResourcesModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        ResourceRole = Qt::UserRole + 1, ///< the resource part
        FullJidRole,
        PresenceRole, ///< Presence::Show as int
        StatusTextRole,
        PriorityRole,
        IdleSinceRole, ///< QDateTime, invalid when not idle
    };
    Q_ENUM(Role)

    ResourcesModel(PresenceManager *presence, const Jid &bareJid, QObject *parent = nullptr);

    const Jid &contact() const { return m_contact; }
    /// Replaces the list (from PresenceManager::resources()); rows are moved, inserted or removed as needed.
    void setResources(QList<Presence> resources);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    Jid m_contact;
    QList<Presence> m_resources;
};

} // namespace confab
