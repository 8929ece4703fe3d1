// SPDX-License-Identifier: Apache-2.0
#include "dialogs/AddContactDialog.h"

#include "client/Client.h"
#include "dialogs/WhenFinished.h"
#include "session/AccountSession.h"
#include "xmpp/roster/RosterManager.h"
#include "xmpp/roster/SubscriptionManager.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace confab::ui {

AddContactDialog::AddContactDialog(AccountSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_jidEdit(new QLineEdit(this))
    , m_jidProblem(new QLabel(this))
    , m_nameEdit(new QLineEdit(this))
    , m_groupBox(new QComboBox(this))
    , m_subscribeBox(new QCheckBox(tr("Ask to see their presence"), this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add Contact"));

    m_jidEdit->setObjectName(u"jid"_s);
    m_jidEdit->setPlaceholderText(tr("name@example.com"));
    m_jidEdit->setAccessibleName(tr("Address"));
    m_jidProblem->setObjectName(u"jidProblem"_s);
    m_jidProblem->setWordWrap(true);
    m_jidProblem->setForegroundRole(QPalette::PlaceholderText);
    m_jidProblem->hide();
    m_nameEdit->setObjectName(u"name"_s);
    m_nameEdit->setPlaceholderText(tr("Optional"));
    m_nameEdit->setAccessibleName(tr("Name"));
    m_groupBox->setObjectName(u"group"_s);
    m_groupBox->setEditable(true);
    m_groupBox->setInsertPolicy(QComboBox::NoInsert);
    m_groupBox->setAccessibleName(tr("Group"));
    m_groupBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_groupBox->setMinimumContentsLength(16);
    m_subscribeBox->setObjectName(u"subscribe"_s);
    m_subscribeBox->setChecked(true);
    m_subscribeBox->setAccessibleName(tr("Ask to see their presence"));
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Add"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    // The groups already in use, in the order a person looks for them; empty first for "no group".
    QSet<QString> groups;
    for (const RosterItem &item : session->roster()->items()) {
        for (const QString &group : item.groups) {
            groups.insert(group);
        }
    }
    QStringList sorted(groups.cbegin(), groups.cend());
    sorted.sort(Qt::CaseInsensitive);
    m_groupBox->addItem(QString());
    m_groupBox->addItems(sorted);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("&Address:"), m_jidEdit);
    form->addRow(QString(), m_jidProblem);
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&Group:"), m_groupBox);
    form->addRow(QString(), m_subscribeBox);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(m_buttons);

    setTabOrder(m_jidEdit, m_nameEdit);
    setTabOrder(m_nameEdit, m_groupBox);
    setTabOrder(m_groupBox, m_subscribeBox);
    setTabOrder(m_subscribeBox, m_buttons);

    connect(m_jidEdit, &QLineEdit::textChanged, this, &AddContactDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddContactDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddContactDialog::reject);
    validate();
    setMinimumWidth(380);
}

void AddContactDialog::setJid(const QString &text)
{
    m_jidEdit->setText(text);
}

QString AddContactDialog::describeJidError(const JidError &error)
{
    switch (error.kind) {
    case JidError::Kind::Empty:
        return tr("Enter an address.");
    case JidError::Kind::EmptyLocalpart:
        return tr("The name before \"@\" is missing.");
    case JidError::Kind::EmptyDomainpart:
        return tr("The server after \"@\" is missing.");
    case JidError::Kind::EmptyResourcepart:
        return tr("Nothing may follow a \"/\" that ends the address.");
    case JidError::Kind::LocalpartTooLong:
    case JidError::Kind::DomainpartTooLong:
    case JidError::Kind::ResourcepartTooLong:
        return tr("The address is too long.");
    case JidError::Kind::InvalidLocalpart:
        return tr("The name before \"@\" contains a character that is not allowed (such as a space, quote or "
                  "\"/\").");
    case JidError::Kind::InvalidDomainpart:
        return tr("The server after \"@\" is not a valid domain name.");
    case JidError::Kind::InvalidResourcepart:
        return tr("The part after \"/\" contains a character that is not allowed.");
    }
    return tr("This is not a valid address.");
}

void AddContactDialog::validate()
{
    const QString text = m_jidEdit->text().trimmed();
    m_validJid = Jid();
    QString problem;
    if (!text.isEmpty()) {
        const auto parsed = Jid::parse(text);
        if (const auto *error = std::get_if<JidError>(&parsed)) {
            problem = describeJidError(*error);
        } else {
            const Jid jid = std::get<Jid>(parsed);
            if (jid.isFull()) {
                problem = tr("Enter the address without \"/%1\".").arg(jid.resource());
            } else if (jid.bare() == m_session->client().jid().bare() && !m_session->client().jid().isNull()) {
                problem = tr("This is your own address.");
            } else {
                m_validJid = jid;
                if (m_session->roster()->item(jid)) {
                    // Not an error: a roster set for a known contact updates it (RFC 6121 §2.3).
                    problem = tr("%1 is already in your contacts. Adding again changes the name and group.")
                                  .arg(jid.toString());
                }
            }
        }
    }
    m_jidProblem->setText(problem);
    m_jidProblem->setVisible(!problem.isEmpty());
    m_jidEdit->setAccessibleDescription(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_busy && !m_validJid.isNull());
}

void AddContactDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_jidEdit->setReadOnly(busy);
    m_nameEdit->setReadOnly(busy);
    m_groupBox->setEnabled(!busy);
    m_subscribeBox->setEnabled(!busy);
    if (busy) {
        m_status->setText(tr("Adding…"));
        m_status->show();
        setCursor(Qt::BusyCursor);
    } else {
        unsetCursor();
    }
    validate();
}

void AddContactDialog::fail(const QString &message)
{
    setBusy(false);
    m_status->setText(message);
    m_status->show();
}

void AddContactDialog::accept()
{
    if (m_busy || m_validJid.isNull()) {
        return;
    }
    const Jid jid = m_validJid;
    const QString group = m_groupBox->currentText().trimmed();
    const QStringList groups = group.isEmpty() ? QStringList() : QStringList { group };
    const bool subscribe = m_subscribeBox->isChecked();
    setBusy(true);
    whenFinished(m_session->roster()->addOrUpdate(jid, m_nameEdit->text().trimmed(), groups), this,
        [this, jid, subscribe](const RosterManager::Result &added) {
            if (const auto *error = std::get_if<XmppError>(&added)) {
                fail(tr("The contact could not be added: %1").arg(describeError(*error)));
                return;
            }
            if (!subscribe) {
                Q_EMIT contactAdded(jid);
                closeAccepted();
                return;
            }
            whenFinished(m_session->subscriptions()->request(jid), this,
                [this, jid](const SubscriptionManager::Result &requested) {
                    if (const auto *error = std::get_if<XmppError>(&requested)) {
                        fail(tr("The contact was added, but the request to see their presence failed: %1")
                                 .arg(describeError(*error)));
                        return;
                    }
                    Q_EMIT contactAdded(jid);
                    closeAccepted();
                });
        });
}

void AddContactDialog::closeAccepted()
{
    // Not when the user closed the dialog while the request was on its way: it has finished already.
    if (isVisible()) {
        QDialog::accept();
    }
}

} // namespace confab::ui
