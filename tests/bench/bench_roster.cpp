// SPDX-License-Identifier: Apache-2.0
// Roster benchmark (issue: contacts and presence): 5,000 contacts in 50 groups, 1,000 of them online.
// - from the server's roster result (bytes) to the model fully populated, with the presences applied;
// - the same from the versioned SQLite cache (RosterStore) instead of the server's result;
// - 50,000 contacts inserted into a model that already shows a roster;
// - heap per contact beyond the empty baseline (mallinfo2);
// each against a baseline measured in the same run: a QStandardItemModel tree of the same contacts.
#include "models/RosterModel.h"
#include "storage/RosterStore.h"
#include "xml/XmlStreamParser.h"
#include "xml/XmlWriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStandardItemModel>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <malloc.h>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

constexpr int Runs = 7;

QList<RosterItem> makeRoster(int count, int groups)
{
    QList<RosterItem> items;
    items.reserve(count);
    for (int i = 0; i < count; ++i) {
        RosterItem item;
        item.jid = Jid::fromString(u"contact%1@example.test"_s.arg(i));
        item.name = (i % 7 == 0) ? u"联系人 %1"_s.arg(i) : u"Contact Number %1"_s.arg(i);
        item.groups = { u"Group %1"_s.arg(i % groups) };
        if (i % 10 == 0) {
            item.groups.append(u"Favourites"_s);
        }
        item.subscription = RosterItem::Subscription::Both;
        items.append(item);
    }
    return items;
}

QByteArray rosterResultBytes(const QList<RosterItem> &items)
{
    XmlElement iq(u"iq"_s, u"jabber:client"_s);
    iq.setAttribute(u"type"_s, u"result"_s);
    iq.setAttribute(u"id"_s, u"roster1"_s);
    XmlElement query(u"query"_s, u"jabber:iq:roster"_s);
    query.setAttribute(u"ver"_s, u"v5000"_s);
    for (const RosterItem &item : items) {
        query.appendChild(item.toXml());
    }
    iq.appendChild(std::move(query));
    return XmlWriter::streamHeader(u"example.test"_s).replace("<stream:stream", "<stream:stream from='example.test'")
        + XmlWriter::serialize(iq);
}

QList<std::pair<Jid, Presence>> makePresences(const QList<RosterItem> &items, int online)
{
    QList<std::pair<Jid, Presence>> presences;
    for (int i = 0; i < online && i < items.size(); ++i) {
        Presence p;
        p.from = items[i].jid.withResource(u"desktop"_s);
        p.show = i % 3 == 0 ? Presence::Show::Away : Presence::Show::Online;
        p.status = u"status %1"_s.arg(i);
        presences.append({ items[i].jid, p });
    }
    return presences;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

size_t heapInUse()
{
    return mallinfo2().uordblks;
}

/// The same tree in the stock Qt model: groups as items, contacts as their children.
void fillStandardModel(
    QStandardItemModel &model, const QList<RosterItem> &items, const QList<std::pair<Jid, Presence>> &presences)
{
    QHash<QString, QStandardItem *> groups;
    QHash<Jid, QList<QStandardItem *>> rows;
    for (const RosterItem &item : items) {
        for (const QString &g : item.groups) {
            QStandardItem *&group = groups[g];
            if (!group) {
                group = new QStandardItem(g);
                model.appendRow(group);
            }
            auto *row = new QStandardItem(item.name);
            row->setData(item.jid.bareString(), Qt::UserRole + 1);
            group->appendRow(row);
            rows[item.jid].append(row);
        }
    }
    for (const auto &[jid, p] : presences) {
        for (QStandardItem *row : rows.value(jid)) {
            row->setData(int(p.show), Qt::UserRole + 2);
            row->setData(p.status, Qt::UserRole + 3);
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QList<RosterItem> roster = makeRoster(5000, 50);
    const QList<std::pair<Jid, Presence>> presences = makePresences(roster, 1000);
    const QByteArray bytes = rosterResultBytes(roster);

    // 1. Server result -> model, with presences.
    QList<double> fromServer;
    QList<double> baseline;
    for (int run = 0; run < Runs; ++run) {
        QElapsedTimer t;
        t.start();
        QList<RosterItem> items;
        XmlStreamParser parser({ .streamOpened = {},
                                   .elementReceived =
                                       [&items](XmlElement &&iq) {
                                           const XmlElement *query = iq.firstChild(u"query", u"jabber:iq:roster");
                                           items.reserve(query->children().size());
                                           for (const XmlElement &child : query->children()) {
                                               if (auto item = RosterItem::fromXml(child)) {
                                                   items.append(*item);
                                               }
                                           }
                                       },
                                   .streamClosed = {},
                                   .errorOccurred = {} },
            XmlStreamParser::Limits { .maxStanzaBytes = 64 * 1024 * 1024, .maxDepth = 64 });
        parser.feed(bytes);
        RosterModel model;
        model.setRoster(items);
        model.updatePresences(presences);
        fromServer.append(double(t.nsecsElapsed()) / 1e6);
        if (model.contactCount() != 5000) {
            std::fprintf(stderr, "parsed %d contacts\n", model.contactCount());
            return 1;
        }

        QElapsedTimer b;
        b.start();
        QStandardItemModel standard;
        fillStandardModel(standard, roster, presences);
        baseline.append(double(b.nsecsElapsed()) / 1e6);
    }

    // 2. Versioned cache (SQLite) -> model.
    QTemporaryDir dir;
    RosterStore store(dir.filePath(u"roster.sqlite"_s));
    auto waitFor = [](auto future) {
        while (!future.isFinished()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        return future.result();
    };
    waitFor(store.open());
    waitFor(store.replaceAll(roster, u"v5000"_s));
    QList<double> fromCache;
    for (int run = 0; run < Runs; ++run) {
        QElapsedTimer t;
        t.start();
        const auto cached = waitFor(store.load());
        RosterModel model;
        model.setRoster(cached.items);
        model.updatePresences(presences);
        fromCache.append(double(t.nsecsElapsed()) / 1e6);
    }

    // 3. 50,000 contacts into a model already showing the 5,000 (no reset: row insertions per group).
    const QList<RosterItem> big = makeRoster(55000, 50).mid(5000);
    QList<double> insert;
    QList<double> insertBaseline;
    for (int run = 0; run < 3; ++run) {
        RosterModel model;
        model.setRoster(roster);
        QElapsedTimer t;
        t.start();
        model.updateItems(big);
        insert.append(double(t.nsecsElapsed()) / 1e6);
        QStandardItemModel standard;
        QElapsedTimer b;
        b.start();
        fillStandardModel(standard, big, {});
        insertBaseline.append(double(b.nsecsElapsed()) / 1e6);
    }

    // 4. Heap per contact: 50,000 contacts with 10,000 online, beyond an empty model.
    const QList<RosterItem> fifty = makeRoster(50000, 50);
    const QList<std::pair<Jid, Presence>> tenThousand = makePresences(fifty, 10000);
    double perContact = 0;
    double perContactStandard = 0;
    {
        auto *model = new RosterModel;
        const size_t before = heapInUse();
        model->setRoster(fifty);
        model->updatePresences(tenThousand);
        perContact = double(heapInUse() - before) / 50000.0;
        delete model;
    }
    {
        auto *standard = new QStandardItemModel;
        const size_t before = heapInUse();
        fillStandardModel(*standard, fifty, tenThousand);
        perContactStandard = double(heapInUse() - before) / 50000.0;
        delete standard;
    }

    std::printf("roster: 5,000 contacts, 50 groups (+1 for every 10th), 1,000 online; median of %d\n", Runs);
    std::printf("server result -> populated model: %7.1f ms (target < 300 ms)  baseline QStandardItemModel fill: %7.1f "
                "ms  ratio %.2f\n",
        median(fromServer), median(baseline), median(fromServer) / median(baseline));
    std::printf("SQLite cache  -> populated model: %7.1f ms                      ratio to baseline %.2f\n",
        median(fromCache), median(fromCache) / median(baseline));
    std::printf(
        "insert 50,000 contacts into a shown roster: %7.1f ms  baseline QStandardItemModel: %7.1f ms  ratio %.2f\n",
        median(insert), median(insertBaseline), median(insert) / median(insertBaseline));
    std::printf("heap per contact (50,000, 10,000 online): %6.0f bytes (target < 2048)  QStandardItemModel: %6.0f "
                "bytes  ratio %.2f\n",
        perContact, perContactStandard, perContact / perContactStandard);
    return 0;
}
