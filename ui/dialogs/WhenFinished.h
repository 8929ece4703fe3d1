// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace confab::ui {

/// Calls `handler(result)` on `context`'s thread once `future` finishes, unless `context` is gone by then: a
/// dialog closed while its request is in flight must not be touched by the answer. The watcher is a child of
/// `context`, so destroying the dialog disconnects it (QFuture::then(context, ...) in Qt 6.4 does not promise
/// that).
template <typename T, typename Handler> void whenFinished(const QFuture<T> &future, QObject *context, Handler handler)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, context, [watcher, handler = std::move(handler)]() mutable {
            watcher->deleteLater();
            if (watcher->future().isCanceled() || watcher->future().resultCount() == 0) {
                return;
            }
            handler(watcher->future().result());
        });
    watcher->setFuture(future);
}

} // namespace confab::ui
