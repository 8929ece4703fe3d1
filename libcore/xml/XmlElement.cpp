// SPDX-License-Identifier: Apache-2.0
#include "xml/XmlElement.h"

namespace confab {

XmlElement::XmlElement(QString name, QString namespaceUri)
    : m_name(std::move(name))
    , m_namespaceUri(std::move(namespaceUri))
{ }

QString XmlElement::attribute(QStringView name) const
{
    for (const Attribute &a : m_attributes) {
        if (a.name == name && a.namespaceUri.isEmpty()) {
            return a.value;
        }
    }
    return {};
}

QString XmlElement::attribute(QStringView name, QStringView namespaceUri) const
{
    for (const Attribute &a : m_attributes) {
        if (a.name == name && a.namespaceUri == namespaceUri) {
            return a.value;
        }
    }
    return {};
}

bool XmlElement::hasAttribute(QStringView name) const
{
    for (const Attribute &a : m_attributes) {
        if (a.name == name && a.namespaceUri.isEmpty()) {
            return true;
        }
    }
    return false;
}

XmlElement &XmlElement::setAttribute(const QString &name, const QString &value)
{
    return setAttribute(name, QString(), value);
}

XmlElement &XmlElement::setAttribute(const QString &name, const QString &namespaceUri, const QString &value)
{
    for (Attribute &a : m_attributes) {
        if (a.name == name && a.namespaceUri == namespaceUri) {
            a.value = value;
            return *this;
        }
    }
    m_attributes.append(Attribute { name, namespaceUri, value.isNull() ? QStringLiteral("") : value });
    return *this;
}

void XmlElement::removeAttribute(QStringView name)
{
    m_attributes.removeIf([name](const Attribute &a) { return a.name == name && a.namespaceUri.isEmpty(); });
}

const XmlElement *XmlElement::firstChild(QStringView name, QStringView namespaceUri) const
{
    for (const XmlElement &c : m_children) {
        if (c.m_name == name && (namespaceUri.isNull() || c.m_namespaceUri == namespaceUri)) {
            return &c;
        }
    }
    return nullptr;
}

XmlElement *XmlElement::firstChild(QStringView name, QStringView namespaceUri)
{
    return const_cast<XmlElement *>(std::as_const(*this).firstChild(name, namespaceUri));
}

const XmlElement *XmlElement::firstChildInNamespace(QStringView namespaceUri) const
{
    for (const XmlElement &c : m_children) {
        if (c.m_namespaceUri == namespaceUri) {
            return &c;
        }
    }
    return nullptr;
}

XmlElement &XmlElement::appendChild(XmlElement child)
{
    m_children.append(std::move(child));
    return m_children.last();
}

XmlElement &XmlElement::appendTextChild(const QString &name, const QString &text, const QString &namespaceUri)
{
    XmlElement child(name, namespaceUri);
    child.setText(text);
    return appendChild(std::move(child));
}

QString XmlElement::childText(QStringView name, QStringView namespaceUri) const
{
    const XmlElement *c = firstChild(name, namespaceUri);
    return c ? c->text() : QString();
}

bool operator==(const XmlElement &a, const XmlElement &b)
{
    return a.m_name == b.m_name && a.m_namespaceUri == b.m_namespaceUri && a.m_attributes == b.m_attributes
        && a.m_text == b.m_text && a.m_children == b.m_children;
}

} // namespace confab
