// SPDX-License-Identifier: Apache-2.0
// Auto-away: idle long enough means Away, then Extended away; any key press brings the user back.
#include "tray/IdleMonitor.h"
#include "tray/TrayIcon.h"

#include <QSignalSpy>
#include <QTest>
#include <QWidget>

using namespace confab;
using Level = ui::IdleMonitor::Level;

class IdleMonitorTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void awayThenExtendedAwayThenBack();
    void disabledLevelsNeverFire();
    void trayShowsUnreadCount();
};

void IdleMonitorTest::awayThenExtendedAwayThenBack()
{
    ui::IdleMonitor idle;
    QSignalSpy changed(&idle, &ui::IdleMonitor::levelChanged);
    idle.setThresholdsMs(150, 400);
    QCOMPARE(idle.level(), Level::Active);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
    QCOMPARE(changed.at(0).first().value<Level>(), Level::Away);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 5000);
    QCOMPARE(changed.at(1).first().value<Level>(), Level::ExtendedAway);

    // A key press in one of our windows: back at once.
    QWidget window;
    window.show();
    QTest::keyClick(&window, Qt::Key_A);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(idle.level(), Level::Active);
    QVERIFY(idle.idleSince().secsTo(QDateTime::currentDateTimeUtc()) < 5);
    // ... and idle again later.
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 4, 5000);
    QCOMPARE(idle.level(), Level::Away);
}

void IdleMonitorTest::disabledLevelsNeverFire()
{
    ui::IdleMonitor idle;
    QSignalSpy changed(&idle, &ui::IdleMonitor::levelChanged);
    idle.setThresholdsMs(0, 100); // no Away; straight to Extended away
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
    QCOMPARE(idle.level(), Level::ExtendedAway);
    idle.setThresholdsMs(0, 0);
    QCOMPARE(idle.level(), Level::Active); // nothing enabled: the user counts as active
    idle.activity();
    QCOMPARE(changed.size(), 2);
}

void IdleMonitorTest::trayShowsUnreadCount()
{
    ui::TrayIcon tray;
    QCOMPARE(tray.unreadCount(), 0);
    const QImage before = tray.icon().pixmap(64).toImage();
    tray.setUnreadCount(3);
    QCOMPARE(tray.unreadCount(), 3);
    QVERIFY(tray.icon().pixmap(64).toImage() != before); // the badge is drawn
    tray.setUnreadCount(0);
    QCOMPARE(tray.icon().pixmap(64).toImage(), before);
}

QTEST_MAIN(IdleMonitorTest)
#include "tst_IdleMonitor.moc"
