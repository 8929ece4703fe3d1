// SPDX-License-Identifier: Apache-2.0
#include "tray/IdleMonitor.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

#include <limits>

namespace confab::ui {

IdleMonitor::IdleMonitor(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::CoarseTimer);
    connect(m_timer, &QTimer::timeout, this, &IdleMonitor::check);
    m_sinceActivity.start();
    m_idleSince = QDateTime::currentDateTimeUtc();
    QCoreApplication::instance()->installEventFilter(this);
    arm();
}

void IdleMonitor::setThresholds(int awayMinutes, int extendedAwayMinutes)
{
    setThresholdsMs(qint64(awayMinutes) * 60000, qint64(extendedAwayMinutes) * 60000);
}

void IdleMonitor::setThresholdsMs(qint64 awayMs, qint64 extendedAwayMs)
{
    m_awayMs = awayMs;
    m_extendedAwayMs = extendedAwayMs;
    check();
}

bool IdleMonitor::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        activity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleMonitor::activity()
{
    m_sinceActivity.restart();
    m_idleSince = QDateTime::currentDateTimeUtc();
    if (m_level != Level::Active) {
        m_level = Level::Active;
        Q_EMIT levelChanged(m_level);
        arm();
    } else if (!m_timer->isActive()) {
        arm();
    }
    // Otherwise the armed timer fires, sees the fresh activity and re-arms for the rest: a mouse move
    // costs a clock read, not a timer restart.
}

void IdleMonitor::arm()
{
    // The next threshold still ahead of us; none left (or none set) means no timer at all.
    const qint64 idle = m_sinceActivity.elapsed();
    qint64 next = -1;
    for (const qint64 threshold : { m_awayMs, m_extendedAwayMs }) {
        if (threshold > idle && (next < 0 || threshold < next)) {
            next = threshold;
        }
    }
    if (next < 0) {
        m_timer->stop();
        return;
    }
    m_timer->start(int(qMin<qint64>(next - idle, std::numeric_limits<int>::max())));
}

void IdleMonitor::check()
{
    const qint64 idle = m_sinceActivity.elapsed();
    Level level = Level::Active;
    if (m_extendedAwayMs > 0 && idle >= m_extendedAwayMs) {
        level = Level::ExtendedAway;
    } else if (m_awayMs > 0 && idle >= m_awayMs) {
        level = Level::Away;
    }
    if (level != m_level) {
        m_level = level;
        Q_EMIT levelChanged(level);
    }
    arm();
}

} // namespace confab::ui
