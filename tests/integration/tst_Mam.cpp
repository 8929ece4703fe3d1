// SPDX-License-Identifier: Apache-2.0
// XEP-0313 archive catch-up end to end against a real Prosody (mod_mam, offline storage, carbons): messages
// that arrive both as offline messages and through the archive are stored once; live, carbon and archive
// copies on three resources never duplicate; a forged archive result from another account is not stored.
#include "base/Namespaces.h"
#include "client/Client.h"
#include "session/AccountSession.h"
#include "storage/MessageStore.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/mam/MamManager.h"
#include "xmpp/presence/PresenceManager.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

namespace {

/// One signed-in resource of an account with its own history.
struct Device
{
    ~Device() { signOutAndWait(session.get()); }

    QString dir;
    std::unique_ptr<AccountSession> session;
    QList<std::pair<StoredMessage, ChatManager::Origin>> received;
    int catchUps = 0;
    bool lastComplete = false;

    ChatManager *chats() const { return session->chats(); }
    MessageStore *store() const { return session->messages(); }
    Client &client() const { return session->client(); }

    QList<StoredMessage> history(const Jid &conversation) const { return await(store()->page(conversation, 0, 500)); }
    int countVia(ChatManager::Origin origin) const
    {
        return int(
            std::count_if(received.cbegin(), received.cend(), [origin](const auto &r) { return r.second == origin; }));
    }
    int countAny(const QString &body) const
    {
        return int(
            std::count_if(received.cbegin(), received.cend(), [&body](const auto &r) { return r.first.body == body; }));
    }
};

/// Every body of `history` once, and exactly `expected` of them.
bool eachOnce(const QList<StoredMessage> &history, const QStringList &expected)
{
    QStringList bodies;
    for (const StoredMessage &m : history) {
        bodies.append(m.body);
    }
    QStringList sortedBodies = bodies;
    QStringList sortedExpected = expected;
    sortedBodies.sort();
    sortedExpected.sort();
    if (sortedBodies != sortedExpected) {
        qWarning() << "history" << bodies << "expected" << expected;
        return false;
    }
    return true;
}

} // namespace

class tst_Mam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void offlineAndArchivedCopiesAreStoredOnce();
    void liveCarbonAndArchiveCopiesNeverDuplicate();
    void forgedArchiveResultIsNotStored();

private:
    std::unique_ptr<Device> signIn(const QString &user, const QString &resource, const QString &dataDir);
    Jid bare(const QString &user) const { return Jid::fromString(m_server.jid(user)); }

    ProsodyFixture m_server { ProsodyFixture::Options {
        .accounts = { u"alice"_s, u"bob"_s, u"carol"_s, u"erin"_s, u"mallory"_s } } };
    QList<std::shared_ptr<QTemporaryDir>> m_dirs;
};

void tst_Mam::initTestCase()
{
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void tst_Mam::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(6000);
    }
}

std::unique_ptr<Device> tst_Mam::signIn(const QString &user, const QString &resource, const QString &dataDir)
{
    auto device = std::make_unique<Device>();
    device->dir = dataDir;
    if (device->dir.isEmpty()) {
        auto dir = std::make_shared<QTemporaryDir>();
        device->dir = dir->path();
        m_dirs.append(dir);
    }
    device->session = std::make_unique<AccountSession>(device->dir);
    if (!await(device->session->open()).isEmpty()) {
        qFatal("cannot open the stores");
    }
    Device *raw = device.get();
    connect(raw->chats(), &ChatManager::messageReceived, raw->session.get(),
        [raw](const StoredMessage &m, const XmlElement &, ChatManager::Origin origin, bool) {
            raw->received.append({ m, origin });
        });
    connect(raw->session->archive(), &MamManager::catchUpFinished, raw->session.get(), [raw](int, bool complete) {
        ++raw->catchUps;
        raw->lastComplete = complete;
    });
    ConnectionSettings s;
    s.jid = Jid::fromString(QString(m_server.jid(user) + u'/' + resource));
    s.password = m_server.password(user);
    s.host = m_server.host();
    s.port = m_server.c2sPort();
    s.caFile = m_server.caFile();
    device->session->signIn(s);
    QElapsedTimer timer;
    timer.start();
    while (!(raw->client().isConnected() && raw->chats()->carbonsEnabled()) && timer.elapsed() < 20000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    // RFC 6121 §4.2: initial presence, so messages to the bare JID (and offline ones) reach us.
    await(device->session->presence()->setPresence(Presence::Show::Online));
    return device;
}

void tst_Mam::offlineAndArchivedCopiesAreStoredOnce()
{
    auto bob = signIn(u"bob"_s, u"desktop"_s, {});
    QStringList bodies;
    for (int i = 0; i < 20; ++i) {
        bodies.append(u"while carol was away %1"_s.arg(i));
        await(bob->chats()->send(bare(u"carol"_s), bodies.last()));
    }
    const auto allSent = [&bob, this] {
        const QList<StoredMessage> history = bob->history(bare(u"carol"_s));
        return history.size() == 20 && std::all_of(history.cbegin(), history.cend(), [](const StoredMessage &m) {
            return m.state == StoredMessage::State::Sent;
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allSent(), 20000);

    // carol logs in: the messages come from the archive and, unless the server holds them back because we
    // queried the archive (Prosody 0.12's mod_mam does), as offline messages too; either way, once each.
    auto carol = signIn(u"carol"_s, u"desktop"_s, {});
    QTRY_VERIFY_WITH_TIMEOUT(carol->catchUps >= 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(carol->history(bare(u"bob"_s)).size(), 20, 20000);
    QCOMPARE(carol->countVia(ChatManager::Origin::Archive), 20);
    QVERIFY(eachOnce(carol->history(bare(u"bob"_s)), bodies));
    QCOMPARE(await(carol->store()->count()), qint64(20));
    QVERIFY(!await(carol->store()->lastArchiveId()).isEmpty());

    // A later session of the same history pages forward from its newest archive id: nothing new, nothing twice.
    const QString dir = carol->dir;
    carol.reset();
    auto again = signIn(u"carol"_s, u"desktop"_s, dir);
    QTRY_VERIFY_WITH_TIMEOUT(again->catchUps >= 1, 20000);
    QVERIFY(again->lastComplete);
    QCOMPARE(await(again->store()->count()), qint64(20));
}

void tst_Mam::liveCarbonAndArchiveCopiesNeverDuplicate()
{
    auto bob = signIn(u"bob"_s, u"laptop"_s, {});
    auto desktop = signIn(u"erin"_s, u"desktop"_s, {});
    auto phone = signIn(u"erin"_s, u"phone"_s, {});
    QTRY_VERIFY_WITH_TIMEOUT(desktop->catchUps >= 1 && phone->catchUps >= 1, 20000);

    QStringList bodies;
    for (int i = 0; i < 10; ++i) {
        bodies.append(u"to erin %1"_s.arg(i));
        await(bob->chats()->send(bare(u"erin"_s), bodies.last()));
    }
    for (int i = 0; i < 5; ++i) {
        bodies.append(u"from erin %1"_s.arg(i));
        await(desktop->chats()->send(bare(u"bob"_s), bodies.last()));
    }
    // Both resources see all 15, live or as carbons.
    QTRY_COMPARE_WITH_TIMEOUT(desktop->history(bare(u"bob"_s)).size(), 15, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(phone->history(bare(u"bob"_s)).size(), 15, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(bob->history(bare(u"erin"_s)).size(), 15, 20000);

    // A third resource with an empty history catches up from the archive only.
    auto tablet = signIn(u"erin"_s, u"tablet"_s, {});
    QTRY_VERIFY_WITH_TIMEOUT(tablet->catchUps >= 1, 20000);
    QVERIFY(tablet->countVia(ChatManager::Origin::Archive) >= 15);
    // The phone comes back on its own history: it pages forward after its newest archive id.
    const QString phoneDir = phone->dir;
    phone.reset();
    auto phoneAgain = signIn(u"erin"_s, u"phone"_s, phoneDir);
    QTRY_VERIFY_WITH_TIMEOUT(phoneAgain->catchUps >= 1, 20000);

    for (Device *device : { desktop.get(), phoneAgain.get(), tablet.get() }) {
        const QList<StoredMessage> history = device->history(bare(u"bob"_s));
        QVERIFY(eachOnce(history, bodies));
        QCOMPARE(await(device->store()->count()), qint64(15));
        for (const StoredMessage &m : history) {
            const bool ours = m.body.startsWith(u"from erin"_s);
            QCOMPARE(m.direction, ours ? StoredMessage::Direction::Outgoing : StoredMessage::Direction::Incoming);
        }
    }
    QVERIFY(eachOnce(bob->history(bare(u"erin"_s)), bodies));
}

void tst_Mam::forgedArchiveResultIsNotStored()
{
    auto alice = signIn(u"alice"_s, u"desktop"_s, {});
    auto mallory = signIn(u"mallory"_s, u"evil"_s, {});
    QTRY_VERIFY_WITH_TIMEOUT(alice->catchUps >= 1, 20000);

    // mallory writes an archive result by hand, with a guessed queryid and with none, wrapping a "message
    // from bob" (XEP-0313 §9, CVE-2020-26547).
    for (const QString &queryId : { u"f27"_s, QString() }) {
        XmlElement outer(u"message"_s, ns::Client.toString());
        outer.setAttribute(u"to"_s, alice->client().jid().toString());
        XmlElement result(u"result"_s, u"urn:xmpp:mam:2"_s);
        if (!queryId.isEmpty()) {
            result.setAttribute(u"queryid"_s, queryId);
        }
        result.setAttribute(u"id"_s, u"forged-archive-id"_s);
        XmlElement forwarded(u"forwarded"_s, u"urn:xmpp:forward:0"_s);
        XmlElement delay(u"delay"_s, ns::Delay.toString());
        delay.setAttribute(u"stamp"_s, u"2020-01-01T00:00:00Z"_s);
        forwarded.appendChild(delay);
        XmlElement inner(u"message"_s, ns::Client.toString());
        inner.setAttribute(u"from"_s, bare(u"bob"_s).withResource(u"desktop").toString());
        inner.setAttribute(u"to"_s, alice->client().jid().toString());
        inner.setAttribute(u"type"_s, u"chat"_s);
        inner.setAttribute(u"id"_s, u"forged-mam"_s);
        inner.appendTextChild(u"body"_s, u"forged archive"_s, ns::Client.toString());
        forwarded.appendChild(inner);
        result.appendChild(forwarded);
        outer.appendChild(result);
        QVERIFY(std::holds_alternative<std::monostate>(await(mallory->client().send(outer))));
    }

    // A plain message from mallory after them: once it is stored, the forgeries were seen and dropped.
    await(mallory->chats()->send(bare(u"alice"_s), u"fence"_s));
    QTRY_COMPARE_WITH_TIMEOUT(alice->countAny(u"fence"_s), 1, 20000);
    QCOMPARE(alice->countAny(u"forged archive"_s), 0);
    QVERIFY(alice->history(bare(u"bob"_s)).isEmpty());
    QCOMPARE(await(alice->store()->count()), qint64(1));
}

QTEST_GUILESS_MAIN(tst_Mam)
#include "tst_Mam.moc"
