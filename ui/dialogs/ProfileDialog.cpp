// SPDX-License-Identifier: Apache-2.0
#include "dialogs/ProfileDialog.h"

#include "client/Client.h"
#include "common/Avatar.h"
#include "dialogs/WhenFinished.h"
#include "session/AccountSession.h"
#include "storage/AvatarCache.h"
#include "xmpp/avatar/AvatarManager.h"
#include "xmpp/vcard/VCardManager.h"

#include <QBuffer>
#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace confab::ui {

namespace {

constexpr int PreviewSize = 96;

bool isNotFound(const XmppError &error)
{
    const auto *stanzaError = std::get_if<StanzaError>(&error);
    return stanzaError && stanzaError->condition == u"item-not-found";
}

/// `list` with its first entry replaced by `first` (removed when empty); the others are kept.
QStringList withFirst(QStringList list, const QString &first)
{
    if (list.isEmpty()) {
        if (!first.isEmpty()) {
            list.append(first);
        }
    } else if (first.isEmpty()) {
        list.removeFirst();
    } else {
        list.first() = first;
    }
    return list;
}

QLineEdit *lineEdit(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    return edit;
}

} // namespace

ProfileDialog::ProfileDialog(AccountSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_avatar(new QLabel(this))
    , m_chooseAvatar(new QPushButton(tr("Choose &Picture…"), this))
    , m_fullName(lineEdit(this, u"fullName"_s, tr("Full name")))
    , m_nickname(lineEdit(this, u"nickname"_s, tr("Nickname")))
    , m_email(lineEdit(this, u"email"_s, tr("Email")))
    , m_phone(lineEdit(this, u"phone"_s, tr("Phone")))
    , m_organisation(lineEdit(this, u"organisation"_s, tr("Organisation")))
    , m_title(lineEdit(this, u"title"_s, tr("Job title")))
    , m_url(lineEdit(this, u"url"_s, tr("Web page")))
    , m_hasBirthday(new QCheckBox(this))
    , m_birthday(new QDateEdit(this))
    , m_note(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("My Profile"));

    m_avatar->setObjectName(u"avatar"_s);
    m_avatar->setFixedSize(PreviewSize, PreviewSize);
    m_avatar->setAccessibleName(tr("Your picture"));
    m_chooseAvatar->setObjectName(u"chooseAvatar"_s);
    m_chooseAvatar->setAccessibleName(tr("Choose picture"));
    m_hasBirthday->setObjectName(u"hasBirthday"_s);
    m_hasBirthday->setAccessibleName(tr("Show birthday"));
    m_birthday->setObjectName(u"birthday"_s);
    m_birthday->setAccessibleName(tr("Birthday"));
    m_birthday->setCalendarPopup(true);
    m_birthday->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_birthday->setMinimumDate(QDate(1900, 1, 1));
    m_birthday->setMaximumDate(QDate::currentDate());
    m_birthday->setEnabled(false);
    m_note->setObjectName(u"note"_s);
    m_note->setAccessibleName(tr("About me"));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 4 + 12);
    m_url->setPlaceholderText(u"https://"_s);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save"));
    m_retry = m_buttons->addButton(tr("&Retry"), QDialogButtonBox::ResetRole);
    m_retry->setObjectName(u"retry"_s);
    m_retry->setAccessibleName(tr("Load the profile again"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &ProfileDialog::reload);
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *avatarColumn = new QVBoxLayout;
    avatarColumn->addWidget(m_avatar, 0, Qt::AlignHCenter);
    avatarColumn->addWidget(m_chooseAvatar);
    avatarColumn->addStretch();

    auto *birthdayRow = new QHBoxLayout;
    birthdayRow->addWidget(m_hasBirthday);
    birthdayRow->addWidget(m_birthday, 1);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("F&ull name:"), m_fullName);
    form->addRow(tr("&Nickname:"), m_nickname);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(tr("&Organisation:"), m_organisation);
    form->addRow(tr("&Job title:"), m_title);
    form->addRow(tr("&Web page:"), m_url);
    form->addRow(tr("&Birthday:"), birthdayRow);
    form->addRow(tr("&About me:"), m_note);

    auto *columns = new QHBoxLayout;
    columns->addLayout(avatarColumn);
    columns->addLayout(form, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    QWidget *order[] = { m_fullName, m_nickname, m_email, m_phone, m_organisation, m_title, m_url, m_hasBirthday,
        m_birthday, m_note, m_chooseAvatar, m_buttons };
    for (size_t i = 1; i < std::size(order); ++i) {
        setTabOrder(order[i - 1], order[i]);
    }

    connect(m_hasBirthday, &QCheckBox::toggled, m_birthday, &QWidget::setEnabled);
    connect(m_chooseAvatar, &QPushButton::clicked, this, &ProfileDialog::chooseAvatar);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);

    const Jid own = session->client().jid().bare();
    showAvatar(session->avatars()->avatar(own));
    setMinimumWidth(520);
    reload();
}

void ProfileDialog::showAvatar(const QImage &image)
{
    const Jid own = m_session->client().jid().bare();
    const QString name = m_fullName->text().isEmpty() ? own.local() : m_fullName->text();
    m_avatar->setPixmap(Avatar::pixmap(PreviewSize, devicePixelRatioF(), image, name, own.toString()));
}

void ProfileDialog::setBusy(bool busy, const QString &message)
{
    m_busy = busy;
    const bool editable = !busy && m_loaded;
    for (QWidget *field : std::initializer_list<QWidget *> { m_fullName, m_nickname, m_email, m_phone, m_organisation,
             m_title, m_url, m_hasBirthday, m_note, m_chooseAvatar }) {
        field->setEnabled(editable);
    }
    m_birthday->setEnabled(editable && m_hasBirthday->isChecked());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(editable);
    m_status->setText(message);
    m_status->setVisible(!message.isEmpty());
    if (busy) {
        setCursor(Qt::BusyCursor);
    } else {
        unsetCursor();
    }
}

void ProfileDialog::fail(const QString &message)
{
    setBusy(false, message);
    Q_EMIT failed(message);
}

void ProfileDialog::reload()
{
    m_retry->hide();
    setBusy(true, tr("Loading your profile…"));
    whenFinished(m_session->vcards()->fetch(), this, [this](const VCardManager::FetchResult &result) {
        if (const auto *error = std::get_if<XmppError>(&result)) {
            if (!isNotFound(*error)) {
                fail(tr("Your profile could not be loaded: %1").arg(describeError(*error)));
                m_retry->show();
                return;
            }
            fill(VCard()); // XEP-0054 §3.1: no vCard yet
        } else {
            fill(std::get<VCard>(result));
        }
        m_loaded = true;
        setBusy(false);
        Q_EMIT loaded();
    });
}

void ProfileDialog::fill(const VCard &card)
{
    m_fullName->setText(card.fullName);
    m_nickname->setText(card.nickname);
    m_email->setText(card.emails.value(0));
    m_phone->setText(card.phones.value(0));
    m_organisation->setText(card.organisation);
    m_title->setText(card.title);
    m_url->setText(card.url);
    m_hasBirthday->setChecked(card.birthday.isValid());
    m_birthday->setDate(card.birthday.isValid() ? card.birthday : QDate(1990, 1, 1));
    m_note->setPlainText(card.note);
    if (m_newAvatar.isEmpty()) {
        QImage image = m_session->avatars()->avatar(m_session->client().jid().bare());
        if (image.isNull() && !card.photo.isEmpty()) {
            image = QImage::fromData(card.photo);
        }
        showAvatar(image);
    }
}

VCard ProfileDialog::merged(VCard base) const
{
    base.fullName = m_fullName->text().trimmed();
    base.nickname = m_nickname->text().trimmed();
    base.emails = withFirst(base.emails, m_email->text().trimmed());
    base.phones = withFirst(base.phones, m_phone->text().trimmed());
    base.organisation = m_organisation->text().trimmed();
    base.title = m_title->text().trimmed();
    base.url = m_url->text().trimmed();
    base.birthday = m_hasBirthday->isChecked() ? m_birthday->date() : QDate();
    base.note = m_note->toPlainText().trimmed();
    return base;
}

void ProfileDialog::accept()
{
    if (m_busy || !m_loaded) {
        return;
    }
    setBusy(true, tr("Saving…"));
    // XEP-0054 §3.2 replaces the whole vCard: start from the server's current one, not the one loaded when
    // the dialog opened (the avatar may have changed since, from this or another client).
    whenFinished(m_session->vcards()->fetch(), this, [this](const VCardManager::FetchResult &result) {
        VCard base;
        if (const auto *error = std::get_if<XmppError>(&result)) {
            if (!isNotFound(*error)) {
                fail(tr("Your profile could not be saved: %1").arg(describeError(*error)));
                return;
            }
        } else {
            base = std::get<VCard>(result);
        }
        if (base.photo.isEmpty()) {
            // Never publish without the PHOTO we have: Prosody's vcard_legacy takes a vCard without one as
            // "no avatar" and deletes the XEP-0084 nodes.
            const AvatarManager &avatars = *m_session->avatars();
            const QByteArray cached = avatars.cache().avatarFor(m_session->client().jid().bare());
            if (!cached.isEmpty()) {
                const auto header = avatars.decoder().inspect(cached);
                if (const auto *h = std::get_if<AvatarDecoder::Header>(&header)) {
                    base.photo = cached;
                    base.photoType = h->mimeType;
                }
            }
        }
        publish(merged(base));
    });
}

void ProfileDialog::publish(VCard card)
{
    whenFinished(m_session->vcards()->publish(card), this, [this](const VCardManager::PublishResult &result) {
        if (const auto *error = std::get_if<XmppError>(&result)) {
            fail(tr("Your profile could not be saved: %1").arg(describeError(*error)));
            return;
        }
        if (m_newAvatar.isEmpty()) {
            setBusy(false);
            Q_EMIT saved();
            closeAccepted();
            return;
        }
        publishAvatar();
    });
}

void ProfileDialog::publishAvatar()
{
    setBusy(true, tr("Publishing your picture…"));
    // After the vCard: AvatarManager reads the vCard just published and adds the new PHOTO to it.
    whenFinished(
        m_session->avatars()->setOwnAvatar(m_newAvatar), this, [this](const AvatarManager::PublishResult &result) {
            if (const auto *error = std::get_if<XmppError>(&result)) {
                fail(tr("Your profile was saved, but your picture could not be published: %1")
                         .arg(describeError(*error)));
                return;
            }
            m_newAvatar.clear();
            setBusy(false);
            Q_EMIT saved();
            closeAccepted();
        });
}

void ProfileDialog::setAvatarImage(const QImage &image)
{
    if (image.isNull()) {
        return;
    }
    QImage scaled = image;
    if (image.width() > MaxAvatarSize || image.height() > MaxAvatarSize) {
        scaled = image.scaled(MaxAvatarSize, MaxAvatarSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    scaled.save(&buffer, "PNG");
    m_newAvatar = bytes;
    showAvatar(scaled);
    m_status->setText(tr("The new picture is published when you save."));
    m_status->show();
}

bool ProfileDialog::setAvatarFile(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        m_status->setText(tr("This file is not an image Confab can read: %1").arg(reader.errorString()));
        m_status->show();
        return false;
    }
    setAvatarImage(image);
    return true;
}

void ProfileDialog::chooseAvatar()
{
    QStringList patterns;
    for (const QByteArray &format : QImageReader::supportedImageFormats()) {
        patterns.append(u"*."_s + QString::fromLatin1(format));
    }
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose Picture"),
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation), tr("Images (%1)").arg(patterns.join(u' ')));
    if (!path.isEmpty()) {
        setAvatarFile(path);
    }
}

void ProfileDialog::closeAccepted()
{
    // Not when the user closed the dialog while the request was on its way: it has finished already.
    if (isVisible()) {
        QDialog::accept();
    }
}

} // namespace confab::ui
