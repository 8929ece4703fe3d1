// SPDX-License-Identifier: Apache-2.0
#include "chat/Composer.h"

#include <QKeyEvent>
#include <QTextBlock>

namespace confab::ui {

namespace {
constexpr int MaximumLines = 6;
}

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setAccessibleName(tr("Message"));
    setPlaceholderText(tr("Write a message…"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(document(), &QTextDocument::contentsChanged, this, [this] {
        const int lines = qBound(1, document()->lineCount(), MaximumLines);
        setFixedHeight(heightForLines(lines));
    });
    setFixedHeight(heightForLines(1));
}

int Composer::heightForLines(int lines) const
{
    const int frame = 2 * frameWidth() + int(2 * document()->documentMargin());
    return fontMetrics().lineSpacing() * qMax(lines, 2) + frame;
}

QSize Composer::sizeHint() const
{
    return QSize(QPlainTextEdit::sizeHint().width(), heightForLines(2));
}

QSize Composer::minimumSizeHint() const
{
    return QSize(QPlainTextEdit::minimumSizeHint().width(), heightForLines(2));
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier))) {
        Q_EMIT submitted(toPlainText());
        event->accept();
        return;
    }
    if (enter && (event->modifiers() & Qt::ShiftModifier)) {
        // Shift+Enter would insert a U+2028 line separator; a plain newline is what gets sent.
        insertPlainText(QString(QChar(u'\n')));
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier && document()->isEmpty()) {
        Q_EMIT editLastRequested();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        Q_EMIT cancelRequested();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void Composer::focusInEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusInEvent(event);
    Q_EMIT focusEntered();
}

} // namespace confab::ui
