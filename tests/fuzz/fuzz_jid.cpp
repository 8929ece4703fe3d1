// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for Jid::parse (RFC 7622). The input is read twice: as UTF-8 (what the network gives)
// and as UTF-16 code units (what a QString from the UI can hold, lone surrogates included).
//
// Oracles (an abort() on failure):
//   - no ASan/UBSan report;
//   - a parsed JID is valid, and parse(toString()) gives an equal JID (normalisation is idempotent);
//   - bare(), bareString(), withResource() and fromParts() agree with the parts;
//   - fromString() agrees with parse();
//   - each normalised part is at most 1023 bytes of UTF-8 (RFC 7622 §3.2-3.4); the domain is not empty.
#include "base/Jid.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using confab::Jid;
using confab::JidError;

namespace {

[[noreturn]] void fail(const char *what, const QString &input)
{
    std::fprintf(stderr, "fuzz_jid oracle failed: %s\ninput: %s\n", what, input.toUtf8().toHex().constData());
    std::abort();
}

void check(const QString &input)
{
    const auto parsed = Jid::parse(input);
    const Jid viaFromString = Jid::fromString(input);
    const Jid *jid = std::get_if<Jid>(&parsed);
    if (!jid) {
        if (!viaFromString.isNull()) {
            fail("fromString() accepts what parse() refuses", input);
        }
        const JidError &error = std::get<JidError>(parsed);
        if (error.message.isEmpty()) {
            fail("an error without a message", input);
        }
        return;
    }
    if (viaFromString != *jid) {
        fail("fromString() differs from parse()", input);
    }
    if (!jid->isValid() || jid->domain().isEmpty()) {
        fail("a parsed JID without a domain", input);
    }
    if (jid->local().toUtf8().size() > 1023 || jid->domain().toUtf8().size() > 1023
        || jid->resource().toUtf8().size() > 1023) {
        fail("a normalised part over 1023 bytes", input);
    }

    // Idempotence: the normalised form parses to itself.
    const QString text = jid->toString();
    const auto reparsed = Jid::parse(text);
    const Jid *again = std::get_if<Jid>(&reparsed);
    if (!again) {
        fail("toString() of a parsed JID does not parse", input);
    }
    if (*again != *jid || again->toString() != text) {
        fail("parse(toString()) differs from the JID", input);
    }
    if (qHash(*again) != qHash(*jid)) {
        fail("equal JIDs hash differently", input);
    }

    // Bare and full forms.
    const Jid bare = jid->bare();
    if (!bare.isBare() || bare.local() != jid->local() || bare.domain() != jid->domain()) {
        fail("bare() does not keep localpart and domain", input);
    }
    if (bare.toString() != jid->bareString()) {
        fail("bare().toString() differs from bareString()", input);
    }
    if (Jid::fromString(jid->bareString()) != bare) {
        fail("bareString() does not parse to bare()", input);
    }
    if (jid->withResource(jid->resource()) != *jid || bare.withResource(jid->resource()) != *jid) {
        fail("withResource(resource()) does not give the JID back", input);
    }
    if (jid->withResource({}) != bare) {
        fail("withResource({}) is not bare()", input);
    }
    if (jid->isFull() == jid->isBare()) {
        fail("a JID is both or neither full and bare", input);
    }
    if (Jid::fromParts(jid->local(), jid->domain(), jid->resource()) != *jid) {
        fail("fromParts() of the parts differs from the JID", input);
    }
    // Exercised for ASan/UBSan only: the ACE form may legitimately be empty for odd U-labels.
    (void)jid->domainAce();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Jid::parse refuses very long inputs before any work; larger inputs only slow the fuzzer down.
    if (size > 16 * 1024) {
        return 0;
    }
    check(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    QString utf16(qsizetype(size / 2), Qt::Uninitialized);
    if (!utf16.isEmpty()) {
        std::memcpy(utf16.data(), data, std::size_t(utf16.size()) * 2);
    }
    check(utf16);
    return 0;
}
