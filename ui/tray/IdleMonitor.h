// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace confab::ui {

/// Auto-away: watches the user's keyboard and mouse input to Confab's windows and says when they have been
/// idle for the away and extended-away times, and when they are back. One single-shot timer, armed for the
/// next threshold only: no periodic wake-ups while nothing happens. (A system-wide idle source — X11
/// screensaver, Windows GetLastInputInfo — can feed activity() behind this seam.)
class IdleMonitor : public QObject
{
    Q_OBJECT
public:
    enum class Level { Active, Away, ExtendedAway };
    Q_ENUM(Level)

    explicit IdleMonitor(QObject *parent = nullptr);

    /// Minutes until Away and Extended away; 0 disables that level.
    void setThresholds(int awayMinutes, int extendedAwayMinutes);
    /// For tests: thresholds in milliseconds.
    void setThresholdsMs(qint64 awayMs, qint64 extendedAwayMs);
    Level level() const { return m_level; }
    /// When the user was last active (UTC).
    QDateTime idleSince() const { return m_idleSince; }
    /// Records user activity now.
    void activity();

Q_SIGNALS:
    void levelChanged(confab::ui::IdleMonitor::Level level);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void arm();
    void check();

    QTimer *m_timer;
    QElapsedTimer m_sinceActivity;
    QDateTime m_idleSince;
    qint64 m_awayMs = 5 * 60 * 1000;
    qint64 m_extendedAwayMs = 20 * 60 * 1000;
    Level m_level = Level::Active;
};

} // namespace confab::ui
