// SPDX-License-Identifier: Apache-2.0
#include "platform/SingleInstance.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <memory>

#ifdef Q_OS_UNIX
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using confab::SingleInstance;

namespace {

/// A key no other test run uses.
QString uniqueKey()
{
    return u"confab-test-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

/// sendToPrimary blocks until the primary answers, and the primary answers from its event loop: send from a
/// second thread, as a second process would, while the test's thread keeps the loop running.
class Sender
{
public:
    Sender(const QString &key, const QString &message)
        : m_thread(QThread::create([this, key, message] { m_delivered = SingleInstance::sendToPrimary(key, message); }))
    {
        m_thread->start();
    }
    ~Sender() { m_thread->wait(); }
    bool isFinished() const { return m_thread->isFinished(); }
    bool delivered() const { return m_delivered; }

private:
    std::atomic<bool> m_delivered = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace

class tst_SingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstInstanceBecomesPrimary();
    void uriFromAnotherProcessReachesThePrimary();
    void secondInstanceHandsItsUriToTheFirst();
    void messagesArriveInOrder();
    void sendWithoutPrimaryFails();
    void keyIsFreedWhenThePrimaryCloses();
    void recoversAStaleSocket();
    void keyDependsOnTheProfile();
};

void tst_SingleInstance::firstInstanceBecomesPrimary()
{
    const QString key = uniqueKey();
    SingleInstance first(key);
    QVERIFY(first.listen());
    QVERIFY(first.isListening());
    QVERIFY(first.listen()); // idempotent

    SingleInstance second(key);
    QVERIFY(!second.listen());
    QVERIFY(!second.isListening());
}

void tst_SingleInstance::uriFromAnotherProcessReachesThePrimary()
{
    // As a second confab does it: another process, which this test executable becomes (see main()).
    const QString key = uniqueKey();
    auto first = std::make_unique<SingleInstance>(key);
    QVERIFY(first->listen());
    QSignalSpy received(first.get(), &SingleInstance::messageReceived);

    const QString uri = u"xmpp:romeo@montague.net?message;body=O%20Romeo"_s;
    QProcess second;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"CONFAB_TEST_SEND_KEY"_s, key);
    environment.insert(u"CONFAB_TEST_SEND_MESSAGE"_s, uri);
    second.setProcessEnvironment(environment);
    second.setProcessChannelMode(QProcess::ForwardedChannels);
    second.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(second.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(received.at(0).at(0).toString(), uri);
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), QProcess::NotRunning, 10000);
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0); // it was told the primary got the message

    // With the primary gone, the same process finds nobody and says so.
    first.reset();
    QProcess third;
    third.setProcessEnvironment(environment);
    third.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(third.waitForFinished(10000));
    QCOMPARE(third.exitCode(), 1);
}

void tst_SingleInstance::secondInstanceHandsItsUriToTheFirst()
{
    const QString key = uniqueKey();
    SingleInstance first(key);
    QVERIFY(first.listen());
    QSignalSpy received(&first, &SingleInstance::messageReceived);

    SingleInstance second(key);
    QVERIFY(!second.listen());
    const QString uri = u"xmpp:张三@example.com?message;body=%E4%BD%A0%E5%A5%BD"_s;
    Sender sender(key, uri);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
    QCOMPARE(received.at(0).at(0).toString(), uri);
    QTRY_VERIFY(sender.isFinished());
    QVERIFY(sender.delivered());
}

void tst_SingleInstance::messagesArriveInOrder()
{
    const QString key = uniqueKey();
    SingleInstance first(key);
    QVERIFY(first.listen());
    QSignalSpy received(&first, &SingleInstance::messageReceived);

    for (const QString &message : { u""_s, u"xmpp:a@example.com"_s, QString(4000, u'x') }) {
        Sender sender(key, message);
        QTRY_VERIFY(sender.isFinished());
        QVERIFY(sender.delivered());
    }
    QCOMPARE(received.size(), 3);
    QCOMPARE(received.at(0).at(0).toString(), QString());
    QCOMPARE(received.at(1).at(0).toString(), u"xmpp:a@example.com"_s);
    QCOMPARE(received.at(2).at(0).toString(), QString(4000, u'x'));
}

void tst_SingleInstance::sendWithoutPrimaryFails()
{
    QVERIFY(!SingleInstance::sendToPrimary(uniqueKey(), u"xmpp:a@example.com"_s, 500));
}

void tst_SingleInstance::keyIsFreedWhenThePrimaryCloses()
{
    const QString key = uniqueKey();
    {
        SingleInstance first(key);
        QVERIFY(first.listen());
    }
    SingleInstance next(key);
    QVERIFY(next.listen());
}

void tst_SingleInstance::recoversAStaleSocket()
{
#ifdef Q_OS_UNIX
    // What a crashed instance leaves: a socket file nobody listens on (QLocalServer's path for a plain name is
    // in the temporary directory).
    const QString key = uniqueKey();
    const QByteArray path = QFile::encodeName(QDir::tempPath() + u'/' + key);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)), 0);
    ::close(fd);
    QVERIFY(QFile::exists(QFile::decodeName(path)));
    QVERIFY(!SingleInstance::sendToPrimary(key, u"lost"_s, 500));

    SingleInstance restarted(key);
    QVERIFY(restarted.listen());
    QSignalSpy received(&restarted, &SingleInstance::messageReceived);
    Sender sender(key, u"xmpp:a@example.com"_s);
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.at(0).at(0).toString(), u"xmpp:a@example.com"_s);
#else
    QSKIP("A stale socket file is a Unix matter; named pipes vanish with their process.");
#endif
}

void tst_SingleInstance::keyDependsOnTheProfile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(u"a"_s));
    QVERIFY(QDir(dir.path()).mkpath(u"b"_s));
    const QString a = SingleInstance::keyFor(dir.filePath(u"a"_s));
    QCOMPARE(SingleInstance::keyFor(dir.filePath(u"a"_s)), a);
    QCOMPARE(SingleInstance::keyFor(dir.filePath(u"b/../a"_s)), a);
    QVERIFY(SingleInstance::keyFor(dir.filePath(u"b"_s)) != a);
    QVERIFY(a.startsWith(u"confab-"_s));
    // Room for the temporary directory in a Unix socket path (108 bytes).
    QVERIFY(a.size() < 64);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The second process of uriFromAnotherProcessReachesThePrimary: send, report by exit code, end.
    const QString key = qEnvironmentVariable("CONFAB_TEST_SEND_KEY");
    if (!key.isEmpty()) {
        return SingleInstance::sendToPrimary(key, qEnvironmentVariable("CONFAB_TEST_SEND_MESSAGE")) ? 0 : 1;
    }
    tst_SingleInstance test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_SingleInstance.moc"
