// SPDX-License-Identifier: Apache-2.0
// The settings window over a real AppSettings file and a policy file: each change is written at once, and
// a key the policy locks is shown disabled, with the administrator's value, and cannot be changed.
#include "common/AppSettings.h"
#include "dialogs/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::ui;

class tst_SettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyPageWritesItsSettingsAtOnce();
    void lockedSettingIsDisabledAndCannotBeChanged();
    void accountPageShowsTheJidAndSignsOut();

private:
    std::unique_ptr<AppSettings> settings(const QByteArray &policy = {});

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_SettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_SettingsDialog::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<AppSettings> tst_SettingsDialog::settings(const QByteArray &policy)
{
    const QString policyPath = m_dir->filePath(u"policy.conf"_s);
    if (!policy.isEmpty()) {
        QFile file(policyPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(policy) != policy.size()) {
            return nullptr;
        }
    }
    return std::make_unique<AppSettings>(m_dir->filePath(u"confab.ini"_s), Policy::fromFile(policyPath));
}

void tst_SettingsDialog::everyPageWritesItsSettingsAtOnce()
{
    auto s = settings();
    QVERIFY(s);
    SettingsDialog dialog(s.get());
    dialog.show();
    QCOMPARE(dialog.windowTitle(), SettingsDialog::tr("Settings"));

    // Defaults shown as AppSettings reads them.
    auto *chatStates = qobject_cast<QCheckBox *>(dialog.controlFor(u"privacy/chatStates"_s));
    QVERIFY(chatStates && chatStates->isChecked() && chatStates->isEnabled());
    QVERIFY(chatStates->toolTip().isEmpty());

    QSignalSpy changed(s.get(), &AppSettings::changed);
    dialog.setCurrentPage(SettingsDialog::Page::Privacy);
    QTest::mouseClick(chatStates, Qt::LeftButton, {}, QPoint(4, chatStates->height() / 2));
    QVERIFY(!s->sendChatStates());
    QVERIFY(changed.contains(QVariantList { u"privacy/chatStates"_s }));

    dialog.setCurrentPage(SettingsDialog::Page::Appearance);
    qobject_cast<QComboBox *>(dialog.controlFor(u"appearance/theme"_s))->setCurrentIndex(2);
    QCOMPARE(s->theme(), AppSettings::Theme::Dark);
    qobject_cast<QSpinBox *>(dialog.controlFor(u"appearance/fontSize"_s))->setValue(14);
    QCOMPARE(s->fontSize(), 14);

    qobject_cast<QCheckBox *>(dialog.controlFor(u"notifications/enabled"_s))->setChecked(false);
    QVERIFY(!s->notificationsEnabled());
    qobject_cast<QCheckBox *>(dialog.controlFor(u"privacy/readMarkers"_s))->setChecked(false);
    QVERIFY(!s->sendReadMarkers());

    auto *windows = qobject_cast<QComboBox *>(dialog.controlFor(u"chat/separateWindows"_s));
    QCOMPARE(windows->currentIndex(), 0);
    windows->setCurrentIndex(1);
    QVERIFY(s->separateChatWindows());
    qobject_cast<QCheckBox *>(dialog.controlFor(u"roster/showOffline"_s))->setChecked(false);
    QVERIFY(!s->showOfflineContacts());
    qobject_cast<QSpinBox *>(dialog.controlFor(u"presence/autoAwayMinutes"_s))->setValue(10);
    QCOMPARE(s->autoAwayMinutes(), 10);
    qobject_cast<QSpinBox *>(dialog.controlFor(u"presence/autoExtendedAwayMinutes"_s))->setValue(0);
    QCOMPARE(s->autoExtendedAwayMinutes(), 0);

    auto *language = qobject_cast<QComboBox *>(dialog.controlFor(u"language"_s));
    QCOMPARE(language->currentIndex(), 0);
    language->setCurrentIndex(language->findData(u"zh_TW"_s));
    QCOMPARE(s->language(), u"zh_TW"_s);
    QCOMPARE(language->currentText(), u"繁體中文"_s);

    // Written to the file, not just held in memory.
    s->sync();
    QSettings file(m_dir->filePath(u"confab.ini"_s), QSettings::IniFormat);
    QCOMPARE(file.value(u"language"_s).toString(), u"zh_TW"_s);
    QCOMPARE(file.value(u"presence/autoAwayMinutes"_s).toInt(), 10);

    // A change made elsewhere shows in the open dialog.
    QVERIFY(s->setValue(u"privacy/chatStates"_s, true));
    QVERIFY(chatStates->isChecked());
}

void tst_SettingsDialog::lockedSettingIsDisabledAndCannotBeChanged()
{
    auto s = settings("[General]\nlocked=privacy/receipts\n[privacy]\nreceipts=false\n");
    QVERIFY(s);
    QVERIFY(s->isLocked(u"privacy/receipts"_s));
    SettingsDialog dialog(s.get());
    dialog.show();
    dialog.setCurrentPage(SettingsDialog::Page::Privacy);

    auto *receipts = qobject_cast<QCheckBox *>(dialog.controlFor(u"privacy/receipts"_s));
    QVERIFY(receipts);
    QVERIFY(!receipts->isEnabled());
    QVERIFY(!receipts->isChecked()); // the administrator's value, not the default (on)
    QCOMPARE(receipts->toolTip(), SettingsDialog::tr("Set by your administrator"));

    QTest::mouseClick(receipts, Qt::LeftButton, {}, QPoint(4, receipts->height() / 2));
    QVERIFY(!receipts->isChecked());
    QVERIFY(!s->sendReceipts());
    // Even a programmatic toggle does not get past the lock: the box snaps back.
    receipts->setChecked(true);
    QVERIFY(!s->sendReceipts());
    QVERIFY(!receipts->isChecked());

    // Its neighbours are not locked.
    auto *chatStates = qobject_cast<QCheckBox *>(dialog.controlFor(u"privacy/chatStates"_s));
    QVERIFY(chatStates->isEnabled());
    QVERIFY(chatStates->toolTip().isEmpty());
}

void tst_SettingsDialog::accountPageShowsTheJidAndSignsOut()
{
    auto s = settings();
    QVERIFY(s);
    SettingsDialog dialog(s.get());
    dialog.setAccountJid(u"alice@example.test"_s);
    dialog.show();
    QCOMPARE(dialog.currentPage(), SettingsDialog::Page::Account);
    QCOMPARE(dialog.findChild<QLabel *>(u"accountJid"_s)->text(), u"alice@example.test"_s);

    QSignalSpy signOut(&dialog, &SettingsDialog::signOutRequested);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"signOut"_s), Qt::LeftButton);
    QCOMPARE(signOut.count(), 1);
    QVERIFY(!dialog.isVisible());
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_SettingsDialog.moc"
