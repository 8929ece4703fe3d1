// SPDX-License-Identifier: Apache-2.0
// Every dialog of ui/dialogs, without a server: a distinct window title, an accessible name on every control
// a keyboard can reach, and a tab order that visits each of them.
#include "common/AppSettings.h"
#include "dialogs/AddContactDialog.h"
#include "dialogs/ContactEditDialog.h"
#include "dialogs/ContactInfoDialog.h"
#include "dialogs/ProfileDialog.h"
#include "dialogs/SettingsDialog.h"
#include "dialogs/SubscriptionRequestsWidget.h"
#include "session/AccountSession.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::ui;

namespace {

/// Controls that take keyboard focus on their own (not the parts inside a spin box, combo box or list).
QList<QWidget *> controls(QWidget *dialog)
{
    QList<QWidget *> result;
    for (QWidget *widget : dialog->findChildren<QWidget *>()) {
        if (!(widget->focusPolicy() & Qt::TabFocus) || !widget->isVisibleTo(dialog) || widget->isWindow()) {
            continue;
        }
        QWidget *parent = widget->parentWidget();
        if (qobject_cast<QAbstractSpinBox *>(parent) || qobject_cast<QComboBox *>(parent)
            || (parent && qobject_cast<QAbstractScrollArea *>(parent->parentWidget()))) {
            continue;
        }
        result.append(widget);
    }
    return result;
}

QStringList unnamed(QWidget *dialog)
{
    QStringList names;
    for (QWidget *widget : controls(dialog)) {
        if (widget->accessibleName().isEmpty()) {
            names.append(QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName());
        }
    }
    return names;
}

/// Controls the tab chain, followed from the first, never reaches.
QStringList unreachable(QWidget *dialog)
{
    const QList<QWidget *> all = controls(dialog);
    if (all.isEmpty()) {
        return {};
    }
    QSet<QWidget *> seen;
    QWidget *at = all.first();
    for (int i = 0; i < 1000 && !seen.contains(at); ++i) {
        seen.insert(at);
        at = at->nextInFocusChain();
    }
    QStringList missing;
    for (QWidget *widget : all) {
        if (!seen.contains(widget)) {
            missing.append(QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName());
        }
    }
    return missing;
}

} // namespace

class tst_DialogAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyControlIsNamedAndTitlesAreDistinct();
};

void tst_DialogAccessibility::everyControlIsNamedAndTitlesAreDistinct()
{
    QTemporaryDir dir;
    AccountSession session(dir.path());
    AppSettings settings(dir.filePath(u"confab.ini"_s), Policy());
    const Jid contact = Jid::fromString(u"bob@example.test");

    AddContactDialog add(&session);
    ProfileDialog profile(&session);
    ContactInfoDialog info(&session, contact);
    ContactEditDialog edit(&session, contact);
    SettingsDialog settingsDialog(&settings);
    SubscriptionRequestsWidget requests(&session);

    QSet<QString> titles;
    for (QWidget *dialog : std::initializer_list<QWidget *> { &add, &profile, &info, &edit, &settingsDialog }) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QString title = dialog->windowTitle();
        QVERIFY2(!title.isEmpty(), dialog->metaObject()->className());
        QVERIFY2(!titles.contains(title), qPrintable(title));
        titles.insert(title);
        QVERIFY2(unnamed(dialog).isEmpty(), qPrintable(unnamed(dialog).join(u", ")));
        QVERIFY2(unreachable(dialog).isEmpty(), qPrintable(unreachable(dialog).join(u", ")));
        QVERIFY(controls(dialog).size() >= 2);
    }
    // Every settings page, not only the first.
    for (int page = 0; page <= int(SettingsDialog::Page::Language); ++page) {
        settingsDialog.setCurrentPage(SettingsDialog::Page(page));
        QVERIFY2(unnamed(&settingsDialog).isEmpty(), qPrintable(unnamed(&settingsDialog).join(u", ")));
        QVERIFY2(unreachable(&settingsDialog).isEmpty(), qPrintable(unreachable(&settingsDialog).join(u", ")));
    }
    QVERIFY(!requests.windowTitle().isEmpty());
    QVERIFY(!requests.accessibleName().isEmpty());
}

QTEST_MAIN(tst_DialogAccessibility)
#include "tst_DialogAccessibility.moc"
