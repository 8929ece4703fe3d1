// SPDX-License-Identifier: Apache-2.0
// Two composed accounts (AccountSession) against a real Prosody: what a contact list shows end to end —
// a mutual subscription made through the protocol, presence with status text, an avatar, a block — read
// off the RosterModel a window would display.
#include "client/Client.h"
#include "models/RosterModel.h"
#include "session/AccountSession.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"
#include "xmpp/avatar/AvatarManager.h"
#include "xmpp/blocking/BlockingManager.h"
#include "xmpp/presence/PresenceManager.h"
#include "xmpp/roster/RosterManager.h"
#include "xmpp/roster/SubscriptionManager.h"

#include <QBuffer>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

namespace {

QByteArray pngAvatar()
{
    QImage image(64, 64, QImage::Format_ARGB32);
    image.fill(QColor(0x33, 0x99, 0xcc));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class tst_AccountSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void contactListShowsSubscriptionPresenceAvatarAndBlock();

private:
    ProsodyFixture m_server;
};

void tst_AccountSession::initTestCase()
{
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void tst_AccountSession::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(6000);
    }
}

void tst_AccountSession::contactListShowsSubscriptionPresenceAvatarAndBlock()
{
    QTemporaryDir aliceDir;
    QTemporaryDir bobDir;
    AccountSession alice(aliceDir.path());
    AccountSession bob(bobDir.path());
    QCOMPARE(await(alice.open()), QString());
    QCOMPARE(await(bob.open()), QString());
    // Both answer every request as soon as it arrives.
    connect(alice.subscriptions(), &SubscriptionManager::subscriptionRequested, &alice,
        [&alice](const Jid &jid) { alice.subscriptions()->approve(jid); });
    connect(bob.subscriptions(), &SubscriptionManager::subscriptionRequested, &bob,
        [&bob](const Jid &jid) { bob.subscriptions()->approve(jid); });
    alice.signIn(settingsFor(m_server, u"alice"_s, u"desktop"_s));
    bob.signIn(settingsFor(m_server, u"bob"_s, u"desktop"_s));
    QTRY_VERIFY_WITH_TIMEOUT(alice.client().isConnected() && bob.client().isConnected(), 20000);
    alice.presence()->setPresence(Presence::Show::Online);
    bob.presence()->setPresence(Presence::Show::Away, u"在开会 — back at 3"_s);

    const Jid aliceJid = Jid::fromString(m_server.jid(u"alice"_s));
    const Jid bobJid = Jid::fromString(m_server.jid(u"bob"_s));
    await(alice.roster()->addOrUpdate(bobJid, u"Bob"_s, { u"Friends"_s }));
    await(alice.subscriptions()->request(bobJid));
    await(bob.subscriptions()->request(aliceJid));

    // alice's contact list: Bob, in Friends, subscribed both ways, away with his status.
    RosterModel &model = *alice.rosterModel();
    QTRY_VERIFY_WITH_TIMEOUT(model.indexOf(bobJid).isValid(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(
        model.indexOf(bobJid).data(RosterModel::SubscriptionRole).toInt(), int(RosterItem::Subscription::Both), 20000);
    QCOMPARE(model.indexOf(bobJid).parent().data().toString(), u"Friends"_s);
    QCOMPARE(model.indexOf(bobJid).data().toString(), u"Bob"_s);
    QTRY_COMPARE_WITH_TIMEOUT(
        model.indexOf(bobJid).data(RosterModel::PresenceRole).toInt(), int(Presence::Show::Away), 20000);
    QCOMPARE(model.indexOf(bobJid).data(RosterModel::StatusTextRole).toString(), u"在开会 — back at 3"_s);

    // Bob sets an avatar: it reaches alice's list (XEP-0084 notification or the XEP-0153 hash in presence).
    QVERIFY(std::holds_alternative<std::monostate>(await(bob.avatars()->setOwnAvatar(pngAvatar()))));
    QTRY_VERIFY_WITH_TIMEOUT(!model.indexOf(bobJid).data(RosterModel::AvatarRole).value<QImage>().isNull(), 20000);
    QCOMPARE(model.indexOf(bobJid).data(RosterModel::AvatarRole).value<QImage>().size(), QSize(64, 64));

    // Blocking shows in the list; going offline too.
    await(alice.blocking()->block(bobJid));
    QTRY_VERIFY(model.indexOf(bobJid).data(RosterModel::BlockedRole).toBool());
    await(alice.blocking()->unblock(bobJid));
    QTRY_VERIFY(!model.indexOf(bobJid).data(RosterModel::BlockedRole).toBool());
    bob.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(
        model.indexOf(bobJid).data(RosterModel::PresenceRole).toInt(), int(Presence::Show::Offline), 20000);
    alice.signOut();
    QTRY_VERIFY(alice.client().state() == Client::State::Disconnected);
}

QTEST_GUILESS_MAIN(tst_AccountSession)
#include "tst_AccountSession.moc"
