// SPDX-License-Identifier: Apache-2.0
#include "xmpp/vcard/VCard.h"

#include "xml/XmlElement.h"
#include "xmpp/vcard/VCardLogging.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

QString childText(const XmlElement &parent, QStringView name)
{
    return parent.childText(name, VCard::Namespace).trimmed();
}

void appendIfSet(XmlElement &parent, const QString &name, const QString &text)
{
    if (!text.isEmpty()) {
        parent.appendTextChild(name, text, VCard::Namespace.toString());
    }
}

} // namespace

std::optional<QByteArray> VCard::decodeBase64(QStringView text)
{
    QByteArray compact;
    compact.reserve(text.size());
    for (const QChar c : text) {
        if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r') {
            continue; // XEP-0054 examples wrap BINVAL in lines
        }
        if (c.unicode() > 0x7f) {
            return std::nullopt;
        }
        compact.append(char(c.unicode()));
    }
    auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    return *decoded;
}

std::optional<VCard> VCard::fromXml(const XmlElement &element)
{
    if (!element.is(u"vCard", Namespace)) {
        return std::nullopt;
    }
    VCard card;
    // vCard-temp element names are upper case (XEP-0054 §2); each field is read from its first occurrence,
    // except EMAIL and TEL, which may repeat.
    for (const XmlElement &child : element.children()) {
        if (child.namespaceUri() != Namespace) {
            continue;
        }
        const QString &name = child.name();
        if (name == u"FN" && card.fullName.isEmpty()) {
            card.fullName = child.text().trimmed();
        } else if (name == u"NICKNAME" && card.nickname.isEmpty()) {
            card.nickname = child.text().trimmed();
        } else if (name == u"N" && card.givenName.isEmpty() && card.familyName.isEmpty()) {
            card.givenName = childText(child, u"GIVEN");
            card.familyName = childText(child, u"FAMILY");
        } else if (name == u"EMAIL") {
            // USERID is the address; some old clients put it as the element's own text.
            const QString address
                = child.firstChild(u"USERID", Namespace) ? childText(child, u"USERID") : child.text().trimmed();
            if (!address.isEmpty()) {
                card.emails.append(address);
            }
        } else if (name == u"TEL") {
            const QString number = childText(child, u"NUMBER");
            if (!number.isEmpty()) {
                card.phones.append(number);
            }
        } else if (name == u"ORG" && card.organisation.isEmpty()) {
            card.organisation = childText(child, u"ORGNAME");
        } else if (name == u"TITLE" && card.title.isEmpty()) {
            card.title = child.text().trimmed();
        } else if (name == u"URL" && card.url.isEmpty()) {
            card.url = child.text().trimmed();
        } else if (name == u"BDAY" && !card.birthday.isValid()) {
            card.birthday = QDate::fromString(child.text().trimmed(), Qt::ISODate);
        } else if (name == u"NOTE") {
            card.note = child.text().trimmed();
        } else if (name == u"DESC" && card.note.isEmpty()) {
            card.note = child.text().trimmed();
        } else if (name == u"PHOTO" && card.photo.isEmpty()) {
            card.photoType = childText(child, u"TYPE");
            if (const XmlElement *binval = child.firstChild(u"BINVAL", Namespace)) {
                const std::optional<QByteArray> bytes = decodeBase64(binval->text());
                if (!bytes) {
                    qCWarning(lcVCard) << "vCard PHOTO/BINVAL is not base64";
                    return std::nullopt;
                }
                card.photo = *bytes;
            }
        }
    }
    return card;
}

XmlElement VCard::toXml() const
{
    const QString ns = Namespace.toString();
    XmlElement vcard(u"vCard"_s, ns);
    appendIfSet(vcard, u"FN"_s, fullName);
    if (!givenName.isEmpty() || !familyName.isEmpty()) {
        XmlElement n(u"N"_s, ns);
        appendIfSet(n, u"FAMILY"_s, familyName);
        appendIfSet(n, u"GIVEN"_s, givenName);
        vcard.appendChild(std::move(n));
    }
    appendIfSet(vcard, u"NICKNAME"_s, nickname);
    if (!url.isEmpty()) {
        vcard.appendTextChild(u"URL"_s, url, ns);
    }
    if (birthday.isValid()) {
        vcard.appendTextChild(u"BDAY"_s, birthday.toString(Qt::ISODate), ns);
    }
    for (const QString &phone : phones) {
        XmlElement tel(u"TEL"_s, ns);
        tel.appendChild(XmlElement(u"VOICE"_s, ns));
        tel.appendTextChild(u"NUMBER"_s, phone, ns);
        vcard.appendChild(std::move(tel));
    }
    for (const QString &address : emails) {
        XmlElement email(u"EMAIL"_s, ns);
        email.appendChild(XmlElement(u"INTERNET"_s, ns));
        email.appendTextChild(u"USERID"_s, address, ns);
        vcard.appendChild(std::move(email));
    }
    appendIfSet(vcard, u"TITLE"_s, title);
    if (!organisation.isEmpty()) {
        XmlElement org(u"ORG"_s, ns);
        org.appendTextChild(u"ORGNAME"_s, organisation, ns);
        vcard.appendChild(std::move(org));
    }
    appendIfSet(vcard, u"NOTE"_s, note);
    if (!photo.isEmpty()) {
        XmlElement photoElement(u"PHOTO"_s, ns);
        appendIfSet(photoElement, u"TYPE"_s, photoType);
        photoElement.appendTextChild(u"BINVAL"_s, QString::fromLatin1(photo.toBase64()), ns);
        vcard.appendChild(std::move(photoElement));
    }
    return vcard;
}

bool VCard::isEmpty() const
{
    return *this == VCard {};
}

QString VCard::photoHash() const
{
    if (photo.isEmpty()) {
        return {};
    }
    return QString::fromLatin1(QCryptographicHash::hash(photo, QCryptographicHash::Sha1).toHex());
}

} // namespace confab
