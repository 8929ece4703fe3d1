// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "xmpp/vcard/VCard.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace confab {
class AccountSession;
} // namespace confab

namespace confab::ui {

/// "My Profile": our vCard (XEP-0054) and our avatar. The current vCard is loaded first; Save merges the
/// edits into a fresh copy of it, so fields Confab does not show survive, and never publishes it without
/// the PHOTO we have (with Prosody's vcard_legacy a vCard without PHOTO deletes the XEP-0084 avatar). A new
/// picture is published after the vCard, through AvatarManager (XEP-0084, then XEP-0153's PHOTO).
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    /// Largest width and height of a published avatar, in pixels.
    static constexpr int MaxAvatarSize = 192;

    explicit ProfileDialog(AccountSession *session, QWidget *parent = nullptr);

    /// Whether the current vCard has been read (the fields are editable then).
    bool isLoaded() const { return m_loaded; }
    /// Whether a load or save is in progress.
    bool isBusy() const { return m_busy; }

    /// Takes `image` as the new avatar (scaled down to MaxAvatarSize, PNG), published on Save.
    void setAvatarImage(const QImage &image);
    /// Reads an image file as the new avatar; false (and a message shown) when it is not an image.
    bool setAvatarFile(const QString &path);
    /// The encoded image Save would publish; empty when the avatar is unchanged.
    QByteArray pendingAvatar() const { return m_newAvatar; }

public Q_SLOTS:
    /// Saves (as OK does); the dialog closes when everything was published.
    void accept() override;
    /// Loads the current vCard again (done once by the constructor).
    void reload();

Q_SIGNALS:
    void loaded();
    void saved();
    /// A load or save failed; `message` is what the dialog shows.
    void failed(const QString &message);

private:
    void closeAccepted();
    void chooseAvatar();
    void fill(const VCard &card);
    VCard merged(VCard base) const;
    void publish(VCard card);
    void publishAvatar();
    void setBusy(bool busy, const QString &message = {});
    void fail(const QString &message);
    void showAvatar(const QImage &image);

    AccountSession *m_session;
    QLabel *m_avatar;
    QPushButton *m_chooseAvatar;
    QLineEdit *m_fullName;
    QLineEdit *m_nickname;
    QLineEdit *m_email;
    QLineEdit *m_phone;
    QLineEdit *m_organisation;
    QLineEdit *m_title;
    QLineEdit *m_url;
    QCheckBox *m_hasBirthday;
    QDateEdit *m_birthday;
    QPlainTextEdit *m_note;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_retry;
    QByteArray m_newAvatar;
    bool m_loaded = false;
    bool m_busy = false;
};

} // namespace confab::ui
