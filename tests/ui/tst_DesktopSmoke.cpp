// SPDX-License-Identifier: Apache-2.0
// The whole desktop app on a real X server (Xvfb, started here), signed in to the fixture's Prosody: the
// main window lists the contact, the chat window shows the conversation, in English with the light palette
// and in Simplified Chinese with the dark palette in a narrow window. Screenshots of each window (and of the
// whole screen) are saved under <build>/screenshots/ for a person to look at.
#include "account/AccountController.h"
#include "account/LoginDialog.h"
#include "app/DesktopApp.h"
#include "app/MainWindow.h"
#include "chat/ChatWindow.h"
#include "client/Client.h"
#include "models/RosterModel.h"
#include "roster/RosterView.h"
#include "session/AccountSession.h"
#include "testlib/PrivateXServer.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/roster/RosterManager.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace confab;
using confab::test::ProsodyFixture;

class DesktopSmokeTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void signInAndLook_data();
    void signInAndLook();

private:
    static void removeTranslators();
    static void saveScreenshots(const QString &tag, QWidget *main, QWidget *chat);

    std::unique_ptr<ProsodyFixture> m_server;
};

void DesktopSmokeTest::initTestCase()
{
    ProsodyFixture::Options options;
    options.accounts = { u"you"_s, u"alice"_s };
    m_server = std::make_unique<ProsodyFixture>(options);
    const std::optional<QString> error = m_server->start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QDir().mkpath(QStringLiteral(CONFAB_SCREENSHOT_DIR));
}

void DesktopSmokeTest::removeTranslators()
{
    // A QTranslator takes itself out of the application when deleted.
    qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator *>());
}

void DesktopSmokeTest::saveScreenshots(const QString &tag, QWidget *main, QWidget *chat)
{
    const QString dir = QStringLiteral(CONFAB_SCREENSHOT_DIR);
    QVERIFY(main->grab().save(dir + u"/main-"_s + tag + u".png"_s));
    QVERIFY(chat->window()->grab().save(dir + u"/chat-"_s + tag + u".png"_s));
    // What the X server shows, window manager-less: both windows as a user would capture them.
    QProcess import;
    import.start(u"import"_s, { u"-window"_s, u"root"_s, dir + u"/screen-"_s + tag + u".png"_s });
    QVERIFY(import.waitForFinished(30000));
    QCOMPARE(import.exitCode(), 0);
}

void DesktopSmokeTest::signInAndLook_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("theme");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("contactsTitle"); // the window title the translation gives
    QTest::newRow("en-light") << u"en"_s << u"light"_s << 320 << u"Confab — %1"_s;
    QTest::newRow("zh_CN-dark-narrow") << u"zh_CN"_s << u"dark"_s << 240 << u"Confab — %1"_s;
}

void DesktopSmokeTest::signInAndLook()
{
    QFETCH(QString, language);
    QFETCH(QString, theme);
    QFETCH(int, width);

    // alice writes first, so the conversation has something to show.
    QTemporaryDir aliceData;
    AccountSession aliceSession(aliceData.path());
    QCOMPARE(test::await(aliceSession.open()), QString());
    aliceSession.signIn(test::settingsFor(*m_server, u"alice"_s, u"phone"_s));
    QTRY_VERIFY_WITH_TIMEOUT(aliceSession.client().isConnected(), 20000);

    QTemporaryDir profile;
    {
        QSettings ini(profile.path() + u"/confab.ini"_s, QSettings::IniFormat);
        ini.setValue(u"appearance/theme"_s, theme);
    }
    ui::CommandLine commandLine;
    commandLine.profileDirectory = profile.path();
    commandLine.language = language;
    commandLine.signIn = test::settingsFor(*m_server, u"you"_s, u"desktop"_s);
    commandLine.uri = u"xmpp:"_s + m_server->jid(u"alice"_s) + u"?message"_s;

    auto desktop = std::make_unique<ui::DesktopApp>(commandLine);
    QSignalSpy shown(desktop.get(), &ui::DesktopApp::mainWindowShown);
    QVERIFY(desktop->start());
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 20000);
    ui::MainWindow *main = desktop->mainWindow();
    QVERIFY(main);
    main->resize(width, 560);
    AccountSession *session = desktop->accounts()->session();
    QVERIFY(session);

    // alice becomes a contact in a group; the roster shows her under it.
    const Jid aliceJid = Jid::fromString(m_server->jid(u"alice"_s));
    session->roster()->addOrUpdate(aliceJid, u"Alice Liddell"_s, { language == u"en" ? u"Friends"_s : u"朋友"_s });
    QTRY_VERIFY_WITH_TIMEOUT(session->rosterModel()->indexOf(aliceJid).isValid(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(main->rosterView()->model()->rowCount() > 0, 10000);

    const QString greeting = language == u"en" ? u"Are we still on for lunch? 🍜"_s : u"明天中午一起吃饭吗？🍜"_s;
    aliceSession.chats()->send(Jid::fromString(m_server->jid(u"you"_s)), greeting);

    // The URI opened her chat; her message appears in it.
    ui::ChatWindow *chat = desktop->chatWindow();
    QVERIFY(chat);
    QTRY_VERIFY_WITH_TIMEOUT(chat->isVisible(), 10000);
    QAbstractItemView *messages = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        for (QAbstractItemView *view : chat->findChildren<QAbstractItemView *>()) {
            if (view->model() && view->model()->rowCount() > 0
                && view->model()->index(view->model()->rowCount() - 1, 0).data().toString().contains(greeting)) {
                messages = view;
                return true;
            }
        }
        return false;
    }()),
        20000);
    QVERIFY(main->windowTitle().contains(m_server->jid(u"you"_s)));
    if (language == u"zh_CN") {
        // The translation is in effect: the search box speaks Chinese.
        QVERIFY2(main->searchField()->placeholderText() != u"Search contacts"_s,
            qPrintable(main->searchField()->placeholderText()));
    }
    QCoreApplication::processEvents();
    saveScreenshots(QString::fromLatin1(QTest::currentDataTag()), main, chat);

    desktop.reset();
    removeTranslators();
}

int main(int argc, char **argv)
{
    // A private X server for this test, so it runs the same on a desktop and on CI.
    test::PrivateXServer x;
    if (const std::optional<QString> error = x.start()) {
        qFatal("%s", qPrintable(*error));
    }
    qputenv("DISPLAY", x.display().toLatin1());
    qputenv("QT_QPA_PLATFORM", "xcb");
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Confab"_s);
    QApplication::setApplicationVersion(QStringLiteral(CONFAB_VERSION));
    DesktopSmokeTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_DesktopSmoke.moc"
