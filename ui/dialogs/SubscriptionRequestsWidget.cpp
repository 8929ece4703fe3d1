// SPDX-License-Identifier: Apache-2.0
#include "dialogs/SubscriptionRequestsWidget.h"

#include "dialogs/WhenFinished.h"
#include "session/AccountSession.h"
#include "xmpp/roster/RosterManager.h"
#include "xmpp/roster/SubscriptionManager.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace confab::ui {

SubscriptionRequestsWidget::SubscriptionRequestsWidget(AccountSession *session, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
    , m_scroll(new QScrollArea(this))
    , m_layout(nullptr)
{
    setObjectName(u"subscriptionRequests"_s);
    setWindowTitle(tr("Contact Requests"));
    setAccessibleName(tr("Contact requests"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    auto *rows = new QWidget(m_scroll);
    rows->setBackgroundRole(QPalette::AlternateBase);
    m_layout = new QVBoxLayout(rows);
    m_layout->setContentsMargins(6, 4, 6, 4);
    m_layout->setSpacing(4);
    m_layout->addStretch();
    m_scroll->setWidget(rows);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setBackgroundRole(QPalette::AlternateBase);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);
    connect(session->subscriptions(), &SubscriptionManager::pendingRequestsChanged, this,
        &SubscriptionRequestsWidget::rebuild);
    rebuild();
}

void SubscriptionRequestsWidget::rebuild()
{
    const QList<SubscriptionRequest> requests = m_session->subscriptions()->pendingRequests();
    QSet<Jid> pending;
    for (const SubscriptionRequest &request : requests) {
        pending.insert(request.jid.bare());
    }
    // Rows of answered requests go; rows still pending stay as they are (with any error shown on them), so
    // focus is not lost to an unrelated change.
    for (auto it = m_rows.begin(); it != m_rows.end();) {
        if (!pending.contains(it.key())) {
            m_layout->removeWidget(it.value());
            it.value()->hide();
            it.value()->deleteLater(); // it may be running the click that answered it
            it = m_rows.erase(it);
        } else {
            ++it;
        }
    }
    for (const SubscriptionRequest &request : requests) {
        if (!m_rows.contains(request.jid.bare())) {
            QWidget *row = makeRow(request.jid.bare(), request.status);
            m_rows.insert(request.jid.bare(), row);
            m_layout->insertWidget(m_layout->count() - 1, row); // above the stretch
        }
    }
    // As tall as the rows, up to three of them.
    int height = m_layout->contentsMargins().top() + m_layout->contentsMargins().bottom();
    int shown = 0;
    for (int i = 0; i < m_layout->count() && shown < 3; ++i) {
        QWidget *row = m_layout->itemAt(i)->widget();
        if (row && row->objectName() == u"request") {
            height += row->sizeHint().height() + (shown > 0 ? m_layout->spacing() : 0);
            ++shown;
        }
    }
    m_scroll->setFixedHeight(height);
    setVisible(!m_rows.isEmpty());
    Q_EMIT countChanged(count());
}

QWidget *SubscriptionRequestsWidget::makeRow(const Jid &jid, const QString &status)
{
    auto *row = new QWidget(this);
    row->setObjectName(u"request"_s);
    row->setProperty("jid", jid.toString());

    auto *text = new QLabel(row);
    text->setObjectName(u"text"_s);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    QString line = tr("%1 wants to add you").arg(jid.toString());
    if (!status.trimmed().isEmpty()) {
        line += u'\n' + tr("“%1”").arg(status.trimmed().left(200));
    }
    text->setText(line);

    auto *error = new QLabel(row);
    error->setObjectName(u"error"_s);
    error->setWordWrap(true);
    error->hide();

    auto *addBox = new QCheckBox(tr("Add to my contacts"), row);
    addBox->setObjectName(u"addToContacts"_s);
    addBox->setChecked(true);
    addBox->setAccessibleName(tr("Add %1 to my contacts").arg(jid.toString()));

    auto *acceptButton = new QPushButton(tr("Accept"), row);
    acceptButton->setObjectName(u"accept"_s);
    acceptButton->setAccessibleName(tr("Accept %1").arg(jid.toString()));
    auto *denyButton = new QPushButton(tr("Deny"), row);
    denyButton->setObjectName(u"deny"_s);
    denyButton->setAccessibleName(tr("Deny %1").arg(jid.toString()));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addBox);
    buttons->addStretch();
    buttons->addWidget(acceptButton);
    buttons->addWidget(denyButton);

    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(text);
    layout->addWidget(error);
    layout->addLayout(buttons);

    connect(acceptButton, &QPushButton::clicked, this, [this, jid, addBox] { accept(jid, addBox->isChecked()); });
    connect(denyButton, &QPushButton::clicked, this, [this, jid] { deny(jid); });
    return row;
}

void SubscriptionRequestsWidget::showRowError(const Jid &jid, const QString &message)
{
    QWidget *row = m_rows.value(jid.bare());
    if (!row) {
        return;
    }
    row->setEnabled(true);
    auto *error = row->findChild<QLabel *>(u"error"_s);
    error->setText(message);
    error->show();
}

void SubscriptionRequestsWidget::accept(const Jid &jid, bool addToContacts)
{
    if (QWidget *row = m_rows.value(jid.bare())) {
        row->setEnabled(false); // until the answer is on its way: no double answers
    }
    whenFinished(m_session->subscriptions()->approve(jid), this,
        [this, jid, addToContacts](const SubscriptionManager::Result &approved) {
            if (const auto *error = std::get_if<XmppError>(&approved)) {
                showRowError(jid, tr("Could not answer: %1").arg(describeError(*error)));
                return;
            }
            Q_EMIT accepted(jid);
            const auto item = m_session->roster()->item(jid);
            if (!addToContacts || (item && (item->isSubscribedToThem() || item->ask))) {
                return;
            }
            // RFC 6121 §3.1.1: our own request puts them in the roster (with ask='subscribe') too.
            m_session->subscriptions()->request(jid);
        });
}

void SubscriptionRequestsWidget::deny(const Jid &jid)
{
    if (QWidget *row = m_rows.value(jid.bare())) {
        row->setEnabled(false);
    }
    whenFinished(m_session->subscriptions()->deny(jid), this, [this, jid](const SubscriptionManager::Result &denied) {
        if (const auto *error = std::get_if<XmppError>(&denied)) {
            showRowError(jid, tr("Could not answer: %1").arg(describeError(*error)));
        }
    });
}

} // namespace confab::ui
