// SPDX-License-Identifier: Apache-2.0
// IQ responses matched by id AND sender (RFC 6120 §8.2.3, §10.3.3): only the addressee may answer, our
// own account's answers come with no 'from', our bare or full JID (and the domain when we asked nobody),
// error IQs become StanzaErrors, and requests end in a timeout or with failAll().
#include "client/IqTracker.h"
#include "testlib/ParseXml.h"
#include "xml/XmlStreamParser.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

const Jid OwnJid = Jid::fromString(u"romeo@montague.lit/orchard");

XmlElement request(const QString &id, const QString &to)
{
    QString xml = u"<iq type='get' id='"_s + id + u'\'';
    if (!to.isEmpty()) {
        xml += u" to='"_s + to + u'\'';
    }
    return test::parseStanza(xml + u"><query xmlns='jabber:iq:version'/></iq>"_s);
}

XmlElement response(const QString &id, const QString &from, const QString &type = u"result"_s)
{
    QString xml = u"<iq type='"_s + type + u"' id='"_s + id + u'\'';
    if (!from.isEmpty()) {
        xml += u" from='"_s + from + u'\'';
    }
    return test::parseStanza(xml + u"/>"_s);
}

} // namespace

class tst_IqTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsOnlyTheExpectedSender_data();
    void acceptsOnlyTheExpectedSender();
    void resultCarriesTheWholeIq();
    void errorIqBecomesStanzaError_data();
    void errorIqBecomesStanzaError();
    void errorFromStrangerIsIgnored();
    void unknownIdIsIgnored();
    void requestsAreNotResponses();
    void answeredOnlyOnce();
    void timeoutFailsWithTimeoutError();
    void lateAnswerAfterTimeoutIsIgnored();
    void failAllFailsEveryOpenRequest();
    void destructionFailsOpenRequests();
};

void tst_IqTracker::acceptsOnlyTheExpectedSender_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("reply");
    QTest::addColumn<bool>("accepted");

    const QString juliet = u"juliet@capulet.lit/balcony"_s;
    auto from = [](const QString &jid) -> QString { return u"<iq type='result' id='q1' from='"_s + jid + u"'/>"_s; };
    const QString noFrom = u"<iq type='result' id='q1'/>"_s;

    // A request to someone else: only that exact address answers.
    QTest::newRow("full JID: from the addressee") << juliet << from(juliet) << true;
    QTest::newRow("full JID: from the addressee, other case")
        << u"Juliet@Capulet.LIT/balcony"_s << from(juliet) << true;
    QTest::newRow("full JID: from another resource") << juliet << from(u"juliet@capulet.lit/chamber"_s) << false;
    QTest::newRow("full JID: from another account") << juliet << from(u"mallory@evil.example/balcony"_s) << false;
    QTest::newRow("full JID: from the addressee's bare JID") << juliet << from(u"juliet@capulet.lit"_s) << false;
    QTest::newRow("full JID: from the addressee's domain") << juliet << from(u"capulet.lit"_s) << false;
    QTest::newRow("full JID: no from") << juliet << noFrom << false;
    QTest::newRow("full JID: from our own bare JID") << juliet << from(u"romeo@montague.lit"_s) << false;
    QTest::newRow("full JID: from our own full JID") << juliet << from(u"romeo@montague.lit/orchard"_s) << false;
    QTest::newRow("full JID: from our own domain") << juliet << from(u"montague.lit"_s) << false;
    QTest::newRow("bare JID: from it") << u"juliet@capulet.lit"_s << from(u"juliet@capulet.lit"_s) << true;
    QTest::newRow("bare JID: from a full JID under it") << u"juliet@capulet.lit"_s << from(juliet) << false;
    QTest::newRow("bare JID: no from") << u"juliet@capulet.lit"_s << noFrom << false;
    QTest::newRow("a server: from it") << u"capulet.lit"_s << from(u"capulet.lit"_s) << true;
    QTest::newRow("a server: no from") << u"capulet.lit"_s << noFrom << false;
    QTest::newRow("a server: from our server") << u"capulet.lit"_s << from(u"montague.lit"_s) << false;
    QTest::newRow("our own server: from it") << u"montague.lit"_s << from(u"montague.lit"_s) << true;

    // A request to nobody: our account (the server on its behalf) answers.
    QTest::newRow("no to: no from") << QString() << noFrom << true;
    QTest::newRow("no to: from our bare JID") << QString() << from(u"romeo@montague.lit"_s) << true;
    QTest::newRow("no to: from our full JID") << QString() << from(u"romeo@montague.lit/orchard"_s) << true;
    QTest::newRow("no to: from our domain") << QString() << from(u"montague.lit"_s) << true;
    QTest::newRow("no to: from another of our resources") << QString() << from(u"romeo@montague.lit/garden"_s) << false;
    QTest::newRow("no to: from a stranger") << QString() << from(juliet) << false;
    QTest::newRow("no to: from another domain") << QString() << from(u"capulet.lit"_s) << false;

    // A request to our own bare JID: the same, except that the domain may not answer for the account.
    const QString ownBare = u"romeo@montague.lit"_s;
    QTest::newRow("own bare: no from") << ownBare << noFrom << true;
    QTest::newRow("own bare: from our bare JID") << ownBare << from(u"romeo@montague.lit"_s) << true;
    QTest::newRow("own bare: from our full JID") << ownBare << from(u"romeo@montague.lit/orchard"_s) << true;
    QTest::newRow("own bare: from our domain") << ownBare << from(u"montague.lit"_s) << false;
    QTest::newRow("own bare: from another of our resources")
        << ownBare << from(u"romeo@montague.lit/garden"_s) << false;
    QTest::newRow("own bare: from a stranger") << ownBare << from(juliet) << false;
}

void tst_IqTracker::acceptsOnlyTheExpectedSender()
{
    QFETCH(QString, to);
    QFETCH(QString, reply);
    QFETCH(bool, accepted);

    IqTracker tracker;
    tracker.setOwnJid(OwnJid);
    QFuture<IqResult> future = tracker.track(request(u"q1"_s, to));
    const XmlElement answer = test::parseStanza(reply);
    QVERIFY(!answer.isNull());
    if (!accepted) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"unexpected sender"_s));
    }

    QCOMPARE(tracker.handleResponse(answer), accepted);
    QCOMPARE(future.isFinished(), accepted);
    QCOMPARE(tracker.pendingCount(), qsizetype(accepted ? 0 : 1));
    if (accepted) {
        QVERIFY(std::holds_alternative<XmlElement>(future.result()));
    }
}

void tst_IqTracker::resultCarriesTheWholeIq()
{
    IqTracker tracker;
    tracker.setOwnJid(OwnJid);
    QFuture<IqResult> future = tracker.track(request(u"v1"_s, u"juliet@capulet.lit/balcony"_s));
    QVERIFY(tracker.handleResponse(test::parseStanza(
        u"<iq type='result' id='v1' from='juliet@capulet.lit/balcony'>"
        "<query xmlns='jabber:iq:version'><name>Exodus</name><version>0.7.0.4</version></query></iq>"_s)));
    QVERIFY(future.isFinished());
    const IqResult result = future.result();
    const auto *iq = std::get_if<XmlElement>(&result);
    QVERIFY(iq);
    const XmlElement *query = iq->firstChild(u"query", u"jabber:iq:version");
    QVERIFY(query);
    QCOMPARE(query->childText(u"name", u"jabber:iq:version"), u"Exodus"_s);
}

void tst_IqTracker::errorIqBecomesStanzaError_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("text");

    QTest::newRow("service-unavailable, cancel")
        << u"<error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"_s
        << int(StanzaError::Type::Cancel) << u"service-unavailable"_s << QString();
    QTest::newRow("item-not-found with text")
        << u"<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
           "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>No such node</text></error>"_s
        << int(StanzaError::Type::Cancel) << u"item-not-found"_s << u"No such node"_s;
    QTest::newRow("text before condition, wait")
        << u"<error type='wait'><text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>busy</text>"
           "<resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"_s
        << int(StanzaError::Type::Wait) << u"resource-constraint"_s << u"busy"_s;
    QTest::newRow("forbidden, auth")
        << u"<error type='auth'><forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"_s
        << int(StanzaError::Type::Auth) << u"forbidden"_s << QString();
    QTest::newRow("application condition only")
        << u"<error type='modify'><bad-thing xmlns='urn:example:app'/></error>"_s << int(StanzaError::Type::Modify)
        << u"undefined-condition"_s << QString();
    // RFC 6120 §8.3.2 requires the <error/>; without one the request still fails, for an undefined reason.
    QTest::newRow("no error element") << QString() << int(StanzaError::Type::Cancel) << u"undefined-condition"_s
                                      << QString();
}

void tst_IqTracker::errorIqBecomesStanzaError()
{
    QFETCH(QString, error);
    QFETCH(int, type);
    QFETCH(QString, condition);
    QFETCH(QString, text);

    IqTracker tracker;
    tracker.setOwnJid(OwnJid);
    QFuture<IqResult> future = tracker.track(request(u"e1"_s, u"juliet@capulet.lit/balcony"_s));
    QVERIFY(tracker.handleResponse(
        test::parseStanza(u"<iq type='error' id='e1' from='juliet@capulet.lit/balcony'>"_s + error + u"</iq>"_s)));
    QVERIFY(future.isFinished());
    const IqResult result = future.result();
    const auto *xmppError = std::get_if<XmppError>(&result);
    QVERIFY(xmppError);
    const auto *stanzaError = std::get_if<StanzaError>(xmppError);
    QVERIFY(stanzaError);
    QCOMPARE(int(stanzaError->type), type);
    QCOMPARE(stanzaError->condition, condition);
    QCOMPARE(stanzaError->text, text);
}

void tst_IqTracker::errorFromStrangerIsIgnored()
{
    IqTracker tracker;
    tracker.setOwnJid(OwnJid);
    QFuture<IqResult> future = tracker.track(request(u"e1"_s, u"juliet@capulet.lit/balcony"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"unexpected sender"_s));
    QVERIFY(!tracker.handleResponse(
        test::parseStanza(u"<iq type='error' id='e1' from='mallory@evil.example/x'><error type='cancel'>"
                          "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"_s)));
    QVERIFY(!future.isFinished());
    // The real answer still gets through.
    QVERIFY(tracker.handleResponse(response(u"e1"_s, u"juliet@capulet.lit/balcony"_s)));
    QVERIFY(std::holds_alternative<XmlElement>(future.result()));
}

void tst_IqTracker::unknownIdIsIgnored()
{
    IqTracker tracker;
    tracker.setOwnJid(OwnJid);
    QFuture<IqResult> future = tracker.track(request(u"known"_s, {}));
    QVERIFY(!tracker.handleResponse(response(u"unknown"_s, {})));
    QVERIFY(!tracker.handleResponse(response(QString(), {})));
    QVERIFY(!future.isFinished());
    QCOMPARE(tracker.pendingCount(), qsizetype(1));
}

void tst_IqTracker::requestsAreNotResponses()
{
    // A get/set that happens to carry a pending id is someone's request, not our answer.
    IqTracker tracker;
    tracker.setOwnJid(OwnJid);
    QFuture<IqResult> future = tracker.track(request(u"q1"_s, {}));
    QVERIFY(!tracker.handleResponse(response(u"q1"_s, {}, u"get"_s)));
    QVERIFY(!tracker.handleResponse(response(u"q1"_s, {}, u"set"_s)));
    QVERIFY(!tracker.handleResponse(response(u"q1"_s, {}, u"bogus"_s)));
    QVERIFY(!future.isFinished());
}

void tst_IqTracker::answeredOnlyOnce()
{
    IqTracker tracker;
    tracker.setOwnJid(OwnJid);
    QFuture<IqResult> future = tracker.track(request(u"q1"_s, {}));
    QVERIFY(tracker.handleResponse(response(u"q1"_s, {})));
    QVERIFY(!tracker.handleResponse(response(u"q1"_s, {})));
    QCOMPARE(future.resultCount(), 1);
}

void tst_IqTracker::timeoutFailsWithTimeoutError()
{
    IqTracker tracker;
    tracker.setOwnJid(OwnJid);
    tracker.setTimeout(std::chrono::milliseconds(50));
    QFuture<IqResult> future = tracker.track(request(u"slow"_s, u"juliet@capulet.lit/balcony"_s));
    QVERIFY(!future.isFinished());
    QTRY_VERIFY(future.isFinished());
    const IqResult result = future.result();
    const auto *error = std::get_if<XmppError>(&result);
    QVERIFY(error);
    QVERIFY(std::holds_alternative<TimeoutError>(*error));
    QCOMPARE(tracker.pendingCount(), qsizetype(0));
}

void tst_IqTracker::lateAnswerAfterTimeoutIsIgnored()
{
    IqTracker tracker;
    tracker.setOwnJid(OwnJid);
    tracker.setTimeout(std::chrono::milliseconds(20));
    QFuture<IqResult> slow = tracker.track(request(u"slow"_s, {}));
    tracker.setTimeout(std::chrono::seconds(60));
    QFuture<IqResult> patient = tracker.track(request(u"patient"_s, {}));
    QTRY_VERIFY(slow.isFinished());
    QVERIFY(!patient.isFinished());
    QCOMPARE(tracker.pendingCount(), qsizetype(1));
    QVERIFY(!tracker.handleResponse(response(u"slow"_s, {})));
    QCOMPARE(slow.resultCount(), 1);
    QVERIFY(tracker.handleResponse(response(u"patient"_s, {})));
}

void tst_IqTracker::failAllFailsEveryOpenRequest()
{
    IqTracker tracker;
    tracker.setOwnJid(OwnJid);
    QList<QFuture<IqResult>> futures;
    futures.append(tracker.track(request(u"a"_s, {})));
    futures.append(tracker.track(request(u"b"_s, u"juliet@capulet.lit/balcony"_s)));
    futures.append(tracker.track(request(u"c"_s, u"capulet.lit"_s)));
    QVERIFY(tracker.handleResponse(response(u"c"_s, u"capulet.lit"_s)));

    tracker.failAll(NetworkError { u"gone"_s });
    QCOMPARE(tracker.pendingCount(), qsizetype(0));
    for (int i = 0; i < 2; ++i) {
        QVERIFY(futures[i].isFinished());
        const IqResult result = futures[i].result();
        const auto *error = std::get_if<XmppError>(&result);
        QVERIFY(error);
        const auto *network = std::get_if<NetworkError>(error);
        QVERIFY(network);
        QCOMPARE(network->message, u"gone"_s);
    }
    // The answered one kept its answer.
    QVERIFY(std::holds_alternative<XmlElement>(futures[2].result()));
    // Nothing is left to answer, and no timer fires for a failed request.
    QVERIFY(!tracker.handleResponse(response(u"a"_s, {})));
}

void tst_IqTracker::destructionFailsOpenRequests()
{
    QFuture<IqResult> future;
    {
        IqTracker tracker;
        future = tracker.track(request(u"q1"_s, {}));
    }
    QVERIFY(future.isFinished());
    const IqResult result = future.result();
    const auto *error = std::get_if<XmppError>(&result);
    QVERIFY(error);
    QVERIFY(std::holds_alternative<NetworkError>(*error));
}

QTEST_GUILESS_MAIN(tst_IqTracker)
#include "tst_IqTracker.moc"
