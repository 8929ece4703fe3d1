// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <variant>

namespace confab {

/// Why a string is not a JID (RFC 7622 §3).
struct JidError
{
    enum class Kind {
        Empty,
        EmptyLocalpart, ///< "@example.com"
        EmptyDomainpart, ///< "user@" or "user@/res"
        EmptyResourcepart, ///< "user@example.com/"
        LocalpartTooLong, ///< over 1023 bytes after normalisation
        DomainpartTooLong,
        ResourcepartTooLong,
        InvalidLocalpart, ///< a character PRECIS IdentifierClass / RFC 7622 §3.3.1 forbids
        InvalidDomainpart, ///< not a valid IDNA2008 name, IPv4 or bracketed IPv6 address
        InvalidResourcepart, ///< a character PRECIS FreeformClass forbids
    };
    Kind kind = Kind::Empty;
    QString message; ///< one line a person understands (translatable by the UI)
};

/// An XMPP address, localpart@domainpart/resourcepart (RFC 7622), always held in normalised form:
/// the localpart width-mapped, lower-cased and NFC (UsernameCaseMapped profile); the domainpart lower-cased,
/// NFC, with IDN labels as Unicode (U-labels) and a trailing dot removed (an IPv6 literal stays in brackets,
/// in canonical text form); the resourcepart NFC (OpaqueString profile, case preserved). Two JIDs are equal
/// when their normalised forms are.
class Jid
{
public:
    Jid() = default;

    /// Parses and normalises; on failure says why.
    static std::variant<Jid, JidError> parse(QStringView text);
    /// Parses and normalises; an invalid input gives a null Jid.
    static Jid fromString(QStringView text);
    /// Builds from parts (each normalised and checked); an invalid part gives a null Jid.
    static Jid fromParts(QStringView local, QStringView domain, QStringView resource = {});

    bool isNull() const { return m_domain.isEmpty(); }
    bool isValid() const { return !isNull(); }
    bool isBare() const { return !isNull() && m_resource.isEmpty(); }
    bool isFull() const { return !m_resource.isEmpty(); }
    bool isDomain() const { return !isNull() && m_local.isEmpty() && m_resource.isEmpty(); }

    const QString &local() const { return m_local; }
    const QString &domain() const { return m_domain; }
    const QString &resource() const { return m_resource; }

    Jid bare() const;
    /// This JID's bare JID with the given resource; an empty resource gives the bare JID, an invalid one
    /// (or a null this) a null Jid.
    Jid withResource(QStringView resource) const;
    /// The domain in ASCII (A-labels), as used for DNS, SNI and certificate checks. An IPv6 literal is
    /// given without its brackets ("::1"), as QHostAddress and QSslSocket expect it.
    QString domainAce() const;

    QString toString() const;
    QString bareString() const;

    bool operator==(const Jid &) const = default;

private:
    QString m_local;
    QString m_domain;
    QString m_resource;
};

size_t qHash(const Jid &jid, size_t seed = 0) noexcept;

} // namespace confab

Q_DECLARE_METATYPE(confab::Jid)
