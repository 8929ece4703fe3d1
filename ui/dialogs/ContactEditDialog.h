// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace confab {
class AccountSession;
} // namespace confab

namespace confab::ui {

/// "Edit Contact": the name we give a contact and the groups it is in (every group of the roster as a
/// checkable list, plus new ones), saved as one roster set (RFC 6121 §2.3); the change comes back as a push.
class ContactEditDialog : public QDialog
{
    Q_OBJECT
public:
    ContactEditDialog(AccountSession *session, const Jid &contact, QWidget *parent = nullptr);

    const Jid &contact() const { return m_contact; }
    /// The groups ticked, in list order.
    QStringList checkedGroups() const;
    /// Adds (or ticks) a group in the list.
    void addGroup(const QString &name);

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    /// The server accepted the change.
    void contactUpdated(const confab::Jid &contact);

private:
    void closeAccepted();
    void setBusy(bool busy);

    AccountSession *m_session;
    Jid m_contact;
    QLineEdit *m_name;
    QListWidget *m_groups;
    QLineEdit *m_newGroup;
    QPushButton *m_addGroup;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace confab::ui
