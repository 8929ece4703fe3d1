// SPDX-License-Identifier: Apache-2.0
// Issue 7, the stanza pipeline under mutation: a whole AccountSession (router, every manager, the stores) signed
// in to a scripted server that then sends thousands of forged stanzas, built from the CVE classes of XMPP
// clients — carbons wrapped by someone other than our bare JID (CVE-2017-5589), roster pushes from anyone but
// our server (CVE-2015-8688), archive results from a foreign archive or with the query id of our running query
// (CVE-2020-26547) — and mutated at random: which attacker, nesting, duplicated and unknown children, carbons
// namespace versions, message types, whitespace. Every forged payload carries the word FORGED. The oracle: no
// FORGED body is ever signalled or stored, no FORGED roster item appears, the stream stays up, and genuine
// messages interleaved with the attack keep arriving.
//
// CONFAB_PIPELINE_FUZZ_RUNS sets the number of forged stanzas (default 3000); the seed is printed (and taken from
// CONFAB_PIPELINE_FUZZ_SEED when set) so a failure can be replayed.
#include "HostileSupport.h"
#include "client/Client.h"
#include "session/AccountSession.h"
#include "xml/XmlWriter.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/roster/RosterManager.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test::hostile;
using confab::test::ScriptedServer;

namespace {

// Who may send each kind of forgery: anybody but our own bare JID (or no 'from', which means our server).
const QList<QByteArray> Attackers = {
    "juliet@example.net/balcony"_ba, // a contact
    "juliet@example.net"_ba,
    "romeo@example.net/orchard"_ba, // our own full JID
    "romeo@example.net/phone"_ba, // another of our resources
    "example.net"_ba, // our server's domain
    "evil.example"_ba,
    "mallory@evil.example/x"_ba,
    "romeo@example.net.evil.example"_ba,
    "romeo@evil.example"_ba,
    "ROMEO@example.net/orchard"_ba,
};

class Forger
{
public:
    Forger(quint32 seed, QByteArray mamQueryId)
        : m_random(seed)
        , m_queryId(std::move(mamQueryId))
    { }

    QByteArray next(int n)
    {
        const QByteArray from = pick(Attackers);
        const QByteArray marker = "FORGED "_ba + QByteArray::number(n);
        switch (m_random.bounded(4)) {
        case 0:
            return carbon(from, marker);
        case 1:
            return archiveResult(from, marker);
        case 2:
            return rosterPush(from, marker, n);
        default:
            return nestedCarbon(from, marker);
        }
    }

private:
    const QByteArray &pick(const QList<QByteArray> &list) { return list.at(int(m_random.bounded(list.size()))); }
    bool coin(int oneIn) { return m_random.bounded(oneIn) == 0; }

    QByteArray noise()
    {
        static const QList<QByteArray> bits = { ""_ba, " "_ba, "<x xmlns='urn:example:noise'/>"_ba,
            "<thread>t</thread>"_ba, "<active xmlns='http://jabber.org/protocol/chatstates'/>"_ba,
            "<private xmlns='urn:xmpp:carbons:2'/>"_ba, "<no-copy xmlns='urn:xmpp:hints'/>"_ba,
            "<stanza-id xmlns='urn:xmpp:sid:0' by='romeo@example.net' id='sid'/>"_ba,
            "<origin-id xmlns='urn:xmpp:sid:0' id='o'/>"_ba, "<request xmlns='urn:xmpp:receipts'/>"_ba };
        return pick(bits);
    }

    QByteArray type()
    {
        static const QList<QByteArray> types = { ""_ba, " type='chat'"_ba, " type='normal'"_ba, " type='headline'"_ba,
            " type='groupchat'"_ba, " type='error'"_ba, " type='bogus'"_ba };
        return pick(types);
    }

    // The message the attacker wants us to believe: from a contact (or from us) to us, or from us to someone.
    QByteArray innerMessage(const QByteArray &marker)
    {
        static const QList<QByteArray> senders = { "nurse@example.net/x"_ba, "juliet@example.net/balcony"_ba,
            "romeo@example.net/phone"_ba, "romeo@example.net"_ba, ""_ba };
        static const QList<QByteArray> recipients
            = { "romeo@example.net"_ba, "romeo@example.net/orchard"_ba, "nurse@example.net"_ba, ""_ba };
        const QByteArray from = pick(senders);
        const QByteArray to = pick(recipients);
        QByteArray body = "<body>"_ba + marker + "</body>"_ba;
        if (coin(5)) {
            body += body; // two bodies
        }
        return "<message xmlns='jabber:client'"_ba + (from.isEmpty() ? QByteArray() : " from='"_ba + from + '\'')
            + (to.isEmpty() ? QByteArray() : " to='"_ba + to + '\'') + type() + " id='i"_ba + marker.mid(7) + "'>"_ba
            + noise() + body + noise() + "</message>"_ba;
    }

    QByteArray forwarded(const QByteArray &marker)
    {
        const QByteArray delay = coin(2) ? "<delay xmlns='urn:xmpp:delay' stamp='2020-01-01T00:00:00Z'/>"_ba : ""_ba;
        return "<forwarded xmlns='urn:xmpp:forward:0'>"_ba + delay + innerMessage(marker) + "</forwarded>"_ba;
    }

    QByteArray outer(const QByteArray &from, const QByteArray &inner)
    {
        return "<message from='"_ba + from + "' to='romeo@example.net/orchard'"_ba + type() + '>' + noise() + inner
            + noise() + "</message>"_ba;
    }

    QByteArray carbon(const QByteArray &from, const QByteArray &marker)
    {
        static const QList<QByteArray> namespaces = { "urn:xmpp:carbons:2"_ba, "urn:xmpp:carbons:1"_ba };
        const QByteArray kind = coin(2) ? "received"_ba : "sent"_ba;
        QByteArray inner
            = '<' + kind + " xmlns='"_ba + pick(namespaces) + "'>"_ba + forwarded(marker) + "</"_ba + kind + '>';
        if (coin(4)) {
            inner += inner; // two carbons in one message
        }
        return outer(from, inner);
    }

    QByteArray nestedCarbon(const QByteArray &from, const QByteArray &marker)
    {
        // A carbon whose forwarded message is itself a carbon "from our bare JID": only the outer sender counts.
        const QByteArray innerCarbon
            = "<message xmlns='jabber:client' from='romeo@example.net' to='romeo@example.net/orchard'>"
              "<received xmlns='urn:xmpp:carbons:2'>"_ba
            + forwarded(marker) + "</received></message>"_ba;
        return outer(from,
            "<received xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"_ba + innerCarbon
                + "</forwarded></received>"_ba);
    }

    QByteArray archiveResult(const QByteArray &from, const QByteArray &marker)
    {
        // Our running query's id when we know it: the attacker guessed it right.
        const QByteArray queryId
            = coin(3) || m_queryId.isEmpty() ? "q"_ba + QByteArray::number(m_random.bounded(5)) : m_queryId;
        return outer(from,
            "<result xmlns='urn:xmpp:mam:2' queryid='"_ba + queryId + "' id='a"_ba + marker.mid(7) + "'>"_ba
                + forwarded(marker) + "</result>"_ba);
    }

    QByteArray rosterPush(const QByteArray &from, const QByteArray &marker, int n)
    {
        QByteArray item = "<item jid='mallory"_ba + QByteArray::number(n) + "@evil.example' name='"_ba + marker
            + "' subscription='both'><group>"_ba + marker + "</group></item>"_ba;
        if (coin(4)) {
            item += item;
        }
        return "<iq type='set' from='"_ba + from + "' to='romeo@example.net/orchard' id='push"_ba
            + QByteArray::number(n) + "'><query xmlns='jabber:iq:roster'"_ba + (coin(3) ? " ver='v666'"_ba : ""_ba)
            + '>' + item + "</query></iq>"_ba;
    }

    QRandomGenerator m_random;
    QByteArray m_queryId;
};

template <typename T> T await(QFuture<T> future)
{
    while (!future.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return future.result();
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

} // namespace

class tst_StanzaPipelineFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void forgedStanzasNeverReachTheUserOrTheStores();
};

void tst_StanzaPipelineFuzz::initTestCase()
{
    qRegisterMetaType<ConnectionError>();
    qRegisterMetaType<XmlElement>();
    qRegisterMetaType<StoredMessage>();
    qRegisterMetaType<ChatManager::Origin>();
    // Each forgery is logged as dropped; thousands of those lines would drown the test's own output.
    QLoggingCategory::setFilterRules(u"confab.*.debug=false\nconfab.*.info=false\nconfab.*.warning=false"_s);
}

void tst_StanzaPipelineFuzz::forgedStanzasNeverReachTheUserOrTheStores()
{
    const int runs = envInt("CONFAB_PIPELINE_FUZZ_RUNS", 3000);
    const quint32 seed
        = quint32(envInt("CONFAB_PIPELINE_FUZZ_SEED", int(QRandomGenerator::global()->bounded(1 << 30))));
    qInfo("seed %u (CONFAB_PIPELINE_FUZZ_SEED), %d forged stanzas", seed, runs);

    QTemporaryDir dir;
    ScriptedServer server;
    QVERIFY(server.listen());
    scriptLogin(server, false);
    AccountSession session(dir.path());
    QCOMPARE(await(session.open()), QString());
    QSignalSpy received(session.chats(), &ChatManager::messageReceived);
    QSignalSpy lost(&session.client(), &Client::connectionLost);
    session.signIn(settingsFor(server.port()));
    QTRY_VERIFY(session.client().isConnected());
    // Let the session's own requests go out (roster, carbons, the archive catch-up whose query id the attacker
    // would like to know: we give it to the forger when there is one).
    QTRY_VERIFY(server.receivedOnConnection().contains("urn:xmpp:mam:2"));
    const QRegularExpression queryIdRe(u"queryid=['\"]([^'\"]+)"_s);
    const QByteArray queryId = queryIdRe.match(QString::fromUtf8(server.receivedOnConnection())).captured(1).toUtf8();
    QVERIFY(!queryId.isEmpty());

    Forger forger(seed, queryId);
    int sentinels = 0;
    constexpr int Batch = 100;
    for (int n = 0; n < runs; n += Batch) {
        QByteArray bytes;
        for (int i = n; i < std::min(runs, n + Batch); ++i) {
            bytes += forger.next(i);
        }
        // A genuine message after each batch: once it is signalled, everything before it has been handled.
        ++sentinels;
        bytes += "<message from='juliet@example.net/balcony' to='romeo@example.net/orchard' type='chat' id='g"_ba
            + QByteArray::number(sentinels) + "'><body>genuine "_ba + QByteArray::number(sentinels)
            + "</body></message>"_ba;
        server.send(bytes);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(received.cbegin(), received.cend(),
                                     [&](const QList<QVariant> &args) {
                                         return args.at(0).value<StoredMessage>().body
                                             == u"genuine %1"_s.arg(sentinels);
                                     }),
            20000);
        QCOMPARE(lost.count(), 0);
    }

    // The oracle.
    int forgedShown = 0;
    for (const QList<QVariant> &args : std::as_const(received)) {
        const StoredMessage m = args.at(0).value<StoredMessage>();
        if (m.body.contains(u"FORGED")) {
            qWarning().noquote() << "signalled:" << m.sender.toString() << m.body
                                 << QString::fromUtf8(XmlWriter::serialize(args.at(1).value<XmlElement>()));
            ++forgedShown;
        }
    }
    int forgedRoster = 0;
    for (const RosterItem &item : session.roster()->items()) {
        if (item.name.contains(u"FORGED") || item.jid.domain() == u"evil.example") {
            ++forgedRoster;
        }
    }
    int forgedStored = -1;
    int genuineStored = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fuzz-check"_s);
        db.setDatabaseName(dir.filePath(u"messages.sqlite"_s));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QTRY_VERIFY(q.exec(u"SELECT count(*) FROM message WHERE body LIKE 'genuine %'"_s) && q.next()
            && q.value(0).toInt() == sentinels);
        genuineStored = sentinels;
        QVERIFY(q.exec(u"SELECT count(*) FROM message WHERE body LIKE '%FORGED%'"_s) && q.next());
        forgedStored = q.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(u"fuzz-check"_s);
    qInfo("%d forged stanzas (seed %u): %d shown, %d stored, %d roster items; %d genuine messages all stored", runs,
        seed, forgedShown, forgedStored, forgedRoster, genuineStored);
    QCOMPARE(forgedShown, 0);
    QCOMPARE(forgedStored, 0);
    QCOMPARE(forgedRoster, 0);
}

QTEST_GUILESS_MAIN(tst_StanzaPipelineFuzz)
#include "tst_StanzaPipelineFuzz.moc"
