// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace confab::ui {

/// The Ctrl+F bar over a conversation: a query field, "2 of 7", previous/next and close. It only asks;
/// the chat tab searches the history and moves between results.
class SearchBar : public QWidget
{
    Q_OBJECT
public:
    explicit SearchBar(QWidget *parent = nullptr);

    QString text() const;
    QLineEdit *field() const { return m_field; }
    /// Shows the position among results (`current` from 0), "No results", or nothing while `total` < 0.
    void setResults(int current, int total);
    /// Shows the bar and selects its text for typing.
    void activate();

Q_SIGNALS:
    /// The query changed (after a short pause) or Enter was pressed on a new query.
    void searchRequested(const QString &text);
    void nextRequested();
    void previousRequested();
    void closeRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QLineEdit *m_field;
    QLabel *m_results;
    QToolButton *m_previous;
    QToolButton *m_next;
    QTimer *m_debounce;
    QString m_lastQuery;
};

} // namespace confab::ui
