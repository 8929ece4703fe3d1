// SPDX-License-Identifier: Apache-2.0
// SubscriptionManager without a server: which subscription stanzas are believed (RFC 6121 §3), and how
// pending requests are kept in the store until answered.
#include "RosterTestXml.h"
#include "client/Client.h"
#include "storage/RosterStore.h"
#include "xmpp/roster/SubscriptionManager.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

class tst_SubscriptionManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void senderRule_data();
    void senderRule();
    void requestIsStoredThenSignalledOnce();
    void pendingRequestSurvivesRestart();
    void unsubscribeWithdrawsAPendingRequest();
    void approvalAndRevocationAreSignalled();
    void approveWithoutRequestNeedsPreApproval();
    void leavesOrdinaryPresenceAlone();
};

namespace {

XmlElement presence(const QString &type, const QString &from, const QString &inner = {})
{
    return parseStanza(u"<presence type='"_s + type + u"' from='"_s + from + u"'>"_s + inner + u"</presence>"_s);
}

} // namespace

void tst_SubscriptionManager::senderRule_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bare") << u"romeo@example.net"_s << u"romeo@example.net"_s;
    QTest::newRow("normalised") << u"Romeo@Example.NET"_s << u"romeo@example.net"_s;
    QTest::newRow("domain") << u"gateway.example.net"_s << u"gateway.example.net"_s;
    QTest::newRow("full") << u"romeo@example.net/orchard"_s << QString();
    QTest::newRow("malformed") << u"romeo@@example.net"_s << QString();
    QTest::newRow("empty") << QString(u""_s) << QString();
    QTest::newRow("ourselves") << u"juliet@example.com"_s << QString();
}

void tst_SubscriptionManager::senderRule()
{
    QFETCH(QString, from);
    QFETCH(QString, expected);
    const Jid sender = SubscriptionManager::validSender(
        presence(u"subscribe"_s, from), Jid::fromString(u"juliet@example.com/balcony"));
    QCOMPARE(sender.isNull() ? QString() : sender.toString(), expected);
}

void tst_SubscriptionManager::requestIsStoredThenSignalledOnce()
{
    RosterStore store(u":memory:"_s);
    QCOMPARE(store.open().result(), QString());
    Client client;
    auto *subscriptions = new SubscriptionManager;
    client.addExtension(subscriptions);
    const QFuture<bool> loaded = subscriptions->setStore(&store);
    QTRY_VERIFY(loaded.isFinished()); // its continuation runs on this thread: never block on it
    QSignalSpy requested(subscriptions, &SubscriptionManager::subscriptionRequested);

    QVERIFY(
        subscriptions->handleStanza(presence(u"subscribe"_s, u"romeo@example.net"_s, u"<status>It's me</status>"_s)));
    QTRY_COMPARE(requested.size(), 1); // may come at once, when the store was quicker than us
    QCOMPARE(requested.first().at(0).value<Jid>(), Jid::fromString(u"romeo@example.net"));
    QCOMPARE(requested.first().at(1).toString(), u"It's me"_s);
    const QList<SubscriptionRequest> stored = store.loadRequests().result();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().status, u"It's me"_s);

    // The server redelivers it at the next login: still one request, no second signal.
    QSignalSpy changed(subscriptions, &SubscriptionManager::pendingRequestsChanged);
    QVERIFY(subscriptions->handleStanza(presence(u"subscribe"_s, u"romeo@example.net"_s)));
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(subscriptions->pendingRequests().size(), 1);
    QCOMPARE(subscriptions->pendingRequests().first().received, stored.first().received);

    // A forged or malformed one is dropped (handled, so presence handling never sees it).
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"ignoring a \"subscribe\" presence"_s));
    QVERIFY(subscriptions->handleStanza(presence(u"subscribe"_s, u"tybalt@example.net/sword"_s)));
    QCOMPARE(subscriptions->pendingRequests().size(), 1);

    // Answering (here while offline: nothing reaches a server) forgets it.
    subscriptions->deny(Jid::fromString(u"romeo@example.net"));
    QVERIFY(subscriptions->pendingRequests().isEmpty());
    QTRY_VERIFY(store.loadRequests().result().isEmpty());
}

void tst_SubscriptionManager::pendingRequestSurvivesRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"roster.sqlite"_s);
    {
        RosterStore store(path);
        QCOMPARE(store.open().result(), QString());
        Client client;
        auto *subscriptions = new SubscriptionManager;
        client.addExtension(subscriptions);
        subscriptions->setStore(&store);
        QSignalSpy requested(subscriptions, &SubscriptionManager::subscriptionRequested);
        subscriptions->handleStanza(presence(u"subscribe"_s, u"romeo@example.net"_s, u"<status>你好</status>"_s));
        QTRY_COMPARE(requested.size(), 1); // may come at once, when the store was quicker than us
    }
    RosterStore store(path);
    QCOMPARE(store.open().result(), QString());
    Client client;
    auto *subscriptions = new SubscriptionManager;
    client.addExtension(subscriptions);
    const QFuture<bool> loaded = subscriptions->setStore(&store);
    QTRY_VERIFY(loaded.isFinished()); // its continuation runs on this thread: never block on it
    QTRY_COMPARE(subscriptions->pendingRequests().size(), 1);
    QCOMPARE(subscriptions->pendingRequests().first().jid, Jid::fromString(u"romeo@example.net"));
    QCOMPARE(subscriptions->pendingRequests().first().status, u"你好"_s);
    QVERIFY(subscriptions->hasPendingRequest(Jid::fromString(u"romeo@example.net")));
}

void tst_SubscriptionManager::unsubscribeWithdrawsAPendingRequest()
{
    Client client;
    auto *subscriptions = new SubscriptionManager;
    client.addExtension(subscriptions);
    QSignalSpy unsubscribed(subscriptions, &SubscriptionManager::contactUnsubscribed);
    subscriptions->handleStanza(presence(u"subscribe"_s, u"romeo@example.net"_s));
    QCOMPARE(subscriptions->pendingRequests().size(), 1);
    subscriptions->handleStanza(presence(u"unsubscribe"_s, u"romeo@example.net"_s));
    QVERIFY(subscriptions->pendingRequests().isEmpty());
    QCOMPARE(unsubscribed.size(), 1);
}

void tst_SubscriptionManager::approvalAndRevocationAreSignalled()
{
    Client client;
    auto *subscriptions = new SubscriptionManager;
    client.addExtension(subscriptions);
    QSignalSpy approved(subscriptions, &SubscriptionManager::subscriptionApproved);
    QSignalSpy revoked(subscriptions, &SubscriptionManager::subscriptionRevoked);
    QVERIFY(subscriptions->handleStanza(presence(u"subscribed"_s, u"romeo@example.net"_s)));
    QVERIFY(subscriptions->handleStanza(presence(u"unsubscribed"_s, u"romeo@example.net"_s)));
    QCOMPARE(approved.size(), 1);
    QCOMPARE(revoked.size(), 1);
    QCOMPARE(revoked.first().first().value<Jid>(), Jid::fromString(u"romeo@example.net"));
}

void tst_SubscriptionManager::approveWithoutRequestNeedsPreApproval()
{
    // This client's (absent) server advertised no <sub xmlns='urn:xmpp:features:pre-approval'/>.
    Client client;
    auto *subscriptions = new SubscriptionManager;
    client.addExtension(subscriptions);
    QVERIFY(!subscriptions->isPreApprovalSupported());
    const SubscriptionManager::Result result = subscriptions->approve(Jid::fromString(u"romeo@example.net")).result();
    const auto *error = std::get_if<XmppError>(&result);
    QVERIFY(error);
    QCOMPARE(std::get<StanzaError>(*error).condition, u"feature-not-implemented"_s);
}

void tst_SubscriptionManager::leavesOrdinaryPresenceAlone()
{
    Client client;
    auto *subscriptions = new SubscriptionManager;
    client.addExtension(subscriptions);
    QVERIFY(!subscriptions->handleStanza(parseStanza(u"<presence from='romeo@example.net/orchard'/>"_s)));
    QVERIFY(!subscriptions->handleStanza(
        parseStanza(u"<presence type='unavailable' from='romeo@example.net/orchard'/>"_s)));
    QVERIFY(!subscriptions->handleStanza(parseStanza(u"<presence type='probe' from='romeo@example.net'/>"_s)));
}

QTEST_GUILESS_MAIN(tst_SubscriptionManager)
#include "tst_SubscriptionManager.moc"
