// SPDX-License-Identifier: Apache-2.0
// Remembered passwords with a real Secret Service (a private dbus-daemon and gnome-keyring-daemon, see
// SecretServiceFixture.h) against the fixture's Prosody: "Remember password" stores the password in the
// keychain and nowhere else, and the next start signs in by itself; unticking it forgets the password.
#include "LoginTestSupport.h"
#include "SecretServiceFixture.h"
#include "account/PasswordStore.h"
#include "client/Client.h"
#include "session/AccountSession.h"
#include "testlib/ProsodyFixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

class AccountControllerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rememberedPasswordSignsInAutomatically();

private:
    /// The keychain's entry for `key` as the app reads it (waits for the answer).
    static ui::PasswordStore::Result lookUp(const QString &key)
    {
        ui::PasswordStore store;
        std::optional<ui::PasswordStore::Result> answer;
        QObject context;
        store.read(key, &context, [&answer](const ui::PasswordStore::Result &result) { answer = result; });
        QElapsedTimer timer;
        timer.start();
        while (!answer && timer.elapsed() < 20000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        }
        if (!answer) {
            qFatal("the keychain did not answer");
        }
        return *answer;
    }

    SecretServiceFixture m_secrets;
    std::unique_ptr<ProsodyFixture> m_server;
};

void AccountControllerTest::initTestCase()
{
    const auto secretsError = m_secrets.start();
    QVERIFY2(!secretsError, qPrintable(secretsError.value_or(QString())));
    ProsodyFixture::Options options;
    options.accounts = { u"alice"_s };
    m_server = std::make_unique<ProsodyFixture>(options);
    const auto error = m_server->start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void AccountControllerTest::cleanupTestCase()
{
    m_secrets.stop();
}

void AccountControllerTest::rememberedPasswordSignsInAutomatically()
{
    const QString jid = m_server->jid(u"alice"_s);
    const QString password = m_server->password(u"alice"_s);
    QCOMPARE(lookUp(jid).status, ui::PasswordStore::Result::Status::NotFound);

    LoginProfile profile;
    QSignalSpy signedIn(profile.controller.get(), &ui::AccountController::signedIn);
    profile.controller->start(std::nullopt);
    ui::LoginDialog *dialog = profile.controller->loginDialog();
    QVERIFY(dialog);
    QTest::mouseClick(child<QCheckBox>(dialog, u"rememberPassword"_s), Qt::LeftButton);
    QTest::mouseClick(child<QCheckBox>(dialog, u"autoSignIn"_s), Qt::LeftButton);
    // A keychain answers: nothing to warn about.
    QVERIFY(dialog->isKeychainAvailable());
    QVERIFY(!child<QLabel>(dialog, u"keychainNote"_s)->isVisible());
    signInWith(dialog, { jid, password, m_server->host(), m_server->c2sPort(), m_server->caFile() });
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 20000);
    QVERIFY(dialog->isKeychainAvailable());

    // In the keychain, under the bare JID; not in the settings file.
    QTRY_COMPARE_WITH_TIMEOUT(lookUp(jid).status, ui::PasswordStore::Result::Status::Found, 20000);
    QCOMPARE(lookUp(jid).password, password);
    profile.settings->sync();
    QFile ini(profile.dir.filePath(u"confab.ini"_s));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains(password.toUtf8()));
    QCOMPARE(profile.settings->value(u"account/autoSignIn"_s).toBool(), true);

    // The next start signs in with no window at all.
    profile.restart();
    QSignalSpy signedInAgain(profile.controller.get(), &ui::AccountController::signedIn);
    profile.controller->start(std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(signedInAgain.size(), 1, 20000);
    QVERIFY(!profile.controller->loginDialog());
    QCOMPARE(profile.controller->session()->client().jid().bareString(), jid);

    // Signing out shows the dialog with the remembered password; signing in without "Remember" forgets it.
    profile.controller->signOut();
    ui::LoginDialog *again = profile.controller->loginDialog();
    QVERIFY(again && again->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>(again, u"password"_s)->text(), password, 20000);
    QVERIFY(child<QCheckBox>(again, u"rememberPassword"_s)->isChecked());
    QSignalSpy signedInThird(profile.controller.get(), &ui::AccountController::signedIn);
    QTest::mouseClick(child<QCheckBox>(again, u"rememberPassword"_s), Qt::LeftButton);
    QTest::keyClick(child<QLineEdit>(again, u"password"_s), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(signedInThird.size(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(lookUp(jid).status, ui::PasswordStore::Result::Status::NotFound, 20000);
    QCOMPARE(profile.settings->value(u"account/autoSignIn"_s).toBool(), false);
}

QTEST_MAIN(AccountControllerTest)
#include "tst_AccountController.moc"
