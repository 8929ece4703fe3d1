// SPDX-License-Identifier: Apache-2.0
// The sign-in window against the fixture's real Prosody, with no keychain on the session bus (it points
// nowhere): each failure says its own sentence, a refused certificate can be trusted and pinned, accounts
// are created (once), a successful sign-in stores the account, and "Remember password" says the password
// is kept for this session only.
#include "LoginTestSupport.h"
#include "account/ConnectionErrorText.h"
#include "client/Client.h"
#include "session/AccountSession.h"
#include "stream/ClientStream.h"
#include "stream/ConnectionError.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

class LoginDialogTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dialogIsReadyToUse();
    void policyLocksAndHides();
    void longChineseTextWraps();
    void wrongPasswordSaysSo();
    void serverNotFound();
    void networkDown();
    void cancelAbortsAHangingAttempt();
    void signInStoresTheAccount();
    void noKeychainKeepsPasswordForThisSessionOnly();
    void commandLineSignsInWithoutDialog();
    void untrustedCertificateCanBeTrusted();
    void directTlsFromAdvanced();
    void createAccountThenItExists();
    void replacedSessionBringsDialogBack();

private:
    LoginInput inputFor(const QString &user, const QString &password = {}) const
    {
        return { m_server->jid(user), password.isEmpty() ? m_server->password(user) : password, m_server->host(),
            m_server->c2sPort(), m_server->caFile() };
    }
    static ui::LoginDialog *startAndGetDialog(LoginProfile &profile)
    {
        profile.controller->start(std::nullopt);
        // Straight away, or once the keychain said it has no password for an automatic sign-in.
        QElapsedTimer timer;
        timer.start();
        while (!profile.controller->loginDialog() && timer.elapsed() < 20000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        }
        ui::LoginDialog *dialog = profile.controller->loginDialog();
        if (dialog && !QTest::qWaitForWindowExposed(dialog)) {
            return nullptr;
        }
        return dialog;
    }
    static QString textFor(ConnectionError::Kind kind, const QString &condition = {})
    {
        ConnectionError error;
        error.kind = kind;
        error.condition = condition;
        return ui::connectionErrorText(error);
    }

    std::unique_ptr<ProsodyFixture> m_server;
};

void LoginDialogTest::initTestCase()
{
    ProsodyFixture::Options options;
    options.accounts = { u"alice"_s, u"bob"_s, u"dora"_s, u"erin"_s };
    m_server = std::make_unique<ProsodyFixture>(options);
    const auto error = m_server->start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void LoginDialogTest::dialogIsReadyToUse()
{
    LoginProfile profile;
    ui::LoginDialog *dialog = startAndGetDialog(profile);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowTitle(), u"Confab — Sign in"_s);
    // Every control a person can reach has a name a screen reader can say.
    QStringList unnamed;
    for (QWidget *w : dialog->findChildren<QWidget *>()) {
        if (w->focusPolicy() != Qt::NoFocus && w->accessibleName().isEmpty() && !w->objectName().startsWith(u"qt_")
            && (qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w)
                || qobject_cast<QSpinBox *>(w))) {
            unnamed.append(w->objectName() + u'/' + QString::fromLatin1(w->metaObject()->className()));
        }
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
    // The address first; Tab goes on to the password.
    QCOMPARE(dialog->focusWidget(), child<QLineEdit>(dialog, u"jid"_s));
    QCOMPARE(child<QLineEdit>(dialog, u"jid"_s)->nextInFocusChain(), child<QLineEdit>(dialog, u"password"_s));
    // An empty form is not sent: it says what is missing.
    QSignalSpy requested(dialog, &ui::LoginDialog::signInRequested);
    QTest::keyClick(child<QLineEdit>(dialog, u"password"_s), Qt::Key_Return);
    QCOMPARE(requested.size(), 0);
    QVERIFY2(dialog->statusText().contains(u"Enter your address"_s), qPrintable(dialog->statusText()));
    QVERIFY(!child<QLineEdit>(dialog, u"confirmPassword"_s)->isVisible());
}

void LoginDialogTest::policyLocksAndHides()
{
    QTemporaryDir policyDir;
    const QString path = policyDir.filePath(u"policy.conf"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("locked=account/domain, account/host, account/allowRegistration, account/allowRememberPassword\n"
                   "[account]\ndomain=corp.example\nhost=xmpp.corp.example\nport=5223\ntls=direct\n"
                   "allowRegistration=false\nallowRememberPassword=false\n");
    }
    LoginProfile profile(Policy::fromFile(path));
    ui::LoginDialog *dialog = startAndGetDialog(profile);
    QVERIFY(dialog);
    QCOMPARE(child<QLineEdit>(dialog, u"host"_s)->text(), u"xmpp.corp.example"_s);
    QVERIFY(!child<QLineEdit>(dialog, u"host"_s)->isEnabled());
    QCOMPARE(child<QSpinBox>(dialog, u"port"_s)->value(), 5223);
    QVERIFY(child<QSpinBox>(dialog, u"port"_s)->isEnabled()); // set, not locked
    QCOMPARE(dialog->settings().tlsMode, TlsMode::DirectTls);
    QVERIFY(!child<QCheckBox>(dialog, u"rememberPassword"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(dialog, u"modeSwitch"_s)->isVisible());
    // A bare name is completed with the domain; another domain is refused.
    typeInto(child<QLineEdit>(dialog, u"jid"_s), u"zhang.wei"_s);
    QCOMPARE(dialog->settings().jid.bareString(), u"zhang.wei@corp.example"_s);
    typeInto(child<QLineEdit>(dialog, u"jid"_s), u"someone@elsewhere.example"_s);
    typeInto(child<QLineEdit>(dialog, u"password"_s), u"secret"_s);
    QSignalSpy requested(dialog, &ui::LoginDialog::signInRequested);
    QTest::keyClick(child<QLineEdit>(dialog, u"password"_s), Qt::Key_Return);
    QCOMPARE(requested.size(), 0);
    QVERIFY2(dialog->statusText().contains(u"@corp.example"_s), qPrintable(dialog->statusText()));
}

void LoginDialogTest::longChineseTextWraps()
{
    LoginProfile profile;
    ui::LoginDialog *dialog = startAndGetDialog(profile);
    QVERIFY(dialog);
    const int widthBefore = dialog->width();
    QString sentence;
    for (int i = 0; i < 12; ++i) {
        sentence += u"无法连接到服务器，请检查您的网络连接以及地址中“@”后面的部分。"_s;
    }
    dialog->showMessage(sentence);
    dialog->adjustSize();
    QCoreApplication::processEvents();
    // The window does not grow to the sentence's length: the line wraps, and all of it is shown.
    auto *status = child<QLabel>(dialog, u"status"_s);
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(), sentence);
    QVERIFY2(dialog->width() < widthBefore + 200, qPrintable(QString::number(dialog->width())));
    QVERIFY(status->height() > 3 * status->fontMetrics().height());
    QVERIFY(status->height() >= status->heightForWidth(status->width()));
    if (qEnvironmentVariableIsSet("CONFAB_LOGIN_SCREENSHOT")) {
        QTest::mouseClick(child<QToolButton>(dialog, u"advancedToggle"_s), Qt::LeftButton);
        dialog->adjustSize();
        QVERIFY(dialog->grab().save(qEnvironmentVariable("CONFAB_LOGIN_SCREENSHOT")));
    }
}

void LoginDialogTest::wrongPasswordSaysSo()
{
    LoginProfile profile;
    QSignalSpy signedIn(profile.controller.get(), &ui::AccountController::signedIn);
    ui::LoginDialog *dialog = startAndGetDialog(profile);
    signInWith(dialog, inputFor(u"alice"_s, u"not-her-password"_s));
    QTRY_VERIFY(dialog->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
    QCOMPARE(dialog->statusText(), textFor(ConnectionError::Kind::AuthenticationFailed, u"not-authorized"_s));
    QVERIFY(dialog->statusText().contains(u"password is wrong"_s));
    QVERIFY(dialog->isVisible());
    QCOMPARE(signedIn.size(), 0);
    // The password is there to correct, selected so that typing replaces it.
    QCOMPARE(dialog->focusWidget(), child<QLineEdit>(dialog, u"password"_s));
    QVERIFY(child<QLineEdit>(dialog, u"password"_s)->hasSelectedText());
    QVERIFY(profile.settings->value(u"account/jid"_s).toString().isEmpty());
}

void LoginDialogTest::serverNotFound()
{
    LoginProfile profile;
    ui::LoginDialog *dialog = startAndGetDialog(profile);
    LoginInput input = inputFor(u"alice"_s);
    input.host = u"nowhere.invalid"_s;
    signInWith(dialog, input);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && !dialog->statusText().isEmpty(), 40000);
    QCOMPARE(dialog->statusText(), textFor(ConnectionError::Kind::HostNotFound));
    QVERIFY(dialog->statusText().contains(u"could not be found"_s));
}

void LoginDialogTest::networkDown()
{
    // A port nobody listens on: the connection is refused at once.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    LoginProfile profile;
    ui::LoginDialog *dialog = startAndGetDialog(profile);
    LoginInput input = inputFor(u"alice"_s);
    input.port = closedPort;
    signInWith(dialog, input);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && dialog->statusText() != u"Signing in…"_s, 20000);
    QCOMPARE(dialog->statusText(), textFor(ConnectionError::Kind::ConnectionFailed));
    QVERIFY(dialog->statusText().contains(u"could not reach the server"_s));
}

void LoginDialogTest::cancelAbortsAHangingAttempt()
{
    // A server that accepts the connection and never says a word.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    LoginProfile profile;
    ui::LoginDialog *dialog = startAndGetDialog(profile);
    LoginInput input = inputFor(u"alice"_s);
    input.port = silent.serverPort();
    signInWith(dialog, input);
    QTRY_VERIFY(dialog->isBusy());
    QVERIFY(child<QProgressBar>(dialog, u"progress"_s)->isVisible());
    QVERIFY(child<QLineEdit>(dialog, u"jid"_s)->isReadOnly());
    QTRY_VERIFY(silent.hasPendingConnections() || silent.waitForNewConnection(0));
    QTcpSocket *accepted = silent.nextPendingConnection();
    QVERIFY(accepted);
    QSignalSpy closed(accepted, &QTcpSocket::disconnected);
    auto *cancel = child<QPushButton>(dialog, u"cancel"_s);
    QCOMPARE(cancel->text(), u"Cancel"_s);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!dialog->isBusy());
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->statusText(), u"Sign-in cancelled."_s);
    QVERIFY(!profile.controller->session());
    QVERIFY(!child<QLineEdit>(dialog, u"jid"_s)->isReadOnly());
    // The socket really goes.
    QTRY_VERIFY_WITH_TIMEOUT(closed.size() > 0 || accepted->state() == QAbstractSocket::UnconnectedState, 10000);
}

void LoginDialogTest::signInStoresTheAccount()
{
    LoginProfile profile;
    QSignalSpy signedIn(profile.controller.get(), &ui::AccountController::signedIn);
    QSignalSpy signedOut(profile.controller.get(), &ui::AccountController::signedOut);
    ui::LoginDialog *dialog = startAndGetDialog(profile);
    signInWith(dialog, inputFor(u"alice"_s));
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 20000);
    AccountSession *session = signedIn.at(0).at(0).value<AccountSession *>();
    QCOMPARE(session, profile.controller->session());
    QVERIFY(session->client().isConnected());
    QCOMPARE(session->client().jid().bareString(), m_server->jid(u"alice"_s));
    QVERIFY(!dialog->isVisible());
    ui::AppSettings &settings = *profile.settings;
    QCOMPARE(settings.value(u"account/jid"_s).toString(), m_server->jid(u"alice"_s));
    QCOMPARE(settings.value(u"account/host"_s).toString(), m_server->host());
    QCOMPARE(settings.value(u"account/port"_s).toInt(), int(m_server->c2sPort()));
    QCOMPARE(settings.value(u"account/tls"_s).toString(), u"starttls"_s);
    QCOMPARE(settings.value(u"account/caFile"_s).toString(), m_server->caFile());
    QCOMPARE(settings.value(u"account/rememberPassword"_s).toBool(), false);
    QCOMPARE(settings.value(u"account/autoSignIn"_s).toBool(), false);
    // The account's data lives in its own directory of the profile.
    QVERIFY(QFileInfo(profile.dir.filePath(m_server->jid(u"alice"_s))).isDir());
    // Never a password in the settings file.
    QFile ini(profile.dir.filePath(u"confab.ini"_s));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains(m_server->password(u"alice"_s).toUtf8()));

    // Signing out brings the dialog back, filled in except for the password that was not remembered.
    profile.controller->signOut();
    QCOMPARE(signedOut.size(), 1);
    QVERIFY(!profile.controller->session());
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->statusText(), u"You have signed out."_s);
    QCOMPARE(child<QLineEdit>(dialog, u"jid"_s)->text(), m_server->jid(u"alice"_s));
    QCOMPARE(child<QLineEdit>(dialog, u"password"_s)->text(), QString());
    // A new run offers the saved account.
    profile.restart();
    ui::LoginDialog *again = startAndGetDialog(profile);
    QVERIFY(again);
    QCOMPARE(child<QLineEdit>(again, u"jid"_s)->text(), m_server->jid(u"alice"_s));
    QCOMPARE(child<QLineEdit>(again, u"host"_s)->text(), m_server->host());
    QCOMPARE(child<QSpinBox>(again, u"port"_s)->value(), int(m_server->c2sPort()));
}

void LoginDialogTest::noKeychainKeepsPasswordForThisSessionOnly()
{
    LoginProfile profile;
    QSignalSpy signedIn(profile.controller.get(), &ui::AccountController::signedIn);
    ui::LoginDialog *dialog = startAndGetDialog(profile);
    auto *note = child<QLabel>(dialog, u"keychainNote"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isKeychainAvailable(), 20000);
    QVERIFY(!note->isVisible());
    QTest::mouseClick(child<QCheckBox>(dialog, u"rememberPassword"_s), Qt::LeftButton);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"for this session only"_s), qPrintable(note->text()));
    QTest::mouseClick(child<QCheckBox>(dialog, u"autoSignIn"_s), Qt::LeftButton);
    signInWith(dialog, inputFor(u"bob"_s));
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 20000);
    QCOMPARE(profile.settings->value(u"account/rememberPassword"_s).toBool(), true);
    // After signing out the password is still known, for this run.
    profile.controller->signOut();
    QVERIFY(dialog->isVisible());
    QCOMPARE(child<QLineEdit>(dialog, u"password"_s)->text(), m_server->password(u"bob"_s));
    // A new run has no keychain to read it from: the dialog asks, and says why.
    profile.restart();
    ui::LoginDialog *again = startAndGetDialog(profile);
    QVERIFY(again);
    QTRY_VERIFY_WITH_TIMEOUT(!again->isKeychainAvailable(), 20000);
    QCOMPARE(child<QLineEdit>(again, u"password"_s)->text(), QString());
    QVERIFY(child<QCheckBox>(again, u"rememberPassword"_s)->isChecked());
    QVERIFY(child<QLabel>(again, u"keychainNote"_s)->isVisible());
}

void LoginDialogTest::commandLineSignsInWithoutDialog()
{
    LoginProfile profile;
    QSignalSpy signedIn(profile.controller.get(), &ui::AccountController::signedIn);
    profile.controller->start(settingsFor(*m_server, u"dora"_s, u"script"_s));
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 20000);
    QVERIFY(!profile.controller->loginDialog());
    QCOMPARE(profile.controller->session()->client().jid().resource(), u"script"_s);
    // Nothing of it is stored.
    QVERIFY(profile.settings->value(u"account/jid"_s).toString().isEmpty());

    // A command line that fails shows the dialog with the reason, filled in.
    LoginProfile failing;
    ConnectionSettings wrong = settingsFor(*m_server, u"dora"_s, u"script"_s);
    wrong.password = u"wrong"_s;
    failing.controller->start(wrong);
    QTRY_VERIFY_WITH_TIMEOUT(
        failing.controller->loginDialog() && failing.controller->loginDialog()->isVisible(), 20000);
    ui::LoginDialog *dialog = failing.controller->loginDialog();
    QCOMPARE(dialog->statusText(), textFor(ConnectionError::Kind::AuthenticationFailed, u"not-authorized"_s));
    QCOMPARE(child<QLineEdit>(dialog, u"jid"_s)->text(), m_server->jid(u"dora"_s));
}

void LoginDialogTest::untrustedCertificateCanBeTrusted()
{
    ProsodyFixture::Options options;
    options.untrustedCa = true;
    options.accounts = { u"alice"_s };
    ProsodyFixture untrusted(options);
    const auto error = untrusted.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(untrusted.directory() + u"/tls/server.crt"_s);
    QCOMPARE(certs.size(), 1);
    const QString fingerprint = ConnectionSettings::formatFingerprint(certs.first().digest(QCryptographicHash::Sha256));

    LoginProfile profile;
    QSignalSpy signedIn(profile.controller.get(), &ui::AccountController::signedIn);
    ui::LoginDialog *dialog = startAndGetDialog(profile);
    signInWith(dialog,
        { untrusted.jid(u"alice"_s), untrusted.password(u"alice"_s), untrusted.host(), untrusted.c2sPort(),
            untrusted.caFile() });
    auto *panel = child<QWidget>(dialog, u"certificatePanel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 20000);
    QCOMPARE(dialog->statusText(), textFor(ConnectionError::Kind::CertificateRefused));
    const QString shown = child<QLabel>(dialog, u"certificateText"_s)->text();
    QVERIFY2(shown.contains(fingerprint), qPrintable(shown));
    QVERIFY2(shown.contains(untrusted.domain()), qPrintable(shown));
    if (qEnvironmentVariableIsSet("CONFAB_LOGIN_SCREENSHOT")) {
        dialog->adjustSize();
        QVERIFY(dialog->grab().save(
            qEnvironmentVariable("CONFAB_LOGIN_SCREENSHOT").replace(u".png"_s, u"-certificate.png"_s)));
    }
    QCOMPARE(signedIn.size(), 0);

    QTest::mouseClick(child<QPushButton>(dialog, u"trustCertificate"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 20000);
    QCOMPARE(profile.settings->value(u"account/pinnedSha256"_s).toString(), fingerprint);
    QVERIFY(!dialog->isVisible());

    // The pin is remembered: the next run signs in to the same server without asking.
    profile.controller->signOut();
    profile.restart();
    QSignalSpy signedInAgain(profile.controller.get(), &ui::AccountController::signedIn);
    ui::LoginDialog *again = startAndGetDialog(profile);
    typeInto(child<QLineEdit>(again, u"password"_s), untrusted.password(u"alice"_s));
    QTest::keyClick(child<QLineEdit>(again, u"password"_s), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(signedInAgain.size(), 1, 20000);
}

void LoginDialogTest::directTlsFromAdvanced()
{
    ProsodyFixture::Options options;
    options.directTls = true;
    options.accounts = { u"alice"_s };
    ProsodyFixture server(options);
    const auto error = server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));

    LoginProfile profile;
    QSignalSpy signedIn(profile.controller.get(), &ui::AccountController::signedIn);
    ui::LoginDialog *dialog = startAndGetDialog(profile);
    QTest::mouseClick(child<QToolButton>(dialog, u"advancedToggle"_s), Qt::LeftButton);
    auto *tls = child<QComboBox>(dialog, u"tlsMode"_s);
    tls->setCurrentIndex(tls->findData(int(TlsMode::DirectTls)));
    QCOMPARE(child<QSpinBox>(dialog, u"port"_s)->specialValueText(), u"Default (5223)"_s);
    signInWith(dialog,
        { server.jid(u"alice"_s), server.password(u"alice"_s), server.host(), server.directTlsPort(),
            server.caFile() });
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 20000);
    QVERIFY(profile.controller->session()->client().stream()->isEncrypted());
    QCOMPARE(profile.settings->value(u"account/tls"_s).toString(), u"direct"_s);
    QCOMPARE(profile.settings->value(u"account/port"_s).toInt(), int(server.directTlsPort()));
}

void LoginDialogTest::createAccountThenItExists()
{
    LoginProfile profile;
    QSignalSpy signedIn(profile.controller.get(), &ui::AccountController::signedIn);
    ui::LoginDialog *dialog = startAndGetDialog(profile);
    QTest::mouseClick(child<QPushButton>(dialog, u"modeSwitch"_s), Qt::LeftButton);
    QCOMPARE(dialog->mode(), ui::LoginDialog::Mode::CreateAccount);
    QVERIFY(child<QLineEdit>(dialog, u"confirmPassword"_s)->isVisible());
    QCOMPARE(child<QPushButton>(dialog, u"signIn"_s)->text(), u"&Create Account"_s);
    // Two different passwords are caught before anything is sent.
    typeInto(child<QLineEdit>(dialog, u"jid"_s), m_server->jid(u"carol"_s));
    typeInto(child<QLineEdit>(dialog, u"password"_s), u"Carol-pw-1"_s);
    typeInto(child<QLineEdit>(dialog, u"confirmPassword"_s), u"Carol-pw-2"_s);
    QTest::keyClick(child<QLineEdit>(dialog, u"confirmPassword"_s), Qt::Key_Return);
    QVERIFY2(dialog->statusText().contains(u"not the same"_s), qPrintable(dialog->statusText()));
    QVERIFY(!dialog->isBusy());

    signInWith(dialog,
        { m_server->jid(u"carol"_s), u"Carol-pw-1"_s, m_server->host(), m_server->c2sPort(), m_server->caFile() });
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 20000);
    QCOMPARE(profile.controller->session()->client().jid().bareString(), m_server->jid(u"carol"_s));
    // The new account is usable by anyone who knows its password.
    {
        QTemporaryDir data;
        AccountSession check(data.path());
        QCOMPARE(await(check.open()), QString());
        ConnectionSettings carol = settingsFor(*m_server, u"carol"_s, u"check"_s);
        carol.password = u"Carol-pw-1"_s;
        check.signIn(carol);
        QTRY_VERIFY_WITH_TIMEOUT(check.client().isConnected(), 20000);
        check.signOut();
    }

    LoginProfile second;
    ui::LoginDialog *other = startAndGetDialog(second);
    QTest::mouseClick(child<QPushButton>(other, u"modeSwitch"_s), Qt::LeftButton);
    signInWith(other,
        { m_server->jid(u"carol"_s), u"Another-pw"_s, m_server->host(), m_server->c2sPort(), m_server->caFile() });
    QTRY_VERIFY_WITH_TIMEOUT(!other->isBusy() && other->statusText().contains(u"already exists"_s), 20000);
    QCOMPARE(other->statusText(), textFor(ConnectionError::Kind::RegistrationFailed, u"conflict"_s));
}

void LoginDialogTest::replacedSessionBringsDialogBack()
{
    LoginProfile profile;
    QSignalSpy signedIn(profile.controller.get(), &ui::AccountController::signedIn);
    QSignalSpy signedOut(profile.controller.get(), &ui::AccountController::signedOut);
    ui::LoginDialog *dialog = startAndGetDialog(profile);
    signInWith(dialog, inputFor(u"erin"_s));
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 20000);
    const QString resource = profile.controller->session()->client().jid().resource();
    QVERIFY(!resource.isEmpty());

    // Another sign-in with the same resource replaces ours (RFC 6120 §7.7.2.2): a stream error
    // <conflict/>, final, which the user must see.
    QTemporaryDir data;
    AccountSession other(data.path());
    QCOMPARE(await(other.open()), QString());
    other.signIn(settingsFor(*m_server, u"erin"_s, resource));
    QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 10000);
    QCOMPARE(dialog->statusText(), textFor(ConnectionError::Kind::StreamError, u"conflict"_s));
    QVERIFY(!profile.controller->session());
    other.signOut();
}

int main(int argc, char **argv)
{
    // No keychain: the session bus points nowhere, so QtKeychain finds no Secret Service.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/confab-test-bus");
    QApplication app(argc, argv);
    LoginDialogTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_LoginDialog.moc"
