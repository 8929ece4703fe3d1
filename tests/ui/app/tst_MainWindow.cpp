// SPDX-License-Identifier: Apache-2.0
// The main window against the fixture's Prosody: the contact list fills from the server and filters as
// you type, the presence selector changes what a contact sees, and a lost connection shows its reason and
// the countdown to the next attempt, then goes away when the link is back.
#include "app/CommandLine.h"
#include "app/MainWindow.h"
#include "client/Client.h"
#include "common/AppSettings.h"
#include "models/RosterModel.h"
#include "roster/RosterView.h"
#include "session/AccountSession.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"
#include "xmpp/presence/PresenceManager.h"
#include "xmpp/roster/RosterManager.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using confab::test::ProsodyFixture;

class MainWindowTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rosterFillsAndFilters();
    void presenceSelectorReachesContacts();
    void lostConnectionIsShownWithItsRetry();
    void commandLine();

private:
    std::unique_ptr<ProsodyFixture> m_server;
};

void MainWindowTest::initTestCase()
{
    ProsodyFixture::Options options;
    options.accounts = { u"you"_s, u"alice"_s, u"bob"_s };
    m_server = std::make_unique<ProsodyFixture>(options);
    const std::optional<QString> error = m_server->start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void MainWindowTest::rosterFillsAndFilters()
{
    QTemporaryDir data;
    AccountSession session(data.path());
    QCOMPARE(test::await(session.open()), QString());
    ui::AppSettings settings(data.path() + u"/confab.ini"_s, {});
    ui::MainWindow window(&session, &settings);
    window.show();
    session.signIn(test::settingsFor(*m_server, u"you"_s, u"desktop"_s));
    QTRY_VERIFY_WITH_TIMEOUT(session.client().isConnected(), 20000);
    QCOMPARE(window.windowTitle(), u"Confab — "_s + m_server->jid(u"you"_s));

    session.roster()->addOrUpdate(Jid::fromString(m_server->jid(u"alice"_s)), u"Alice"_s, { u"Friends"_s });
    session.roster()->addOrUpdate(Jid::fromString(m_server->jid(u"bob"_s)), u"鲍勃"_s, { u"Work"_s });
    QAbstractItemModel *shown = window.rosterView()->model();
    const auto contactNames = [shown] {
        QStringList names;
        for (int g = 0; g < shown->rowCount(); ++g) {
            for (int r = 0; r < shown->rowCount(shown->index(g, 0)); ++r) {
                names.append(shown->index(r, 0, shown->index(g, 0)).data().toString());
            }
        }
        names.sort();
        return names;
    };
    QTRY_COMPARE_WITH_TIMEOUT(contactNames(), (QStringList { u"Alice"_s, u"鲍勃"_s }), 20000);

    // By address as typed, and by a Chinese name as an input method would commit it.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.searchField()->setFocus();
    QTest::keyClicks(window.searchField(), u"bob@"_s);
    QCOMPARE(contactNames(), QStringList { u"鲍勃"_s });
    QTest::keyClick(window.searchField(), Qt::Key_Escape);
    window.searchField()->insert(u"鲍"_s);
    QCOMPARE(contactNames(), QStringList { u"鲍勃"_s });
    QTest::keyClick(window.searchField(), Qt::Key_Escape);
    QVERIFY(window.searchField()->text().isEmpty());
    QCOMPARE(contactNames().size(), 2);
    session.signOut();
}

void MainWindowTest::presenceSelectorReachesContacts()
{
    // Our other device sees what the selector sets (RFC 6121 §4.2.2: the server broadcasts our presence to
    // our own available resources), without any subscription to set up first.
    QTemporaryDir data, phoneData;
    AccountSession session(data.path());
    AccountSession phone(phoneData.path());
    QCOMPARE(test::await(session.open()), QString());
    QCOMPARE(test::await(phone.open()), QString());
    ui::AppSettings settings(data.path() + u"/confab.ini"_s, {});
    ui::MainWindow window(&session, &settings);
    window.show();
    phone.presence()->setPresence(Presence::Show::Online);
    phone.signIn(test::settingsFor(*m_server, u"you"_s, u"phone"_s));
    QTRY_VERIFY_WITH_TIMEOUT(phone.client().isConnected(), 20000);
    session.signIn(test::settingsFor(*m_server, u"you"_s, u"desktop"_s));
    QTRY_VERIFY_WITH_TIMEOUT(session.client().isConnected(), 20000);

    auto *selector = window.findChild<QComboBox *>(u"presenceSelector"_s);
    auto *status = window.findChild<QComboBox *>(u"statusMessage"_s);
    QVERIFY(selector && status);
    QVERIFY(!selector->accessibleName().isEmpty());
    status->setCurrentText(u"在开会 — back at 3"_s);
    selector->setCurrentIndex(selector->findData(int(Presence::Show::DoNotDisturb)));
    Q_EMIT selector->activated(selector->currentIndex());
    QCOMPARE(session.presence()->ownPresence().show, Presence::Show::DoNotDisturb);
    QCOMPARE(session.presence()->ownPresence().status, u"在开会 — back at 3"_s);
    QCOMPARE(settings.recentStatusMessages().value(0), u"在开会 — back at 3"_s);

    const Jid desktop = Jid::fromString(QString(m_server->jid(u"you"_s) + u"/desktop"_s));
    const auto seen = [&phone, desktop]() -> std::optional<Presence> {
        for (const Presence &presence : phone.presence()->resources(desktop.bare())) {
            if (presence.from == desktop) {
                return presence;
            }
        }
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(seen() && seen()->show == Presence::Show::DoNotDisturb, 20000);
    QCOMPARE(seen()->status, u"在开会 — back at 3"_s);
    session.signOut();
    phone.signOut();
}

void MainWindowTest::lostConnectionIsShownWithItsRetry()
{
    QTemporaryDir data;
    AccountSession session(data.path());
    QCOMPARE(test::await(session.open()), QString());
    ui::AppSettings settings(data.path() + u"/confab.ini"_s, {});
    ui::MainWindow window(&session, &settings);
    window.show();
    session.signIn(test::settingsFor(*m_server, u"you"_s, u"desktop"_s));
    QTRY_VERIFY_WITH_TIMEOUT(session.client().isConnected(), 20000);
    auto *banner = window.findChild<QWidget *>(u"connectionBanner"_s);
    auto *text = window.findChild<QLabel *>(u"connectionStatus"_s);
    QVERIFY(banner && text);
    QVERIFY(!banner->isVisible());

    // The server dies: the banner says so, with when we try again.
    m_server->kill();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(text->text().contains(u"second"_s) || text->text().contains(u"Reconnecting"_s)
            || text->text().contains(u"Connecting"_s),
        10000);
    QVERIFY2(!text->text().isEmpty(), qPrintable(text->text()));

    // It comes back: so do we, and the banner goes.
    QVERIFY(m_server->restart() == std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(session.client().isConnected(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 5000);
    session.signOut();
}

void MainWindowTest::commandLine()
{
    using ui::CommandLine;
    const auto parse = [](const QStringList &args) { return CommandLine::parse(QStringList { u"confab"_s } + args); };
    QTemporaryDir dir;
    const QString passwordFile = dir.path() + u"/pw"_s;
    QFile file(passwordFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("s3cret 密码\n");
    file.close();

    auto parsed = parse({ u"--jid"_s, u"you@example.test/desk"_s, u"--password-file"_s, passwordFile, u"--host"_s,
        u"127.0.0.1"_s, u"--port"_s, u"5299"_s, u"--tls"_s, u"direct"_s, u"--profile"_s, dir.path(),
        u"xmpp:alice@example.test?message"_s });
    auto *line = std::get_if<CommandLine>(&parsed);
    QVERIFY(line && line->signIn);
    QCOMPARE(line->signIn->jid.toString(), u"you@example.test/desk"_s);
    QCOMPARE(line->signIn->password, u"s3cret 密码"_s);
    QCOMPARE(line->signIn->port, quint16(5299));
    QCOMPARE(line->signIn->tlsMode, TlsMode::DirectTls);
    QCOMPARE(line->profileDirectory, dir.path());
    QCOMPARE(line->uri, u"xmpp:alice@example.test?message"_s);

    // Without --jid: the dialog; connection options alone are a usage error.
    parsed = parse({});
    QVERIFY(std::get_if<CommandLine>(&parsed) && !std::get<CommandLine>(parsed).signIn);
    for (const QStringList &bad : { QStringList { u"--port"_s, u"5222"_s }, { u"--jid"_s, u"not a jid"_s },
             { u"--jid"_s, u"you@example.test"_s, u"--password-file"_s, u"/nonexistent"_s },
             { u"--jid"_s, u"you@example.test"_s, u"--password-file"_s, passwordFile, u"--tls"_s, u"none"_s },
             { u"--jid"_s, u"you@example.test"_s, u"--password-file"_s, passwordFile, u"--pin"_s, u"zz"_s },
             { u"--bogus"_s } }) {
        parsed = parse(bad);
        const auto *exit = std::get_if<CommandLine::Exit>(&parsed);
        QVERIFY2(exit, qPrintable(bad.join(u' ')));
        QCOMPARE(exit->code, 2);
        QVERIFY(!exit->text.isEmpty());
    }
    parsed = parse({ u"--version"_s });
    QCOMPARE(std::get<CommandLine::Exit>(parsed).code, 0);
}

QTEST_MAIN(MainWindowTest)
#include "tst_MainWindow.moc"
