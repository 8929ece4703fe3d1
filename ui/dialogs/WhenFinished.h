// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/XmppError.h"

#include <QCoreApplication>
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <type_traits>
#include <utility>

namespace confab::ui {

/// Calls `handler(result)` on `context`'s thread once `future` finishes, unless `context` is gone by then: a
/// dialog closed while its request is in flight must not be touched by the answer. The watcher is a child of
/// `context`, so destroying the dialog disconnects it (QFuture::then(context, ...) in Qt 6.4 does not promise
/// that). A future abandoned without a result (its Client went away) reaches a handler whose result type can
/// hold an XmppError as a NetworkError, so that no dialog stays busy for ever.
template <typename T, typename Handler> void whenFinished(const QFuture<T> &future, QObject *context, Handler handler)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, context, [watcher, handler = std::move(handler)]() mutable {
            watcher->deleteLater();
            if (watcher->future().isCanceled() || watcher->future().resultCount() == 0) {
                if constexpr (std::is_constructible_v<T, XmppError>) {
                    handler(T(XmppError(NetworkError { QCoreApplication::translate(
                        "confab::ui::Dialogs", "The connection went away before the server answered.") })));
                }
                return;
            }
            handler(watcher->future().result());
        });
    watcher->setFuture(future);
}

} // namespace confab::ui
