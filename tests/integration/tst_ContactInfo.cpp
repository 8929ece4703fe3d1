// SPDX-License-Identifier: Apache-2.0
// Contact information against a real Prosody (vcard_legacy, pep, blocklist): vCards published and read
// back by their owner and by others, avatars through XEP-0084 and XEP-0153 into the disk cache, and the
// XEP-0191 blocklist actually keeping messages out. In-process Clients, then confab-cli end to end.
#include "CliRunner.h"
#include "base/Ids.h"
#include "base/Namespaces.h"
#include "client/Client.h"
#include "stanza/Message.h"
#include "storage/AvatarCache.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"
#include "xmpp/avatar/AvatarManager.h"
#include "xmpp/blocking/BlockingManager.h"
#include "xmpp/ping/PingManager.h"
#include "xmpp/vcard/VCardManager.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

namespace {

/// One account's Client with the contact extensions, and what it receives recorded.
struct Account
{
    QTemporaryDir cacheDir;
    Client client;
    VCardManager *vcards = new VCardManager;
    AvatarManager *avatars;
    BlockingManager *blocking = new BlockingManager;
    QStringList bodies;
    QList<XmlElement> errors;

    Account()
        : avatars(new AvatarManager(cacheDir.path()))
    {
        client.addExtension(new PingManager);
        client.addExtension(vcards);
        client.addExtension(avatars);
        client.addExtension(blocking);
        QObject::connect(&client, &Client::messageReceived, &client, [this](const XmlElement &m) {
            if (m.attribute(u"type") == u"error") {
                errors.append(m);
            } else if (auto message = Message::fromXml(m); message && !message->body.isEmpty()) {
                bodies.append(message->body);
            }
        });
        QObject::connect(&client, &Client::connected, &client, [this](bool) {
            // RFC 6121 §4.2: available, so messages to the bare JID reach this resource.
            XmlElement presence(u"presence"_s, ns::Client.toString());
            presence.appendChild(avatars->ownPresenceUpdate());
            client.send(presence);
        });
    }
};

/// Processes events until `condition` holds (bounded); for helpers that cannot use QTRY_*.
bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return condition();
}

template <typename... Ts> QString errorText(const std::variant<Ts...> &result)
{
    if (const auto *error = std::get_if<XmppError>(&result)) {
        return describeError(*error);
    }
    return {};
}

XmlElement chat(const Jid &to, const QString &body)
{
    Message m;
    m.to = to;
    m.type = Message::Type::Chat;
    m.id = generateStanzaId();
    m.body = body;
    return m.toXml();
}

QByteArray png(QColor color, int size = 32)
{
    QImage image(size, size, QImage::Format_ARGB32);
    image.fill(color);
    image.setPixel(0, 0, qRgba(1, 2, 3, 255)); // not a flat fill: a distinct hash per call site
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

VCard sampleVCard()
{
    VCard card;
    card.fullName = u"王小明"_s;
    card.familyName = u"王"_s;
    card.givenName = u"小明"_s;
    card.nickname = u"明明"_s;
    card.emails = { u"xiaoming@example.test"_s, u"wang@example.org"_s };
    card.phones = { u"+86 10 1234 5678"_s };
    card.organisation = u"示例公司 & Co."_s;
    card.title = u"工程师"_s;
    card.url = u"https://example.test/~xiaoming?a=1&b=2"_s;
    card.birthday = QDate(1990, 5, 17);
    card.note = u"你好 — hello <world>"_s;
    return card;
}

} // namespace

class tst_ContactInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void vcardPublishedIsReadBackBySelfAndByOthers();
    void pepAvatarIsFetchedByAnotherAccountAndCachedOnDisk();
    void presenceHashFetchesTheVCardPhotoAndRefusesAMismatch();
    void blockedContactsMessagesDoNotArriveUntilUnblocked();
    void cliVcardBlockAndUnblock();

private:
    std::unique_ptr<Account> connect(const QString &user, const QString &resource);

    ProsodyFixture m_server { ProsodyFixture::Options {
        .accounts = { u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s, u"erin"_s, u"frank"_s, u"grace"_s } } };
    std::vector<std::unique_ptr<Account>> m_accounts;
};

void tst_ContactInfo::initTestCase()
{
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void tst_ContactInfo::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(6000);
    }
    m_accounts.clear();
}

std::unique_ptr<Account> tst_ContactInfo::connect(const QString &user, const QString &resource)
{
    auto account = std::make_unique<Account>();
    QSignalSpy connected(&account->client, &Client::connected);
    account->client.connectToServer(settingsFor(m_server, user, resource));
    if (!connected.wait(20000)) {
        return nullptr;
    }
    // Everything a new session starts (our vCard for XEP-0153, the blocklist) is done before the test.
    Account *a = account.get();
    if (!waitUntil([a] {
            return a->blocking->isLoaded()
                && a->avatars->ownPresenceUpdate().firstChild(u"photo", u"vcard-temp:x:update") != nullptr;
        })) {
        return nullptr;
    }
    return account;
}

void tst_ContactInfo::vcardPublishedIsReadBackBySelfAndByOthers()
{
    auto alice = connect(u"alice"_s, u"laptop"_s);
    auto bob = connect(u"bob"_s, u"desk"_s);
    QVERIFY(alice && bob);

    const VCard card = sampleVCard();
    const auto published = alice->vcards->publish(card);
    QVERIFY(waitFor(published));
    QVERIFY2(std::holds_alternative<std::monostate>(published.result()), qPrintable(errorText(published.result())));

    for (Account *reader : { alice.get(), bob.get() }) {
        // Ours without 'to' (null JID), and by bare JID from the other account.
        const auto fetched = reader->vcards->fetch(reader == alice.get() ? Jid() : alice->client.jid());
        QVERIFY(waitFor(fetched));
        QVERIFY2(std::holds_alternative<VCard>(fetched.result()), qPrintable(errorText(fetched.result())));
        const VCard read = std::get<VCard>(fetched.result());
        QCOMPARE(read.fullName, card.fullName);
        QCOMPARE(read.familyName, card.familyName);
        QCOMPARE(read.givenName, card.givenName);
        QCOMPARE(read.nickname, card.nickname);
        QCOMPARE(read.emails, card.emails);
        QCOMPARE(read.phones, card.phones);
        QCOMPARE(read.organisation, card.organisation);
        QCOMPARE(read.title, card.title);
        QCOMPARE(read.url, card.url);
        QCOMPARE(read.birthday, card.birthday);
        QCOMPARE(read.note, card.note);
        QVERIFY(read.photo.isEmpty());
    }
}

void tst_ContactInfo::pepAvatarIsFetchedByAnotherAccountAndCachedOnDisk()
{
    auto carol = connect(u"carol"_s, u"pc"_s);
    auto dave = connect(u"dave"_s, u"pc"_s);
    QVERIFY(carol && dave);
    const Jid carolJid = carol->client.jid().bare();

    const QByteArray image = png(Qt::darkGreen, 48);
    const QString hash = AvatarCache::hashOf(image);
    QSignalSpy ownUpdate(carol->avatars, &AvatarManager::ownPresenceUpdateChanged);
    const auto published = carol->avatars->setOwnAvatar(image);
    QVERIFY(waitFor(published));
    QVERIFY2(std::holds_alternative<std::monostate>(published.result()), qPrintable(errorText(published.result())));
    QCOMPARE(ownUpdate.size(), 1);
    QCOMPARE(carol->avatars->ownPresenceUpdate().childText(u"photo", u"vcard-temp:x:update"), hash);
    QCOMPARE(carol->avatars->avatarHash(carolJid), hash);

    // XEP-0084: dave reads the metadata, then the data, and keeps the image on disk under its hash.
    QSignalSpy changed(dave->avatars, &AvatarManager::avatarChanged);
    const auto first = dave->avatars->fetchAvatar(carolJid);
    QVERIFY(waitFor(first));
    QVERIFY2(std::holds_alternative<AvatarManager::Avatar>(first.result()), qPrintable(errorText(first.result())));
    const AvatarManager::Avatar avatar = std::get<AvatarManager::Avatar>(first.result());
    QCOMPARE(avatar.hash, hash);
    QVERIFY(!avatar.fromCache);
    QCOMPARE(avatar.image.size(), QSize(48, 48));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<Jid>(), carolJid);
    QFile cached(dave->cacheDir.path() + u'/' + hash);
    QVERIFY(cached.open(QIODevice::ReadOnly));
    QCOMPARE(cached.readAll(), image);

    // Asked again: the metadata is read, the image is not downloaded again.
    const auto second = dave->avatars->fetchAvatar(carolJid);
    QVERIFY(waitFor(second));
    QVERIFY(std::holds_alternative<AvatarManager::Avatar>(second.result()));
    QVERIFY(std::get<AvatarManager::Avatar>(second.result()).fromCache);
    QCOMPARE(std::get<AvatarManager::Avatar>(second.result()).hash, hash);
    QCOMPARE(changed.size(), 1); // the same avatar: no change

    // After a restart (a new manager on the same directory, offline) the avatar is there at once.
    Client offline;
    auto *restarted = new AvatarManager(dave->cacheDir.path());
    offline.addExtension(restarted);
    QCOMPARE(restarted->avatarHash(carolJid), hash);
    QCOMPARE(restarted->avatar(carolJid).size(), QSize(48, 48));
    QCOMPARE(restarted->avatar(carolJid).pixel(10, 10), QColor(Qt::darkGreen).rgba());

    // XEP-0153: the same image is in carol's vCard for clients that only read vCards.
    const auto card = dave->vcards->fetch(carolJid);
    QVERIFY(waitFor(card));
    QVERIFY2(std::holds_alternative<VCard>(card.result()), qPrintable(errorText(card.result())));
    QCOMPARE(std::get<VCard>(card.result()).photoHash(), hash);
    QCOMPARE(std::get<VCard>(card.result()).photoType, u"image/png"_s);
}

void tst_ContactInfo::presenceHashFetchesTheVCardPhotoAndRefusesAMismatch()
{
    auto erin = connect(u"erin"_s, u"pc"_s);
    auto frank = connect(u"frank"_s, u"pc"_s);
    QVERIFY(erin && frank);
    const Jid frankJid = frank->client.jid().bare();

    // frank's vCard carries a photo (published as a plain vCard, as a XEP-0153-only client would).
    VCard card;
    card.fullName = u"Frank"_s;
    card.photoType = u"image/png"_s;
    card.photo = png(Qt::magenta);
    const QString hash = card.photoHash();
    const auto published = frank->vcards->publish(card);
    QVERIFY(waitFor(published));
    QVERIFY2(std::holds_alternative<std::monostate>(published.result()), qPrintable(errorText(published.result())));

    // XEP-0153 §3.2: the hash in presence (directed, so no subscription is needed for the test).
    const auto presenceWith = [&](const QString &photoHash) {
        XmlElement presence(u"presence"_s, ns::Client.toString());
        presence.setAttribute(u"to"_s, erin->client.jid().toString());
        XmlElement update(u"x"_s, u"vcard-temp:x:update"_s);
        update.appendTextChild(u"photo"_s, photoHash, u"vcard-temp:x:update"_s);
        presence.appendChild(update);
        return presence;
    };
    QSignalSpy changed(erin->avatars, &AvatarManager::avatarChanged);
    QSignalSpy refused(erin->avatars, &AvatarManager::avatarRefused);
    frank->client.send(presenceWith(hash));
    QVERIFY(changed.wait(20000));
    QCOMPARE(changed.first().first().value<Jid>(), frankJid);
    QCOMPARE(erin->avatars->avatarHash(frankJid), hash);
    QCOMPARE(erin->avatars->avatar(frankJid).pixel(5, 5), QColor(Qt::magenta).rgba());
    QVERIFY(QFile::exists(erin->cacheDir.path() + u'/' + hash));

    // A hash that is not the SHA-1 of the vCard's photo: the photo is fetched, found wrong and dropped.
    const QString wrongHash = AvatarCache::hashOf("not frank's photo");
    frank->client.send(presenceWith(wrongHash));
    QVERIFY(refused.wait(20000));
    QCOMPARE(refused.first().first().value<Jid>(), frankJid);
    QCOMPARE(erin->avatars->avatarHash(frankJid), hash); // the verified one stays
    QVERIFY(!QFile::exists(erin->cacheDir.path() + u'/' + wrongHash));
    QCOMPARE(changed.size(), 1);
}

void tst_ContactInfo::blockedContactsMessagesDoNotArriveUntilUnblocked()
{
    auto alice = connect(u"alice"_s, u"laptop"_s);
    auto alicePhone = connect(u"alice"_s, u"phone"_s);
    auto bob = connect(u"bob"_s, u"desk"_s);
    QVERIFY(alice && alicePhone && bob);
    const Jid aliceBare = alice->client.jid().bare();
    const Jid bobBare = bob->client.jid().bare();

    // Messages flow to begin with.
    QVERIFY(waitFor(bob->client.send(chat(aliceBare, u"before"_s))));
    QTRY_VERIFY_WITH_TIMEOUT(alice->bodies.contains(u"before"_s), 20000);

    QSignalSpy phoneChanged(alicePhone->blocking, &BlockingManager::blocklistChanged);
    const auto blocked = alice->blocking->block(bobBare);
    QVERIFY(waitFor(blocked));
    QVERIFY2(std::holds_alternative<std::monostate>(blocked.result()), qPrintable(errorText(blocked.result())));
    QVERIFY(alice->blocking->isBlocked(bob->client.jid()));
    // XEP-0191 §3.3: the server pushes the change to alice's other resource, which accepts it.
    QTRY_VERIFY_WITH_TIMEOUT(phoneChanged.size() > 0, 20000);
    QVERIFY(alicePhone->blocking->isBlocked(bobBare));

    // bob's message to alice is bounced to him (XEP-0191 §3.5 leaves it to the server; Prosody answers
    // <service-unavailable/> for chat to the bare JID) and reaches neither of alice's resources.
    alice->bodies.clear();
    alicePhone->bodies.clear();
    QVERIFY(waitFor(bob->client.send(chat(aliceBare, u"while blocked"_s))));
    QTRY_COMPARE_WITH_TIMEOUT(bob->errors.size(), 1, 20000);

    const auto unblocked = alice->blocking->unblock(bobBare);
    QVERIFY(waitFor(unblocked));
    QVERIFY2(std::holds_alternative<std::monostate>(unblocked.result()), qPrintable(errorText(unblocked.result())));
    QVERIFY(!alice->blocking->isBlocked(bobBare));
    QTRY_VERIFY_WITH_TIMEOUT(!alicePhone->blocking->isBlocked(bobBare), 20000);

    // Stanzas from bob arrive in order: when "after" is here, "while blocked" would have been before it.
    QVERIFY(waitFor(bob->client.send(chat(aliceBare, u"after"_s))));
    QTRY_VERIFY_WITH_TIMEOUT(alice->bodies.contains(u"after"_s), 20000);
    QCOMPARE(alice->bodies, QStringList { u"after"_s });
    QTRY_VERIFY_WITH_TIMEOUT(alicePhone->bodies.contains(u"after"_s), 20000);
    QCOMPARE(alicePhone->bodies, QStringList { u"after"_s });
    QCOMPARE(bob->errors.size(), 1);
}

void tst_ContactInfo::cliVcardBlockAndUnblock()
{
    CliRunner cli(m_server);
    const QString grace = m_server.jid(u"grace"_s);
    const QString frank = m_server.jid(u"frank"_s);
    {
        auto account = connect(u"grace"_s, u"setup"_s);
        QVERIFY(account);
        VCard card = sampleVCard();
        card.photoType = u"image/png"_s;
        card.photo = png(Qt::darkBlue);
        const auto published = account->vcards->publish(card);
        QVERIFY(waitFor(published));
        QVERIFY(std::holds_alternative<std::monostate>(published.result()));
    }

    // Someone else's vCard, as one JSON object.
    CliResult r = CliRunner::run(cli.connectionArgs(u"frank"_s) << u"--json"_s << u"vcard"_s << grace);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QCOMPARE(r.jsonLines().size(), 1);
    const QJsonObject json = r.jsonLines().first();
    QCOMPARE(json.value(u"jid"_s).toString(), grace);
    QCOMPARE(json.value(u"full_name"_s).toString(), u"王小明"_s);
    QCOMPARE(json.value(u"emails"_s).toArray().size(), 2);
    QCOMPARE(json.value(u"birthday"_s).toString(), u"1990-05-17"_s);
    QCOMPARE(json.value(u"photo_type"_s).toString(), u"image/png"_s);
    QCOMPARE(json.value(u"photo_sha1"_s).toString(), AvatarCache::hashOf(png(Qt::darkBlue)));

    // Our own, for a person.
    r = CliRunner::run(cli.connectionArgs(u"grace"_s) << u"vcard"_s);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(u"王小明"_s) && r.out.contains(u"xiaoming@example.test"_s), qPrintable(r.out));

    // block, then the list shows it; unblock, then it is gone.
    r = CliRunner::run(cli.connectionArgs(u"grace"_s) << u"--json"_s << u"block"_s << frank);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QCOMPARE(r.jsonLines().first().value(u"blocked"_s).toString(), frank);
    r = CliRunner::run(cli.connectionArgs(u"grace"_s) << u"--json"_s << u"blocklist"_s);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.jsonLines().first().value(u"blocked"_s).toArray().toVariantList(), QVariantList { frank });
    r = CliRunner::run(cli.connectionArgs(u"grace"_s) << u"unblock"_s << frank);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains(frank), qPrintable(r.out));
    r = CliRunner::run(cli.connectionArgs(u"grace"_s) << u"--json"_s << u"blocklist"_s);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.jsonLines().first().value(u"blocked"_s).toArray().isEmpty());

    // Usage errors exit 2 before connecting.
    QCOMPARE(CliRunner::run(cli.connectionArgs(u"grace"_s) << u"block"_s << u"not a jid@@"_s).exitCode, 2);
    QCOMPARE(CliRunner::run(cli.connectionArgs(u"grace"_s) << u"block"_s).exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_ContactInfo)
#include "tst_ContactInfo.moc"
