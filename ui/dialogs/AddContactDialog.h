// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace confab {
class AccountSession;
struct JidError;
} // namespace confab

namespace confab::ui {

/// "Add Contact": the address (checked as it is typed), an optional name and group, and whether to ask to
/// see the contact's presence. OK adds the contact to the roster (RFC 6121 §2.3) and sends the
/// subscription request (§3.1.1); the dialog closes only when the server accepted both, and keeps what the
/// user typed when it did not.
class AddContactDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddContactDialog(AccountSession *session, QWidget *parent = nullptr);

    /// Pre-fills the address (e.g. from the search field).
    void setJid(const QString &text);
    /// The address typed, as a bare JID; null while it is not valid.
    Jid jid() const { return m_validJid; }

    /// A translated line saying why `error` makes text not an address.
    static QString describeJidError(const JidError &error);

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    /// The server added `jid` (and took the subscription request when one was asked for).
    void contactAdded(const confab::Jid &jid);

private:
    void closeAccepted();
    void validate();
    void setBusy(bool busy);
    void fail(const QString &message);

    AccountSession *m_session;
    QLineEdit *m_jidEdit;
    QLabel *m_jidProblem;
    QLineEdit *m_nameEdit;
    QComboBox *m_groupBox;
    QCheckBox *m_subscribeBox;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    Jid m_validJid;
    bool m_busy = false;
};

} // namespace confab::ui
