// SPDX-License-Identifier: Apache-2.0
// History benchmark (issue: one-to-one chats): 1,000,000 messages, one conversation of 100,000 of them.
// - the newest page of the big conversation through MessageStore::page() (thread hop included), against a
//   plain "SELECT ... ORDER BY id DESC LIMIT 50" on the same table on the benchmark's own connection;
// - a word searched through FTS5 (trigram), against a LIKE scan over the same table;
// - a two-character Chinese word (the LIKE fallback, bounded to the newest rows);
// - the heap of a ConversationModel after one page, after scrolling 20 pages and after scrolling through all
//   100,000 messages of the big conversation and back (16 bytes a row plus a bounded cache of full messages),
//   and after one page of a small conversation.
#include "models/ConversationModel.h"
#include "storage/MessageStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <malloc.h>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

constexpr int Total = 1'000'000;
constexpr int SmallConversations = 900;
constexpr int Batch = 10'000;
constexpr int Runs = 15;

template <typename T> T await(QFuture<T> future)
{
    while (!future.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return future.result();
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

template <typename F> double medianMs(F &&body)
{
    QList<double> times;
    for (int run = 0; run < Runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        body();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

size_t heapInUse()
{
    return mallinfo2().uordblks;
}

const QStringList Words = { u"hello"_s, u"meeting"_s, u"tomorrow"_s, u"coffee"_s, u"project"_s, u"release"_s,
    u"review"_s, u"lunch"_s, u"你好"_s, u"谢谢"_s, u"明天见"_s, u"会议"_s, u"today"_s, u"build"_s, u"test"_s, u"ok"_s };

/// A well-mixed hash (murmur3's finaliser), so that every conversation gets every word.
quint32 mix(quint32 h)
{
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

QString bodyFor(quint32 i)
{
    QString body;
    quint32 seed = i;
    for (int w = 0; w < 5; ++w) {
        seed = mix(seed + 0x9e3779b9u);
        body += Words.at(int(seed % quint32(Words.size()))) + u' ';
    }
    // One message in a thousand carries a rare word, for a selective search.
    if (mix(i ^ 0xabcdefu) % 1000 == 7) {
        body += u"zanzibar"_s;
    }
    return body;
}

Jid conversationOf(int i)
{
    // Every tenth message is the big conversation's; the others are spread over the small ones.
    if (i % 10 == 0) {
        return Jid::fromString(u"big@example.test"_s);
    }
    return Jid::fromString(u"c%1@example.test"_s.arg(i % SmallConversations));
}

/// Writes the history straight into the store's tables (a trigger keeps the conversation list; the batch
/// is indexed for search like MessageStore does it), one transaction per batch: the store's insertMany() checks three
/// dedupe rules per message, which is right for a stanza and far too slow for making a million of them.
void fill(QSqlDatabase &db, int total)
{
    QSqlQuery query(db);
    query.exec(u"PRAGMA cache_size=-262144"_s); // 256 MiB while building, so index inserts stay in memory
    const qint64 start = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    query.prepare(u"INSERT INTO message (conversation, sender, sender_bare, outgoing, type, body, stanza_id, "
                  u"timestamp, state) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)"_s);
    QElapsedTimer timer;
    timer.start();
    qint64 indexed = 0; // the store is empty before: ids are 1, 2, 3, ...
    for (int first = 0; first < total; first += Batch) {
        db.transaction();
        for (int i = first; i < first + Batch; ++i) {
            const Jid conversation = conversationOf(i);
            const bool mine = i % 3 == 0;
            query.addBindValue(conversation.bareString());
            query.addBindValue(mine ? u"me@example.test/desktop"_s : conversation.bareString() + u"/phone"_s);
            query.addBindValue(mine ? u"me@example.test"_s : conversation.bareString());
            query.addBindValue(mine ? 1 : 0);
            query.addBindValue(bodyFor(quint32(i)));
            query.addBindValue(u"s%1"_s.arg(i, 8, 10, QLatin1Char('0')));
            query.addBindValue(start + qint64(i) * 30'000);
            query.addBindValue(int(mine ? StoredMessage::State::Displayed : StoredMessage::State::Received));
            query.exec();
        }
        // As MessageStore does it: one statement indexes the batch (an FTS5 insert per row would flush a
        // segment per row).
        QSqlQuery index(db);
        index.prepare(u"INSERT INTO message_fts (rowid, body) SELECT id, body FROM message WHERE id > ?"_s);
        index.addBindValue(indexed);
        index.exec();
        indexed += Batch;
        db.commit();
        if ((first / Batch) % 20 == 19) {
            std::fprintf(stderr, "%d rows, %.1f s\n", first + Batch, double(timer.elapsed()) / 1000.0);
        }
    }
    query.exec(u"PRAGMA cache_size=-2000"_s);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"messages.sqlite"_s);
    MessageStore store(path);
    if (!await(store.open()).isEmpty()) {
        return 1;
    }
    const int total = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : Total;

    // The baseline's own connection to the same file (WAL: it reads beside the store's thread).
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"baseline"_s);
    db.setDatabaseName(path);
    db.open();
    QElapsedTimer timer;
    timer.start();
    fill(db, total);
    std::printf(
        "built %d messages (%d in one conversation) in %.1f s\n", total, total / 10, double(timer.elapsed()) / 1000.0);
    const Jid big = Jid::fromString(u"big@example.test"_s);
    const Jid small = Jid::fromString(u"c1@example.test"_s);

    auto rawRows = [&db](const QString &sql) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.exec(sql);
        int rows = 0;
        while (query.next()) {
            query.value(5).toString();
            ++rows;
        }
        return rows;
    };

    int rows = 0;
    const double page = medianMs([&] { rows = int(await(store.page(big, 0, 50)).size()); });
    const double pageBase = medianMs([&] {
        rawRows(u"SELECT id, conversation, sender, outgoing, type, body, timestamp, state FROM message "
                u"WHERE conversation = 'big@example.test' ORDER BY id DESC LIMIT 50"_s);
    });
    const double pageTableBase = medianMs([&] {
        rawRows(u"SELECT id, conversation, sender, outgoing, type, body, timestamp, state FROM message "
                u"ORDER BY id DESC LIMIT 50"_s);
    });
    std::printf("newest page (%d rows):           %8.3f ms  | raw SELECT same conversation %7.3f ms (x%.2f), "
                "raw SELECT ORDER BY id DESC LIMIT 50 %7.3f ms (x%.2f)\n",
        rows, page, pageBase, page / pageBase, pageTableBase, page / pageTableBase);

    const double older = medianMs([&] { await(store.page(big, 50'000, 50)); });
    std::printf("page in the middle (before id 50000): %8.3f ms\n", older);

    int found = 0;
    const double search = medianMs([&] { found = int(await(store.search(u"zanzibar"_s, {}, 100)).size()); });
    const double searchBase = medianMs([&] {
        rawRows(u"SELECT id, conversation, sender, outgoing, type, body FROM message WHERE body LIKE '%zanzibar%' "
                u"ORDER BY id DESC LIMIT 100"_s);
    });
    std::printf("search 'zanzibar' (%d hits):      %8.3f ms  | LIKE scan %8.3f ms (x%.3f)\n", found, search, searchBase,
        search / searchBase);

    const double searchConv = medianMs([&] { found = int(await(store.search(u"zanzibar"_s, big, 100)).size()); });
    const double searchConvBase = medianMs([&] {
        rawRows(u"SELECT id, conversation, sender, outgoing, type, body FROM message WHERE conversation = "
                u"'big@example.test' AND body LIKE '%zanzibar%' ORDER BY id DESC LIMIT 100"_s);
    });
    std::printf("search 'zanzibar' in big (%d):   %8.3f ms  | LIKE scan %8.3f ms (x%.3f)\n", found, searchConv,
        searchConvBase, searchConv / searchConvBase);

    const double common = medianMs([&] { found = int(await(store.search(u"明天见"_s, {}, 100)).size()); });
    std::printf("search '明天见' (common, %d):     %8.3f ms\n", found, common);

    const double shortWord = medianMs([&] { found = int(await(store.search(u"会议"_s, big, 100)).size()); });
    int baseFound = 0;
    const double shortBase = medianMs([&] {
        baseFound = rawRows(u"SELECT id, conversation, sender, outgoing, type, body FROM message WHERE conversation = "
                            u"'big@example.test' AND body LIKE '%会议%' ORDER BY id DESC LIMIT 100"_s);
    });
    const double shortRare = medianMs([&] { await(store.search(u"zq"_s, big, 100)); });
    std::printf("search '会议' in big (fallback, %d hits): %8.3f ms  | LIKE scan (%d hits) %8.3f ms (x%.2f); "
                "'zq' (no hit: bounded scan of the newest rows) %8.3f ms\n",
        found, shortWord, baseFound, shortBase, shortWord / shortBase, shortRare);

    // The model's heap after `pages` pages (scrolling up), then reading every row once (scrolling back down, as a
    // view painting them would): rows keep 16 bytes each, full messages only in the bounded cache.
    auto modelHeap = [&store](const Jid &conversation, int pages) {
        const size_t before = heapInUse();
        auto *model = new ConversationModel(&store, conversation);
        for (int i = 0; i < pages && model->canFetchMore({}); ++i) {
            model->fetchMore({});
            while (model->isLoading()) {
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            }
        }
        for (int row = 0; row < model->rowCount(); ++row) {
            while (!model->index(row).data(ConversationModel::BodyRole).isValid()) {
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            }
        }
        const size_t after = heapInUse();
        const int loaded = model->rowCount();
        const int cached = model->cachedCount();
        delete model;
        return std::tuple { loaded, double(after - before) / 1024.0, cached };
    };
    const auto [bigRows1, bigHeap1, bigCached1] = modelHeap(big, 1);
    const auto [bigRows20, bigHeap20, bigCached20] = modelHeap(big, 20);
    const auto [bigRowsAll, bigHeapAll, bigCachedAll] = modelHeap(big, std::numeric_limits<int>::max());
    const auto [smallRows1, smallHeap1, smallCached1] = modelHeap(small, 1);
    std::printf("ConversationModel heap: big conversation 1 page (%d rows) %.1f KiB, 20 pages (%d rows) %.1f KiB "
                "(x%.1f for x20 rows); small conversation 1 page (%d rows) %.1f KiB (big/small x%.2f)\n",
        bigRows1, bigHeap1, bigRows20, bigHeap20, bigHeap20 / bigHeap1, smallRows1, smallHeap1, bigHeap1 / smallHeap1);
    std::printf("ConversationModel heap after scrolling all %d rows up and down again: %.1f KiB (%d messages cached) "
                "vs one page (%d rows, %d cached) %.1f KiB: x%.1f for x%.0f rows\n",
        bigRowsAll, bigHeapAll, bigCachedAll, bigRows1, bigCached1, bigHeap1, bigHeapAll / bigHeap1,
        double(bigRowsAll) / bigRows1);
    std::printf("total %.1f s\n", double(timer.elapsed()) / 1000.0);
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"baseline"_s);
    return 0;
}
