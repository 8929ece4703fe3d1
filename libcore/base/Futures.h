// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFuture>

namespace confab {

/// A future that already holds `value`: for requests answered without a round trip (a cache hit, a
/// refusal decided locally). The type is named at the call site so a variant's alternative converts.
template <typename T> QFuture<T> readyFuture(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

} // namespace confab
