// SPDX-License-Identifier: Apache-2.0
// The application as a whole, offscreen, against the fixture's Prosody: a second start with the same
// profile hands its xmpp: link to the running one instead of signing in again; a link that would change the
// contact list only opens the Add Contact dialog.
#include "account/AccountController.h"
#include "account/LoginDialog.h"
#include "app/DesktopApp.h"
#include "app/MainWindow.h"
#include "chat/ChatTab.h"
#include "chat/ChatWindow.h"
#include "chat/Composer.h"
#include "client/Client.h"
#include "dialogs/AddContactDialog.h"
#include "models/RosterModel.h"
#include "session/AccountSession.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"
#include "xmpp/presence/PresenceManager.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using confab::test::ProsodyFixture;

class DesktopAppTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void secondStartHandsOverItsLink();
    void damagedHistoryIsSaidAndKept();
    void offlineDisconnectsAndAPresenceReconnects();

private:
    /// Signs in as the fixture's `you` with everything kept in `profile`, as `confab --jid … --profile DIR` would.
    ui::CommandLine signInAsYou(const QTemporaryDir &profile) const
    {
        ui::CommandLine commandLine;
        commandLine.profileDirectory = profile.path();
        commandLine.signIn = test::settingsFor(*m_server, u"you"_s, u"desktop"_s);
        return commandLine;
    }

    std::unique_ptr<ProsodyFixture> m_server;
};

void DesktopAppTest::initTestCase()
{
    ProsodyFixture::Options options;
    options.accounts = { u"you"_s, u"alice"_s };
    m_server = std::make_unique<ProsodyFixture>(options);
    const std::optional<QString> error = m_server->start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void DesktopAppTest::secondStartHandsOverItsLink()
{
    QTemporaryDir profile;
    const ui::CommandLine first = signInAsYou(profile);
    ui::DesktopApp running(first);
    QSignalSpy shown(&running, &ui::DesktopApp::mainWindowShown);
    QVERIFY(running.start());
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 20000);
    QVERIFY(!running.chatWindow()->isVisible());

    // Started again (as a browser would for a link): it does not sign in, it hands the link over.
    // A separate process, as for real: it must end by itself (exit 0) once the first one has the link.
    const auto startAgain = [&profile](const QString &uri) {
        QProcess again;
        again.setProcessChannelMode(QProcess::ForwardedChannels);
        again.start(QStringLiteral(CONFAB_DESKTOP_PATH), { u"--profile"_s, profile.path(), uri });
        QTRY_VERIFY_WITH_TIMEOUT(again.state() == QProcess::NotRunning, 20000);
        QCOMPARE(again.exitStatus(), QProcess::NormalExit);
        QCOMPARE(again.exitCode(), 0);
    };
    startAgain(u"xmpp:"_s + m_server->jid(u"alice"_s) + u"?message;body=Hello%2C%20alice%20%E2%98%95"_s);
    if (QTest::currentTestFailed()) {
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(running.chatWindow()->isVisible(), 10000);
    auto *tabs = running.chatWindow()->findChild<QTabWidget *>();
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 1);
    QCOMPARE(shown.size(), 1); // still one session, one main window
    // XEP-0147's body is typed in for the user, not sent.
    ui::ChatTab *tab = running.chatWindow()->tab(Jid::fromString(m_server->jid(u"alice"_s)));
    QVERIFY(tab);
    QCOMPARE(tab->composer()->toPlainText(), u"Hello, alice ☕"_s);

    // ?roster: the user decides, in the Add Contact dialog with the address filled in.
    startAgain(u"xmpp:stranger@example.test?roster;name=Stranger"_s);
    if (QTest::currentTestFailed()) {
        return;
    }
    ui::AddContactDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = running.mainWindow()->findChild<ui::AddContactDialog *>()) != nullptr, 10000);
    QTRY_VERIFY(dialog->isVisible());
    bool filled = false;
    for (const QLineEdit *field : dialog->findChildren<QLineEdit *>()) {
        filled = filled || field->text() == u"stranger@example.test";
    }
    QVERIFY(filled);
    // Nothing was added on the link's word.
    QVERIFY(
        !running.accounts()->session()->rosterModel()->indexOf(Jid::fromString(u"stranger@example.test"_s)).isValid());
}

void DesktopAppTest::damagedHistoryIsSaidAndKept()
{
    // The history file is garbage (a disk fault, a bad copy): Confab starts anyway, says so once, and keeps
    // the damaged file for whoever wants to recover it.
    QTemporaryDir profile;
    const QString accountDir = profile.path() + u'/' + m_server->jid(u"you"_s);
    QVERIFY(QDir().mkpath(accountDir));
    QFile damaged(accountDir + u"/messages.sqlite"_s);
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    const QByteArray garbage = QByteArray("this was a database once ").repeated(400);
    damaged.write(garbage);
    damaged.close();

    const ui::CommandLine commandLine = signInAsYou(profile);
    ui::DesktopApp app(commandLine);
    QSignalSpy shown(&app, &ui::DesktopApp::mainWindowShown);
    QVERIFY(app.start());
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 20000);

    QMessageBox *notice = nullptr;
    QTRY_VERIFY((notice = app.mainWindow()->findChild<QMessageBox *>(u"historyDamagedNotice"_s)) != nullptr);
    QVERIFY(notice->isVisible());
    QString kept;
    for (const QString &name : QDir(accountDir).entryList({ u"messages.sqlite.corrupt-*"_s }, QDir::Files)) {
        if (!name.endsWith(u"-wal") && !name.endsWith(u"-shm")) {
            kept = name;
        }
    }
    QVERIFY2(!kept.isEmpty(), qPrintable(QDir(accountDir).entryList().join(u", ")));
    QVERIFY2(notice->text().contains(kept), qPrintable(notice->text()));
    QFile copy(accountDir + u'/' + kept);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), garbage);
    // And the account works on, with the new history.
    QTRY_VERIFY_WITH_TIMEOUT(app.accounts()->session()->client().isConnected(), 20000);
}

void DesktopAppTest::offlineDisconnectsAndAPresenceReconnects()
{
    // Our phone watches the desktop resource (the server broadcasts our presence to our own resources).
    QTemporaryDir phoneData;
    AccountSession phone(phoneData.path());
    QCOMPARE(test::await(phone.open()), QString());
    phone.presence()->setPresence(Presence::Show::Online);
    phone.signIn(test::settingsFor(*m_server, u"you"_s, u"phone"_s));
    QTRY_VERIFY_WITH_TIMEOUT(phone.client().isConnected(), 20000);
    const Jid desktop = Jid::fromString(QString(m_server->jid(u"you"_s) + u"/desktop"_s));
    const auto desktopShow = [&phone, desktop] {
        for (const Presence &presence : phone.presence()->resources(desktop.bare())) {
            if (presence.from == desktop) {
                return presence.show;
            }
        }
        return Presence::Show::Offline;
    };

    QTemporaryDir profile;
    const ui::CommandLine commandLine = signInAsYou(profile);
    ui::DesktopApp app(commandLine);
    QSignalSpy shown(&app, &ui::DesktopApp::mainWindowShown);
    QVERIFY(app.start());
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(desktopShow(), Presence::Show::Online, 20000);
    AccountSession *session = app.accounts()->session();
    ui::MainWindow *window = app.mainWindow();
    auto *selector = window->findChild<QComboBox *>(u"presenceSelector"_s);
    QVERIFY(selector);
    const auto choose = [selector](Presence::Show show) {
        selector->setCurrentIndex(selector->findData(int(show)));
        Q_EMIT selector->activated(selector->currentIndex());
    };

    // Offline: disconnected, and nothing else ends: the same session and main window, no login dialog.
    choose(Presence::Show::Offline);
    QTRY_COMPARE_WITH_TIMEOUT(session->client().state(), Client::State::Disconnected, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(desktopShow(), Presence::Show::Offline, 20000);
    QCOMPARE(app.accounts()->session(), session);
    QCOMPARE(app.mainWindow(), window);
    QVERIFY(window->isVisible());
    QVERIFY(!app.accounts()->loginDialog() || !app.accounts()->loginDialog()->isVisible());

    // Away: signed in again, with that presence.
    choose(Presence::Show::Away);
    QTRY_VERIFY_WITH_TIMEOUT(session->client().isConnected(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(desktopShow(), Presence::Show::Away, 20000);
    QCOMPARE(app.mainWindow(), window);
    QCOMPARE(shown.size(), 1);
    phone.signOut();
}

QTEST_MAIN(DesktopAppTest)
#include "tst_DesktopApp.moc"
