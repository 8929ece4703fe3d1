// SPDX-License-Identifier: Apache-2.0
#include "chat/SearchBar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace confab::ui {

SearchBar::SearchBar(QWidget *parent)
    : QWidget(parent)
    , m_field(new QLineEdit(this))
    , m_results(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_debounce(new QTimer(this))
{
    setAccessibleName(tr("Search bar"));
    m_field->setPlaceholderText(tr("Search this conversation"));
    m_field->setAccessibleName(tr("Search in this conversation"));
    m_field->setClearButtonEnabled(true);
    m_results->setAccessibleName(tr("Search results"));
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setToolTip(tr("Previous (older) result (Shift+Enter)"));
    m_previous->setAccessibleName(tr("Previous result"));
    m_next->setArrowType(Qt::DownArrow);
    m_next->setToolTip(tr("Next (newer) result (Enter)"));
    m_next->setAccessibleName(tr("Next result"));
    auto *close = new QToolButton(this);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Close search (Esc)"));
    close->setAccessibleName(tr("Close search"));
    close->setAutoRaise(true);
    m_previous->setAutoRaise(true);
    m_next->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_results);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(close);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, [this] {
        if (m_field->text() != m_lastQuery) {
            m_lastQuery = m_field->text();
            Q_EMIT searchRequested(m_lastQuery);
        }
    });
    connect(m_field, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_previous, &QToolButton::clicked, this, &SearchBar::previousRequested);
    connect(m_next, &QToolButton::clicked, this, &SearchBar::nextRequested);
    connect(close, &QToolButton::clicked, this, &SearchBar::closeRequested);
    setResults(0, -1);
}

QString SearchBar::text() const
{
    return m_field->text();
}

void SearchBar::setResults(int current, int total)
{
    if (total < 0) {
        m_results->clear();
    } else if (total == 0) {
        m_results->setText(tr("No results"));
    } else {
        //: Search position: "2 of 7"
        m_results->setText(tr("%1 of %2").arg(current + 1).arg(total));
    }
    m_previous->setEnabled(total > 1);
    m_next->setEnabled(total > 1);
}

void SearchBar::activate()
{
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void SearchBar::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        Q_EMIT closeRequested();
        event->accept();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_field->text() != m_lastQuery) {
            m_debounce->stop();
            m_lastQuery = m_field->text();
            Q_EMIT searchRequested(m_lastQuery);
        } else if (event->modifiers() & Qt::ShiftModifier) {
            Q_EMIT previousRequested();
        } else {
            Q_EMIT nextRequested();
        }
        event->accept();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace confab::ui
