// SPDX-License-Identifier: Apache-2.0
// Chat delegate benchmark (issue 5: the chat window): a conversation of 100,000 messages in a MessageStore,
// 2,000 of them loaded through ConversationModel and the chat's ChatHistoryModel, each row painted by
// MessageDelegate into a HiDPI (2x) image:
// - cold: the first paint of a row (its text layout is built and cached);
// - warm: the same rows again (what scrolling costs);
// - baseline: QStyledItemDelegate's default paint of the same rows (body as display text, word-wrapped),
//   measured in the same run, so the ratio holds whatever the machine.
// Figures are the median time per row; target: well under 2 ms per row.
#include "chat/ChatHistoryModel.h"
#include "chat/MessageDelegate.h"
#include "models/ConversationModel.h"
#include "storage/MessageStore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::ui;

namespace {

constexpr int Total = 100'000;
constexpr int Batch = 10'000;
constexpr int Painted = 2'000;
constexpr int Width = 600;

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
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(qMin(values.size() - 1, qsizetype(values.size() * p)));
}

QString body(int i)
{
    switch (i % 6) {
    case 0:
        return u"ok %1"_s.arg(i);
    case 1:
        return u"Could you look at https://example.org/issues/%1 before the meeting? Thanks!"_s.arg(i);
    case 2:
        return u"我们明天下午三点在会议室见面，讨论第%1号问题的解决方案。😀"_s.arg(i);
    case 3:
        return QString(u"A longer message that wraps over several lines in a normal chat window, number %1. "_s)
            .arg(i)
            .repeated(4);
    case 4:
        return u"line one\nline two\nline three (%1)"_s.arg(i);
    default:
        return u"Sounds good — see you then. xmpp:room@conference.example.org?join #%1"_s.arg(i);
    }
}

/// Milliseconds per row for painting every row of `model` once with `delegate`.
QList<double> paintAll(QAbstractItemDelegate &delegate, const QAbstractItemModel &model, QImage &image,
    const QStyleOptionViewItem &base, bool wrap)
{
    QList<double> times;
    times.reserve(model.rowCount());
    QPainter painter(&image);
    QElapsedTimer timer;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        QStyleOptionViewItem option = base;
        timer.start();
        const QSize size = delegate.sizeHint(option, index);
        option.rect = QRect(0, 0, Width, qMin(size.height(), image.height() / 2));
        if (wrap) {
            option.features |= QStyleOptionViewItem::WrapText;
        }
        delegate.paint(&painter, option, index);
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return times;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QTemporaryDir dir;
    MessageStore store(dir.filePath(u"messages.sqlite"_s));
    if (!await(store.open()).isEmpty()) {
        std::fprintf(stderr, "cannot open the store\n");
        return 1;
    }
    const Jid contact = Jid::fromString(u"bob@example.org");
    const Jid me = Jid::fromString(u"alice@example.org/desk");
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-30LL * Total);
    QElapsedTimer fill;
    fill.start();
    for (int first = 0; first < Total; first += Batch) {
        QList<StoredMessage> batch;
        batch.reserve(Batch);
        for (int i = first; i < first + Batch; ++i) {
            StoredMessage m;
            m.conversation = contact;
            const bool outgoing = i % 3 == 0;
            m.direction = outgoing ? StoredMessage::Direction::Outgoing : StoredMessage::Direction::Incoming;
            m.sender = outgoing ? me : contact.withResource(i % 7 == 0 ? u"phone" : u"laptop");
            m.body = body(i);
            m.messageId = m.originId = u"m%1"_s.arg(i);
            m.timestamp = start.addSecs(30LL * i);
            m.state = outgoing ? StoredMessage::State(i % 5) : StoredMessage::State::Displayed;
            m.edited = i % 11 == 0;
            batch.append(m);
        }
        await(store.insertMany(batch));
    }
    std::printf("filled %d messages in %.1f s\n", Total, double(fill.elapsed()) / 1000);

    ConversationModel conversation(&store, contact);
    conversation.setPageSize(Painted);
    ChatHistoryModel history(&conversation, &store, [](const QString &jid) { return jid; });
    history.loadOlder();
    while (history.rowCount() < Painted) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }

    QImage image(QSize(Width, 400) * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(QApplication::palette().color(QPalette::Base));
    QStyleOptionViewItem option;
    option.font = QApplication::font();
    option.palette = QApplication::palette();
    option.rect = QRect(0, 0, Width, 0);
    option.state = QStyle::State_Enabled | QStyle::State_Active;

    MessageDelegate ours;
    ours.setWidth(Width);
    ours.setShowResources(true);
    QStyledItemDelegate baseline;
    // One untimed pass each, so fonts and glyph caches are warm for both.
    {
        MessageDelegate warmup;
        warmup.setWidth(Width);
        paintAll(warmup, history, image, option, false);
        paintAll(baseline, history, image, option, true);
    }
    const QList<double> cold = paintAll(ours, history, image, option, false);
    const QList<double> warm = paintAll(ours, history, image, option, false);
    const QList<double> plain = paintAll(baseline, history, image, option, true);

    std::printf("rows painted: %d of %d (2x device pixel ratio, %d px wide)\n", int(history.rowCount()), Total, Width);
    std::printf("MessageDelegate cold (layout + paint): median %.3f ms/row, p95 %.3f ms, max %.3f ms\n", median(cold),
        percentile(cold, 0.95), percentile(cold, 1.0));
    std::printf("MessageDelegate warm (cached layout):  median %.3f ms/row, p95 %.3f ms, max %.3f ms\n", median(warm),
        percentile(warm, 0.95), percentile(warm, 1.0));
    std::printf("QStyledItemDelegate baseline:          median %.3f ms/row, p95 %.3f ms\n", median(plain),
        percentile(plain, 0.95));
    std::printf("ratio cold/baseline %.2f, warm/baseline %.2f; target < 2 ms/row: %s\n", median(cold) / median(plain),
        median(warm) / median(plain), percentile(cold, 0.95) < 2.0 ? "met (p95)" : "NOT met");
    return 0;
}
