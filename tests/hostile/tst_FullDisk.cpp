// SPDX-License-Identifier: Apache-2.0
// Issue 7, a full disk: the history lives on a tiny tmpfs (mounted by the test; skipped where mounting is not
// allowed) that is then filled up. A message sent then must not be lost: it is not written to the socket before
// it is stored (DESIGN.md), so it is held in memory and the user is told why; once space is freed it is stored
// and sent, exactly once. The account is real (AccountSession signed in to the fixture's Prosody) and so is the
// contact who must (not) receive it.
#include "client/Client.h"
#include "session/AccountSession.h"
#include "stanza/Stanza.h"
#include "storage/MessageStore.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"
#include "xml/XmlElement.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/presence/PresenceManager.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

namespace {

/// One signed-in account with its history in `dataDir`, and what its ChatManager reported as received.
struct Device
{
    ~Device() { signOutAndWait(session.get()); }

    std::unique_ptr<AccountSession> session;
    QStringList received; ///< bodies of live messages, as ChatManager::messageReceived reported them

    int count(const QString &body) const { return int(received.count(body)); }
};

} // namespace

class tst_FullDisk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void aMessageSentOnAFullDiskIsHeldReportedAndSentOnceSpaceIsFreed();

private:
    std::unique_ptr<Device> signIn(const QString &user, const QString &dataDir);
    /// Fills the tmpfs to the last byte.
    void fillDisk();

    ProsodyFixture m_server { ProsodyFixture::Options { .accounts = { u"romeo"_s, u"juliet"_s } } };
    std::unique_ptr<QTemporaryDir> m_dir;
    bool m_mounted = false;
};

void tst_FullDisk::initTestCase()
{
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void tst_FullDisk::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const int rc = QProcess::execute(
        u"mount"_s, { u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=2m"_s, u"confab-full"_s, m_dir->path() });
    m_mounted = rc == 0;
    if (!m_mounted) {
        QSKIP("cannot mount a tmpfs here (needs root)");
    }
}

void tst_FullDisk::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(4000);
        QProcess::execute(u"sh"_s, { u"-c"_s, u"df -k %1; ls -la %1"_s.arg(m_dir->path()) });
    }
    if (m_mounted) {
        QProcess::execute(u"umount"_s, { m_dir->path() });
        m_mounted = false;
    }
    m_dir.reset();
}

std::unique_ptr<Device> tst_FullDisk::signIn(const QString &user, const QString &dataDir)
{
    auto device = std::make_unique<Device>();
    device->session = std::make_unique<AccountSession>(dataDir);
    if (!await(device->session->open()).isEmpty()) {
        qFatal("cannot open the stores");
    }
    Device *raw = device.get();
    connect(raw->session->chats(), &ChatManager::messageReceived, raw->session.get(),
        [raw](const StoredMessage &m, const XmlElement &, ChatManager::Origin origin, bool) {
            // Live only: the archive catch-up at sign-in may bring a second copy of what arrived meanwhile.
            if (origin == ChatManager::Origin::Live) {
                raw->received.append(m.body);
            }
        });
    device->session->signIn(settingsFor(m_server, user, u"desktop"_s));
    QElapsedTimer timer;
    timer.start();
    while (!raw->session->client().isConnected() && timer.elapsed() < 20000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return device;
}

void tst_FullDisk::fillDisk()
{
    QFile filler(m_dir->filePath(u"filler"_s));
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray block(4096, 'x');
    while (filler.write(block) == block.size() && filler.flush()) { }
    const QByteArray byte(1, 'x');
    while (filler.write(byte) == 1 && filler.flush()) { }
}

void tst_FullDisk::aMessageSentOnAFullDiskIsHeldReportedAndSentOnceSpaceIsFreed()
{
    auto romeo = signIn(u"romeo"_s, m_dir->path()); // every store of the account on the tiny tmpfs
    QTemporaryDir julietDir;
    auto juliet = signIn(u"juliet"_s, julietDir.path());
    QVERIFY(romeo->session->client().isConnected() && juliet->session->client().isConnected());
    ChatManager *chats = romeo->session->chats();
    MessageStore *store = romeo->session->messages();
    // Sent to juliet's full JID: delivered to that resource without presence.
    const Jid julietJid = juliet->session->client().jid();
    const Jid conversation = julietJid.bare();
    const QString body = u"wherefore art thou — on a full disk"_s;

    fillDisk();
    QSignalSpy problems(chats, &ChatManager::storageProblemChanged);
    const StoredMessage held = await(chats->send(julietJid, body));
    QCOMPARE(held.id, 0); // not stored ...
    QCOMPARE(held.state, StoredMessage::State::Pending);
    QCOMPARE(chats->heldCount(), 1); // ... but kept
    QCOMPARE(problems.size(), 1);
    const QString problem = problems.at(0).at(0).toString();
    QVERIFY2(problem.contains(u"disk is full"_s), qPrintable(problem));
    QCOMPARE(chats->storageProblem(), problem);
    QVERIFY(await(store->page(conversation, 0, 10)).isEmpty());

    // Nor sent: a fence written straight to the stream after it reaches juliet, and the held message did not
    // come before it (XEP-0198 keeps the order of one stream).
    XmlElement fence(u"message"_s, u"jabber:client"_s);
    fence.setAttribute(u"type"_s, u"chat"_s);
    fence.setAttribute(u"to"_s, julietJid.toString());
    fence.setAttribute(u"id"_s, u"fence-1"_s);
    fence.appendTextChild(u"body"_s, u"fence while full"_s, u"jabber:client"_s);
    romeo->session->client().send(fence);
    QTRY_COMPARE_WITH_TIMEOUT(juliet->count(u"fence while full"_s), 1, 20000);
    QCOMPARE(juliet->count(body), 0);
    QCOMPARE(chats->heldCount(), 1);

    // Space is freed: the retry stores it, then sends it, and the problem is cleared.
    QVERIFY(QFile::remove(m_dir->filePath(u"filler"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(juliet->count(body), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(chats->storageProblem(), QString(), 5000);
    QCOMPARE(chats->heldCount(), 0);
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(1).at(0).toString(), QString());
    // Stored exactly once, with its id, and the receipt moves it to Delivered.
    const auto copies = [&] {
        QList<StoredMessage> found;
        for (const StoredMessage &m : await(store->page(conversation, 0, 50))) {
            if (m.body == body) {
                found.append(m);
            }
        }
        return found;
    };
    QTRY_COMPARE_WITH_TIMEOUT(copies().size() == 1 ? copies().constFirst().state : StoredMessage::State::Failed,
        StoredMessage::State::Delivered, 20000);
    QCOMPARE(copies().constFirst().originId, held.originId);
    QVERIFY(await(store->pending()).isEmpty());

    // A normal message after it arrives, and the held one was not sent twice.
    await(chats->send(julietJid, u"after the full disk"_s));
    QTRY_COMPARE_WITH_TIMEOUT(juliet->count(u"after the full disk"_s), 1, 20000);
    QCOMPARE(juliet->count(body), 1);
    QCOMPARE(copies().size(), 1);
}

QTEST_GUILESS_MAIN(tst_FullDisk)
#include "tst_FullDisk.moc"
