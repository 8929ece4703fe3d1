// SPDX-License-Identifier: Apache-2.0
#include "sasl/OpaqueString.h"

namespace confab::sasl {

std::optional<QString> prepareOpaqueString(QStringView input)
{
    if (!input.isValidUtf16()) {
        return std::nullopt;
    }
    // RFC 8265 §4.2.1 additional mapping: non-ASCII space characters (Zs, all in the BMP) become U+0020.
    QString mapped;
    mapped.reserve(input.size());
    for (const QChar c : input) {
        mapped += c.category() == QChar::Separator_Space ? QChar(u' ') : c;
    }
    QString prepared = mapped.normalized(QString::NormalizationForm_C);
    // RFC 8264 §9.9: controls are disallowed in every PRECIS class; a NUL would also break PLAIN's framing.
    for (const QChar c : std::as_const(prepared)) {
        if (c.category() == QChar::Other_Control) {
            return std::nullopt;
        }
    }
    if (prepared.isEmpty()) {
        return std::nullopt; // RFC 8265 §4.2.2: the empty string is not allowed
    }
    return prepared;
}

} // namespace confab::sasl
