// SPDX-License-Identifier: Apache-2.0
// "Add Contact" against a real Prosody: the address checked as it is typed, the contact added to the
// server's roster with its name and group, the subscription request reaching the other account, and a
// failure shown without losing what was typed.
#include "DialogTestSupport.h"
#include "dialogs/AddContactDialog.h"
#include "xmpp/roster/SubscriptionManager.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;
using namespace confab::ui;

namespace {

QPushButton *okButton(const QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class tst_AddContactDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void invalidAddressShowsWhyAndDisablesOk_data();
    void invalidAddressShowsWhyAndDisablesOk();
    void addsToTheServerRosterAndSendsTheRequest();
    void failureIsShownAndWhatWasTypedIsKept();

private:
    ProsodyFixture m_server { ProsodyFixture::Options { .accounts = { u"alice"_s, u"bob"_s, u"carol"_s } } };
};

void tst_AddContactDialog::initTestCase()
{
    qRegisterMetaType<QList<RosterItem>>();
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void tst_AddContactDialog::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(6000);
    }
}

void tst_AddContactDialog::invalidAddressShowsWhyAndDisablesOk_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("two at signs") << u"bob@@example.com"_s;
    QTest::newRow("nothing before @") << u"@example.com"_s;
    QTest::newRow("space in the name") << u"bob smith@example.com"_s;
    QTest::newRow("with a resource") << u"bob@example.com/phone"_s;
    QTest::newRow("nothing after @") << u"bob@"_s;
}

void tst_AddContactDialog::invalidAddressShowsWhyAndDisablesOk()
{
    QFETCH(QString, typed);
    QTemporaryDir dir;
    AccountSession session(dir.path());
    AddContactDialog dialog(&session);
    dialog.show();
    auto *jid = dialog.findChild<QLineEdit *>(u"jid"_s);
    auto *problem = dialog.findChild<QLabel *>(u"jidProblem"_s);
    QVERIFY(jid && problem);
    QVERIFY(!dialog.windowTitle().isEmpty());

    // Empty: nothing to complain about yet, but nothing to add either.
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(problem->isHidden());

    QTest::keyClicks(jid, typed);
    QVERIFY(problem->isVisible());
    QVERIFY(!problem->text().isEmpty());
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(dialog.jid().isNull());
    // Enter does not add an invalid contact.
    QTest::keyClick(jid, Qt::Key_Return);
    QVERIFY(dialog.isVisible());

    jid->setText(u"bob@example.com"_s);
    QVERIFY(problem->isHidden());
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(dialog.jid(), Jid::fromString(u"bob@example.com"));
}

void tst_AddContactDialog::addsToTheServerRosterAndSendsTheRequest()
{
    auto alice = signIn(m_server, u"alice"_s);
    auto bob = signIn(m_server, u"bob"_s);
    QVERIFY(alice && bob);
    // An existing group, offered in the combo box.
    QVERIFY(std::holds_alternative<std::monostate>(
        await((*alice)->roster()->addOrUpdate(Jid::fromString(m_server.jid(u"carol"_s)), {}, { u"同事"_s }))));
    QTRY_VERIFY((*alice)->roster()->item(Jid::fromString(m_server.jid(u"carol"_s))).has_value());

    QSignalSpy requested((*bob)->subscriptions(), &SubscriptionManager::subscriptionRequested);
    AddContactDialog dialog(alice->session.get());
    QSignalSpy added(&dialog, &AddContactDialog::contactAdded);
    dialog.show();
    auto *group = dialog.findChild<QComboBox *>(u"group"_s);
    QVERIFY(group->findText(u"同事"_s) >= 0);
    QVERIFY(dialog.findChild<QCheckBox *>(u"subscribe"_s)->isChecked());

    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"jid"_s), m_server.jid(u"bob"_s));
    dialog.findChild<QLineEdit *>(u"name"_s)->setText(u"Bob 鲍勃"_s); // keyClicks types Latin-1 only
    group->setEditText(u"Friends"_s);
    QVERIFY(okButton(dialog)->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20000);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.first().first().value<Jid>(), bob->bareJid);

    // The server's roster has it (the push came back), asking for bob's presence.
    const auto item = (*alice)->roster()->item(bob->bareJid);
    QVERIFY(item.has_value());
    QCOMPARE(item->name, u"Bob 鲍勃"_s);
    QCOMPARE(item->groups, QStringList { u"Friends"_s });
    QTRY_VERIFY_WITH_TIMEOUT((*alice)->roster()->item(bob->bareJid)->ask, 20000);
    // And bob was asked.
    QTRY_VERIFY_WITH_TIMEOUT(!requested.isEmpty(), 20000);
    QCOMPARE(requested.first().first().value<Jid>(), alice->bareJid);
    QVERIFY((*bob)->subscriptions()->hasPendingRequest(alice->bareJid));

    // Adding bob again is allowed, with a word that he is already there.
    AddContactDialog again(alice->session.get());
    again.show();
    again.setJid(bob->bareJid.toString());
    QVERIFY(okButton(again)->isEnabled());
    QVERIFY(again.findChild<QLabel *>(u"jidProblem"_s)->isVisible());
    QVERIFY(again.findChild<QLabel *>(u"jidProblem"_s)->text().contains(bob->bareJid.toString()));

    // A second account of alice's sees the same roster on the server.
    auto alicePhone = signIn(m_server, u"alice"_s, u"phone"_s);
    QVERIFY(alicePhone);
    const auto seen = (*alicePhone)->roster()->item(bob->bareJid);
    QVERIFY(seen.has_value());
    QCOMPARE(seen->name, u"Bob 鲍勃"_s);
}

void tst_AddContactDialog::failureIsShownAndWhatWasTypedIsKept()
{
    auto alice = signIn(m_server, u"alice"_s, u"laptop"_s);
    QVERIFY(alice);
    AddContactDialog dialog(alice->session.get());
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"jid"_s), u"dave@example.org"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"name"_s), u"Dave"_s);

    // The connection is gone when OK is pressed: the request cannot succeed.
    (*alice)->signOut();
    QTRY_VERIFY_WITH_TIMEOUT((*alice)->client().state() == Client::State::Disconnected, 20000);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);

    auto *status = dialog.findChild<QLabel *>(u"status"_s);
    QTRY_VERIFY_WITH_TIMEOUT(okButton(dialog)->isEnabled() && status->isVisible()
            && status->text().startsWith(AddContactDialog::tr("The contact could not be added: %1").left(20)),
        40000);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(dialog.findChild<QLineEdit *>(u"jid"_s)->text(), u"dave@example.org"_s);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"name"_s)->text(), u"Dave"_s);
    QVERIFY(!dialog.findChild<QLineEdit *>(u"jid"_s)->isReadOnly());
}

QTEST_MAIN(tst_AddContactDialog)
#include "tst_AddContactDialog.moc"
