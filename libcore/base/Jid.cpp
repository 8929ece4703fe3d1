// SPDX-License-Identifier: Apache-2.0
#include "base/Jid.h"

#include <QCoreApplication>
#include <QUrl>

#include <algorithm>
#include <optional>
#include <string>

namespace confab {

namespace {

using namespace Qt::StringLiterals;

// RFC 7622 §3.2, §3.3, §3.4: each part is at most 1023 octets (UTF-8) once prepared.
constexpr qsizetype MaxPartBytes = 1023;
// RFC 5890 §2.3.2.1 (from RFC 1035): a label, in its A-label form, is at most 63 octets.
constexpr qsizetype MaxLabelBytes = 63;
// Canonical composition merges at most four code points (eight UTF-16 units) into one, so a longer input can
// never prepare to 1023 bytes or fewer: it is refused before any work is spent on it.
constexpr qsizetype MaxInputUnits = 8 * MaxPartBytes;

// text is a QT_TRANSLATE_NOOP("Jid", ...) literal, so lupdate collects it and the UI's translator applies.
JidError makeError(JidError::Kind kind, const char *text)
{
    return JidError { kind, QCoreApplication::translate("Jid", text) };
}

JidError makeError(JidError::Kind kind, const char *text, const QString &argument)
{
    return JidError { kind, QCoreApplication::translate("Jid", text).arg(argument) };
}

bool inRange(char32_t cp, char32_t first, char32_t last)
{
    return cp >= first && cp <= last;
}

std::u32string codePoints(QStringView s)
{
    std::u32string out;
    out.reserve(size_t(s.size()));
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < s.size() && QChar::isLowSurrogate(s[i + 1].unicode())) {
            out.push_back(QChar::surrogateToUcs4(c, s[i + 1].unicode()));
            ++i;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

// Not QString::fromUcs4(), which would take a leading U+FEFF for a byte order mark and drop it.
QString fromCodePoint(char32_t cp)
{
    if (QChar::requiresSurrogates(cp)) {
        const QChar pair[2] = { QChar(QChar::highSurrogate(cp)), QChar(QChar::lowSurrogate(cp)) };
        return QString(pair, 2);
    }
    return QString(QChar(char16_t(cp)));
}

/// "“x” (U+0078)", to name a rejected character in an error message.
QString describe(char32_t cp)
{
    const QString hex = QString::number(quint32(cp), 16).toUpper().rightJustified(4, u'0');
    if (QChar::category(cp) == QChar::Other_Control || QChar::isSpace(cp)) {
        return u"U+"_s + hex;
    }
    return u'"' + fromCodePoint(cp) + u"\" (U+"_s + hex + u')';
}

/// The input as shown in an error message: quoted by the caller, and cut short when it is long.
QString shown(QStringView input)
{
    constexpr qsizetype MaxShown = 80;
    return input.size() <= MaxShown ? input.toString() : input.first(MaxShown).toString() + u'\u2026';
}

qsizetype utf8Size(const QString &s)
{
    return s.toUtf8().size();
}

/// RFC 8264 §9.8 PrecisIgnorableProperties: Default_Ignorable_Code_Point (DerivedCoreProperties.txt) or
/// Noncharacter_Code_Point. Qt does not expose these properties, so the (stable) ranges are listed here.
bool isIgnorable(char32_t cp)
{
    if (inRange(cp, 0xFDD0, 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
        return true;
    }
    return cp == 0x00AD || cp == 0x034F || cp == 0x061C || inRange(cp, 0x115F, 0x1160) || inRange(cp, 0x17B4, 0x17B5)
        || inRange(cp, 0x180B, 0x180F) || inRange(cp, 0x200B, 0x200F) || inRange(cp, 0x202A, 0x202E)
        || inRange(cp, 0x2060, 0x206F) || cp == 0x3164 || inRange(cp, 0xFE00, 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0
        || inRange(cp, 0xFFF0, 0xFFF8) || inRange(cp, 0x1BCA0, 0x1BCA3) || inRange(cp, 0x1D173, 0x1D17A)
        || inRange(cp, 0xE0000, 0xE0FFF);
}

/// RFC 5892 §2.9 / RFC 8264 §9.7: conjoining Hangul Jamo that modern Hangul syllables do not use.
bool isOldHangulJamo(char32_t cp)
{
    return inRange(cp, 0x1100, 0x11FF) || inRange(cp, 0xA960, 0xA97F) || inRange(cp, 0xD7B0, 0xD7FF);
}

/// RFC 8264 §9.17 HasCompat: toNFKC(cp) != cp.
bool hasCompat(char32_t cp)
{
    if (QChar::decompositionTag(cp) == QChar::NoDecomposition) {
        return false;
    }
    const QString s = fromCodePoint(cp);
    return s.normalized(QString::NormalizationForm_KC) != s;
}

/// RFC 5892 §2.2 Unstable: NFKC_Casefold(cp) != cp, approximated by NFKC of the case folding.
bool isUnstable(char32_t cp)
{
    const QString s = fromCodePoint(cp);
    return s.toCaseFolded().normalized(QString::NormalizationForm_KC) != s;
}

bool isLetterDigit(QChar::Category category)
{
    // RFC 5892 §2.1 LetterDigits (A): Ll, Lu, Lo, Nd, Lm, Mn, Mc.
    switch (category) {
    case QChar::Letter_Lowercase:
    case QChar::Letter_Uppercase:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Letter_Modifier:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
        return true;
    default:
        return false;
    }
}

bool isFreeformExtra(QChar::Category category)
{
    // RFC 8264 §9.11 OtherLetterDigits (Lt, Nl, No, Me), §9.12 Spaces (Zs), §9.13 Symbols (Sm, Sc, Sk, So),
    // §9.14 Punctuation (Pc, Pd, Ps, Pe, Pi, Pf, Po): valid in the FreeformClass only.
    switch (category) {
    case QChar::Letter_Titlecase:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Mark_Enclosing:
    case QChar::Separator_Space:
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other:
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
        return true;
    default:
        return false;
    }
}

enum class StringClass {
    Identifier, ///< PRECIS IdentifierClass (RFC 8264 §4.2), for the localpart
    Freeform, ///< PRECIS FreeformClass (RFC 8264 §4.3), for the resourcepart
    DomainLabel ///< IDNA2008 PVALID (RFC 5892 §3), for U-labels of the domainpart
};

enum class Verdict { Valid, Contextual, Disallowed };

/// The derived property of one code point, following the order of RFC 8264 §8 (and RFC 5892 §3 for IDNA).
Verdict classify(char32_t cp, StringClass stringClass)
{
    // Exceptions (RFC 5892 §2.6), used by both PRECIS classes and IDNA2008.
    switch (cp) {
    case 0x00DF:
    case 0x03C2:
    case 0x06FD:
    case 0x06FE:
    case 0x0F0B:
    case 0x3007:
        return Verdict::Valid;
    case 0x00B7:
    case 0x0375:
    case 0x05F3:
    case 0x05F4:
    case 0x30FB:
        return Verdict::Contextual;
    case 0x0640:
    case 0x07FA:
    case 0x302E:
    case 0x302F:
    case 0x3031:
    case 0x3032:
    case 0x3033:
    case 0x3034:
    case 0x3035:
    case 0x303B:
        return Verdict::Disallowed;
    default:
        break;
    }
    if (inRange(cp, 0x0660, 0x0669) || inRange(cp, 0x06F0, 0x06F9)) {
        return Verdict::Contextual;
    }
    const QChar::Category category = QChar::category(cp);
    if (category == QChar::Other_NotAssigned || category == QChar::Other_Surrogate) {
        return Verdict::Disallowed;
    }
    if (stringClass == StringClass::DomainLabel) {
        // RFC 5892 §2.5: of ASCII, only LDH (lower case after mapping) is PVALID.
        if (cp < 0x80) {
            const bool ldh = inRange(cp, 'a', 'z') || inRange(cp, '0', '9') || cp == '-';
            return ldh ? Verdict::Valid : Verdict::Disallowed;
        }
    } else if (inRange(cp, 0x21, 0x7E)) {
        return Verdict::Valid; // RFC 8264 §9.11 ASCII7
    }
    if (cp == 0x200C || cp == 0x200D) {
        return Verdict::Contextual; // JoinControl
    }
    if (stringClass == StringClass::DomainLabel
        && (isUnstable(cp) || inRange(cp, 0x20D0, 0x20FF) || inRange(cp, 0x1D100, 0x1D24F))) {
        return Verdict::Disallowed; // RFC 5892 §2.2 Unstable, §2.4 IgnorableBlocks
    }
    if (isIgnorable(cp) || isOldHangulJamo(cp) || category == QChar::Other_Control) {
        return Verdict::Disallowed;
    }
    if (hasCompat(cp)) {
        return stringClass == StringClass::Freeform ? Verdict::Valid : Verdict::Disallowed;
    }
    if (isLetterDigit(category)) {
        return Verdict::Valid;
    }
    if (stringClass == StringClass::Freeform && isFreeformExtra(category)) {
        return Verdict::Valid;
    }
    return Verdict::Disallowed;
}

bool isVirama(char32_t cp)
{
    return QChar::combiningClass(cp) == 9; // Canonical_Combining_Class = Virama
}

/// RFC 5892 Appendix A: the contextual rules for CONTEXTJ and CONTEXTO code points, which RFC 8264 §7 reuses.
bool contextRuleHolds(const std::u32string &cps, size_t i)
{
    const char32_t cp = cps[i];
    const bool hasBefore = i > 0;
    const bool hasAfter = i + 1 < cps.size();
    switch (cp) {
    case 0x200C: { // A.1 ZERO WIDTH NON-JOINER
        if (hasBefore && isVirama(cps[i - 1])) {
            return true;
        }
        // (Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})
        bool leftOk = false;
        for (size_t j = i; j-- > 0;) {
            const auto type = QChar::joiningType(cps[j]);
            if (type == QChar::Joining_Transparent) {
                continue;
            }
            leftOk = type == QChar::Joining_Left || type == QChar::Joining_Dual;
            break;
        }
        bool rightOk = false;
        for (size_t j = i + 1; j < cps.size(); ++j) {
            const auto type = QChar::joiningType(cps[j]);
            if (type == QChar::Joining_Transparent) {
                continue;
            }
            rightOk = type == QChar::Joining_Right || type == QChar::Joining_Dual;
            break;
        }
        return leftOk && rightOk;
    }
    case 0x200D: // A.2 ZERO WIDTH JOINER
        return hasBefore && isVirama(cps[i - 1]);
    case 0x00B7: // A.3 MIDDLE DOT, only in Catalan "l·l"
        return hasBefore && hasAfter && cps[i - 1] == 0x006C && cps[i + 1] == 0x006C;
    case 0x0375: // A.4 GREEK LOWER NUMERAL SIGN, before Greek
        return hasAfter && QChar::script(cps[i + 1]) == QChar::Script_Greek;
    case 0x05F3: // A.5, A.6 HEBREW PUNCTUATION GERESH / GERSHAYIM, after Hebrew
    case 0x05F4:
        return hasBefore && QChar::script(cps[i - 1]) == QChar::Script_Hebrew;
    case 0x30FB: // A.7 KATAKANA MIDDLE DOT, with Hiragana, Katakana or Han elsewhere
        for (const char32_t other : cps) {
            const auto script = QChar::script(other);
            if (other != 0x30FB
                && (script == QChar::Script_Hiragana || script == QChar::Script_Katakana
                    || script == QChar::Script_Han)) {
                return true;
            }
        }
        return false;
    default:
        break;
    }
    // A.8, A.9: Arabic-Indic digits and Extended Arabic-Indic digits are not mixed.
    const bool arabicIndic = inRange(cp, 0x0660, 0x0669);
    for (const char32_t other : cps) {
        if (arabicIndic ? inRange(other, 0x06F0, 0x06F9) : inRange(other, 0x0660, 0x0669)) {
            return false;
        }
    }
    return true;
}

bool isRtl(QChar::Direction direction)
{
    return direction == QChar::DirR || direction == QChar::DirAL || direction == QChar::DirAN;
}

/// RFC 5893 §2, the Bidi Rule, for a string (or label) in a context that contains right-to-left characters.
bool bidiRuleHolds(const std::u32string &cps)
{
    if (cps.empty()) {
        return true;
    }
    const QChar::Direction first = QChar::direction(cps.front());
    // 1. The first character must be L, R or AL.
    if (first != QChar::DirL && first != QChar::DirR && first != QChar::DirAL) {
        return false;
    }
    const bool rtl = first != QChar::DirL;
    bool hasEn = false;
    bool hasAn = false;
    for (const char32_t cp : cps) {
        const QChar::Direction d = QChar::direction(cp);
        hasEn = hasEn || d == QChar::DirEN;
        hasAn = hasAn || d == QChar::DirAN;
        const bool common = d == QChar::DirEN || d == QChar::DirES || d == QChar::DirCS || d == QChar::DirET
            || d == QChar::DirON || d == QChar::DirBN || d == QChar::DirNSM;
        // 2. (RTL) only R, AL, AN, EN, ES, CS, ET, ON, BN, NSM; 5. (LTR) only L, EN, ES, CS, ET, ON, BN, NSM.
        const bool allowed = rtl ? (common || d == QChar::DirR || d == QChar::DirAL || d == QChar::DirAN)
                                 : (common || d == QChar::DirL);
        if (!allowed) {
            return false;
        }
    }
    // 4. (RTL) EN and AN must not both be present.
    if (rtl && hasEn && hasAn) {
        return false;
    }
    // 3./6. The last character that is not NSM must be R, AL, EN, AN (RTL) or L, EN (LTR).
    for (auto it = cps.rbegin(); it != cps.rend(); ++it) {
        const QChar::Direction d = QChar::direction(*it);
        if (d == QChar::DirNSM) {
            continue;
        }
        return rtl ? (d == QChar::DirR || d == QChar::DirAL || d == QChar::DirEN || d == QChar::DirAN)
                   : (d == QChar::DirL || d == QChar::DirEN);
    }
    return false;
}

bool containsRtl(const std::u32string &cps)
{
    for (const char32_t cp : cps) {
        if (isRtl(QChar::direction(cp))) {
            return true;
        }
    }
    return false;
}

/// The first code point of the string that its class disallows (or whose context rule fails), if any.
std::optional<char32_t> firstDisallowed(const std::u32string &cps, StringClass stringClass)
{
    for (size_t i = 0; i < cps.size(); ++i) {
        switch (classify(cps[i], stringClass)) {
        case Verdict::Valid:
            break;
        case Verdict::Contextual:
            if (!contextRuleHolds(cps, i)) {
                return cps[i];
            }
            break;
        case Verdict::Disallowed:
            return cps[i];
        }
    }
    return std::nullopt;
}

/// RFC 8265 §3.4.1 and RFC 7622 §3.2.1: fullwidth and halfwidth code points become their decomposition.
QString widthMapped(QStringView input)
{
    QString out;
    out.reserve(input.size());
    for (const char32_t cp : codePoints(input)) {
        const auto tag = QChar::decompositionTag(cp);
        if (tag == QChar::Wide || tag == QChar::Narrow) {
            out += QChar::decomposition(cp);
        } else {
            out += fromCodePoint(cp);
        }
    }
    return out;
}

/// The localpart under the PRECIS UsernameCaseMapped profile (RFC 8265 §3.3) plus RFC 7622 §3.3.1.
std::variant<QString, JidError> prepareLocalpart(QStringView input)
{
    using Kind = JidError::Kind;
    if (input.size() > MaxInputUnits) {
        return makeError(
            Kind::LocalpartTooLong, QT_TRANSLATE_NOOP("Jid", "The name before \"@\" is longer than 1023 bytes."));
    }
    if (!input.isValidUtf16()) {
        return makeError(Kind::InvalidLocalpart, QT_TRANSLATE_NOOP("Jid", "The name before \"@\" is not valid text."));
    }
    // RFC 8265 §3.3.2: width mapping, case mapping to lower case, NFC.
    const QString prepared = widthMapped(input).toLower().normalized(QString::NormalizationForm_C);
    const std::u32string cps = codePoints(prepared);
    for (const char32_t cp : cps) {
        if (QChar::isSpace(cp)) {
            return makeError(
                Kind::InvalidLocalpart, QT_TRANSLATE_NOOP("Jid", "The name before \"@\" may not contain spaces."));
        }
        // RFC 7622 §3.3.1: these ASCII characters are allowed by PRECIS but not in a localpart.
        switch (cp) {
        case u'"':
        case u'&':
        case u'\'':
        case u'/':
        case u':':
        case u'<':
        case u'>':
        case u'@':
            return makeError(Kind::InvalidLocalpart,
                QT_TRANSLATE_NOOP("Jid", "The name before \"@\" may not contain %1."), describe(cp));
        default:
            break;
        }
    }
    if (const auto bad = firstDisallowed(cps, StringClass::Identifier)) {
        return makeError(Kind::InvalidLocalpart, QT_TRANSLATE_NOOP("Jid", "The name before \"@\" may not contain %1."),
            describe(*bad));
    }
    // RFC 8265 §3.4.1: the Bidi Rule applies to usernames that contain right-to-left characters.
    if (containsRtl(cps) && !bidiRuleHolds(cps)) {
        return makeError(Kind::InvalidLocalpart,
            QT_TRANSLATE_NOOP("Jid",
                "The name before \"@\" mixes left-to-right and right-to-left text in a way that is not "
                "allowed."));
    }
    if (prepared.isEmpty()) {
        return makeError(Kind::EmptyLocalpart, QT_TRANSLATE_NOOP("Jid", "The address has nothing before \"@\"."));
    }
    if (utf8Size(prepared) > MaxPartBytes) {
        return makeError(
            Kind::LocalpartTooLong, QT_TRANSLATE_NOOP("Jid", "The name before \"@\" is longer than 1023 bytes."));
    }
    return prepared;
}

/// The resourcepart under the PRECIS OpaqueString profile (RFC 8265 §4.2, RFC 7622 §3.4).
std::variant<QString, JidError> prepareResourcepart(QStringView input)
{
    using Kind = JidError::Kind;
    if (input.size() > MaxInputUnits) {
        return makeError(
            Kind::ResourcepartTooLong, QT_TRANSLATE_NOOP("Jid", "The resource after \"/\" is longer than 1023 bytes."));
    }
    if (!input.isValidUtf16()) {
        return makeError(
            Kind::InvalidResourcepart, QT_TRANSLATE_NOOP("Jid", "The resource after \"/\" is not valid text."));
    }
    // RFC 8265 §4.2.1: non-ASCII spaces map to U+0020; no width or case mapping; NFC.
    QString mapped;
    mapped.reserve(input.size());
    for (const char32_t cp : codePoints(input)) {
        const bool otherSpace = cp != 0x20 && QChar::category(cp) == QChar::Separator_Space;
        mapped += otherSpace ? QString(QChar(u' ')) : fromCodePoint(cp);
    }
    const QString prepared = mapped.normalized(QString::NormalizationForm_C);
    if (const auto bad = firstDisallowed(codePoints(prepared), StringClass::Freeform)) {
        return makeError(Kind::InvalidResourcepart,
            QT_TRANSLATE_NOOP("Jid", "The resource after \"/\" may not contain %1."), describe(*bad));
    }
    if (prepared.isEmpty()) {
        return makeError(Kind::EmptyResourcepart,
            QT_TRANSLATE_NOOP("Jid", "The address ends with \"/\" but has no resource after it."));
    }
    if (utf8Size(prepared) > MaxPartBytes) {
        return makeError(
            Kind::ResourcepartTooLong, QT_TRANSLATE_NOOP("Jid", "The resource after \"/\" is longer than 1023 bytes."));
    }
    return prepared;
}

/// RFC 3986 §3.2.2 IPv4address: four dec-octets without leading zeros.
bool isIpv4Address(QStringView s)
{
    const auto octets = s.split(u'.');
    if (octets.size() != 4) {
        return false;
    }
    for (const QStringView octet : octets) {
        if (octet.isEmpty() || octet.size() > 3 || (octet.size() > 1 && octet.front() == u'0')) {
            return false;
        }
        bool ok = false;
        const int value = octet.toInt(&ok);
        if (!ok || value > 255) {
            return false;
        }
    }
    return true;
}

/// RFC 3986 §3.2.2 IP-literal without IPvFuture and zone identifiers; returned in Qt's canonical text form.
std::optional<QString> canonicalIpv6Literal(QStringView s)
{
    if (s.size() < 4 || s.front() != u'[' || s.back() != u']') {
        return std::nullopt;
    }
    for (const QChar c : s.sliced(1, s.size() - 2)) {
        const bool hex = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
        if (!hex && c != u':' && c != u'.') {
            return std::nullopt;
        }
    }
    QUrl url;
    url.setHost(s.toString(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        return std::nullopt;
    }
    return u'[' + url.host() + u']';
}

/// Checks one U-label (RFC 5891 §5.4 / RFC 5892) and returns its A-label, or an empty array.
QByteArray aLabelFor(const QString &uLabel)
{
    const std::u32string cps = codePoints(uLabel);
    if (cps.empty() || uLabel.startsWith(u'-') || uLabel.endsWith(u'-') || uLabel.mid(2, 2) == u"--"_s) {
        return {}; // RFC 5891 §4.2.3.1
    }
    const auto firstCategory = QChar::category(cps.front());
    if (firstCategory == QChar::Mark_NonSpacing || firstCategory == QChar::Mark_SpacingCombining
        || firstCategory == QChar::Mark_Enclosing) {
        return {}; // RFC 5891 §4.2.3.2: no leading combining mark
    }
    if (firstDisallowed(cps, StringClass::DomainLabel)) {
        return {};
    }
    const QByteArray ace = QUrl::toAce(uLabel, QUrl::IgnoreIDNWhitelist);
    // Qt's UTS #46 processing must leave a valid U-label untouched; a round trip proves it.
    if (ace.isEmpty() || QUrl::fromAce(ace, QUrl::IgnoreIDNWhitelist) != uLabel) {
        return {};
    }
    return ace;
}

/// The domainpart per RFC 7622 §3.2: an IP literal, or an IDNA2008 name held as U-labels.
std::variant<QString, JidError> prepareDomainpart(QStringView input)
{
    using Kind = JidError::Kind;
    const auto invalid = [&input] {
        return makeError(Kind::InvalidDomainpart,
            QT_TRANSLATE_NOOP("Jid", "\"%1\" is not a valid domain name or IP address."), shown(input));
    };
    if (input.size() > MaxInputUnits) {
        return makeError(Kind::DomainpartTooLong, QT_TRANSLATE_NOOP("Jid", "The domain is longer than 1023 bytes."));
    }
    if (!input.isValidUtf16()) {
        return invalid();
    }
    // RFC 7622 §3.2.1 (after RFC 5895): width mapping, lower case, NFC; ideographic full stops separate labels.
    QString prepared = widthMapped(input).toLower().normalized(QString::NormalizationForm_C);
    prepared.replace(QChar(0x3002), u'.');
    // RFC 7622 §3.2: a single trailing label separator is stripped.
    if (prepared.endsWith(u'.')) {
        prepared.chop(1);
    }
    if (prepared.isEmpty()) {
        return makeError(Kind::EmptyDomainpart, QT_TRANSLATE_NOOP("Jid", "The address has no domain."));
    }
    if (prepared.startsWith(u'[')) {
        const auto literal = canonicalIpv6Literal(prepared);
        if (!literal) {
            return invalid();
        }
        return *literal;
    }
    const bool numeric = std::all_of(
        prepared.cbegin(), prepared.cend(), [](QChar c) { return c == u'.' || (c >= u'0' && c <= u'9'); });
    if (numeric) {
        // Only an IPv4 address may be all digits: a top-level label is never numeric (RFC 3696 §2).
        if (!isIpv4Address(prepared)) {
            return invalid();
        }
        return prepared;
    }

    const auto labels = QStringView(prepared).split(u'.');
    QStringList uLabels;
    uLabels.reserve(labels.size());
    bool bidiDomain = false;
    for (const QStringView label : labels) {
        if (label.isEmpty()) {
            return invalid();
        }
        bool ascii = true;
        for (const QChar c : label) {
            ascii = ascii && c.unicode() < 0x80;
        }
        QString uLabel;
        qsizetype aceSize = 0;
        if (ascii) {
            aceSize = label.size();
            // RFC 5890 §2.3.1: an ASCII label is LDH: letters, digits, hyphens, not at either end.
            const bool ldh = std::all_of(label.begin(), label.end(),
                [](QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'; });
            if (!ldh || label.front() == u'-' || label.back() == u'-') {
                return invalid();
            }
            uLabel = label.toString();
            if (label.startsWith(u"xn--")) {
                // RFC 5891 §5.4: an A-label must decode to a valid U-label that encodes back to it.
                const QByteArray aLabel = label.toLatin1();
                uLabel = QUrl::fromAce(aLabel, QUrl::IgnoreIDNWhitelist);
                if (uLabel.startsWith(u"xn--") || aLabelFor(uLabel) != aLabel) {
                    return invalid();
                }
                // ... and that U-label must already be in the form our mapping gives (lower case, NFC, no
                // wide forms); otherwise the JID we store would not parse to itself again (found by fuzz_jid).
                if (widthMapped(uLabel).toLower().normalized(QString::NormalizationForm_C) != uLabel) {
                    return invalid();
                }
            }
        } else {
            uLabel = label.toString();
            const QByteArray aLabel = aLabelFor(uLabel);
            if (aLabel.isEmpty()) {
                return invalid();
            }
            aceSize = aLabel.size();
        }
        if (aceSize > MaxLabelBytes) {
            return makeError(Kind::InvalidDomainpart,
                QT_TRANSLATE_NOOP("Jid", "A label of the domain \"%1\" is longer than 63 bytes."), shown(input));
        }
        bidiDomain = bidiDomain || containsRtl(codePoints(uLabel));
        uLabels.append(uLabel);
    }
    // RFC 5893 §2: in a domain name with right-to-left labels, every label satisfies the Bidi Rule.
    if (bidiDomain) {
        for (const QString &label : std::as_const(uLabels)) {
            if (!bidiRuleHolds(codePoints(label))) {
                return invalid();
            }
        }
    }
    QString domain = uLabels.join(u'.');
    if (utf8Size(domain) > MaxPartBytes) {
        return makeError(Kind::DomainpartTooLong, QT_TRANSLATE_NOOP("Jid", "The domain is longer than 1023 bytes."));
    }
    return domain;
}

struct Parts
{
    QString local;
    QString domain;
    QString resource;
};

/// Prepares each part; hasResource distinguishes "a@b/" (an empty resourcepart, an error) from "a@b".
std::variant<Parts, JidError> prepareParts(
    QStringView local, bool hasLocal, QStringView domain, QStringView resource, bool hasResource)
{
    using Kind = JidError::Kind;
    if (hasLocal && local.isEmpty()) {
        return makeError(Kind::EmptyLocalpart, QT_TRANSLATE_NOOP("Jid", "The address has nothing before \"@\"."));
    }
    if (domain.isEmpty()) {
        return makeError(Kind::EmptyDomainpart, QT_TRANSLATE_NOOP("Jid", "The address has no domain."));
    }
    if (hasResource && resource.isEmpty()) {
        return makeError(Kind::EmptyResourcepart,
            QT_TRANSLATE_NOOP("Jid", "The address ends with \"/\" but has no resource after it."));
    }
    Parts parts;
    auto preparedDomain = prepareDomainpart(domain);
    if (auto *error = std::get_if<JidError>(&preparedDomain)) {
        return std::move(*error);
    }
    parts.domain = std::get<QString>(std::move(preparedDomain));
    if (hasLocal) {
        auto preparedLocal = prepareLocalpart(local);
        if (auto *error = std::get_if<JidError>(&preparedLocal)) {
            return std::move(*error);
        }
        parts.local = std::get<QString>(std::move(preparedLocal));
    }
    if (hasResource) {
        auto preparedResource = prepareResourcepart(resource);
        if (auto *error = std::get_if<JidError>(&preparedResource)) {
            return std::move(*error);
        }
        parts.resource = std::get<QString>(std::move(preparedResource));
    }
    return parts;
}

} // namespace

std::variant<Jid, JidError> Jid::parse(QStringView text)
{
    if (text.isEmpty()) {
        return makeError(JidError::Kind::Empty, QT_TRANSLATE_NOOP("Jid", "The address is empty."));
    }
    // RFC 7622 §3.1: the resourcepart starts after the first '/', so it may itself contain '@' and '/';
    // the localpart ends at the first '@' before that.
    QStringView rest = text;
    QStringView resource;
    const qsizetype slash = text.indexOf(u'/');
    if (slash >= 0) {
        resource = text.sliced(slash + 1);
        rest = text.first(slash);
    }
    QStringView local;
    QStringView domain = rest;
    const qsizetype at = rest.indexOf(u'@');
    if (at >= 0) {
        local = rest.first(at);
        domain = rest.sliced(at + 1);
    }
    auto prepared = prepareParts(local, at >= 0, domain, resource, slash >= 0);
    if (auto *error = std::get_if<JidError>(&prepared)) {
        return std::move(*error);
    }
    Parts &parts = std::get<Parts>(prepared);
    Jid jid;
    jid.m_local = std::move(parts.local);
    jid.m_domain = std::move(parts.domain);
    jid.m_resource = std::move(parts.resource);
    return jid;
}

Jid Jid::fromString(QStringView text)
{
    auto parsed = parse(text);
    if (auto *jid = std::get_if<Jid>(&parsed)) {
        return std::move(*jid);
    }
    return {};
}

Jid Jid::fromParts(QStringView local, QStringView domain, QStringView resource)
{
    auto prepared = prepareParts(local, !local.isEmpty(), domain, resource, !resource.isEmpty());
    auto *parts = std::get_if<Parts>(&prepared);
    if (!parts) {
        return {};
    }
    Jid jid;
    jid.m_local = std::move(parts->local);
    jid.m_domain = std::move(parts->domain);
    jid.m_resource = std::move(parts->resource);
    return jid;
}

Jid Jid::bare() const
{
    Jid jid = *this;
    jid.m_resource.clear();
    return jid;
}

Jid Jid::withResource(QStringView resource) const
{
    if (isNull()) {
        return {};
    }
    Jid jid = bare();
    if (resource.isEmpty()) {
        return jid;
    }
    auto prepared = prepareResourcepart(resource);
    auto *text = std::get_if<QString>(&prepared);
    if (!text) {
        return {};
    }
    jid.m_resource = std::move(*text);
    return jid;
}

QString Jid::domainAce() const
{
    if (m_domain.startsWith(u'[')) {
        return m_domain.mid(1, m_domain.size() - 2);
    }
    return QString::fromLatin1(QUrl::toAce(m_domain, QUrl::IgnoreIDNWhitelist));
}

QString Jid::bareString() const
{
    if (isNull()) {
        return {};
    }
    return m_local.isEmpty() ? m_domain : m_local + u'@' + m_domain;
}

QString Jid::toString() const
{
    if (m_resource.isEmpty()) {
        return bareString();
    }
    return bareString() + u'/' + m_resource;
}

size_t qHash(const Jid &jid, size_t seed) noexcept
{
    return qHashMulti(seed, jid.local(), jid.domain(), jid.resource());
}

} // namespace confab
