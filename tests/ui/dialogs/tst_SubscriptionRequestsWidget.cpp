// SPDX-License-Identifier: Apache-2.0
// The contact-request bar against a real Prosody: a request from another account appears, Accept makes the
// subscription mutual once the other side answers our request back, Deny refuses it, and the bar hides
// when nothing is left to answer.
#include "DialogTestSupport.h"
#include "dialogs/SubscriptionRequestsWidget.h"
#include "xmpp/roster/SubscriptionManager.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;
using namespace confab::ui;

namespace {

using Subscription = RosterItem::Subscription;

Subscription subscriptionOf(const SignedInAccount &account, const Jid &contact)
{
    const auto item = account->roster()->item(contact);
    return item ? item->subscription : Subscription::Remove; // Remove: not in the roster
}

} // namespace

class tst_SubscriptionRequestsWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void acceptMakesTheSubscriptionMutual();
    void denyRefusesAndHidesTheBar();

private:
    ProsodyFixture m_server { ProsodyFixture::Options { .accounts = { u"alice"_s, u"bob"_s, u"carol"_s } } };
};

void tst_SubscriptionRequestsWidget::initTestCase()
{
    qRegisterMetaType<QList<RosterItem>>();
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void tst_SubscriptionRequestsWidget::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(6000);
    }
}

void tst_SubscriptionRequestsWidget::acceptMakesTheSubscriptionMutual()
{
    auto alice = signIn(m_server, u"alice"_s);
    auto bob = signIn(m_server, u"bob"_s);
    QVERIFY(alice && bob);

    // Embedded above the contact list, as the main window does.
    QWidget window;
    auto &bar = *new SubscriptionRequestsWidget(alice->session.get(), &window);
    window.show();
    QVERIFY(bar.isHidden());
    QCOMPARE(bar.count(), 0);

    QSignalSpy bobAsked((*bob)->subscriptions(), &SubscriptionManager::subscriptionRequested);
    QVERIFY(
        std::holds_alternative<std::monostate>(await((*bob)->subscriptions()->request(alice->bareJid, u"我是 Bob"_s))));

    QTRY_VERIFY_WITH_TIMEOUT(bar.rowFor(bob->bareJid) != nullptr, 20000);
    QVERIFY(bar.isVisible());
    QWidget *row = bar.rowFor(bob->bareJid);
    const QString text = row->findChild<QLabel *>(u"text"_s)->text();
    QVERIFY2(text.contains(SubscriptionRequestsWidget::tr("%1 wants to add you").arg(bob->bareJid.toString())),
        qPrintable(text));
    QVERIFY(text.contains(u"我是 Bob"_s));
    QVERIFY(row->findChild<QCheckBox *>(u"addToContacts"_s)->isChecked());

    QTest::mouseClick(row->findChild<QPushButton *>(u"accept"_s), Qt::LeftButton);

    // Answered: the row goes, and so does the bar.
    QTRY_VERIFY_WITH_TIMEOUT(bar.rowFor(bob->bareJid) == nullptr, 20000);
    QTRY_VERIFY(bar.isHidden());
    // bob now sees alice; alice asked back, and bob's side answers that.
    QTRY_COMPARE_WITH_TIMEOUT(subscriptionOf(*bob, alice->bareJid), Subscription::To, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!bobAsked.isEmpty(), 20000);
    QCOMPARE(bobAsked.first().first().value<Jid>(), alice->bareJid);
    QVERIFY(std::holds_alternative<std::monostate>(await((*bob)->subscriptions()->approve(alice->bareJid))));

    QTRY_COMPARE_WITH_TIMEOUT(subscriptionOf(*alice, bob->bareJid), Subscription::Both, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(subscriptionOf(*bob, alice->bareJid), Subscription::Both, 20000);
}

void tst_SubscriptionRequestsWidget::denyRefusesAndHidesTheBar()
{
    auto alice = signIn(m_server, u"alice"_s, u"laptop"_s);
    auto carol = signIn(m_server, u"carol"_s);
    QVERIFY(alice && carol);

    QWidget window;
    auto &bar = *new SubscriptionRequestsWidget(alice->session.get(), &window);
    QSignalSpy counts(&bar, &SubscriptionRequestsWidget::countChanged);
    window.show();
    QVERIFY(bar.isHidden());
    QSignalSpy revoked((*carol)->subscriptions(), &SubscriptionManager::subscriptionRevoked);
    QVERIFY(std::holds_alternative<std::monostate>(await((*carol)->subscriptions()->request(alice->bareJid))));
    QTRY_VERIFY_WITH_TIMEOUT(bar.rowFor(carol->bareJid) != nullptr, 20000);
    QVERIFY(bar.isVisible());
    QCOMPARE(counts.last().first().toInt(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(
        (*carol)->roster()->item(alice->bareJid) && (*carol)->roster()->item(alice->bareJid)->ask, 20000);

    QTest::mouseClick(bar.rowFor(carol->bareJid)->findChild<QPushButton *>(u"deny"_s), Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(bar.rowFor(carol->bareJid) == nullptr, 20000);
    QVERIFY(bar.isHidden());
    QCOMPARE(counts.last().first().toInt(), 0);
    QVERIFY(!(*alice)->subscriptions()->hasPendingRequest(carol->bareJid));
    // carol learns she was refused; her request is no longer pending and she sees nothing of alice.
    QTRY_VERIFY_WITH_TIMEOUT(!revoked.isEmpty(), 20000);
    QCOMPARE(revoked.first().first().value<Jid>(), alice->bareJid);
    QTRY_VERIFY_WITH_TIMEOUT(
        (*carol)->roster()->item(alice->bareJid) && !(*carol)->roster()->item(alice->bareJid)->ask, 20000);
    QCOMPARE(subscriptionOf(*carol, alice->bareJid), Subscription::None);
    // Nor does alice have carol as a contact.
    QVERIFY(subscriptionOf(*alice, carol->bareJid) != Subscription::From);
}

QTEST_MAIN(tst_SubscriptionRequestsWidget)
#include "tst_SubscriptionRequestsWidget.moc"
