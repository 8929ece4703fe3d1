// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "xml/XmlElement.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QStringList>

#include <optional>

namespace confab {

/// What an XEP-0115 verification string stands for: the identities, features and extended forms
/// (XEP-0128) of a disco#info answer, with the §5.1 generation method and the §5.4 validity checks.
struct CapsInfo
{
    struct Identity
    {
        QString category;
        QString type;
        QString lang; ///< xml:lang, may be empty
        QString name;
        bool operator==(const Identity &) const = default;
    };
    struct Field
    {
        QString var;
        QString type;
        QStringList values;
        bool operator==(const Field &) const = default;
    };
    /// A jabber:x:data form in the answer (XEP-0128 extended information).
    struct Form
    {
        QList<Field> fields;
        /// The first value of the FORM_TYPE field, or a null QString without one.
        QString formType() const;
        bool operator==(const Form &) const = default;
    };

    QList<Identity> identities;
    QStringList features;
    QList<Form> forms;

    /// Null unless `query` is a disco#info <query/>. Nothing is validated here; see isWellFormed().
    static std::optional<CapsInfo> fromXml(const XmlElement &query);
    /// A disco#info <query/> (with `node` when given).
    XmlElement toXml(const QString &node = {}) const;

    /// XEP-0115 §5.4 steps 3.3–3.5: no duplicate identity, no duplicate feature, no two forms of the same
    /// FORM_TYPE and no FORM_TYPE with differing values. An ill-formed answer has no valid hash.
    bool isWellFormed() const;
    /// The §5.1 verification string S, UTF-8 encoded. Forms whose FORM_TYPE is missing or not of type
    /// "hidden" are left out (§5.4 step 3.6).
    QByteArray verificationString() const;
    /// base64(hash(S)) for the algorithm; a null QString when the answer is ill-formed.
    QString computeVer(QCryptographicHash::Algorithm algorithm) const;
    /// The hash functions we verify, by their IANA names (§5.1 "sha-1"; MD5 is not accepted).
    static std::optional<QCryptographicHash::Algorithm> hashAlgorithm(QStringView name);

    /// A JSON document for the caps cache, and back (null on anything unreadable).
    QByteArray toJson() const;
    static std::optional<CapsInfo> fromJson(const QByteArray &json);

    bool operator==(const CapsInfo &) const = default;
};

} // namespace confab
