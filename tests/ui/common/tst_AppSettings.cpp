// SPDX-License-Identifier: Apache-2.0
#include "common/AppSettings.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using confab::Policy;
using confab::ui::AppSettings;

/// The user's settings under the system policy (issue 6): a policy value is a default the user may change
/// unless the policy locks it; a locked key always reads the policy's value and cannot be written.
class tst_AppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void withoutPolicyUsesBuiltInDefaults();
    void policyValueIsTheDefault();
    void userChoiceOverridesAnUnlockedPolicyValue();
    void lockedKeyReadsThePolicyValue();
    void lockedKeyCannotBeWritten();
    void lockedKeyIgnoresAnEditedSettingsFile();
    void systemPolicyFromXdgConfigDirs();

private:
    QString iniPath() const { return m_dir->filePath(u"confab.ini"_s); }
    Policy writePolicy(const QByteArray &content);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_AppSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Policy tst_AppSettings::writePolicy(const QByteArray &content)
{
    const QString path = m_dir->filePath(u"policy.conf"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {};
    }
    file.write(content);
    file.close();
    return Policy::fromFile(path);
}

void tst_AppSettings::withoutPolicyUsesBuiltInDefaults()
{
    AppSettings settings(iniPath(), Policy {});
    QCOMPARE(settings.theme(), AppSettings::Theme::System);
    QVERIFY(settings.sendReceipts());
    QVERIFY(!settings.isLocked(u"privacy/receipts"_s));
    QVERIFY(settings.setValue(u"privacy/receipts"_s, false));
    QVERIFY(!settings.sendReceipts());
}

void tst_AppSettings::policyValueIsTheDefault()
{
    AppSettings settings(iniPath(), writePolicy("[appearance]\ntheme=dark\n[privacy]\nreceipts=false\n"));
    QCOMPARE(settings.theme(), AppSettings::Theme::Dark);
    QVERIFY(!settings.sendReceipts());
    QVERIFY(settings.sendChatStates()); // not in the policy: the built-in default
}

void tst_AppSettings::userChoiceOverridesAnUnlockedPolicyValue()
{
    AppSettings settings(iniPath(), writePolicy("[appearance]\ntheme=dark\n"));
    QSignalSpy changed(&settings, &AppSettings::changed);
    QVERIFY(settings.setValue(u"appearance/theme"_s, u"light"_s));
    QCOMPARE(settings.theme(), AppSettings::Theme::Light);
    QCOMPARE(changed.size(), 1);
}

void tst_AppSettings::lockedKeyReadsThePolicyValue()
{
    AppSettings settings(iniPath(),
        writePolicy("locked=appearance/theme, account/allowRegistration\n[appearance]\ntheme=dark\n"
                    "[account]\nallowRegistration=false\n"));
    QVERIFY(settings.isLocked(u"appearance/theme"_s));
    QVERIFY(settings.isLocked(u"account/allowRegistration"_s));
    QVERIFY(!settings.isLocked(u"privacy/receipts"_s));
    QCOMPARE(settings.theme(), AppSettings::Theme::Dark);
    QCOMPARE(settings.value(u"account/allowRegistration"_s, true).toBool(), false);
}

void tst_AppSettings::lockedKeyCannotBeWritten()
{
    AppSettings settings(iniPath(), writePolicy("locked=privacy/receipts\n[privacy]\nreceipts=false\n"));
    QSignalSpy changed(&settings, &AppSettings::changed);
    QVERIFY(!settings.setValue(u"privacy/receipts"_s, true));
    QVERIFY(!settings.sendReceipts());
    QCOMPARE(changed.size(), 0);
    settings.sync();
    QVERIFY(!QSettings(iniPath(), QSettings::IniFormat).contains(u"privacy/receipts"_s));
    // Other keys stay writable.
    QVERIFY(settings.setValue(u"privacy/chatStates"_s, false));
    QVERIFY(!settings.sendChatStates());
}

void tst_AppSettings::lockedKeyIgnoresAnEditedSettingsFile()
{
    // A user who edits confab.ini by hand does not get around the lock.
    {
        QSettings ini(iniPath(), QSettings::IniFormat);
        ini.setValue(u"appearance/theme"_s, u"light"_s);
        ini.setValue(u"privacy/receipts"_s, false);
    }
    AppSettings settings(iniPath(), writePolicy("locked=appearance/theme\n[appearance]\ntheme=dark\n"));
    QCOMPARE(settings.theme(), AppSettings::Theme::Dark);
    QVERIFY(!settings.sendReceipts()); // not locked: the user's own value
}

void tst_AppSettings::systemPolicyFromXdgConfigDirs()
{
    const QByteArray savedDirs = qgetenv("XDG_CONFIG_DIRS");
    const QString etc = m_dir->filePath(u"etc-xdg"_s);
    QVERIFY(QDir().mkpath(etc + u"/Confab"_s));
    {
        QFile file(etc + u"/Confab/policy.conf"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("locked=appearance/theme\n[appearance]\ntheme=dark\n");
    }
    qputenv("XDG_CONFIG_DIRS", QFile::encodeName(etc));
    AppSettings settings(iniPath(), Policy::system());
    qputenv("XDG_CONFIG_DIRS", savedDirs);
    QVERIFY(settings.isLocked(u"appearance/theme"_s));
    QVERIFY(!settings.setValue(u"appearance/theme"_s, u"light"_s));
    QCOMPARE(settings.theme(), AppSettings::Theme::Dark);
}

QTEST_MAIN(tst_AppSettings)
#include "tst_AppSettings.moc"
