// SPDX-License-Identifier: Apache-2.0
// AvatarManager fed canned stanzas through the Client's extension interface (no server): announcements
// served from the disk cache, and announcements it must refuse.
#include "client/Client.h"
#include "storage/AvatarCache.h"
#include "testlib/ParseXml.h"
#include "xml/XmlElement.h"
#include "xml/XmlStreamParser.h"
#include "xmpp/avatar/AvatarManager.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

QByteArray png(QColor color)
{
    QImage image(24, 24, QImage::Format_ARGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray presenceWithPhoto(const QByteArray &from, const QByteArray &photo)
{
    return "<presence from='" + from + "'><x xmlns='vcard-temp:x:update'>" + photo + "</x></presence>";
}

QByteArray metadataEvent(const QByteArray &from, const QByteArray &id, const QByteArray &info)
{
    return "<message from='" + from + "' type='headline'><event xmlns='http://jabber.org/protocol/pubsub#event'>"
        + "<items node='urn:xmpp:avatar:metadata'><item id='" + id + "'>"
        + "<metadata xmlns='urn:xmpp:avatar:metadata'>" + info + "</metadata></item></items></event></message>";
}

const Jid Romeo = Jid::fromString(u"romeo@montague.net");

} // namespace

class tst_AvatarManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void advertisesMetadataNotify();
    void presenceHashAlreadyCachedIsServedWithoutNetwork();
    void presenceIsObservedNotConsumed();
    void emptyPhotoClearsTheAvatar();
    void malformedPresenceHashIsRefused();
    void pepNotificationFromFullJidIsDropped();
    void pepNotificationOverByteLimitIsRefused();
    void pepNotificationOfCachedImageIsServedFromCache();
    void emptyMetadataDisablesTheAvatar();
    void ownPresenceUpdateSaysNotReadyUntilOwnVCardIsKnown();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Client> m_client;
    AvatarManager *m_manager = nullptr;
};

void tst_AvatarManager::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_client = std::make_unique<Client>();
    m_manager = new AvatarManager(m_dir->path());
    m_client->addExtension(m_manager);
}

void tst_AvatarManager::cleanup()
{
    m_client.reset();
    m_dir.reset();
}

void tst_AvatarManager::advertisesMetadataNotify()
{
    QVERIFY(m_manager->discoFeatures().contains(u"urn:xmpp:avatar:metadata+notify"_s));
}

void tst_AvatarManager::presenceHashAlreadyCachedIsServedWithoutNetwork()
{
    const QByteArray image = png(Qt::red);
    const QString hash = AvatarCache::hashOf(image);
    QVERIFY(m_manager->cache().store(hash, image));
    QSignalSpy changed(m_manager, &AvatarManager::avatarChanged);
    m_manager->handleStanza(
        test::parseStanza(presenceWithPhoto("romeo@montague.net/orchard", "<photo>" + hash.toLatin1() + "</photo>")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<Jid>(), Romeo);
    QCOMPARE(m_manager->avatarHash(Romeo), hash);
    QCOMPARE(m_manager->avatar(Romeo).pixel(3, 3), QColor(Qt::red).rgba());

    // The same hash in every later presence: no new event.
    m_manager->handleStanza(
        test::parseStanza(presenceWithPhoto("romeo@montague.net/orchard", "<photo>" + hash.toLatin1() + "</photo>")));
    QCOMPARE(changed.size(), 1);
}

void tst_AvatarManager::presenceIsObservedNotConsumed()
{
    QVERIFY(!m_manager->handleStanza(test::parseStanza(presenceWithPhoto("romeo@montague.net/orchard", "<photo/>"))));
    QVERIFY(!m_manager->handleStanza(test::parseStanza("<presence from='romeo@montague.net/orchard'/>")));
}

void tst_AvatarManager::emptyPhotoClearsTheAvatar()
{
    const QByteArray image = png(Qt::blue);
    const QString hash = AvatarCache::hashOf(image);
    QVERIFY(m_manager->cache().store(hash, image));
    m_manager->handleStanza(
        test::parseStanza(presenceWithPhoto("romeo@montague.net/a", "<photo>" + hash.toLatin1() + "</photo>")));
    QVERIFY(!m_manager->avatar(Romeo).isNull());
    QSignalSpy changed(m_manager, &AvatarManager::avatarChanged);
    // XEP-0153 §4.1: no <photo/> at all is "not ready", not "no avatar".
    m_manager->handleStanza(test::parseStanza(presenceWithPhoto("romeo@montague.net/a", "")));
    QCOMPARE(changed.size(), 0);
    m_manager->handleStanza(test::parseStanza(presenceWithPhoto("romeo@montague.net/a", "<photo/>")));
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_manager->avatar(Romeo).isNull());
}

void tst_AvatarManager::malformedPresenceHashIsRefused()
{
    QSignalSpy refused(m_manager, &AvatarManager::avatarRefused);
    QSignalSpy changed(m_manager, &AvatarManager::avatarChanged);
    m_manager->handleStanza(
        test::parseStanza(presenceWithPhoto("romeo@montague.net/a", "<photo>../../../etc/passwd</photo>")));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(changed.size(), 0);
    QVERIFY(m_manager->avatarHash(Romeo).isEmpty());
}

void tst_AvatarManager::pepNotificationFromFullJidIsDropped()
{
    const QByteArray image = png(Qt::green);
    const QByteArray hash = AvatarCache::hashOf(image).toLatin1();
    QVERIFY(m_manager->cache().store(QString::fromLatin1(hash), image));
    QSignalSpy changed(m_manager, &AvatarManager::avatarChanged);
    // XEP-0163 §4.3: notifications come from the bare JID; a full JID is a client forging one.
    QVERIFY(m_manager->handleStanza(test::parseStanza(metadataEvent("romeo@montague.net/orchard", hash,
        "<info bytes='100' id='" + hash + "' type='image/png' width='24' height='24'/>"))));
    QCOMPARE(changed.size(), 0);
}

void tst_AvatarManager::pepNotificationOverByteLimitIsRefused()
{
    QSignalSpy refused(m_manager, &AvatarManager::avatarRefused);
    const QByteArray hash = AvatarCache::hashOf("whatever").toLatin1();
    QVERIFY(m_manager->handleStanza(test::parseStanza(metadataEvent("romeo@montague.net", hash,
        "<info bytes='500000000' id='" + hash + "' type='image/png' width='64' height='64'/>"))));
    QCOMPARE(refused.size(), 1);
}

void tst_AvatarManager::pepNotificationOfCachedImageIsServedFromCache()
{
    const QByteArray image = png(Qt::yellow);
    const QByteArray hash = AvatarCache::hashOf(image).toLatin1();
    QVERIFY(m_manager->cache().store(QString::fromLatin1(hash), image));
    QSignalSpy changed(m_manager, &AvatarManager::avatarChanged);
    // XEP-0084 §4.2.1 example: the item id is the id of the PNG <info/>; other <info/>s may follow.
    QVERIFY(m_manager->handleStanza(test::parseStanza(metadataEvent("romeo@montague.net", hash,
        "<info bytes='" + QByteArray::number(image.size()) + "' id='" + hash
            + "' type='image/png' width='24' height='24'/>"
            + "<info bytes='9999' id='0000000000000000000000000000000000000000' type='image/gif' "
              "url='http://example.com/a.gif'/>"))));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_manager->avatarHash(Romeo), QString::fromLatin1(hash));
}

void tst_AvatarManager::emptyMetadataDisablesTheAvatar()
{
    const QByteArray image = png(Qt::cyan);
    const QString hash = AvatarCache::hashOf(image);
    QVERIFY(m_manager->cache().store(hash, image));
    m_manager->handleStanza(
        test::parseStanza(presenceWithPhoto("romeo@montague.net/a", "<photo>" + hash.toLatin1() + "</photo>")));
    QCOMPARE(m_manager->avatarHash(Romeo), hash);
    QSignalSpy changed(m_manager, &AvatarManager::avatarChanged);
    // XEP-0084 §4.5: an empty <metadata/> disables the avatar.
    QVERIFY(m_manager->handleStanza(test::parseStanza(metadataEvent("romeo@montague.net", "current", ""))));
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_manager->avatar(Romeo).isNull());
}

void tst_AvatarManager::ownPresenceUpdateSaysNotReadyUntilOwnVCardIsKnown()
{
    const XmlElement update = m_manager->ownPresenceUpdate();
    QVERIFY(update.is(u"x", u"vcard-temp:x:update"));
    QVERIFY(!update.firstChild(u"photo", u"vcard-temp:x:update"));
}

QTEST_GUILESS_MAIN(tst_AvatarManager)
#include "tst_AvatarManager.moc"
