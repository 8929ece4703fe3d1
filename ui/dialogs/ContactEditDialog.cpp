// SPDX-License-Identifier: Apache-2.0
#include "dialogs/ContactEditDialog.h"

#include "dialogs/WhenFinished.h"
#include "session/AccountSession.h"
#include "xmpp/roster/RosterManager.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace confab::ui {

ContactEditDialog::ContactEditDialog(AccountSession *session, const Jid &contact, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_contact(contact.bare())
    , m_name(new QLineEdit(this))
    , m_groups(new QListWidget(this))
    , m_newGroup(new QLineEdit(this))
    , m_addGroup(new QPushButton(tr("&New Group"), this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Edit Contact %1").arg(m_contact.toString()));

    m_name->setObjectName(u"name"_s);
    m_name->setAccessibleName(tr("Name"));
    m_name->setPlaceholderText(m_contact.toString());
    m_groups->setObjectName(u"groups"_s);
    m_groups->setAccessibleName(tr("Groups"));
    m_newGroup->setObjectName(u"newGroup"_s);
    m_newGroup->setAccessibleName(tr("New group name"));
    m_newGroup->setPlaceholderText(tr("New group name"));
    m_addGroup->setObjectName(u"addGroup"_s);
    m_addGroup->setAccessibleName(tr("Add new group"));
    m_addGroup->setEnabled(false);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("OK"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    const auto item = session->roster()->item(m_contact);
    QSet<QString> all;
    for (const RosterItem &other : session->roster()->items()) {
        for (const QString &group : other.groups) {
            all.insert(group);
        }
    }
    QStringList sorted(all.cbegin(), all.cend());
    sorted.sort(Qt::CaseInsensitive);
    for (const QString &group : sorted) {
        addGroup(group);
    }
    for (int row = 0; row < m_groups->count(); ++row) {
        QListWidgetItem *entry = m_groups->item(row);
        entry->setCheckState(item && item->groups.contains(entry->text()) ? Qt::Checked : Qt::Unchecked);
    }
    if (item) {
        m_name->setText(item->name);
    }

    auto *newGroupRow = new QHBoxLayout;
    newGroupRow->addWidget(m_newGroup, 1);
    newGroupRow->addWidget(m_addGroup);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Groups:"), m_groups);
    form->addRow(QString(), newGroupRow);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    setTabOrder(m_name, m_groups);
    setTabOrder(m_groups, m_newGroup);
    setTabOrder(m_newGroup, m_addGroup);
    setTabOrder(m_addGroup, m_buttons);

    connect(m_newGroup, &QLineEdit::textChanged, this,
        [this](const QString &text) { m_addGroup->setEnabled(!text.trimmed().isEmpty()); });
    const auto addNew = [this] {
        addGroup(m_newGroup->text());
        m_newGroup->clear();
    };
    connect(m_addGroup, &QPushButton::clicked, this, addNew);
    connect(m_newGroup, &QLineEdit::returnPressed, this, addNew);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ContactEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ContactEditDialog::reject);
    setMinimumWidth(360);
}

void ContactEditDialog::addGroup(const QString &name)
{
    const QString group = name.trimmed();
    if (group.isEmpty()) {
        return;
    }
    const QList<QListWidgetItem *> existing = m_groups->findItems(group, Qt::MatchExactly);
    if (!existing.isEmpty()) {
        existing.first()->setCheckState(Qt::Checked);
        m_groups->scrollToItem(existing.first());
        return;
    }
    auto *entry = new QListWidgetItem(group, m_groups);
    entry->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    entry->setCheckState(Qt::Checked);
    m_groups->scrollToItem(entry);
}

QStringList ContactEditDialog::checkedGroups() const
{
    QStringList groups;
    for (int row = 0; row < m_groups->count(); ++row) {
        if (m_groups->item(row)->checkState() == Qt::Checked) {
            groups.append(m_groups->item(row)->text());
        }
    }
    return groups;
}

void ContactEditDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_name->setReadOnly(busy);
    m_groups->setEnabled(!busy);
    m_newGroup->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    if (busy) {
        m_status->setText(tr("Saving…"));
        m_status->show();
    }
}

void ContactEditDialog::accept()
{
    if (m_busy) {
        return;
    }
    // A group typed but not added yet is what the user meant too.
    addGroup(m_newGroup->text());
    m_newGroup->clear();
    setBusy(true);
    whenFinished(m_session->roster()->addOrUpdate(m_contact, m_name->text().trimmed(), checkedGroups()), this,
        [this](const RosterManager::Result &result) {
            setBusy(false);
            if (const auto *error = std::get_if<XmppError>(&result)) {
                m_status->setText(tr("The contact could not be changed: %1").arg(describeError(*error)));
                m_status->show();
                return;
            }
            Q_EMIT contactUpdated(m_contact);
            closeAccepted();
        });
}

void ContactEditDialog::closeAccepted()
{
    // Not when the user closed the dialog while the request was on its way: it has finished already.
    if (isVisible()) {
        QDialog::accept();
    }
}

} // namespace confab::ui
