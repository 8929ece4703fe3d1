// SPDX-License-Identifier: Apache-2.0
// The contact list as a user meets it: typing filters it, folded groups stay folded, Enter opens a chat,
// and each row reads out its full text (name, presence, status) to a screen reader.
#include "models/RosterFilterModel.h"
#include "models/RosterModel.h"
#include "roster/RosterDelegate.h"
#include "roster/RosterView.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

RosterItem item(const QString &jid, const QString &name, const QStringList &groups)
{
    RosterItem result;
    result.jid = Jid::fromString(jid);
    result.name = name;
    result.groups = groups;
    result.subscription = RosterItem::Subscription::Both;
    return result;
}

Presence available(const QString &jid, Presence::Show show, const QString &status)
{
    Presence presence;
    presence.from = Jid::fromString(jid);
    presence.show = show;
    presence.status = status;
    return presence;
}

/// The contact rows the view shows, by name, in order.
QStringList visibleContacts(const QAbstractItemModel &model)
{
    QStringList names;
    for (int group = 0; group < model.rowCount(); ++group) {
        const QModelIndex groupIndex = model.index(group, 0);
        for (int row = 0; row < model.rowCount(groupIndex); ++row) {
            names.append(model.index(row, 0, groupIndex).data().toString());
        }
    }
    return names;
}

} // namespace

class RosterViewTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void typingFiltersByNameAndAddress();
    void chineseNamesFilter();
    void enterOpensTheChat();
    void foldedGroupsStayFolded();
    void rowsReadTheirFullText();
    void delegatePaintsEveryKindOfRow();

private:
    RosterModel *m_model = nullptr;
    RosterFilterModel *m_filter = nullptr;
    ui::RosterView *m_view = nullptr;
};

void RosterViewTest::init()
{
    m_model = new RosterModel(this);
    m_model->setRoster({ item(u"alice@example.test"_s, u"Alice Liddell"_s, { u"Friends"_s }),
        item(u"bob@example.test"_s, u"Bob"_s, { u"Work"_s }),
        item(u"wang@example.test"_s, u"王小明"_s, { u"Friends"_s, u"Work"_s }),
        item(u"carol@example.test"_s, {}, {}) });
    m_model->updatePresences({ { Jid::fromString(u"alice@example.test"_s),
        available(u"alice@example.test/phone"_s, Presence::Show::Away, u"At lunch 🍜"_s) } });
    m_filter = new RosterFilterModel(this);
    m_filter->setSourceModel(m_model);
    new QAbstractItemModelTester(m_filter, QAbstractItemModelTester::FailureReportingMode::QtTest, m_filter);
    m_view = new ui::RosterView;
    m_view->setModel(m_filter);
    m_view->resize(300, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void RosterViewTest::cleanup()
{
    delete m_view;
    delete m_filter;
    delete m_model;
}

void RosterViewTest::typingFiltersByNameAndAddress()
{
    QVERIFY(visibleContacts(*m_filter).contains(u"Bob"_s));
    m_filter->setFilterText(u"ali"_s);
    QCOMPARE(visibleContacts(*m_filter), QStringList { u"Alice Liddell"_s });
    // By address, too (carol has no name: she shows as her address).
    m_filter->setFilterText(u"carol@"_s);
    QCOMPARE(visibleContacts(*m_filter).size(), 1);
    QVERIFY(visibleContacts(*m_filter).first().contains(u"carol"_s));
    m_filter->setFilterText(u"nobody-by-this-name"_s);
    QCOMPARE(m_filter->rowCount(), 0); // groups without a match disappear too
    m_filter->setFilterText({});
    QCOMPARE(visibleContacts(*m_filter).size(), 5); // 王小明 is in two groups
}

void RosterViewTest::chineseNamesFilter()
{
    m_filter->setFilterText(u"小明"_s);
    QCOMPARE(visibleContacts(*m_filter), (QStringList { u"王小明"_s, u"王小明"_s }));
}

void RosterViewTest::enterOpensTheChat()
{
    QSignalSpy chat(m_view, &ui::RosterView::chatRequested);
    m_filter->setFilterText(u"Bob"_s);
    const QModelIndex bob = m_filter->index(0, 0, m_filter->index(0, 0));
    QCOMPARE(bob.data().toString(), u"Bob"_s);
    m_view->setFocus();
    m_view->setCurrentIndex(bob);
    QTest::keyClick(m_view, Qt::Key_Return);
    QCOMPARE(chat.size(), 1);
    QCOMPARE(chat.first().first().value<Jid>(), Jid::fromString(u"bob@example.test"_s));
    // Enter on a group folds it instead of opening anything.
    m_view->setCurrentIndex(m_filter->index(0, 0));
    QTest::keyClick(m_view, Qt::Key_Return);
    QCOMPARE(chat.size(), 1);
    QVERIFY(!m_view->isExpanded(m_filter->index(0, 0)));
}

void RosterViewTest::foldedGroupsStayFolded()
{
    QSignalSpy changed(m_view, &ui::RosterView::collapsedGroupsChanged);
    QModelIndex friends;
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        if (m_filter->index(row, 0).data().toString() == u"Friends") {
            friends = m_filter->index(row, 0);
        }
    }
    QVERIFY(friends.isValid());
    QVERIFY(m_view->isExpanded(friends));
    m_view->collapse(friends);
    QCOMPARE(m_view->collapsedGroups(), QStringList { u"Friends"_s });
    QCOMPARE(changed.size(), 1);
    // A filter rebuilds the rows; the user's folding survives it.
    m_filter->setFilterText(u"a"_s);
    m_filter->setFilterText({});
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex group = m_filter->index(row, 0);
        QCOMPARE(m_view->isExpanded(group), group.data().toString() != u"Friends");
    }
}

void RosterViewTest::rowsReadTheirFullText()
{
    m_filter->setFilterText(u"Alice"_s);
    const QModelIndex alice = m_filter->index(0, 0, m_filter->index(0, 0));
    const QString spoken = alice.data(Qt::AccessibleTextRole).toString();
    QVERIFY2(spoken.contains(u"Alice Liddell"_s), qPrintable(spoken));
    QVERIFY2(spoken.contains(u"away"_s, Qt::CaseInsensitive), qPrintable(spoken));
    QVERIFY2(spoken.contains(u"At lunch"_s), qPrintable(spoken));
    QVERIFY(!m_view->accessibleName().isEmpty());
}

void RosterViewTest::delegatePaintsEveryKindOfRow()
{
    // Unread counts, blocked and pending contacts, long names: painted without tripping over any.
    m_model->setUnreadCount(Jid::fromString(u"bob@example.test"_s), 120);
    m_model->setBlocked({ Jid::fromString(u"carol@example.test"_s) });
    ui::RosterDelegate delegate;
    QImage image(300, 60, QImage::Format_ARGB32_Premultiplied);
    for (int group = 0; group < m_filter->rowCount(); ++group) {
        const QModelIndex groupIndex = m_filter->index(group, 0);
        QStyleOptionViewItem option;
        option.rect = QRect(0, 0, 300, 60);
        option.palette = m_view->palette();
        option.font = m_view->font();
        option.widget = m_view;
        QVERIFY(delegate.sizeHint(option, groupIndex).height() > 0);
        for (int row = 0; row < m_filter->rowCount(groupIndex); ++row) {
            image.fill(Qt::transparent);
            QPainter painter(&image);
            const QModelIndex index = m_filter->index(row, 0, groupIndex);
            delegate.paint(&painter, option, index);
            painter.end();
            // Something was drawn (the avatar at least).
            QVERIFY(image.pixel(22, 30) != 0);
        }
    }
}

QTEST_MAIN(RosterViewTest)
#include "tst_RosterView.moc"
