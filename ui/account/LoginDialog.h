// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stream/ConnectionSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QFrame;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace confab {
class Policy;
struct ConnectionError;
} // namespace confab

namespace confab::ui {

/// "Confab — Sign in": address, password, "Remember password", "Sign in automatically", a "Create account"
/// mode (XEP-0077), and an Advanced section (server, port, TLS mode, CA file). A view only: the
/// AccountController fills it, listens to signInRequested and reports back with setBusy() and showError().
/// Enter signs in; while busy, Cancel aborts the attempt; otherwise it closes the window (rejected()).
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { SignIn, CreateAccount };
    Q_ENUM(Mode)

    explicit LoginDialog(QWidget *parent = nullptr);

    /// Fields the IT policy sets become defaults; locked ones cannot be edited; "allowRegistration" and
    /// "allowRememberPassword" false hide "Create account" and turn "Remember password" off.
    void applyPolicy(const Policy &policy);
    /// Fills every field from `settings`, the password included.
    void setSettings(const ConnectionSettings &settings);
    /// What the fields say, as settings to sign in with (a bare JID; the server picks the resource).
    ConnectionSettings settings() const;

    bool rememberPassword() const;
    void setRememberPassword(bool remember);
    bool autoSignIn() const;
    void setAutoSignIn(bool enabled);
    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    /// Whether a keychain answered; when it did not, "Remember password" says the password is kept for this
    /// session only.
    void setKeychainAvailable(bool available);
    bool isKeychainAvailable() const { return m_keychainAvailable; }

    /// Connecting: every field is read-only, a progress bar runs, Cancel aborts.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    /// The failure's sentence (connectionErrorText); for a refused certificate also who it names, its
    /// SHA-256 fingerprint and "Trust this certificate".
    void showError(const ConnectionError &error);
    /// A neutral line (e.g. "Signed out.").
    void showMessage(const QString &text);
    QString statusText() const;

public Q_SLOTS:
    /// Checks the fields and asks to sign in (signInRequested); the dialog stays open until told otherwise.
    void accept() override;
    /// Cancels a running attempt (cancelRequested), else closes the window.
    void reject() override;

Q_SIGNALS:
    void signInRequested();
    void cancelRequested();

private:
    void trustCertificate();
    void chooseCaFile();
    void updateMode();
    void updateEnabled();
    void updateKeychainNote();
    void setStatus(const QString &text, bool isError);
    QString completedJidText() const;

    QLabel *m_heading;
    QFormLayout *m_form;
    QLineEdit *m_jidEdit;
    QLineEdit *m_passwordEdit;
    QLineEdit *m_confirmEdit;
    QCheckBox *m_rememberBox;
    QCheckBox *m_autoBox;
    QLabel *m_keychainNote;
    QLabel *m_status;
    QFrame *m_certificatePanel;
    QLabel *m_certificateText;
    QPushButton *m_trustButton;
    QToolButton *m_advancedToggle;
    QWidget *m_advanced;
    QLineEdit *m_hostEdit;
    QSpinBox *m_portSpin;
    QComboBox *m_tlsCombo;
    QLineEdit *m_caFileEdit;
    QPushButton *m_caBrowse;
    QPushButton *m_modeButton;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    QPushButton *m_signInButton;
    QPushButton *m_cancelButton;

    QString m_domain; ///< the policy's account/domain: completes "name" to "name@domain"
    bool m_domainLocked = false;
    bool m_hostLocked = false;
    bool m_portLocked = false;
    bool m_tlsLocked = false;
    bool m_caFileLocked = false;
    bool m_registrationAllowed = true;
    bool m_rememberAllowed = true;
    bool m_keychainAvailable = true;
    bool m_busy = false;
    Mode m_mode = Mode::SignIn;
    QByteArray m_pinnedSha256;
    QByteArray m_offeredSha256; ///< the refused certificate "Trust" would pin
    QString m_pinnedFor; ///< the address the pin was made for: another address drops it
};

} // namespace confab::ui
