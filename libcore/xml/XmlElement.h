// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace confab {

/// A small value tree for one XML element: its namespace-resolved name, attributes, child elements and
/// the concatenation of its direct character data. This is all XMPP needs (RFC 6120 forbids mixed
/// content that matters outside XHTML-IM). Values are implicitly shared Qt containers, cheap to copy.
class XmlElement
{
public:
    struct Attribute
    {
        QString name; ///< local name, e.g. "lang" for xml:lang
        QString namespaceUri; ///< empty for unprefixed attributes
        QString value;
        bool operator==(const Attribute &) const = default;
    };

    static constexpr QStringView XmlNamespace = u"http://www.w3.org/XML/1998/namespace";

    XmlElement() = default;
    explicit XmlElement(QString name, QString namespaceUri = {});

    bool isNull() const { return m_name.isEmpty(); }
    const QString &name() const { return m_name; }
    const QString &namespaceUri() const { return m_namespaceUri; }
    void setNamespaceUri(const QString &namespaceUri) { m_namespaceUri = namespaceUri; }
    bool is(QStringView name, QStringView namespaceUri) const
    {
        return m_name == name && m_namespaceUri == namespaceUri;
    }

    const QList<Attribute> &attributes() const { return m_attributes; }
    /// The value of an unprefixed attribute, or a null QString when absent.
    QString attribute(QStringView name) const;
    QString attribute(QStringView name, QStringView namespaceUri) const;
    bool hasAttribute(QStringView name) const;
    /// Sets (replacing) an unprefixed attribute; an empty value still writes the attribute.
    XmlElement &setAttribute(const QString &name, const QString &value);
    XmlElement &setAttribute(const QString &name, const QString &namespaceUri, const QString &value);
    void removeAttribute(QStringView name);
    /// xml:lang of this element (not inherited).
    QString lang() const { return attribute(u"lang", XmlNamespace); }

    const QList<XmlElement> &children() const { return m_children; }
    QList<XmlElement> &children() { return m_children; }
    /// The first child with this name (and namespace, when given), or nullptr.
    const XmlElement *firstChild(QStringView name, QStringView namespaceUri = {}) const;
    XmlElement *firstChild(QStringView name, QStringView namespaceUri = {});
    /// The first child in this namespace, whatever its name, or nullptr.
    const XmlElement *firstChildInNamespace(QStringView namespaceUri) const;
    XmlElement &appendChild(XmlElement child);
    /// Appends <name xmlns=namespaceUri>text</name> and returns it.
    XmlElement &appendTextChild(const QString &name, const QString &text, const QString &namespaceUri = {});
    /// Text of the first matching child, or a null QString.
    QString childText(QStringView name, QStringView namespaceUri = {}) const;

    const QString &text() const { return m_text; }
    void setText(const QString &text) { m_text = text; }
    void appendText(QStringView text) { m_text.append(text); }

    friend bool operator==(const XmlElement &a, const XmlElement &b);
    friend bool operator!=(const XmlElement &a, const XmlElement &b) { return !(a == b); }

private:
    QString m_name;
    QString m_namespaceUri;
    QList<Attribute> m_attributes;
    QList<XmlElement> m_children;
    QString m_text;
};

} // namespace confab
