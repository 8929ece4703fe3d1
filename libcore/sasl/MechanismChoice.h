// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sasl/Mechanism.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace confab::sasl {

/// What the client knows when it picks a mechanism from the server's <mechanisms/>.
struct ChoiceContext
{
    /// Whether the stream is encrypted (STARTTLS done or Direct TLS).
    bool tlsActive = false;
    /// Channel-binding types the client can compute on this connection, in order of preference, e.g.
    /// {"tls-server-end-point"}. Qt 6.4 exposes neither tls-unique nor tls-exporter.
    QList<QByteArray> clientChannelBindings;
    /// The types in the server's <sasl-channel-binding xmlns="urn:xmpp:sasl-cb:0"/> (XEP-0440), or nullopt
    /// when the server did not advertise that feature.
    std::optional<QList<QByteArray>> serverChannelBindings;
};

/// A mechanism to run and the GS2 channel-binding flag (RFC 5802 §6) to run it with.
struct Choice
{
    Mechanism mechanism = Mechanism::Plain;
    /// The channel-binding type for a -PLUS mechanism; empty otherwise.
    QByteArray channelBindingType;
    /// 'p' (channel binding used), 'y' (client could bind, server seems not to) or 'n' (no binding).
    char gs2Flag = 'n';

    bool operator==(const Choice &) const = default;
};

/// Picks the strongest offered mechanism the context allows: SCRAM-SHA-512-PLUS, -256-PLUS, -1-PLUS, then
/// SCRAM-SHA-512, -256, -1, then PLAIN. A -PLUS mechanism is chosen only over TLS and with a channel-binding
/// type both sides support (XEP-0440); PLAIN only over TLS. nullopt when nothing offered is acceptable.
std::optional<Choice> chooseMechanism(const QStringList &offered, const ChoiceContext &context);

} // namespace confab::sasl
