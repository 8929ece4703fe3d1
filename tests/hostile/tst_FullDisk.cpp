// SPDX-License-Identifier: Apache-2.0
// Issue 7, a full disk: the history lives on a tiny tmpfs (mounted by the test; skipped where mounting is not
// allowed) that is then filled up. Sending a message must not lose it silently: either it is kept (stored as
// Pending, so the outbox sends it later) or the user is told. Today ChatManager::send ignores a failed insert:
// the message goes out but is neither stored nor reported — marked QEXPECT_FAIL until chat/MessageStore change.
#include "storage/MessageStore.h"
#include "xmpp/chat/ChatManager.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
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

} // namespace

class tst_FullDisk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sendOnAFullDiskKeepsOrReportsTheMessage();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    bool m_mounted = false;
};

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
    if (m_mounted) {
        QProcess::execute(u"umount"_s, { m_dir->path() });
        m_mounted = false;
    }
    m_dir.reset();
}

void tst_FullDisk::sendOnAFullDiskKeepsOrReportsTheMessage()
{
    const QString path = m_dir->filePath(u"messages.sqlite"_s);
    auto store = std::make_unique<MessageStore>(path);
    QCOMPARE(await(store->open()), QString());
    // Fill the disk to the last byte.
    {
        QFile filler(m_dir->filePath(u"filler"_s));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size() && filler.flush()) { }
        const QByteArray byte(1, 'x');
        while (filler.write(byte) == 1 && filler.flush()) { }
    }
    ChatManager chats(store.get());
    chats.setOwnJid(Jid::fromString(u"romeo@example.net/orchard"_s));
    const Jid juliet = Jid::fromString(u"juliet@example.net"_s);
    const StoredMessage sent = await(chats.send(juliet, u"wherefore art thou — on a full disk"_s));
    const QList<StoredMessage> outbox = await(store->pending());
    QEXPECT_FAIL("",
        "ChatManager::send ignores a failed MessageStore::insert (SQLITE_FULL): the message is neither "
        "kept in the outbox nor reported to the user (libcore/xmpp/chat, libcore/storage/MessageStore)",
        Abort);
    QVERIFY2(sent.id > 0 || sent.state == StoredMessage::State::Failed,
        qPrintable(u"id %1, state %2, outbox %3"_s.arg(sent.id).arg(int(sent.state)).arg(outbox.size())));
}

QTEST_GUILESS_MAIN(tst_FullDisk)
#include "tst_FullDisk.moc"
