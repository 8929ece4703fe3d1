// SPDX-License-Identifier: Apache-2.0
#include "platform/Policy.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using confab::Policy;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

/// The example an IT department starts from (packaging/policy/policy.conf.example), in short.
const QByteArray examplePolicy = R"(locked=account/domain, account/host,account/tls , appearance/theme

[account]
domain=example.org
host=xmpp.example.org
port=5223
tls=direct
caFile=/etc/ssl/certs/example-ca.pem
allowRegistration=false
allowRememberPassword=false

[appearance]
theme=dark

[privacy]
receipts=false
)";

} // namespace

class tst_Policy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void readsDefaultsFromXdgConfigDirs();
    void reportsLockedKeys();
    void lockedAcceptsOneKey();
    void firstDirectoryWithAPolicyWins();
    void ignoresThePolicyInTheUsersOwnConfigDirectory();
    void noPolicyIsEmpty();
    void missingFileIsEmpty();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_savedConfigDirs;
    QByteArray m_savedConfigHome;
};

void tst_Policy::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_savedConfigDirs = qgetenv("XDG_CONFIG_DIRS");
    m_savedConfigHome = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir->filePath(u"home"_s)));
    QDir().mkpath(m_dir->filePath(u"home"_s));
}

void tst_Policy::cleanup()
{
    qputenv("XDG_CONFIG_DIRS", m_savedConfigDirs);
    qputenv("XDG_CONFIG_HOME", m_savedConfigHome);
}

void tst_Policy::readsDefaultsFromXdgConfigDirs()
{
    writeFile(m_dir->filePath(u"etc-xdg/Confab/policy.conf"_s), examplePolicy);
    qputenv("XDG_CONFIG_DIRS", QFile::encodeName(m_dir->filePath(u"etc-xdg"_s)));

    const Policy policy = Policy::system();
    QVERIFY(!policy.isEmpty());
    QCOMPARE(policy.value(u"account/domain"_s).toString(), u"example.org"_s);
    QCOMPARE(policy.value(u"account/host"_s).toString(), u"xmpp.example.org"_s);
    QCOMPARE(policy.value(u"account/port"_s).toInt(), 5223);
    QCOMPARE(policy.value(u"account/tls"_s).toString(), u"direct"_s);
    QCOMPARE(policy.value(u"account/caFile"_s).toString(), u"/etc/ssl/certs/example-ca.pem"_s);
    QVERIFY(policy.contains(u"account/allowRegistration"_s));
    QCOMPARE(policy.value(u"account/allowRegistration"_s, true).toBool(), false);
    QCOMPARE(policy.value(u"account/allowRememberPassword"_s, true).toBool(), false);
    QCOMPARE(policy.value(u"appearance/theme"_s).toString(), u"dark"_s);
    QCOMPARE(policy.value(u"privacy/receipts"_s, true).toBool(), false);
    // A key the policy does not set gives the caller's fallback; "locked" is not a value.
    QVERIFY(!policy.contains(u"privacy/chatStates"_s));
    QCOMPARE(policy.value(u"privacy/chatStates"_s, true).toBool(), true);
    QVERIFY(!policy.contains(u"locked"_s));
}

void tst_Policy::reportsLockedKeys()
{
    writeFile(m_dir->filePath(u"etc-xdg/Confab/policy.conf"_s), examplePolicy);
    qputenv("XDG_CONFIG_DIRS", QFile::encodeName(m_dir->filePath(u"etc-xdg"_s)));

    const Policy policy = Policy::system();
    QVERIFY(policy.isLocked(u"account/domain"_s));
    QVERIFY(policy.isLocked(u"account/host"_s));
    QVERIFY(policy.isLocked(u"account/tls"_s));
    QVERIFY(policy.isLocked(u"appearance/theme"_s));
    // Set but not locked: a default the user may change.
    QVERIFY(!policy.isLocked(u"account/port"_s));
    QVERIFY(!policy.isLocked(u"privacy/receipts"_s));
    QStringList locked = policy.lockedKeys();
    locked.sort();
    QCOMPARE(locked, QStringList({ u"account/domain"_s, u"account/host"_s, u"account/tls"_s, u"appearance/theme"_s }));
}

void tst_Policy::lockedAcceptsOneKey()
{
    const QString path = m_dir->filePath(u"one.conf"_s);
    writeFile(path, "locked=privacy/receipts\n[privacy]\nreceipts=false\n");
    const Policy policy = Policy::fromFile(path);
    QVERIFY(policy.isLocked(u"privacy/receipts"_s));
    QCOMPARE(policy.lockedKeys(), QStringList { u"privacy/receipts"_s });
}

void tst_Policy::firstDirectoryWithAPolicyWins()
{
    writeFile(m_dir->filePath(u"site/Confab/policy.conf"_s), "[account]\ndomain=site.example\n");
    writeFile(m_dir->filePath(u"vendor/Confab/policy.conf"_s), "[account]\ndomain=vendor.example\n");
    QDir().mkpath(m_dir->filePath(u"empty"_s));
    const QString dirs
        = QStringList { m_dir->filePath(u"empty"_s), m_dir->filePath(u"site"_s), m_dir->filePath(u"vendor"_s) }.join(
            u':');
    qputenv("XDG_CONFIG_DIRS", QFile::encodeName(dirs));

    QCOMPARE(Policy::system().value(u"account/domain"_s).toString(), u"site.example"_s);
}

void tst_Policy::ignoresThePolicyInTheUsersOwnConfigDirectory()
{
    // A user may write $XDG_CONFIG_HOME; a policy there would let anyone unlock anything.
    writeFile(m_dir->filePath(u"home/Confab/policy.conf"_s), "[account]\ndomain=mine.example\n");
    QDir().mkpath(m_dir->filePath(u"etc-xdg"_s));
    qputenv("XDG_CONFIG_DIRS", QFile::encodeName(m_dir->filePath(u"etc-xdg"_s)));

    QVERIFY(Policy::system().isEmpty());
}

void tst_Policy::noPolicyIsEmpty()
{
    QDir().mkpath(m_dir->filePath(u"etc-xdg"_s));
    qputenv("XDG_CONFIG_DIRS", QFile::encodeName(m_dir->filePath(u"etc-xdg"_s)));
    const Policy policy = Policy::system();
    QVERIFY(policy.isEmpty());
    QVERIFY(!policy.isLocked(u"account/domain"_s));
    QCOMPARE(policy.value(u"account/port"_s, 5222).toInt(), 5222);
}

void tst_Policy::missingFileIsEmpty()
{
    QVERIFY(Policy::fromFile(m_dir->filePath(u"nothing-here.conf"_s)).isEmpty());
}

QTEST_GUILESS_MAIN(tst_Policy)
#include "tst_Policy.moc"
