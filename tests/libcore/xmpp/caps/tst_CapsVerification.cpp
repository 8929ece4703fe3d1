// SPDX-License-Identifier: Apache-2.0
// XEP-0115: the verification string and hash (§5.1, with the §5.2 and §5.3 examples), the §5.4 checks,
// and CapsManager's lookups: one query per ver, verified answers cached (memory and CapsStore), a
// mismatching answer used for its resource only and never cached.
#include "base/Namespaces.h"
#include "client/Client.h"
#include "storage/CapsStore.h"
#include "xmpp/caps/CapsInfo.h"
#include "xmpp/caps/CapsManager.h"
#include "xmpp/disco/DiscoInfoResponder.h"
#include "xmpp/ping/PingManager.h"

#include <QPromise>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

template <typename T> T await(QFuture<T> future)
{
    while (!future.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return future.result();
}

// XEP-0115 §5.2.
CapsInfo simpleExample()
{
    CapsInfo info;
    info.identities = { { u"client"_s, u"pc"_s, {}, u"Exodus 0.9.1"_s } };
    info.features = { u"http://jabber.org/protocol/disco#info"_s, u"http://jabber.org/protocol/disco#items"_s,
        u"http://jabber.org/protocol/muc"_s, u"http://jabber.org/protocol/caps"_s };
    return info;
}

// XEP-0115 §5.3, in the order of the example's disco#info answer (not sorted).
CapsInfo complexExample()
{
    CapsInfo info;
    info.identities
        = { { u"client"_s, u"pc"_s, u"en"_s, u"Psi 0.11"_s }, { u"client"_s, u"pc"_s, u"el"_s, u"Ψ 0.11"_s } };
    info.features = { u"http://jabber.org/protocol/caps"_s, u"http://jabber.org/protocol/disco#info"_s,
        u"http://jabber.org/protocol/disco#items"_s, u"http://jabber.org/protocol/muc"_s };
    CapsInfo::Form form;
    form.fields = { { u"FORM_TYPE"_s, u"hidden"_s, { u"urn:xmpp:dataforms:softwareinfo"_s } },
        { u"ip_version"_s, u"text-multi"_s, { u"ipv4"_s, u"ipv6"_s } }, { u"os"_s, {}, { u"Mac"_s } },
        { u"os_version"_s, {}, { u"10.5.1"_s } }, { u"software"_s, {}, { u"Psi"_s } },
        { u"software_version"_s, {}, { u"0.11"_s } } };
    info.forms = { form };
    return info;
}

XmlElement resultFor(const CapsInfo &info)
{
    XmlElement iq(u"iq"_s, ns::Client.toString());
    iq.setAttribute(u"type"_s, u"result"_s);
    iq.appendChild(info.toXml());
    return iq;
}

/// A CapsManager whose disco#info queries the test answers.
class ScriptedCapsManager : public CapsManager
{
public:
    using CapsManager::CapsManager;
    struct Request
    {
        Jid to;
        QString node;
        std::shared_ptr<QPromise<IqResult>> promise;
    };
    QList<Request> requests;

    void answer(qsizetype index, const IqResult &result)
    {
        requests[index].promise->addResult(result);
        requests[index].promise->finish();
    }

protected:
    QFuture<IqResult> requestInfo(const Jid &to, const QString &node) override
    {
        auto promise = std::make_shared<QPromise<IqResult>>();
        promise->start();
        requests.append({ to, node, promise });
        return promise->future();
    }
};

Jid jid(const QString &s)
{
    return Jid::fromString(s);
}

} // namespace

class tst_CapsVerification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simpleExampleOfSection5_2();
    void complexExampleOfSection5_3();
    void sortsByOctetsNotByInsertion();
    void illFormedAnswersHaveNoVer_data();
    void illFormedAnswersHaveNoVer();
    void formWithoutHiddenFormTypeIsIgnored();
    void survivesJsonAndXml();
    void ownCapsMatchOwnDiscoAnswer();

    void oneQueryPerVerAndAllResourcesResolved();
    void verifiedAnswerIsCachedAndReusedFromStore();
    void mismatchingAnswerIsUsedForItsResourceOnlyAndNotCached();
    void failedQueryAsksTheNextResource();
    void resourceThatLeftIsNotResolved();
};

void tst_CapsVerification::simpleExampleOfSection5_2()
{
    const CapsInfo info = simpleExample();
    QCOMPARE(info.verificationString(),
        QByteArray("client/pc//Exodus 0.9.1<http://jabber.org/protocol/caps<http://jabber.org/protocol/disco#info<"
                   "http://jabber.org/protocol/disco#items<http://jabber.org/protocol/muc<"));
    QCOMPARE(info.computeVer(QCryptographicHash::Sha1), u"QgayPKawpkPSDYmwT/WM94uAlu0="_s);
}

void tst_CapsVerification::complexExampleOfSection5_3()
{
    const CapsInfo info = complexExample();
    QCOMPARE(QString::fromUtf8(info.verificationString()),
        u"client/pc/el/Ψ 0.11<client/pc/en/Psi 0.11<http://jabber.org/protocol/caps<"
        u"http://jabber.org/protocol/disco#info<http://jabber.org/protocol/disco#items<"
        u"http://jabber.org/protocol/muc<urn:xmpp:dataforms:softwareinfo<ip_version<ipv4<ipv6<os<Mac<"
        u"os_version<10.5.1<software<Psi<software_version<0.11<"_s);
    QCOMPARE(info.computeVer(QCryptographicHash::Sha1), u"q07IKJEyjvHSyhy//CH0CxmKi8w="_s);
    // Parsed from the wire form, the same.
    const auto parsed = CapsInfo::fromXml(info.toXml(u"http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w="_s));
    QVERIFY(parsed);
    QCOMPARE(parsed->computeVer(QCryptographicHash::Sha1), u"q07IKJEyjvHSyhy//CH0CxmKi8w="_s);
}

void tst_CapsVerification::sortsByOctetsNotByInsertion()
{
    CapsInfo a = complexExample();
    CapsInfo b = a;
    std::reverse(b.identities.begin(), b.identities.end());
    std::reverse(b.features.begin(), b.features.end());
    std::reverse(b.forms[0].fields.begin(), b.forms[0].fields.end());
    std::reverse(b.forms[0].fields[4].values.begin(), b.forms[0].fields[4].values.end());
    QCOMPARE(b.verificationString(), a.verificationString());
    // "i;octet": U+FF21 (EF BC A1 in UTF-8) sorts before U+1F600 (F0 ...), though in UTF-16 it is after.
    CapsInfo c;
    c.features = { u"x\U0001F600"_s, u"x\uFF21"_s };
    QVERIFY(c.verificationString().startsWith(QString(u"x\uFF21<"_s).toUtf8()));
}

void tst_CapsVerification::illFormedAnswersHaveNoVer_data()
{
    QTest::addColumn<CapsInfo>("info");
    CapsInfo duplicateIdentity = simpleExample();
    duplicateIdentity.identities.append(duplicateIdentity.identities.first());
    QTest::newRow("duplicate identity") << duplicateIdentity;
    CapsInfo duplicateFeature = simpleExample();
    duplicateFeature.features.append(duplicateFeature.features.first());
    QTest::newRow("duplicate feature") << duplicateFeature;
    CapsInfo duplicateForm = complexExample();
    duplicateForm.forms.append(duplicateForm.forms.first());
    QTest::newRow("two forms of one FORM_TYPE") << duplicateForm;
    CapsInfo twoFormTypes = complexExample();
    twoFormTypes.forms[0].fields[0].values.append(u"urn:other"_s);
    QTest::newRow("FORM_TYPE with two values") << twoFormTypes;
}

void tst_CapsVerification::illFormedAnswersHaveNoVer()
{
    QFETCH(CapsInfo, info);
    QVERIFY(!info.isWellFormed());
    QVERIFY(info.computeVer(QCryptographicHash::Sha1).isNull());
}

void tst_CapsVerification::formWithoutHiddenFormTypeIsIgnored()
{
    CapsInfo withForm = simpleExample();
    CapsInfo::Form form;
    form.fields = { { u"FORM_TYPE"_s, u"text-single"_s, { u"urn:example"_s } }, { u"a"_s, {}, { u"b"_s } } };
    withForm.forms = { form };
    QVERIFY(withForm.isWellFormed());
    QCOMPARE(withForm.computeVer(QCryptographicHash::Sha1), u"QgayPKawpkPSDYmwT/WM94uAlu0="_s);
}

void tst_CapsVerification::survivesJsonAndXml()
{
    const CapsInfo info = complexExample();
    const auto fromJson = CapsInfo::fromJson(info.toJson());
    QVERIFY(fromJson);
    QCOMPARE(*fromJson, info);
    QVERIFY(!CapsInfo::fromJson("not json"));
    QCOMPARE(CapsInfo::hashAlgorithm(u"sha-1"), QCryptographicHash::Sha1);
    QVERIFY(!CapsInfo::hashAlgorithm(u"md5"));
    QVERIFY(!CapsInfo::hashAlgorithm(u""));
}

void tst_CapsVerification::ownCapsMatchOwnDiscoAnswer()
{
    Client client;
    client.addExtension(new DiscoInfoResponder(u"Confab"_s));
    client.addExtension(new PingManager);
    auto *caps = new CapsManager;
    client.addExtension(caps);
    const EntityCaps own = caps->ownCaps();
    QCOMPARE(own.node, u"https://confab.im"_s);
    QCOMPARE(own.hash, u"sha-1"_s);
    const CapsInfo info = caps->ownInfo();
    QVERIFY(info.features.contains(ns::Caps.toString()));
    QVERIFY(info.features.contains(ns::Ping.toString()));
    QCOMPARE(own.ver, info.computeVer(QCryptographicHash::Sha1));
    QVERIFY(caps->isOwnNode(u"https://confab.im#"_s + own.ver));
    QVERIFY(!caps->isOwnNode(u"https://confab.im#other"_s));
}

void tst_CapsVerification::oneQueryPerVerAndAllResourcesResolved()
{
    Client client;
    auto *caps = new ScriptedCapsManager;
    client.addExtension(caps);
    QSignalSpy known(caps, &CapsManager::featuresKnown);
    const EntityCaps psi { u"http://psi-im.org"_s, u"q07IKJEyjvHSyhy//CH0CxmKi8w="_s, u"sha-1"_s };
    caps->handleCaps(jid(u"a@example.test/1"_s), psi);
    caps->handleCaps(jid(u"b@example.test/2"_s), psi);
    caps->handleCaps(jid(u"c@example.test/3"_s), psi);
    QTRY_COMPARE(caps->requests.size(), 1);
    QCOMPARE(caps->requests.first().node, u"http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w="_s);
    QVERIFY(!caps->features(jid(u"a@example.test/1"_s)));
    caps->answer(0, resultFor(complexExample()));
    QTRY_COMPARE(known.size(), 3);
    for (const QString &j : { u"a@example.test/1"_s, u"b@example.test/2"_s, u"c@example.test/3"_s }) {
        QVERIFY(caps->hasFeature(jid(j), u"http://jabber.org/protocol/muc"_s));
    }
    // A fourth resource with that ver is known at once, without asking.
    caps->handleCaps(jid(u"d@example.test/4"_s), psi);
    QCOMPARE(known.size(), 4);
    QCOMPARE(caps->requests.size(), 1);
    QCOMPARE(caps->discoQueryCount(), 1);
}

void tst_CapsVerification::verifiedAnswerIsCachedAndReusedFromStore()
{
    CapsStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    const EntityCaps exodus { u"http://exodus"_s, u"QgayPKawpkPSDYmwT/WM94uAlu0="_s, u"sha-1"_s };
    {
        Client client;
        auto *caps = new ScriptedCapsManager(&store);
        client.addExtension(caps);
        caps->handleCaps(jid(u"a@example.test/1"_s), exodus);
        QTRY_COMPARE(caps->requests.size(), 1);
        caps->answer(0, resultFor(simpleExample()));
        QTRY_VERIFY(caps->features(jid(u"a@example.test/1"_s)));
        QTRY_COMPARE(await(store.count()), 1);
    }
    // Next time (a new manager, as after a restart), the store answers: no query.
    Client client;
    auto *caps = new ScriptedCapsManager(&store);
    client.addExtension(caps);
    QSignalSpy known(caps, &CapsManager::featuresKnown);
    caps->handleCaps(jid(u"b@example.test/2"_s), exodus);
    QTRY_COMPARE(known.size(), 1);
    QVERIFY(caps->requests.isEmpty());
    QCOMPARE(caps->discoQueryCount(), 0);
    QCOMPARE(*caps->features(jid(u"b@example.test/2"_s)), simpleExample().features);
}

void tst_CapsVerification::mismatchingAnswerIsUsedForItsResourceOnlyAndNotCached()
{
    CapsStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    Client client;
    auto *caps = new ScriptedCapsManager(&store);
    client.addExtension(caps);
    QSignalSpy known(caps, &CapsManager::featuresKnown);
    // The liar claims Exodus's ver but answers with an extra feature (a cache-poisoning attempt).
    const EntityCaps claimed { u"http://exodus"_s, u"QgayPKawpkPSDYmwT/WM94uAlu0="_s, u"sha-1"_s };
    const Jid liar = jid(u"liar@example.test/x"_s);
    const Jid honest = jid(u"honest@example.test/y"_s);
    caps->handleCaps(liar, claimed);
    caps->handleCaps(honest, claimed);
    QTRY_COMPARE(caps->requests.size(), 1);
    QCOMPARE(caps->requests.at(0).to, liar);
    CapsInfo poisoned = simpleExample();
    poisoned.features.append(u"urn:evil"_s);
    caps->answer(0, resultFor(poisoned));

    // The liar's own answer describes the liar; the other resource is asked itself.
    QTRY_COMPARE(caps->requests.size(), 2);
    QCOMPARE(known.size(), 1);
    QVERIFY(caps->hasFeature(liar, u"urn:evil"_s));
    QVERIFY(!caps->features(honest));
    QCOMPARE(caps->requests.at(1).to, honest);
    QCOMPARE(await(store.count()), 0);

    caps->answer(1, resultFor(simpleExample()));
    QTRY_VERIFY(caps->features(honest));
    QVERIFY(!caps->hasFeature(honest, u"urn:evil"_s));
    QTRY_COMPARE(await(store.count()), 1);
    const auto stored = await(store.find(u"sha-1"_s, u"QgayPKawpkPSDYmwT/WM94uAlu0="_s));
    QVERIFY(stored);
    QVERIFY(!CapsInfo::fromJson(*stored)->features.contains(u"urn:evil"_s));
}

void tst_CapsVerification::failedQueryAsksTheNextResource()
{
    Client client;
    auto *caps = new ScriptedCapsManager;
    client.addExtension(caps);
    const EntityCaps exodus { u"http://exodus"_s, u"QgayPKawpkPSDYmwT/WM94uAlu0="_s, u"sha-1"_s };
    caps->handleCaps(jid(u"a@example.test/1"_s), exodus);
    caps->handleCaps(jid(u"b@example.test/2"_s), exodus);
    QTRY_COMPARE(caps->requests.size(), 1);
    caps->answer(0, XmppError(StanzaError { StanzaError::Type::Cancel, u"item-not-found"_s, {} }));
    QTRY_COMPARE(caps->requests.size(), 2);
    caps->answer(1, resultFor(simpleExample()));
    QTRY_VERIFY(caps->features(jid(u"b@example.test/2"_s)));
    // The verified answer holds for the resource that failed to answer too.
    QVERIFY(caps->features(jid(u"a@example.test/1"_s)));
}

void tst_CapsVerification::resourceThatLeftIsNotResolved()
{
    Client client;
    auto *caps = new ScriptedCapsManager;
    client.addExtension(caps);
    const EntityCaps exodus { u"http://exodus"_s, u"QgayPKawpkPSDYmwT/WM94uAlu0="_s, u"sha-1"_s };
    const Jid a = jid(u"a@example.test/1"_s);
    caps->handleCaps(a, exodus);
    QTRY_COMPARE(caps->requests.size(), 1);
    caps->forgetResource(a);
    QSignalSpy known(caps, &CapsManager::featuresKnown);
    caps->answer(0, resultFor(simpleExample()));
    QTRY_VERIFY(!caps->requests.first().promise->future().isRunning());
    QCoreApplication::processEvents();
    QCOMPARE(known.size(), 0);
    QVERIFY(!caps->features(a));
}

QTEST_GUILESS_MAIN(tst_CapsVerification)
#include "tst_CapsVerification.moc"
