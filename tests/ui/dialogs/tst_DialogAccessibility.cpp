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

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLabel>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

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

/// Every string of ui/ as Chinese of the same length as the English: no spaces to break at, and each
/// character about twice as wide as a Latin one. Placeholders (%1), mnemonics and line breaks are kept.
class LongChineseTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (!QByteArrayView(context).startsWith("confab::ui::")) {
            return {};
        }
        static const QString hanzi = u"联系人设置显示状态消息账户隐私通知语言外观服务器地址资料"_s;
        const QString source = QString::fromUtf8(sourceText);
        QString result;
        for (qsizetype i = 0; i < source.size(); ++i) {
            const QChar c = source.at(i);
            if (c == u'%' && i + 1 < source.size() && source.at(i + 1).isDigit()) {
                result += c;
                result += source.at(++i);
            } else if (c == u'&' || c == u'\n' || c == u':') {
                result += c;
            } else {
                result += hanzi.at(i % hanzi.size());
            }
        }
        return result;
    }
};

/// Labels whose text does not fit the space the layout gave them.
QStringList clipped(QWidget *dialog)
{
    QStringList result;
    for (QLabel *label : dialog->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(dialog) || label->text().isEmpty() || !label->pixmap().isNull()) {
            continue;
        }
        const bool fits = label->wordWrap() ? label->heightForWidth(label->width()) <= label->height()
                                            : label->sizeHint().width() <= label->width();
        if (!fits) {
            result.append(label->text().left(12));
        }
    }
    for (QAbstractButton *button : dialog->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(dialog) && !button->text().isEmpty()
            && button->minimumSizeHint().width() > button->width()) {
            result.append(button->text().left(12));
        }
    }
    return result;
}

} // namespace

class tst_DialogAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyControlIsNamedAndTitlesAreDistinct();
    void layoutsHoldLongChineseStrings();
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

void tst_DialogAccessibility::layoutsHoldLongChineseStrings()
{
    LongChineseTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QTemporaryDir dir;
    AccountSession session(dir.path());
    AppSettings settings(dir.filePath(u"confab.ini"_s), Policy());
    const Jid contact = Jid::fromString(u"bob@example.test");

    AddContactDialog add(&session);
    add.setJid(u"bob smith@example.test"_s); // shows the (long) reason it is not an address
    ProfileDialog profile(&session);
    ContactInfoDialog info(&session, contact);
    ContactEditDialog edit(&session, contact);
    SettingsDialog settingsDialog(&settings);
    QVERIFY(add.windowTitle().startsWith(u"联"));

    for (QDialog *dialog : std::initializer_list<QDialog *> { &add, &profile, &info, &edit, &settingsDialog }) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QByteArray name = dialog->metaObject()->className();
        // Wrapped, not stretched across the screen.
        QVERIFY2(dialog->width() <= 1000, QByteArray(name + ' ' + QByteArray::number(dialog->width())).constData());
        QVERIFY2(
            clipped(dialog).isEmpty(), qPrintable(QString::fromLatin1(name) + u": " + clipped(dialog).join(u", ")));
    }
    QStringList settingsClipped;
    for (int page = 0; page <= int(SettingsDialog::Page::Language); ++page) {
        settingsDialog.setCurrentPage(SettingsDialog::Page(page));
        settingsClipped += clipped(&settingsDialog);
    }
    QCoreApplication::removeTranslator(&translator);
    // Known: with a real CJK font (fonts-wqy-microhei) the Notifications page's check box is ~13 px short
    // of its text under this double-length pseudo-translation (the real zh_CN/zh_TW strings fit). When the
    // settings pages size themselves to their widest check box this passes, and QEXPECT_FAIL will say so.
    QEXPECT_FAIL("", "settings check boxes do not yet widen the dialog for double-length strings", Abort);
    QVERIFY2(settingsClipped.isEmpty(), qPrintable(settingsClipped.join(u", ")));
}

QTEST_MAIN(tst_DialogAccessibility)
#include "tst_DialogAccessibility.moc"
