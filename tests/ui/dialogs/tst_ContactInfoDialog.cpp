// SPDX-License-Identifier: Apache-2.0
// "View Profile" against a real Prosody: a contact's vCard fields, read-only, and the devices they are
// online with, following their presence while the dialog is open.
#include "DialogTestSupport.h"
#include "dialogs/ContactInfoDialog.h"
#include "xmpp/roster/SubscriptionManager.h"
#include "xmpp/vcard/VCardManager.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;
using namespace confab::ui;

namespace {

/// The devices listed, as "resource|status message".
QStringList listed(const ContactInfoDialog &dialog)
{
    QStringList rows;
    QTreeWidget *list = dialog.resourceList();
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *row = list->topLevelItem(i);
        if (row->flags() != Qt::NoItemFlags) {
            rows.append(row->text(0) + u'|' + row->text(2));
        }
    }
    rows.sort();
    return rows;
}

} // namespace

class tst_ContactInfoDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void showsTheContactsCardAndOnlineDevices();

private:
    ProsodyFixture m_server { ProsodyFixture::Options { .accounts = { u"alice"_s, u"bob"_s } } };
};

void tst_ContactInfoDialog::initTestCase()
{
    qRegisterMetaType<QList<RosterItem>>();
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void tst_ContactInfoDialog::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(6000);
    }
}

void tst_ContactInfoDialog::showsTheContactsCardAndOnlineDevices()
{
    auto alice = signIn(m_server, u"alice"_s);
    auto bob = signIn(m_server, u"bob"_s);
    QVERIFY(alice && bob);
    // bob lets alice see his presence.
    connect((*bob)->subscriptions(), &SubscriptionManager::subscriptionRequested, bob->session.get(),
        [&bob](const Jid &jid) { (*bob)->subscriptions()->approve(jid); });
    await((*alice)->roster()->addOrUpdate(bob->bareJid, u"Bobby"_s, {}));
    await((*alice)->subscriptions()->request(bob->bareJid));
    QTRY_VERIFY_WITH_TIMEOUT(
        (*alice)->roster()->item(bob->bareJid) && (*alice)->roster()->item(bob->bareJid)->isSubscribedToThem(), 20000);
    await((*bob)->presence()->setPresence(Presence::Show::Away, u"在开会"_s));

    VCard card;
    card.fullName = u"Bob Builder"_s;
    card.emails = { u"bob@example.test"_s };
    card.organisation = u"示例公司"_s;
    card.birthday = QDate(1985, 2, 3);
    QVERIFY(std::holds_alternative<std::monostate>(await((*bob)->vcards()->publish(card))));

    ContactInfoDialog dialog(alice->session.get(), bob->bareJid);
    dialog.show();
    QVERIFY(dialog.windowTitle().contains(bob->bareJid.toString()));
    QCOMPARE(dialog.findChild<QLabel *>(u"name"_s)->text(), u"Bobby"_s); // the name alice gave him
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), 20000);
    QCOMPARE(dialog.fieldText(u"fullName"_s), u"Bob Builder"_s);
    QCOMPARE(dialog.fieldText(u"email"_s), u"bob@example.test"_s);
    QCOMPARE(dialog.fieldText(u"organisation"_s), u"示例公司"_s);
    QVERIFY(!dialog.fieldText(u"birthday"_s).isEmpty());
    QCOMPARE(dialog.fieldText(u"phone"_s), QString());
    QVERIFY(dialog.findChild<QLabel *>(u"fullName"_s)->isVisible());
    QVERIFY(!dialog.findChild<QLabel *>(u"phone"_s)->isVisible()); // unset fields are left out

    QTRY_COMPARE_WITH_TIMEOUT(listed(dialog), QStringList { u"desktop|在开会"_s }, 20000);
    // The client's name, from its XEP-0115 capabilities.
    QTRY_COMPARE_WITH_TIMEOUT(dialog.resourceList()->topLevelItem(0)->text(3), u"Confab"_s, 20000);

    // A second device comes online while the dialog is open, then goes.
    auto bobPhone = signIn(m_server, u"bob"_s, u"phone"_s);
    QVERIFY(bobPhone);
    QTRY_COMPARE_WITH_TIMEOUT(listed(dialog), (QStringList { u"desktop|在开会"_s, u"phone|"_s }), 20000);
    (*bobPhone)->signOut();
    QTRY_COMPARE_WITH_TIMEOUT(listed(dialog), QStringList { u"desktop|在开会"_s }, 20000);
}

QTEST_MAIN(tst_ContactInfoDialog)
#include "tst_ContactInfoDialog.moc"
