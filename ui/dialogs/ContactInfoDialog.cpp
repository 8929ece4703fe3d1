// SPDX-License-Identifier: Apache-2.0
#include "dialogs/ContactInfoDialog.h"

#include "common/Avatar.h"
#include "common/PresenceStyle.h"
#include "dialogs/WhenFinished.h"
#include "session/AccountSession.h"
#include "xmpp/avatar/AvatarManager.h"
#include "xmpp/caps/CapsManager.h"
#include "xmpp/presence/PresenceManager.h"
#include "xmpp/roster/RosterManager.h"
#include "xmpp/vcard/VCardManager.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace confab::ui {

namespace {

constexpr int AvatarSize = 72;

bool isNotFound(const XmppError &error)
{
    const auto *stanzaError = std::get_if<StanzaError>(&error);
    return stanzaError && stanzaError->condition == u"item-not-found";
}

/// The client's name from its XEP-0115/XEP-0030 identity (category "client"), or the first identity's.
QString clientName(const CapsInfo &info)
{
    for (const CapsInfo::Identity &identity : info.identities) {
        if (identity.category == u"client" && !identity.name.isEmpty()) {
            return identity.name;
        }
    }
    for (const CapsInfo::Identity &identity : info.identities) {
        if (!identity.name.isEmpty()) {
            return identity.name;
        }
    }
    return {};
}

} // namespace

ContactInfoDialog::ContactInfoDialog(AccountSession *session, const Jid &contact, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_contact(contact.bare())
    , m_avatar(new QLabel(this))
    , m_name(new QLabel(this))
    , m_address(new QLabel(this))
    , m_form(new QFormLayout)
    , m_cardStatus(new QLabel(this))
    , m_resources(new QTreeWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setWindowTitle(tr("Profile of %1").arg(m_contact.toString()));

    m_avatar->setObjectName(u"avatar"_s);
    m_avatar->setFixedSize(AvatarSize, AvatarSize);
    m_avatar->setAccessibleName(tr("Picture"));
    m_name->setObjectName(u"name"_s);
    m_name->setTextFormat(Qt::PlainText);
    m_name->setWordWrap(true);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_name->setAccessibleName(tr("Name"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_name->setFont(big);
    m_address->setObjectName(u"address"_s);
    m_address->setTextFormat(Qt::PlainText);
    m_address->setText(m_contact.toString());
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_address->setAccessibleName(tr("Address"));

    auto *header = new QHBoxLayout;
    auto *names = new QVBoxLayout;
    names->addWidget(m_name);
    names->addWidget(m_address);
    names->addStretch();
    header->addWidget(m_avatar, 0, Qt::AlignTop);
    header->addLayout(names, 1);

    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    addField(u"fullName"_s, tr("Full name:"));
    addField(u"nickname"_s, tr("Nickname:"));
    addField(u"email"_s, tr("Email:"));
    addField(u"phone"_s, tr("Phone:"));
    addField(u"organisation"_s, tr("Organisation:"));
    addField(u"title"_s, tr("Job title:"));
    addField(u"url"_s, tr("Web page:"));
    addField(u"birthday"_s, tr("Birthday:"));
    addField(u"note"_s, tr("About:"));
    m_cardStatus->setObjectName(u"cardStatus"_s);
    m_cardStatus->setWordWrap(true);
    m_cardStatus->setText(tr("Loading profile…"));

    auto *cardBox = new QGroupBox(tr("Profile"), this);
    auto *cardLayout = new QVBoxLayout(cardBox);
    cardLayout->addWidget(m_cardStatus);
    cardLayout->addLayout(m_form);

    m_resources->setObjectName(u"resources"_s);
    m_resources->setAccessibleName(tr("Online devices"));
    m_resources->setRootIsDecorated(false);
    m_resources->setHeaderLabels({ tr("Device"), tr("Presence"), tr("Status message"), tr("Client") });
    m_resources->header()->setStretchLastSection(true);
    m_resources->setMinimumHeight(90);
    auto *resourcesBox = new QGroupBox(tr("Online devices"), this);
    auto *resourcesLayout = new QVBoxLayout(resourcesBox);
    resourcesLayout->addWidget(m_resources);

    m_buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(cardBox);
    layout->addWidget(resourcesBox, 1);
    layout->addWidget(m_buttons);

    setTabOrder(m_name, m_address);
    setTabOrder(m_address, m_resources);
    setTabOrder(m_resources, m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(session->presence(), &PresenceManager::presencesChanged, this, [this](const QList<Jid> &jids) {
        if (jids.contains(m_contact)) {
            updateResources();
        }
    });
    connect(session->caps(), &CapsManager::featuresKnown, this, [this](const Jid &fullJid) {
        if (fullJid.bare() == m_contact) {
            updateResources();
        }
    });
    connect(session->avatars(), &AvatarManager::avatarChanged, this, [this](const Jid &jid) {
        if (jid.bare() == m_contact) {
            showAvatar();
        }
    });

    const auto item = session->roster()->item(m_contact);
    m_name->setText(item && !item->name.isEmpty() ? item->name : m_contact.toString());
    showAvatar();
    updateResources();
    setMinimumWidth(460);
    fetchCard();
    // The XEP-0084 avatar, in case no presence announced it yet (a contact we do not see).
    if (session->avatars()->avatar(m_contact).isNull()) {
        session->avatars()->fetchAvatar(m_contact);
    }
}

QLabel *ContactInfoDialog::addField(const QString &key, const QString &label)
{
    auto *value = new QLabel(this);
    value->setObjectName(key);
    value->setTextFormat(Qt::PlainText);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QString accessible = label;
    accessible.remove(u':');
    value->setAccessibleName(accessible);
    m_form->addRow(label, value);
    m_form->setRowVisible(value, false);
    m_fields.insert(key, value);
    return value;
}

QString ContactInfoDialog::fieldText(const QString &field) const
{
    const QLabel *label = m_fields.value(field);
    return label ? label->text() : QString();
}

void ContactInfoDialog::fetchCard()
{
    whenFinished(m_session->vcards()->fetch(m_contact), this, [this](const VCardManager::FetchResult &result) {
        m_loaded = true;
        if (const auto *error = std::get_if<XmppError>(&result)) {
            m_cardStatus->setText(isNotFound(*error)
                    ? tr("%1 has not published a profile.").arg(m_contact.toString())
                    : tr("The profile could not be loaded: %1").arg(describeError(*error)));
            m_cardStatus->show();
        } else {
            showCard(std::get<VCard>(result));
        }
        Q_EMIT loaded();
    });
}

void ContactInfoDialog::showCard(const VCard &card)
{
    m_card = card;
    const QLocale locale;
    const QHash<QString, QString> values {
        { u"fullName"_s, card.fullName },
        { u"nickname"_s, card.nickname },
        { u"email"_s, card.emails.join(u'\n') },
        { u"phone"_s, card.phones.join(u'\n') },
        { u"organisation"_s, card.organisation },
        { u"title"_s, card.title },
        { u"url"_s, card.url },
        { u"birthday"_s, card.birthday.isValid() ? locale.toString(card.birthday, QLocale::LongFormat) : QString() },
        { u"note"_s, card.note },
    };
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString text = values.value(it.key()).trimmed();
        it.value()->setText(text);
        m_form->setRowVisible(it.value(), !text.isEmpty());
    }
    if (card.isEmpty()) {
        m_cardStatus->setText(tr("%1 has not published a profile.").arg(m_contact.toString()));
    } else {
        m_cardStatus->hide();
    }
    const auto item = m_session->roster()->item(m_contact);
    if (!(item && !item->name.isEmpty())) {
        const QString name = !card.fullName.isEmpty() ? card.fullName : card.nickname;
        if (!name.isEmpty()) {
            m_name->setText(name);
        }
    }
    showAvatar();
}

void ContactInfoDialog::showAvatar()
{
    QImage image = m_session->avatars()->avatar(m_contact);
    if (image.isNull() && !m_card.photo.isEmpty()) {
        image = QImage::fromData(m_card.photo);
    }
    m_avatar->setPixmap(Avatar::pixmap(AvatarSize, devicePixelRatioF(), image, m_name->text(), m_contact.toString()));
}

void ContactInfoDialog::updateResources()
{
    m_resources->clear();
    const QList<Presence> resources = m_session->presence()->resources(m_contact);
    for (const Presence &presence : resources) {
        if (!presence.isAvailable()) {
            continue;
        }
        const auto info = m_session->caps()->info(presence.from);
        const QString client = info ? clientName(*info) : QString();
        auto *row = new QTreeWidgetItem(m_resources,
            { presence.from.resource(), PresenceStyle::name(presence.show), presence.status,
                client.isEmpty() ? tr("Unknown") : client });
        row->setIcon(1, PresenceStyle::icon(presence.show));
        row->setData(0, Qt::UserRole, presence.from.toString());
    }
    if (m_resources->topLevelItemCount() == 0) {
        auto *row = new QTreeWidgetItem(m_resources, { tr("Not online, or not sharing presence with you") });
        row->setFlags(Qt::NoItemFlags);
        row->setFirstColumnSpanned(true);
    }
    for (int column = 0; column < 3; ++column) {
        m_resources->resizeColumnToContents(column);
    }
}

} // namespace confab::ui
