// SPDX-License-Identifier: Apache-2.0
#include "xmpp/caps/CapsInfo.h"

#include "base/Namespaces.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

constexpr QStringView FormTypeVar = u"FORM_TYPE";

// XEP-0115 §5.1 sorts with "i;octet" (RFC 4790): byte order of the UTF-8 encoding, which for QString
// differs from UTF-16 code-unit order around the surrogates.
bool octetLess(const QString &a, const QString &b)
{
    return a.toUtf8() < b.toUtf8();
}

void appendPart(QByteArray &s, const QString &part)
{
    s += part.toUtf8();
    s += '<';
}

const CapsInfo::Field *formTypeField(const CapsInfo::Form &form)
{
    for (const CapsInfo::Field &field : form.fields) {
        if (field.var == FormTypeVar) {
            return &field;
        }
    }
    return nullptr;
}

QJsonArray toJsonArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list) {
        array.append(s);
    }
    return array;
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray()) {
        list.append(v.toString());
    }
    return list;
}

} // namespace

QString CapsInfo::Form::formType() const
{
    const Field *field = formTypeField(*this);
    return field && !field->values.isEmpty() ? field->values.first() : QString();
}

std::optional<CapsInfo> CapsInfo::fromXml(const XmlElement &query)
{
    if (!query.is(u"query", ns::DiscoInfo)) {
        return std::nullopt;
    }
    CapsInfo info;
    for (const XmlElement &child : query.children()) {
        if (child.is(u"identity", ns::DiscoInfo)) {
            info.identities.append(
                { child.attribute(u"category"), child.attribute(u"type"), child.lang(), child.attribute(u"name") });
        } else if (child.is(u"feature", ns::DiscoInfo)) {
            info.features.append(child.attribute(u"var"));
        } else if (child.is(u"x", ns::DataForms)) {
            Form form;
            for (const XmlElement &f : child.children()) {
                if (!f.is(u"field", ns::DataForms)) {
                    continue;
                }
                Field field { f.attribute(u"var"), f.attribute(u"type"), {} };
                for (const XmlElement &value : f.children()) {
                    if (value.is(u"value", ns::DataForms)) {
                        field.values.append(value.text());
                    }
                }
                form.fields.append(field);
            }
            info.forms.append(form);
        }
    }
    return info;
}

XmlElement CapsInfo::toXml(const QString &node) const
{
    const QString discoNs = ns::DiscoInfo.toString();
    const QString formsNs = ns::DataForms.toString();
    XmlElement query(u"query"_s, discoNs);
    if (!node.isEmpty()) {
        query.setAttribute(u"node"_s, node);
    }
    for (const Identity &identity : identities) {
        XmlElement i(u"identity"_s, discoNs);
        i.setAttribute(u"category"_s, identity.category);
        i.setAttribute(u"type"_s, identity.type);
        if (!identity.lang.isEmpty()) {
            i.setAttribute(u"lang"_s, XmlElement::XmlNamespace.toString(), identity.lang);
        }
        if (!identity.name.isEmpty()) {
            i.setAttribute(u"name"_s, identity.name);
        }
        query.appendChild(std::move(i));
    }
    for (const QString &feature : features) {
        XmlElement f(u"feature"_s, discoNs);
        f.setAttribute(u"var"_s, feature);
        query.appendChild(std::move(f));
    }
    for (const Form &form : forms) {
        XmlElement x(u"x"_s, formsNs);
        x.setAttribute(u"type"_s, u"result"_s);
        for (const Field &field : form.fields) {
            XmlElement f(u"field"_s, formsNs);
            f.setAttribute(u"var"_s, field.var);
            if (!field.type.isEmpty()) {
                f.setAttribute(u"type"_s, field.type);
            }
            for (const QString &value : field.values) {
                f.appendTextChild(u"value"_s, value, formsNs);
            }
            x.appendChild(std::move(f));
        }
        query.appendChild(std::move(x));
    }
    return query;
}

bool CapsInfo::isWellFormed() const
{
    // §5.4 step 3.3: the same category/type/lang/name twice.
    for (qsizetype i = 0; i < identities.size(); ++i) {
        for (qsizetype j = i + 1; j < identities.size(); ++j) {
            if (identities.at(i) == identities.at(j)) {
                return false;
            }
        }
    }
    // §5.4 step 3.4: the same feature twice.
    if (QSet<QString>(features.begin(), features.end()).size() != features.size()) {
        return false;
    }
    // §5.4 step 3.5: two forms of one FORM_TYPE, or a FORM_TYPE with differing values.
    QSet<QString> formTypes;
    for (const Form &form : forms) {
        const Field *field = formTypeField(form);
        if (!field) {
            continue;
        }
        for (const QString &value : field->values) {
            if (value != field->values.first()) {
                return false;
            }
        }
        const QString type = form.formType();
        if (formTypes.contains(type)) {
            return false;
        }
        formTypes.insert(type);
    }
    return true;
}

QByteArray CapsInfo::verificationString() const
{
    QByteArray s;
    // §5.1 steps 2–3: identities by category, type, xml:lang (then name, so equal keys sort stably too),
    // each as category/type/lang/name<.
    QList<Identity> sortedIdentities = identities;
    std::sort(sortedIdentities.begin(), sortedIdentities.end(), [](const Identity &a, const Identity &b) {
        const QByteArray ka
            = a.category.toUtf8() + '\0' + a.type.toUtf8() + '\0' + a.lang.toUtf8() + '\0' + a.name.toUtf8();
        const QByteArray kb
            = b.category.toUtf8() + '\0' + b.type.toUtf8() + '\0' + b.lang.toUtf8() + '\0' + b.name.toUtf8();
        return ka < kb;
    });
    for (const Identity &identity : std::as_const(sortedIdentities)) {
        appendPart(s, identity.category + u'/' + identity.type + u'/' + identity.lang + u'/' + identity.name);
    }
    // §5.1 steps 4–5: features.
    QStringList sortedFeatures = features;
    std::sort(sortedFeatures.begin(), sortedFeatures.end(), octetLess);
    for (const QString &feature : std::as_const(sortedFeatures)) {
        appendPart(s, feature);
    }
    // §5.1 step 6: extended forms by FORM_TYPE; in each, FORM_TYPE's value, then the other fields by var,
    // each var followed by its values, sorted. §5.4 step 3.6: a form whose FORM_TYPE is not hidden is
    // ignored (and one without FORM_TYPE has no place in the order at all).
    QList<Form> sortedForms;
    for (const Form &form : forms) {
        const Field *field = formTypeField(form);
        if (field && field->type == u"hidden") {
            sortedForms.append(form);
        }
    }
    std::sort(sortedForms.begin(), sortedForms.end(),
        [](const Form &a, const Form &b) { return octetLess(a.formType(), b.formType()); });
    for (const Form &form : std::as_const(sortedForms)) {
        appendPart(s, form.formType());
        QList<Field> fields;
        for (const Field &field : form.fields) {
            if (field.var != FormTypeVar) {
                fields.append(field);
            }
        }
        std::sort(fields.begin(), fields.end(), [](const Field &a, const Field &b) { return octetLess(a.var, b.var); });
        for (const Field &field : std::as_const(fields)) {
            appendPart(s, field.var);
            QStringList values = field.values;
            std::sort(values.begin(), values.end(), octetLess);
            for (const QString &value : std::as_const(values)) {
                appendPart(s, value);
            }
        }
    }
    return s;
}

QString CapsInfo::computeVer(QCryptographicHash::Algorithm algorithm) const
{
    if (!isWellFormed()) {
        return {};
    }
    return QString::fromLatin1(QCryptographicHash::hash(verificationString(), algorithm).toBase64());
}

std::optional<QCryptographicHash::Algorithm> CapsInfo::hashAlgorithm(QStringView name)
{
    if (name == u"sha-1") {
        return QCryptographicHash::Sha1;
    }
    if (name == u"sha-224") {
        return QCryptographicHash::Sha224;
    }
    if (name == u"sha-256") {
        return QCryptographicHash::Sha256;
    }
    if (name == u"sha-384") {
        return QCryptographicHash::Sha384;
    }
    if (name == u"sha-512") {
        return QCryptographicHash::Sha512;
    }
    return std::nullopt;
}

QByteArray CapsInfo::toJson() const
{
    QJsonArray ids;
    for (const Identity &identity : identities) {
        ids.append(QJsonObject { { u"category"_s, identity.category }, { u"type"_s, identity.type },
            { u"lang"_s, identity.lang }, { u"name"_s, identity.name } });
    }
    QJsonArray formArray;
    for (const Form &form : forms) {
        QJsonArray fields;
        for (const Field &field : form.fields) {
            fields.append(QJsonObject {
                { u"var"_s, field.var }, { u"type"_s, field.type }, { u"values"_s, toJsonArray(field.values) } });
        }
        formArray.append(fields);
    }
    const QJsonObject root { { u"identities"_s, ids }, { u"features"_s, toJsonArray(features) },
        { u"forms"_s, formArray } };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<CapsInfo> CapsInfo::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    CapsInfo info;
    for (const QJsonValue &v : root.value(u"identities"_s).toArray()) {
        const QJsonObject o = v.toObject();
        info.identities.append({ o.value(u"category"_s).toString(), o.value(u"type"_s).toString(),
            o.value(u"lang"_s).toString(), o.value(u"name"_s).toString() });
    }
    info.features = toStringList(root.value(u"features"_s));
    for (const QJsonValue &formValue : root.value(u"forms"_s).toArray()) {
        Form form;
        for (const QJsonValue &fieldValue : formValue.toArray()) {
            const QJsonObject o = fieldValue.toObject();
            form.fields.append(
                { o.value(u"var"_s).toString(), o.value(u"type"_s).toString(), toStringList(o.value(u"values"_s)) });
        }
        info.forms.append(form);
    }
    return info;
}

} // namespace confab
