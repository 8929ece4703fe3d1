// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace confab {

class XmlElement;

/// The vCard-temp fields Confab shows and edits (XEP-0054). Fields we do not model (ADR, JABBERID, ...)
/// are not kept, so publish what you fetched only after merging your edits into a fresh fetch.
struct VCard
{
    QString fullName; ///< FN
    QString nickname; ///< NICKNAME
    QString givenName; ///< N/GIVEN
    QString familyName; ///< N/FAMILY
    QStringList emails; ///< EMAIL/USERID, in document order
    QStringList phones; ///< TEL/NUMBER, in document order
    QString organisation; ///< ORG/ORGNAME
    QString title; ///< TITLE
    QString url; ///< URL
    QDate birthday; ///< BDAY (ISO 8601 date); invalid when absent or unreadable
    QString note; ///< NOTE (DESC is read too when NOTE is absent)
    QString photoType; ///< PHOTO/TYPE, a MIME type such as "image/png"
    QByteArray photo; ///< PHOTO/BINVAL, decoded

    /// The namespace of <vCard/> (XEP-0054 §2).
    static constexpr QStringView Namespace = u"vcard-temp";

    /// Reads a <vCard xmlns='vcard-temp'/>; nullopt when it is not one or its BINVAL is not base64.
    static std::optional<VCard> fromXml(const XmlElement &element);
    /// Writes a <vCard xmlns='vcard-temp'/> with only the fields that are set.
    XmlElement toXml() const;

    /// Decodes base64 as XMPP carries it (BINVAL, XEP-0084 data): whitespace and line breaks ignored,
    /// anything else that is not base64 refused.
    static std::optional<QByteArray> decodeBase64(QStringView text);

    bool isEmpty() const;
    /// Lower-case hex SHA-1 of the photo bytes (the XEP-0153 hash), or an empty string without a photo.
    QString photoHash() const;

    bool operator==(const VCard &) const = default;
};

} // namespace confab
