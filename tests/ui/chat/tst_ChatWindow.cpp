// SPDX-License-Identifier: Apache-2.0
// The chat window against a real Prosody, as two users meet it: what alice types and sends with Enter
// reaches bob and its ticks move to delivered; bob's message opens a tab in alice's window, counts unread and
// notifies, and once alice looks at it bob sees it read; Up corrects the last message on bob's side too.
#include "chat/ChatHistoryModel.h"
#include "chat/ChatTab.h"
#include "chat/ChatWindow.h"
#include "chat/Composer.h"
#include "client/Client.h"
#include "common/AppSettings.h"
#include "models/ConversationModel.h"
#include "session/AccountSession.h"
#include "storage/MessageStore.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/presence/PresenceManager.h"
#include "xmpp/roster/SubscriptionManager.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::ui;
using namespace confab::test;

namespace {

struct Account
{
    ~Account() { signOutAndWait(session.get()); }
    QTemporaryDir dir;
    std::unique_ptr<AccountSession> session;
    std::unique_ptr<AppSettings> settings;

    QList<StoredMessage> history(const Jid &with) const { return await(session->messages()->page(with, 0, 200)); }
};

} // namespace

class ChatWindowTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void enterDeliversAndTheTicksMoveToDelivered();
    void incomingMessageOpensATabCountsUnreadAndIsReadOnceSeen();
    void aBurstIsToldOnceAndCountedOncePerTurn();
    void upCorrectsTheLastMessageForTheContactToo();
    void typingReachesTheContactAndTheirsShowsAndTheSelectorListsDevices();

private:
    std::unique_ptr<Account> signIn(const QString &user, const QString &resource);
    Jid bare(const QString &user) const { return Jid::fromString(m_server.jid(user)); }

    ProsodyFixture m_server { ProsodyFixture::Options { .accounts = { u"alice"_s, u"bob"_s, u"carol"_s } } };
};

void ChatWindowTest::initTestCase()
{
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void ChatWindowTest::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(4000);
    }
}

std::unique_ptr<Account> ChatWindowTest::signIn(const QString &user, const QString &resource)
{
    auto account = std::make_unique<Account>();
    account->session = std::make_unique<AccountSession>(account->dir.path());
    if (!await(account->session->open()).isEmpty()) {
        qFatal("cannot open the stores");
    }
    account->settings
        = std::make_unique<AppSettings>(account->dir.filePath(u"confab.ini"_s), Policy::fromFile(QString()));
    AccountSession *session = account->session.get();
    connect(session->subscriptions(), &SubscriptionManager::subscriptionRequested, session,
        [session](const Jid &jid) { session->subscriptions()->approve(jid); });
    account->session->signIn(settingsFor(m_server, user, resource));
    QElapsedTimer timer;
    timer.start();
    while (!(account->session->client().isConnected() && account->session->chats()->carbonsEnabled())
        && timer.elapsed() < 20000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    // RFC 6121 §4.2: initial presence, so messages to the bare JID reach us.
    await(account->session->presence()->setPresence(Presence::Show::Online));
    return account;
}

void ChatWindowTest::enterDeliversAndTheTicksMoveToDelivered()
{
    auto alice = signIn(u"alice"_s, u"desk"_s);
    auto bob = signIn(u"bob"_s, u"phone"_s);
    QVERIFY(alice->session->client().isConnected() && bob->session->client().isConnected());

    ChatWindow window(alice->session.get(), alice->settings.get());
    window.openChat(bare(u"bob"_s));
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Composer *composer = window.currentTab()->composer();
    QTest::keyClicks(composer, u"Hello from the window"_s);
    QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(composer, u"second line"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QCOMPARE(composer->toPlainText(), QString());

    const QString body = u"Hello from the window\nsecond line"_s;
    QTRY_VERIFY_WITH_TIMEOUT(
        !bob->history(bare(u"alice"_s)).isEmpty() && bob->history(bare(u"alice"_s)).last().body == body, 20000);

    ChatHistoryModel *shown = window.currentTab()->history();
    QTRY_COMPARE(shown->rowCount(), 1);
    const QModelIndex row = shown->index(0, 0);
    QCOMPARE(row.data(ConversationModel::BodyRole).toString(), body);
    QTRY_COMPARE_WITH_TIMEOUT(
        shown->index(0, 0).data(ConversationModel::StateRole).toInt(), int(StoredMessage::State::Delivered), 20000);
    QVERIFY(shown->index(0, 0)
                .data(Qt::AccessibleTextRole)
                .toString()
                .contains(ConversationModel::stateText(StoredMessage::State::Delivered)));
}

void ChatWindowTest::incomingMessageOpensATabCountsUnreadAndIsReadOnceSeen()
{
    auto alice = signIn(u"alice"_s, u"desk"_s);
    auto bob = signIn(u"bob"_s, u"phone"_s);
    ChatWindow window(alice->session.get(), alice->settings.get());
    window.setNotifyInterval(600'000); // the second message is within it, however slow the machine
    QSignalSpy notified(&window, &ChatWindow::notify);
    QSignalSpy unread(&window, &ChatWindow::unreadCountChanged);
    // Alice is looking at another conversation in another window.
    QWidget elsewhere;
    elsewhere.show();
    elsewhere.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&elsewhere));

    await(bob->session->chats()->send(bare(u"alice"_s), u"knock knock 🚪"_s));
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 20000);
    QCOMPARE(notified.first().at(0).value<Jid>(), bare(u"bob"_s));
    QCOMPARE(notified.first().at(2).toString(), u"knock knock 🚪"_s);
    QCOMPARE(window.tabs()->count(), 1);
    QCOMPARE(window.unreadCount(), 1);
    QCOMPARE(unread.last().first().toInt(), 1);
    QVERIFY2(window.tabs()->tabText(0).contains(u"(1)"_s), qPrintable(window.tabs()->tabText(0)));
    ChatTab *tab = window.tab(bare(u"bob"_s));
    QVERIFY(tab);
    // (Earlier tests' messages may be there too, from the archive: the newest is bob's.)
    const auto newest = [tab] {
        const int rows = tab->history()->rowCount();
        return rows > 0 ? tab->history()->index(rows - 1, 0).data(ConversationModel::BodyRole).toString() : QString();
    };
    QTRY_COMPARE(newest(), u"knock knock 🚪"_s);

    await(bob->session->chats()->send(bare(u"alice"_s), u"who is there?"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.unreadCount(), 2, 20000);
    QVERIFY(window.tabs()->tabText(0).contains(u"(2)"_s));

    // Alice opens the chat: nothing unread, and bob's ticks turn to read (XEP-0333).
    window.openChat(bare(u"bob"_s));
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_COMPARE(window.unreadCount(), 0);
    QTRY_COMPARE(unread.last().first().toInt(), 0); // the total is told at the end of the turn
    QCOMPARE(window.tabs()->tabText(0), bare(u"bob"_s).bareString());
    QTRY_COMPARE_WITH_TIMEOUT(bob->history(bare(u"alice"_s)).last().state, StoredMessage::State::Displayed, 20000);
    // While she looks, a new message is neither unread nor notified; nor is the second one, which came
    // within the notification interval of the first and which she has seen now.
    await(bob->session->chats()->send(bare(u"alice"_s), u"me!"_s));
    QTRY_COMPARE_WITH_TIMEOUT(newest(), u"me!"_s, 20000);
    QCOMPARE(window.unreadCount(), 0);
    window.setNotifyInterval(0);
    QCoreApplication::processEvents();
    QCOMPARE(notified.size(), 1);
}

void ChatWindowTest::aBurstIsToldOnceAndCountedOncePerTurn()
{
    // The messages are handed to the window as ChatManager announces them, so the test decides which
    // event-loop turn brings which.
    auto alice = signIn(u"alice"_s, u"burst"_s);
    ChatWindow window(alice->session.get(), alice->settings.get());
    window.setNotifyInterval(600'000);
    QSignalSpy notified(&window, &ChatWindow::notify);
    QSignalSpy unread(&window, &ChatWindow::unreadCountChanged);
    const Jid carol = bare(u"carol"_s);
    int serial = 0;
    const auto arrive = [&](int count) {
        for (int i = 0; i < count; ++i) {
            StoredMessage message;
            message.id = 1'000'000 + ++serial;
            message.conversation = carol;
            message.sender = carol.withResource(u"phone");
            message.direction = StoredMessage::Direction::Incoming;
            message.state = StoredMessage::State::Received;
            message.timestamp = QDateTime::currentDateTimeUtc();
            message.body = u"message %1"_s.arg(serial);
            Q_EMIT alice->session->chats()->messageReceived(message, XmlElement(), ChatManager::Origin::Live, false);
        }
    };

    arrive(1);
    QCOMPARE(notified.size(), 0); // at the end of the turn
    QTRY_COMPARE(notified.size(), 1);
    QCOMPARE(notified.first().at(2).toString(), u"message 1"_s);
    QCOMPARE(unread.size(), 1);
    QCOMPARE(unread.last().first().toInt(), 1);

    // 40 more in two turns: the total moves once per turn, and nothing is told within the interval.
    arrive(20);
    QTRY_COMPARE(unread.size(), 2);
    QCOMPARE(unread.last().first().toInt(), 21);
    arrive(20);
    QTRY_COMPARE(unread.size(), 3);
    QCOMPARE(unread.last().first().toInt(), 41);
    QVERIFY2(window.tabs()->tabText(0).contains(u"(41)"_s), qPrintable(window.tabs()->tabText(0)));
    QCOMPARE(notified.size(), 1);

    // Once the interval has passed, one notification counts them all and shows the last.
    window.setNotifyInterval(0);
    QTRY_COMPARE(notified.size(), 2);
    QCOMPARE(notified.last().at(0).value<Jid>(), carol);
    const QString body = notified.last().at(2).toString();
    QVERIFY2(body.startsWith(u"40 "_s) && body.endsWith(u"\nmessage 41"_s), qPrintable(body));
    QCoreApplication::processEvents();
    QCOMPARE(notified.size(), 2);
}

void ChatWindowTest::upCorrectsTheLastMessageForTheContactToo()
{
    auto alice = signIn(u"alice"_s, u"desk"_s);
    auto carol = signIn(u"carol"_s, u"laptop"_s);
    ChatWindow window(alice->session.get(), alice->settings.get());
    window.openChat(bare(u"carol"_s));
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Composer *composer = window.currentTab()->composer();
    QTest::keyClicks(composer, u"see you at noom"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!carol->history(bare(u"alice"_s)).isEmpty(), 20000);

    QTRY_COMPARE(window.currentTab()->history()->rowCount(), 1);
    QTest::keyClick(composer, Qt::Key_Up);
    QVERIFY(window.currentTab()->isEditing());
    QCOMPARE(composer->toPlainText(), u"see you at noom"_s);
    QTest::keyClick(composer, Qt::Key_Backspace);
    QTest::keyClick(composer, Qt::Key_N);
    QTest::keyClick(composer, Qt::Key_Return);
    QVERIFY(!window.currentTab()->isEditing());

    QTRY_COMPARE_WITH_TIMEOUT(carol->history(bare(u"alice"_s)).last().body, u"see you at noon"_s, 20000);
    QVERIFY(carol->history(bare(u"alice"_s)).last().edited);
    QCOMPARE(carol->history(bare(u"alice"_s)).size(), 1);
    // Alice's own view shows the corrected text, marked edited, in place.
    const QModelIndex mine = window.currentTab()->history()->index(0, 0);
    QTRY_COMPARE(mine.data(ConversationModel::BodyRole).toString(), u"see you at noon"_s);
    QVERIFY(mine.data(ConversationModel::EditedRole).toBool());
    QCOMPARE(window.currentTab()->history()->rowCount(), 1);
}

void ChatWindowTest::typingReachesTheContactAndTheirsShowsAndTheSelectorListsDevices()
{
    auto alice = signIn(u"alice"_s, u"desk"_s);
    auto bob = signIn(u"bob"_s, u"phone"_s);
    const Jid aliceJid = bare(u"alice"_s);
    const Jid bobJid = bare(u"bob"_s);
    await(alice->session->subscriptions()->request(bobJid));
    await(bob->session->subscriptions()->request(aliceJid));
    // XEP-0085 goes only to clients that announce it (caps, resolved through disco#info).
    QTRY_VERIFY_WITH_TIMEOUT(alice->session->chats()->chatStatesSupported(bobJid), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(bob->session->chats()->chatStatesSupported(aliceJid), 20000);

    ChatWindow window(alice->session.get(), alice->settings.get());
    window.openChat(bobJid);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ChatTab *tab = window.currentTab();
    QSignalSpy bobSees(bob->session->chats(), &ChatManager::chatStateChanged);
    QTest::keyClicks(tab->composer(), u"typ"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!bobSees.isEmpty(), 20000);
    QCOMPARE(bobSees.first().at(0).value<Jid>(), alice->session->client().jid());
    QCOMPARE(bobSees.first().at(1).value<ChatManager::ChatState>(), ChatManager::ChatState::Composing);

    bob->session->chats()->setChatState(aliceJid, ChatManager::ChatState::Composing);
    QTRY_VERIFY_WITH_TIMEOUT(tab->typingLabel()->text().contains(bobJid.bareString()), 20000);
    await(bob->session->chats()->send(aliceJid, u"done typing"_s));
    QTRY_COMPARE_WITH_TIMEOUT(tab->typingLabel()->text(), QString(), 20000);

    // Where replies go: automatic, or one of bob's devices.
    QComboBox *selector = tab->resourceSelector();
    QTRY_COMPARE_WITH_TIMEOUT(selector->count(), 2, 20000);
    auto tablet = signIn(u"bob"_s, u"tablet"_s);
    QTRY_COMPARE_WITH_TIMEOUT(selector->count(), 3, 20000);
    const int tabletRow = selector->findData(u"tablet"_s);
    QVERIFY(tabletRow > 0);
    selector->setCurrentIndex(tabletRow);
    Q_EMIT selector->activated(tabletRow);
    QCOMPARE(alice->session->chats()->lockedResource(bobJid), u"tablet"_s);

    // Leaving the tab says inactive, closing it says gone (XEP-0085 §5.1), to where replies go now.
    QSignalSpy tabletSees(tablet->session->chats(), &ChatManager::chatStateChanged);
    QTRY_VERIFY_WITH_TIMEOUT(alice->session->chats()->chatStatesSupported(bobJid), 20000);
    window.openChat(bare(u"carol"_s));
    const auto seen = [&tabletSees](ChatManager::ChatState state) {
        return std::any_of(tabletSees.cbegin(), tabletSees.cend(),
            [state](const QList<QVariant> &args) { return args.at(1).value<ChatManager::ChatState>() == state; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(seen(ChatManager::ChatState::Inactive), 20000);
    window.closeTab(window.tabs()->indexOf(tab));
    QTRY_VERIFY_WITH_TIMEOUT(seen(ChatManager::ChatState::Gone), 20000);
}

QTEST_MAIN(ChatWindowTest)
#include "tst_ChatWindow.moc"
