// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"

#include <QFrame>
#include <QHash>

class QScrollArea;
class QVBoxLayout;

namespace confab {
class AccountSession;
} // namespace confab

namespace confab::ui {

/// The bar above the contact list with every subscription request the user has not answered
/// (RFC 6121 §3.1.3): "alice@example.com wants to add you", with Accept (let them see our presence, and,
/// when "Add to my contacts" is ticked, ask to see theirs, which puts them in the roster) and Deny. It never
/// blocks the window, and it hides itself when there is nothing to answer. Beyond three requests it scrolls,
/// so that the contact list stays in view.
class SubscriptionRequestsWidget : public QFrame
{
    Q_OBJECT
public:
    explicit SubscriptionRequestsWidget(AccountSession *session, QWidget *parent = nullptr);

    /// Requests shown.
    int count() const { return int(m_rows.size()); }
    /// The row for `jid` (object name "request"), or null.
    QWidget *rowFor(const Jid &jid) const { return m_rows.value(jid.bare()); }

public Q_SLOTS:
    void accept(const confab::Jid &jid, bool addToContacts = true);
    void deny(const confab::Jid &jid);

Q_SIGNALS:
    /// The number of requests shown changed (0: the widget is hidden).
    void countChanged(int count);
    /// The user accepted `jid`'s request; the main window may open the contact or a chat.
    void accepted(const confab::Jid &jid);

private:
    void rebuild();
    QWidget *makeRow(const Jid &jid, const QString &status);
    void showRowError(const Jid &jid, const QString &message);

    AccountSession *m_session;
    QScrollArea *m_scroll;
    QVBoxLayout *m_layout;
    QHash<Jid, QWidget *> m_rows;
};

} // namespace confab::ui
