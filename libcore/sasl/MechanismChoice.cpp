// SPDX-License-Identifier: Apache-2.0
#include "sasl/MechanismChoice.h"

#include <algorithm>
#include <array>

namespace confab::sasl {

namespace {

constexpr std::array PlusByStrength { Mechanism::ScramSha512Plus, Mechanism::ScramSha256Plus,
    Mechanism::ScramSha1Plus };
constexpr std::array ScramByStrength { Mechanism::ScramSha512, Mechanism::ScramSha256, Mechanism::ScramSha1 };

/// The first of our channel-binding types that the server lists. Without the XEP-0440 list we cannot know
/// which type the server binds to (RFC 5802 would assume tls-unique, which Qt cannot compute), so none.
QByteArray commonChannelBinding(const ChoiceContext &context)
{
    if (!context.tlsActive || !context.serverChannelBindings) {
        return {};
    }
    for (const QByteArray &type : context.clientChannelBindings) {
        if (context.serverChannelBindings->contains(type)) {
            return type;
        }
    }
    return {};
}

} // namespace

std::optional<Choice> chooseMechanism(const QStringList &offered, const ChoiceContext &context)
{
    QList<Mechanism> known;
    for (const QString &name : offered) {
        if (const auto mechanism = mechanismFromName(name)) {
            known.append(*mechanism);
        }
    }
    const auto isOffered = [&known](Mechanism mechanism) { return known.contains(mechanism); };

    const QByteArray binding = commonChannelBinding(context);
    if (!binding.isEmpty()) {
        for (const Mechanism mechanism : PlusByStrength) {
            if (isOffered(mechanism)) {
                return Choice { mechanism, binding, 'p' };
            }
        }
    }

    // RFC 5802 §6: 'y' tells a server that offered no -PLUS that we could have bound, so a man in the middle
    // who stripped the -PLUS mechanisms is caught. If the server did offer -PLUS but we share no binding type
    // with it, XEP-0440 (Business Rules) requires 'n': the server supports binding and would rightly refuse 'y'.
    const bool serverOfferedPlus
        = std::any_of(PlusByStrength.begin(), PlusByStrength.end(), [&](Mechanism m) { return isOffered(m); });
    const bool clientCanBind = context.tlsActive && !context.clientChannelBindings.isEmpty();
    const char flag = clientCanBind && !serverOfferedPlus ? 'y' : 'n';
    for (const Mechanism mechanism : ScramByStrength) {
        if (isOffered(mechanism)) {
            return Choice { mechanism, {}, flag };
        }
    }

    // RFC 4616 §5: PLAIN sends the password itself, so it is only ever used under TLS.
    if (context.tlsActive && isOffered(Mechanism::Plain)) {
        return Choice { Mechanism::Plain, {}, 'n' };
    }
    return std::nullopt;
}

} // namespace confab::sasl
