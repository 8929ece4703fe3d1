// SPDX-License-Identifier: Apache-2.0
// The chat tab and window as a user meets them, without a server: history pages in as the user scrolls up
// and the view stays where it was, Ctrl+F finds an old message and jumps to it, tabs open, switch and
// close from the keyboard, the composer's keys (Enter, Shift+Enter, Up, Esc) do what they say, links are only
// http(s)/xmpp and never disguised, and every row reads out its full text.
#include "chat/ChatHistoryModel.h"
#include "chat/ChatTab.h"
#include "chat/ChatWindow.h"
#include "chat/Composer.h"
#include "chat/MessageDelegate.h"
#include "chat/MessageView.h"
#include "chat/SearchBar.h"
#include "common/AppSettings.h"
#include "models/ConversationModel.h"
#include "session/AccountSession.h"
#include "storage/MessageStore.h"
#include "testlib/SessionTestSupport.h"
#include "xmpp/chat/ChatManager.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPointer>
#include <QProcess>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::ui;
using namespace confab::test;

namespace {

const Jid Bob = Jid::fromString(u"bob@example.org");
const Jid Carol = Jid::fromString(u"carol@example.org");

/// `count` messages with Bob, alternating directions, oldest first, one minute apart, ending now.
QList<StoredMessage> conversation(const Jid &with, int count)
{
    QList<StoredMessage> messages;
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-60 * count);
    for (int i = 0; i < count; ++i) {
        StoredMessage m;
        m.conversation = with;
        const bool outgoing = i % 2 == 1;
        m.direction = outgoing ? StoredMessage::Direction::Outgoing : StoredMessage::Direction::Incoming;
        m.sender = outgoing ? Jid::fromString(u"alice@example.org/desk") : with.withResource(u"phone");
        m.body = u"message number %1"_s.arg(i);
        m.messageId = u"id-%1-%2"_s.arg(with.bareString()).arg(i);
        m.originId = m.messageId;
        m.timestamp = start.addSecs(60 * i);
        m.state = outgoing ? StoredMessage::State::Delivered : StoredMessage::State::Displayed;
        messages.append(m);
    }
    return messages;
}

/// Text as an input method commits it (QTest::keyClicks takes Latin-1 only).
void typeText(QWidget *widget, const QString &text)
{
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(widget, &event);
}

} // namespace

class ChatTabTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void linksAreOnlyWebAndXmppAndNeverDisguised_data();
    void linksAreOnlyWebAndXmppAndNeverDisguised();
    void linkTargetShowsTheRealHost_data();
    void linkTargetShowsTheRealHost();
    void historyProxyPassesTheModelTester();
    void rowsReadOutTimeSenderBodyAndState();
    void scrollingToTheTopLoadsOlderPagesKeepingThePlace();
    void ctrlFFindsAnOlderMessage();
    void tabsOpenSwitchAndCloseFromTheKeyboard();
    void separateWindowsGiveEachChatItsOwnWindow();
    void enterSendsAndShiftEnterMakesANewLine();
    void aFullDiskIsSaidWhereTheMessageWasTyped();
    void upEditsTheLastMessageAndEscCancels();
    void ctrlCCopiesTheSelectedMessages();
    void delegatePaintsAndWrapsLongBodies();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AccountSession> m_session;
    std::unique_ptr<AppSettings> m_settings;
};

void ChatTabTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_session = std::make_unique<AccountSession>(m_dir->path());
    QCOMPARE(await(m_session->open()), QString());
    m_session->chats()->setOwnJid(Jid::fromString(u"alice@example.org/desk"));
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"confab.ini"_s), Policy::fromFile(QString()));
}

void ChatTabTest::cleanup()
{
    m_settings.reset();
    m_session.reset();
    m_dir.reset();
}

void ChatTabTest::linksAreOnlyWebAndXmppAndNeverDisguised_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("links");
    QTest::newRow("https") << u"see https://example.org/a?b=1 now"_s << QStringList { u"https://example.org/a?b=1"_s };
    QTest::newRow("sentence end") << u"go to http://example.org."_s << QStringList { u"http://example.org"_s };
    QTest::newRow("parentheses") << u"(http://example.org/x)"_s << QStringList { u"http://example.org/x"_s };
    QTest::newRow("xmpp") << u"join xmpp:room@conf.example.org?join"_s
                          << QStringList { u"xmpp:room@conf.example.org?join"_s };
    QTest::newRow("javascript") << u"javascript:alert(1)"_s << QStringList {};
    QTest::newRow("file") << u"file:///etc/passwd"_s << QStringList {};
    QTest::newRow("html is text") << u"<a href=\"https://evil.example\">bank</a>"_s
                                  << QStringList { u"https://evil.example"_s };
    // U+202E would show "https://example.org/gpj.exe" reversed; the link stops before it.
    QTest::newRow("rtl override") << u"https://example.org/\u202Eexe.jpg"_s
                                  << QStringList { u"https://example.org/"_s };
    QTest::newRow("chinese around") << u"看这个https://例子.中国/路径 好吗"_s
                                    << QStringList { u"https://例子.中国/路径"_s };
    QTest::newRow("no host") << u"http:// nothing"_s << QStringList {};
}

void ChatTabTest::linksAreOnlyWebAndXmppAndNeverDisguised()
{
    QFETCH(QString, body);
    QFETCH(QStringList, links);
    QStringList found;
    for (const MessageDelegate::Link &link : MessageDelegate::findLinks(body)) {
        // What is shown is exactly what opens.
        QCOMPARE(QUrl(body.mid(link.start, link.length)), link.url);
        found.append(body.mid(link.start, link.length));
    }
    QCOMPARE(found, links);
}

void ChatTabTest::linkTargetShowsTheRealHost_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("target");
    // Issue 7, Content: the text says "paypal.com" with a Cyrillic 'а' (U+0430); the tooltip shows the real host.
    QTest::newRow("homograph") << u"log in at https://p\u0430ypal.com/login now"_s
                               << u"https://xn--pypal-4ve.com/login"_s;
    QTest::newRow("user info") << u"https://paypal.com@evil.example/x"_s << u"https://evil.example/x"_s;
    QTest::newRow("genuine IDN") << u"https://b\u00fccher.de/"_s << u"https://xn--bcher-kva.de/"_s;
    QTest::newRow("ascii") << u"https://example.org:8443/a?b=1#c"_s << u"https://example.org:8443/a?b=1#c"_s;
    QTest::newRow("xmpp") << u"xmpp:room@conf.example.org?join"_s << u"xmpp:room@conf.example.org?join"_s;
}

void ChatTabTest::linkTargetShowsTheRealHost()
{
    QFETCH(QString, body);
    QFETCH(QString, target);
    const QList<MessageDelegate::Link> links = MessageDelegate::findLinks(body);
    QCOMPARE(links.size(), 1);
    QCOMPARE(MessageDelegate::linkTarget(links.first().url), target);
}

void ChatTabTest::historyProxyPassesTheModelTester()
{
    await(m_session->messages()->insertMany(conversation(Bob, 130)));
    ConversationModel source(m_session->messages(), Bob);
    ChatHistoryModel history(&source, m_session->messages(), [](const QString &jid) { return jid; });
    QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!history.canFetchMore({}));
    history.loadOlder();
    QTRY_COMPARE(history.rowCount(), 50);
    while (history.canLoadOlder() || source.isLoading()) {
        if (history.canLoadOlder()) {
            history.loadOlder();
        }
        QTest::qWait(10);
    }
    QCOMPARE(history.rowCount(), 130);
    QCOMPARE(history.index(0, 0).data(ConversationModel::BodyRole).toString(), u"message number 0"_s);
    // A message added later lands at the bottom.
    StoredMessage late = conversation(Bob, 1).first();
    late.body = u"late one"_s;
    late.messageId = late.originId = u"late"_s;
    await(m_session->messages()->insert(late));
    QTRY_COMPARE(history.rowCount(), 131);
    QCOMPARE(history.index(130, 0).data().toString(), u"late one"_s);
}

void ChatTabTest::rowsReadOutTimeSenderBodyAndState()
{
    QList<StoredMessage> messages = conversation(Bob, 2);
    messages[1].state = StoredMessage::State::Failed;
    messages[1].error = u"recipient unavailable"_s;
    await(m_session->messages()->insertMany(messages));
    ChatTab tab(m_session.get(), m_settings.get(), Bob);
    QTRY_COMPARE(tab.history()->rowCount(), 2);
    const QModelIndex incoming = tab.view()->model()->index(0, 0);
    const QString first = incoming.data(Qt::AccessibleTextRole).toString();
    QVERIFY2(first.contains(u"bob@example.org"_s) && first.contains(u"message number 0"_s)
            && first.contains(QLocale().toString(messages[0].timestamp.toLocalTime(), QLocale::ShortFormat)),
        qPrintable(first));
    const QModelIndex failed = tab.view()->model()->index(1, 0);
    QTRY_VERIFY2(failed.data(Qt::AccessibleTextRole).toString().contains(u"recipient unavailable"_s),
        qPrintable(failed.data(Qt::AccessibleTextRole).toString()));
    QVERIFY(failed.data(Qt::AccessibleTextRole).toString().contains(u"You"_s));
    QVERIFY(failed.data(Qt::AccessibleTextRole).toString().contains(ConversationModel::stateText(messages[1].state)));
}

void ChatTabTest::scrollingToTheTopLoadsOlderPagesKeepingThePlace()
{
    await(m_session->messages()->insertMany(conversation(Bob, 300)));
    ChatTab tab(m_session.get(), m_settings.get(), Bob);
    tab.resize(480, 600);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QTRY_VERIFY(tab.history()->rowCount() >= 50);
    MessageView *view = tab.view();
    QScrollBar *bar = view->verticalScrollBar();
    // It opens at the newest message.
    QTRY_VERIFY(view->isAtBottom());
    QTRY_VERIFY(
        view->visualRect(tab.history()->index(tab.history()->rowCount() - 1, 0)).intersects(view->viewport()->rect()));

    int previousRows = tab.history()->rowCount();
    while (previousRows < 300) {
        const QModelIndex top = tab.history()->index(0, 0);
        const qint64 topId = top.data(ConversationModel::IdRole).toLongLong();
        bar->setValue(0);
        QTRY_VERIFY(tab.history()->rowCount() > previousRows);
        previousRows = tab.history()->rowCount();
        // What was at the top is still where the user was looking, not pushed out by the new page.
        const QModelIndex sameRow = tab.history()->index(tab.conversation()->rowOf(topId), 0);
        QTRY_VERIFY(view->visualRect(sameRow).intersects(view->viewport()->rect()));
    }
    QCOMPARE(tab.history()->rowCount(), 300);
    // At the very top an empty page says the history is complete.
    bar->setValue(0);
    QTRY_VERIFY(tab.conversation()->isComplete());
    QCOMPARE(tab.history()->rowCount(), 300);
}

void ChatTabTest::ctrlFFindsAnOlderMessage()
{
    QList<StoredMessage> messages = conversation(Bob, 200);
    messages[3].body = u"the 秘密 password is swordfish"_s;
    await(m_session->messages()->insertMany(messages));
    ChatTab tab(m_session.get(), m_settings.get(), Bob);
    tab.resize(480, 600);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QTRY_COMPARE(tab.history()->rowCount(), 50);
    tab.composer()->setFocus();
    QTest::keyClick(tab.composer(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(tab.searchBar()->isVisible());
    QVERIFY(tab.searchBar()->field()->hasFocus());
    QTest::keyClicks(tab.searchBar()->field(), u"swordfish"_s);
    QTest::keyClick(tab.searchBar()->field(), Qt::Key_Return);
    QTRY_VERIFY(tab.view()->currentIndex().isValid());
    QTRY_COMPARE(tab.view()->currentIndex().data(ConversationModel::BodyRole).toString(), messages[3].body);
    QVERIFY(tab.view()->visualRect(tab.view()->currentIndex()).intersects(tab.view()->viewport()->rect()));
    QCOMPARE(tab.view()->messageDelegate()->highlight(), u"swordfish"_s);
    // Chinese by substring.
    tab.searchBar()->field()->clear();
    typeText(tab.searchBar()->field(), u"秘密"_s);
    QTest::keyClick(tab.searchBar()->field(), Qt::Key_Return);
    QTRY_COMPARE(tab.view()->messageDelegate()->highlight(), u"秘密"_s);
    QTRY_COMPARE(tab.view()->currentIndex().data(ConversationModel::BodyRole).toString(), messages[3].body);
    // Esc closes the bar, and nothing else happens.
    QTest::keyClick(tab.searchBar()->field(), Qt::Key_Escape);
    QVERIFY(!tab.searchBar()->isVisible());
    QCOMPARE(tab.view()->messageDelegate()->highlight(), QString());
    QVERIFY(!tab.cancel());
}

void ChatTabTest::tabsOpenSwitchAndCloseFromTheKeyboard()
{
    ChatWindow window(m_session.get(), m_settings.get());
    QSignalSpy unread(&window, &ChatWindow::unreadCountChanged);
    window.openChat(Bob);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openChat(Carol);
    QCOMPARE(window.tabs()->count(), 2);
    QCOMPARE(window.currentTab()->contact(), Carol);
    QCOMPARE(window.windowTitle(), u"carol@example.org — Confab"_s);
    QTRY_VERIFY(window.currentTab()->composer()->hasFocus());
    // Opening an open chat raises its tab rather than adding one.
    window.openChat(Bob);
    QCOMPARE(window.tabs()->count(), 2);
    QCOMPARE(window.currentTab()->contact(), Bob);
    QCOMPARE(window.windowTitle(), u"bob@example.org — Confab"_s);

    QTest::keyClick(window.currentTab()->composer(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(window.currentTab()->contact(), Carol);
    QTest::keyClick(window.currentTab()->composer(), Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(window.currentTab()->contact(), Bob);
    QTest::keyClick(window.currentTab()->composer(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(window.tabs()->count(), 1);
    QCOMPARE(window.currentTab()->contact(), Carol);
    QCOMPARE(window.windowTitle(), u"carol@example.org — Confab"_s);
    QCOMPARE(window.tab(Bob), nullptr);
    // Every control a user reaches has a name for screen readers.
    ChatTab *tab = window.currentTab();
    const QList<QWidget *> controls { tab->composer(), tab->view(), tab->resourceSelector(), tab->searchBar()->field(),
        tab->typingLabel(), window.tabs()->tabBar() };
    for (QWidget *control : controls) {
        QVERIFY2(!control->accessibleName().isEmpty(), control->metaObject()->className());
    }
    QTest::keyClick(window.currentTab()->composer(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(window.tabs()->count(), 0);
    QVERIFY(!window.isVisible());
    QCOMPARE(window.unreadCount(), 0);
}

void ChatTabTest::separateWindowsGiveEachChatItsOwnWindow()
{
    QVERIFY(m_settings->setValue(u"chat/separateWindows"_s, true));
    ChatWindow window(m_session.get(), m_settings.get());
    window.openChat(Bob);
    window.openChat(Carol);
    ChatTab *bob = window.tab(Bob);
    ChatTab *carol = window.tab(Carol);
    QVERIFY(bob && carol);
    QCOMPARE(window.tabs()->count(), 0);
    QVERIFY(bob->window() != carol->window());
    QVERIFY(bob->window() != &window);
    QVERIFY(bob->window()->isVisible() && carol->window()->isVisible());
    QCOMPARE(carol->window()->windowTitle(), u"carol@example.org — Confab"_s);
    // Opening again raises the same window.
    window.openChat(Bob);
    QCOMPARE(window.tab(Bob), bob);
    // Ctrl+W closes that conversation's window.
    QPointer<QWidget> bobWindow = bob->window();
    QVERIFY(QTest::qWaitForWindowActive(bobWindow));
    QTest::keyClick(bob->composer(), Qt::Key_W, Qt::ControlModifier);
    QTRY_VERIFY(bobWindow.isNull());
    QCOMPARE(window.tab(Bob), nullptr);
    QCOMPARE(window.tab(Carol), carol);
}

void ChatTabTest::enterSendsAndShiftEnterMakesANewLine()
{
    ChatWindow window(m_session.get(), m_settings.get());
    window.openChat(Bob);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Composer *composer = window.currentTab()->composer();
    QTest::keyClicks(composer, u"first line"_s);
    QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
    typeText(composer, u"second 行"_s);
    QCOMPARE(composer->toPlainText(), u"first line\nsecond 行"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QCOMPARE(composer->toPlainText(), QString());
    // Stored (pending: no connection) and shown at the bottom.
    ChatHistoryModel *history = window.currentTab()->history();
    QTRY_COMPARE(history->rowCount(), 1);
    QCOMPARE(history->index(0, 0).data(ConversationModel::BodyRole).toString(), u"first line\nsecond 行"_s);
    QVERIFY(history->index(0, 0).data(ConversationModel::OutgoingRole).toBool());
    // Whitespace alone is not a message.
    QTest::keyClicks(composer, u"   "_s);
    QTest::keyClick(composer, Qt::Key_Enter);
    QTest::qWait(50);
    QCOMPARE(history->rowCount(), 1);
}

void ChatTabTest::aFullDiskIsSaidWhereTheMessageWasTyped()
{
    // The account's history on a 2 MB tmpfs that is then filled: ChatManager holds the message (not stored, so
    // not sent) and the tab must say so until it is stored.
    QTemporaryDir tiny;
    QVERIFY(tiny.isValid());
    if (QProcess::execute(u"mount"_s, { u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=2m"_s, u"confab-ui-full"_s, tiny.path() })
        != 0) {
        QSKIP("cannot mount a tmpfs here (needs root)");
    }
    const auto unmount = qScopeGuard([&] { QProcess::execute(u"umount"_s, { tiny.path() }); });
    {
        AccountSession session(tiny.path());
        QCOMPARE(await(session.open()), QString());
        session.chats()->setOwnJid(Jid::fromString(u"alice@example.org/desk"));
        ChatTab tab(&session, m_settings.get(), Bob);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        auto *warning = tab.findChild<QLabel *>(u"storageWarning"_s);
        QVERIFY(warning);
        QVERIFY(warning->isHidden());

        QFile filler(tiny.filePath(u"filler"_s));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size() && filler.flush()) { }
        filler.close();

        tab.composer()->setFocus();
        QTest::keyClicks(tab.composer(), u"kept for later"_s);
        QTest::keyClick(tab.composer(), Qt::Key_Return);
        QTRY_VERIFY(warning->isVisible());
        QCOMPARE(warning->text(), session.chats()->storageProblem());
        QVERIFY(warning->text().contains(u"disk is full"_s));
        QCOMPARE(session.chats()->heldCount(), 1);

        // Space freed: the next retry stores it, the warning goes and the message is in the conversation.
        QVERIFY(filler.remove());
        QTRY_VERIFY_WITH_TIMEOUT(warning->isHidden(), 15000);
        QCOMPARE(session.chats()->heldCount(), 0);
        QTRY_COMPARE(tab.history()->rowCount(), 1);
        QCOMPARE(tab.history()->index(0, 0).data(ConversationModel::BodyRole).toString(), u"kept for later"_s);
    }
}

void ChatTabTest::upEditsTheLastMessageAndEscCancels()
{
    await(m_session->messages()->insertMany(conversation(Bob, 4)));
    ChatTab tab(m_session.get(), m_settings.get(), Bob);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QTRY_COMPARE(tab.history()->rowCount(), 4);
    tab.composer()->setFocus();
    QTest::keyClick(tab.composer(), Qt::Key_Up);
    QVERIFY(tab.isEditing());
    QCOMPARE(tab.composer()->toPlainText(), u"message number 3"_s);
    QTest::keyClick(tab.composer(), Qt::Key_Escape);
    QVERIFY(!tab.isEditing());
    QCOMPARE(tab.composer()->toPlainText(), QString());
    // Up in a composer with text is a cursor movement, not an edit.
    QTest::keyClicks(tab.composer(), u"draft"_s);
    QTest::keyClick(tab.composer(), Qt::Key_Up);
    QVERIFY(!tab.isEditing());
    QCOMPARE(tab.composer()->toPlainText(), u"draft"_s);
}

void ChatTabTest::ctrlCCopiesTheSelectedMessages()
{
    await(m_session->messages()->insertMany(conversation(Bob, 3)));
    ChatTab tab(m_session.get(), m_settings.get(), Bob);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QTRY_COMPARE(tab.history()->rowCount(), 3);
    MessageView *view = tab.view();
    view->selectionModel()->select(tab.history()->index(1, 0), QItemSelectionModel::Select);
    view->selectionModel()->select(tab.history()->index(0, 0), QItemSelectionModel::Select);
    view->setFocus();
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    const QStringList lines = QGuiApplication::clipboard()->text().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].endsWith(u"bob@example.org: message number 0"_s), qPrintable(lines[0]));
    QVERIFY2(lines[1].endsWith(u"You: message number 1"_s), qPrintable(lines[1]));
}

void ChatTabTest::delegatePaintsAndWrapsLongBodies()
{
    QList<StoredMessage> messages = conversation(Bob, 2);
    messages[0].body = QString(u"很长的中文消息，😀 没有空格也要换行。"_s).repeated(20);
    messages[1].body = u"short"_s;
    await(m_session->messages()->insertMany(messages));
    ChatTab tab(m_session.get(), m_settings.get(), Bob);
    QTRY_COMPARE(tab.history()->rowCount(), 2);
    MessageDelegate delegate;
    QStyleOptionViewItem option;
    option.font = QApplication::font();
    option.palette = QApplication::palette();
    option.rect = QRect(0, 0, 300, 0);
    delegate.setWidth(300);
    const QModelIndex longRow = tab.history()->index(0, 0);
    const QModelIndex shortRow = tab.history()->index(1, 0);
    const QSize longSize = delegate.sizeHint(option, longRow);
    const QSize shortSize = delegate.sizeHint(option, shortRow);
    QVERIFY2(longSize.height() > shortSize.height() + 4 * QFontMetrics(option.font).height(),
        qPrintable(u"%1 vs %2"_s.arg(longSize.height()).arg(shortSize.height())));
    // Narrower is taller: the layout follows the width.
    delegate.setWidth(150);
    QVERIFY(delegate.sizeHint(option, longRow).height() > longSize.height());
    // Painting at 2x into an image draws something in the text colour and never outside the row.
    QImage image(QSize(300, longSize.height()) * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(option.palette.color(QPalette::Base));
    {
        QPainter painter(&image);
        option.rect = QRect(0, 0, 300, longSize.height());
        delegate.setWidth(300);
        delegate.paint(&painter, option, longRow);
    }
    int inked = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            inked += image.pixelColor(x, y) != option.palette.color(QPalette::Base) ? 1 : 0;
        }
    }
    QVERIFY(inked > 200);
}

QTEST_MAIN(ChatTabTest)
#include "tst_ChatTab.moc"
