// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPlainTextEdit>

namespace confab::ui {

/// Where a message is written: Enter sends, Shift+Enter starts a new line, Up in an empty composer asks to
/// edit the last sent message, Esc asks to cancel (editing, search). Tab moves the focus on.
class Composer : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// Enter was pressed with this text (not yet cleared).
    void submitted(const QString &text);
    void editLastRequested();
    void cancelRequested();
    void focusEntered();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    int heightForLines(int lines) const;
};

} // namespace confab::ui
