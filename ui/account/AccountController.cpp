// SPDX-License-Identifier: Apache-2.0
#include "account/AccountController.h"

#include "account/LoginDialog.h"
#include "account/PasswordStore.h"
#include "client/Client.h"
#include "common/AppSettings.h"
#include "session/AccountSession.h"

#include <QDir>
#include <QLoggingCategory>

#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAccount, "confab.account")

namespace confab::ui {

namespace {

const QString kJid = u"account/jid"_s;
const QString kHost = u"account/host"_s;
const QString kPort = u"account/port"_s;
const QString kTls = u"account/tls"_s;
const QString kCaFile = u"account/caFile"_s;
const QString kPinned = u"account/pinnedSha256"_s;
const QString kAutoSignIn = u"account/autoSignIn"_s;
const QString kRemember = u"account/rememberPassword"_s;
// Keys only the policy sets.
const QString kDomain = u"account/domain"_s;
const QString kAllowRemember = u"account/allowRememberPassword"_s;

// A lookup that tells whether a keychain answers at all, when there is no saved account to look up.
const QString kProbeKey = u"confab-keychain-check"_s;

} // namespace

AccountController::AccountController(const QString &profileDirectory, AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_profileDirectory(profileDirectory)
    , m_settings(settings)
    , m_passwords(new PasswordStore(this))
{
    qRegisterMetaType<confab::AccountSession *>();
}

AccountController::~AccountController()
{
    delete m_dialog;
}

ConnectionSettings AccountController::savedSettings() const
{
    ConnectionSettings s;
    QString jid = m_settings->value(kJid).toString();
    const QString domain = m_settings->value(kDomain).toString();
    if (jid.isEmpty() && !domain.isEmpty()) {
        jid = u"@"_s + domain; // only the domain: the dialog completes a bare name with it
    }
    s.jid = Jid::fromString(jid).bare();
    s.host = m_settings->value(kHost).toString();
    s.port = quint16(m_settings->value(kPort, 0).toUInt());
    s.tlsMode = m_settings->value(kTls).toString().compare(u"direct", Qt::CaseInsensitive) == 0 ? TlsMode::DirectTls
                                                                                                : TlsMode::StartTls;
    s.caFile = m_settings->value(kCaFile).toString();
    s.pinnedSha256 = ConnectionSettings::parseFingerprint(m_settings->value(kPinned).toString());
    return s;
}

void AccountController::start(const std::optional<ConnectionSettings> &commandLine)
{
    if (commandLine) {
        // confab --jid ... --password-file ...: an IT script's or a test's account; nothing is stored.
        m_attemptFromDialog = false;
        m_attemptRemember = false;
        m_attemptAutoSignIn = false;
        attempt(*commandLine);
        return;
    }
    ConnectionSettings saved = savedSettings();
    const bool rememberAllowed = m_settings->value(kAllowRemember, true).toBool();
    const bool autoSignIn = rememberAllowed && m_settings->value(kAutoSignIn, false).toBool()
        && m_settings->value(kRemember, false).toBool() && saved.jid.isValid() && !saved.jid.local().isEmpty();
    if (!autoSignIn) {
        showDialog(saved);
        return;
    }
    m_passwords->read(saved.jid.bareString(), this, [this, saved](const PasswordStore::Result &result) mutable {
        if (result.status != PasswordStore::Result::Status::Found || result.password.isEmpty()) {
            showDialog(saved);
            return;
        }
        saved.password = result.password;
        m_attemptFromDialog = false;
        m_attemptRemember = true;
        m_attemptAutoSignIn = true;
        attempt(saved);
    });
}

void AccountController::showDialog(const ConnectionSettings &prefill)
{
    if (!m_dialog) {
        m_dialog = new LoginDialog;
        m_dialog->applyPolicy(m_settings->policy());
        connect(m_dialog.data(), &LoginDialog::signInRequested, this, [this] {
            m_attemptFromDialog = true;
            m_attemptRemember = m_dialog->rememberPassword();
            m_attemptAutoSignIn = m_dialog->autoSignIn();
            attempt(m_dialog->settings());
        });
        connect(m_dialog.data(), &LoginDialog::cancelRequested, this, &AccountController::cancel);
        connect(m_dialog.data(), &QDialog::rejected, this, &AccountController::loginDismissed);
        // The saved choices once; afterwards the boxes keep what the user ticked, even after a failure.
        m_dialog->setRememberPassword(m_settings->value(kRemember, false).toBool());
        m_dialog->setAutoSignIn(m_settings->value(kAutoSignIn, false).toBool());
    }
    ConnectionSettings filled = prefill;
    const QString bare = filled.jid.bareString();
    if (filled.password.isEmpty()) {
        filled.password = m_memoryPasswords.value(bare);
    }
    m_dialog->setSettings(filled);
    m_dialog->setBusy(false);
    const bool remembered = m_settings->value(kRemember, false).toBool();

    // Whether a keychain answers, and the remembered password when it has one.
    const bool lookUp = remembered && !filled.jid.local().isEmpty() && filled.password.isEmpty();
    m_passwords->read(
        lookUp ? bare : kProbeKey, m_dialog.data(), [this, lookUp, bare](const PasswordStore::Result &result) {
            m_dialog->setKeychainAvailable(result.status != PasswordStore::Result::Status::Unavailable);
            if (lookUp && result.status == PasswordStore::Result::Status::Found && !m_dialog->isBusy()
                && m_dialog->settings().jid.bareString() == bare && m_dialog->settings().password.isEmpty()) {
                ConnectionSettings withPassword = m_dialog->settings();
                withPassword.password = result.password;
                m_dialog->setSettings(withPassword);
            }
        });
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void AccountController::attempt(const ConnectionSettings &settings)
{
    const QString bare = settings.jid.bareString();
    if (m_session && (m_signedIn || m_sessionJid != bare)) {
        dropSession();
    }
    m_attempt = settings;
    if (m_dialog) {
        m_dialog->setBusy(true);
    }
    if (m_session && m_sessionOpened) {
        m_session->signIn(settings);
        return;
    }
    if (!m_session) {
        const QString dataDirectory = m_profileDirectory + u'/' + bare;
        QDir().mkpath(dataDirectory);
        m_session = new AccountSession(dataDirectory, this);
        m_sessionJid = bare;
        m_sessionOpened = false;
        Client *client = &m_session->client();
        connect(client, &Client::connected, this, &AccountController::handleConnected);
        connect(client, &Client::disconnected, this, &AccountController::handleDisconnected);
    }
    AccountSession *session = m_session;
    session->open().then(session, [this, session](const QString &error) {
        if (session != m_session) {
            return;
        }
        if (!error.isEmpty()) {
            qCWarning(lcAccount) << "could not open the account's data:" << error;
            showDialog(m_attempt);
            m_dialog->showMessage(tr("Confab could not open this account's data folder: %1").arg(error));
            dropSession();
            return;
        }
        m_sessionOpened = true;
        m_session->signIn(m_attempt);
    });
}

void AccountController::handleConnected()
{
    if (m_signedIn || !m_session) {
        return; // a reconnection: the main window shows it
    }
    m_signedIn = true;
    if (m_attemptFromDialog) {
        persist(m_attempt);
    }
    if (m_dialog) {
        m_dialog->setBusy(false);
        m_dialog->setMode(LoginDialog::Mode::SignIn); // a created account is signed in to from now on
        m_dialog->hide();
    }
    qCInfo(lcAccount) << "signed in as" << m_session->client().jid().toString();
    Q_EMIT signedIn(m_session);
}

void AccountController::handleDisconnected(const ConnectionError &error)
{
    if (m_offline && !error.isError()) {
        return; // the logout goOffline() asked for: the session stays
    }
    ConnectionSettings retry = m_attempt;
    if (error.kind == ConnectionError::Kind::AuthenticationFailed) {
        // Kept in the field (selected, so typing replaces it), but no longer offered after this run.
        m_memoryPasswords.remove(retry.jid.bareString());
    }
    if (m_signedIn) {
        // Final: a clean logout from elsewhere (quitting), or a failure the Client will not retry.
        m_signedIn = false;
        Q_EMIT signedOut();
        dropSession();
        if (!error.isError()) {
            return;
        }
        qCInfo(lcAccount) << "session ended:" << error.message;
    }
    if (!error.isError()) {
        return; // our own cancel
    }
    showDialog(retry);
    m_dialog->showError(error);
}

void AccountController::cancel()
{
    dropSession();
    if (m_dialog) {
        m_dialog->setBusy(false);
        m_dialog->showMessage(tr("Sign-in cancelled."));
    }
}

void AccountController::signOut()
{
    if (!m_session) {
        return;
    }
    const bool wasSignedIn = m_signedIn;
    m_signedIn = false;
    dropSession();
    if (wasSignedIn) {
        Q_EMIT signedOut();
    }
    ConnectionSettings prefill = savedSettings();
    if (!m_attempt.jid.isNull()) {
        prefill = m_attempt;
        prefill.password.clear();
        prefill.registerAccount = false;
    }
    showDialog(prefill);
    m_dialog->showMessage(tr("You have signed out."));
}

void AccountController::goOffline()
{
    if (!m_session || !m_signedIn || m_offline) {
        return;
    }
    qCInfo(lcAccount) << "going offline";
    m_offline = true;
    m_session->signOut();
}

void AccountController::goOnline()
{
    if (!m_session || !m_offline) {
        return;
    }
    qCInfo(lcAccount) << "going online again";
    m_offline = false;
    m_session->signIn(m_attempt);
}

void AccountController::dropSession()
{
    m_offline = false;
    if (!m_session) {
        return;
    }
    AccountSession *session = std::exchange(m_session, nullptr);
    m_sessionJid.clear();
    m_sessionOpened = false;
    Client *client = &session->client();
    disconnect(client, nullptr, this, nullptr);
    // A clean close (RFC 6120 §4.4) before the session goes; the stream's own close timer bounds the wait.
    connect(client, &Client::disconnected, session, &QObject::deleteLater);
    session->signOut();
    if (client->state() == Client::State::Disconnected) {
        session->deleteLater();
    }
}

void AccountController::persist(const ConnectionSettings &settings)
{
    const QString bare = settings.jid.bareString();
    m_settings->setValue(kJid, bare);
    m_settings->setValue(kHost, settings.host);
    m_settings->setValue(kPort, int(settings.port));
    m_settings->setValue(kTls, settings.tlsMode == TlsMode::DirectTls ? u"direct"_s : u"starttls"_s);
    m_settings->setValue(kCaFile, settings.caFile);
    m_settings->setValue(kPinned,
        settings.pinnedSha256.isEmpty() ? QString() : ConnectionSettings::formatFingerprint(settings.pinnedSha256));
    const bool wasRemembered = m_settings->value(kRemember, false).toBool();
    m_settings->setValue(kRemember, m_attemptRemember);
    m_settings->setValue(kAutoSignIn, m_attemptRemember && m_attemptAutoSignIn);
    m_settings->sync();

    if (m_attemptRemember) {
        m_memoryPasswords.insert(bare, settings.password);
        m_passwords->write(bare, settings.password, this, [bare](const PasswordStore::Result &result) {
            if (result.status != PasswordStore::Result::Status::Found) {
                qCInfo(lcAccount) << "no keychain: the password of" << bare << "is kept for this session only";
            }
        });
    } else {
        m_memoryPasswords.remove(bare);
        if (wasRemembered) {
            m_passwords->remove(bare, this, [](const PasswordStore::Result &) {});
        }
    }
}

} // namespace confab::ui
