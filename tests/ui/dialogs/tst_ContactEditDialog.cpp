// SPDX-License-Identifier: Apache-2.0
// "Edit Contact" against a real Prosody: the current name and groups are shown, and a rename with a new
// group set comes back as a roster push, to this session and to another of the same account.
#include "DialogTestSupport.h"
#include "dialogs/ContactEditDialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;
using namespace confab::ui;

class tst_ContactEditDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void renameAndRegroupArriveAsRosterPush();

private:
    ProsodyFixture m_server { ProsodyFixture::Options { .accounts = { u"alice"_s, u"bob"_s, u"carol"_s } } };
};

void tst_ContactEditDialog::initTestCase()
{
    qRegisterMetaType<QList<RosterItem>>();
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void tst_ContactEditDialog::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(6000);
    }
}

void tst_ContactEditDialog::renameAndRegroupArriveAsRosterPush()
{
    auto alice = signIn(m_server, u"alice"_s);
    auto alicePhone = signIn(m_server, u"alice"_s, u"phone"_s);
    QVERIFY(alice && alicePhone);
    const Jid bob = Jid::fromString(m_server.jid(u"bob"_s));
    const Jid carol = Jid::fromString(m_server.jid(u"carol"_s));
    QVERIFY(std::holds_alternative<std::monostate>(
        await((*alice)->roster()->addOrUpdate(bob, u"Bob"_s, { u"Friends"_s, u"Family"_s }))));
    QVERIFY(std::holds_alternative<std::monostate>(await((*alice)->roster()->addOrUpdate(carol, {}, { u"Team"_s }))));
    // Both sessions have both pushes before the spies start: the phone's copy of carol's push must not be
    // taken for the one the dialog causes.
    QTRY_VERIFY_WITH_TIMEOUT((*alice)->roster()->item(bob) && (*alice)->roster()->item(carol)
            && (*alicePhone)->roster()->item(bob) && (*alicePhone)->roster()->item(carol),
        20000);

    ContactEditDialog dialog(alice->session.get(), bob);
    dialog.show();
    QVERIFY(dialog.windowTitle().contains(bob.toString()));
    auto *name = dialog.findChild<QLineEdit *>(u"name"_s);
    auto *groups = dialog.findChild<QListWidget *>(u"groups"_s);
    QCOMPARE(name->text(), u"Bob"_s);
    // Every group of the roster, bob's ticked.
    QCOMPARE(groups->count(), 3);
    QStringList checked = dialog.checkedGroups();
    checked.sort();
    QCOMPARE(checked, (QStringList { u"Family"_s, u"Friends"_s }));

    name->setText(u"鲍勃"_s);
    groups->findItems(u"Friends"_s, Qt::MatchExactly).first()->setCheckState(Qt::Unchecked);
    groups->findItems(u"Team"_s, Qt::MatchExactly).first()->setCheckState(Qt::Checked);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"newGroup"_s), u"Work"_s);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"addGroup"_s), Qt::LeftButton);
    QCOMPARE(groups->count(), 4);

    QSignalSpy pushed((*alice)->roster(), &RosterManager::itemsChanged);
    QSignalSpy pushedToPhone((*alicePhone)->roster(), &RosterManager::itemsChanged);
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20000);

    for (QSignalSpy *spy : { &pushed, &pushedToPhone }) {
        QTRY_VERIFY_WITH_TIMEOUT(!spy->isEmpty(), 20000);
        const auto items = spy->last().first().value<QList<RosterItem>>();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().jid, bob);
        QCOMPARE(items.first().name, u"鲍勃"_s);
        QStringList received = items.first().groups;
        received.sort();
        QCOMPARE(received, (QStringList { u"Family"_s, u"Team"_s, u"Work"_s }));
    }
}

QTEST_MAIN(tst_ContactEditDialog)
#include "tst_ContactEditDialog.moc"
