// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "xmpp/vcard/VCard.h"

#include <QDialog>
#include <QHash>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QTreeWidget;

namespace confab {
class AccountSession;
} // namespace confab

namespace confab::ui {

/// "View Profile": a contact's vCard (XEP-0054) and avatar, read-only, and the resources they are online
/// with: presence, status message, and the client they use (its XEP-0115 identity name, when known).
/// Follows presence changes while open.
class ContactInfoDialog : public QDialog
{
    Q_OBJECT
public:
    ContactInfoDialog(AccountSession *session, const Jid &contact, QWidget *parent = nullptr);

    const Jid &contact() const { return m_contact; }
    /// Whether the vCard has been asked for and answered (with a card, none, or an error).
    bool isLoaded() const { return m_loaded; }
    /// The text shown for a vCard field ("fullName", "nickname", "email", "phone", "organisation", "title",
    /// "url", "birthday", "note"); empty when the contact did not set it.
    QString fieldText(const QString &field) const;
    /// The resource list (columns: resource, presence, status message, client).
    QTreeWidget *resourceList() const { return m_resources; }

Q_SIGNALS:
    void loaded();

private:
    void fetchCard();
    void showCard(const VCard &card);
    void showAvatar();
    void updateResources();
    QLabel *addField(const QString &key, const QString &label);

    AccountSession *m_session;
    Jid m_contact;
    VCard m_card;
    QLabel *m_avatar;
    QLabel *m_name;
    QLabel *m_address;
    QFormLayout *m_form;
    QHash<QString, QLabel *> m_fields;
    QLabel *m_cardStatus;
    QTreeWidget *m_resources;
    QDialogButtonBox *m_buttons;
    bool m_loaded = false;
};

} // namespace confab::ui
