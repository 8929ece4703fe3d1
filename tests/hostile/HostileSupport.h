// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shared pieces of the hostile-server cases: a scripted login (SCRAM-SHA-1 computed by hand, bind, optional
// XEP-0198) on a ScriptedServer, and ways to read what the client sent back.
#include "base/Namespaces.h"
#include "stream/ClientStream.h"
#include "testlib/ScriptedServer.h"
#include "xml/XmlStreamParser.h"

#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRegularExpression>
#include <QSignalSpy>

#include <functional>
#include <memory>

namespace confab::test::hostile {

using namespace Qt::StringLiterals;

/// A connection error as one line, for QVERIFY2 messages.
inline QString describe(const ConnectionError &error)
{
    return u"kind %1, condition '%2': %3"_s.arg(int(error.kind)).arg(error.condition, error.message);
}

/// One client stream and its fake server, with what the stream reported.
struct Session
{
    ScriptedServer server;
    ClientStream stream;
    QSignalSpy established { &stream, &ClientStream::established };
    QSignalSpy stanzas { &stream, &ClientStream::stanzaReceived };
    QSignalSpy disconnected { &stream, &ClientStream::disconnected };

    ConnectionError error() const { return disconnected.at(0).at(0).value<ConnectionError>(); }
    /// The bodies of the stanzas that reached the application, in order.
    QStringList bodies() const
    {
        QStringList out;
        for (const QList<QVariant> &args : stanzas) {
            out.append(args.at(0).value<XmlElement>().childText(u"body", ns::Client));
        }
        return out;
    }
};

inline const QString Password = u"Hostile-pa55word-Qq7"_s;
inline const QString Account = u"romeo@example.net/orchard"_s;

inline const QByteArray ServerHeaderNoDecl
    = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
      "id='s1' from='example.net' version='1.0' xml:lang='en'>"_ba;
inline const QByteArray ServerHeader = "<?xml version='1.0'?>"_ba + ServerHeaderNoDecl;
inline const QByteArray BindFeature = "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"_ba;
inline const QByteArray SmFeature = "<sm xmlns='urn:xmpp:sm:3'/>"_ba;

inline QByteArray features(const QByteArray &inner)
{
    return "<stream:features>"_ba + inner + "</stream:features>"_ba;
}

inline QByteArray mechanisms(const QList<QByteArray> &names)
{
    QByteArray out = "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"_ba;
    for (const QByteArray &name : names) {
        out += "<mechanism>"_ba + name + "</mechanism>"_ba;
    }
    return out + "</mechanisms>"_ba;
}

inline QByteArray saslElement(const QByteArray &name, const QByteArray &base64)
{
    return '<' + name + " xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"_ba + base64 + "</"_ba + name + '>';
}

/// The character data of the last <name ...>...</name> in `received`.
inline QByteArray lastText(const QByteArray &received, const QString &name)
{
    const QRegularExpression re(u"<%1\\b[^>]*>([^<]*)</%1>"_s.arg(name));
    QByteArray text;
    for (auto it = re.globalMatch(QString::fromUtf8(received)); it.hasNext();) {
        text = it.next().captured(1).toUtf8();
    }
    return text;
}

inline QByteArray lastIqId(const QByteArray &received)
{
    const QRegularExpression re(u"<iq\\b[^>]*\\bid='([^']*)'"_s);
    QByteArray id;
    for (auto it = re.globalMatch(QString::fromUtf8(received)); it.hasNext();) {
        id = it.next().captured(1).toUtf8();
    }
    return id;
}

/// The server side of SCRAM-SHA-1 (RFC 5802 §3). `serverFirst`, when set, replaces the server-first message
/// (given the client's nonce), to lie about nonces, salts and iteration counts.
class ScramServer
{
public:
    using ServerFirst = std::function<QByteArray(const QByteArray &clientNonce)>;

    explicit ScramServer(ServerFirst serverFirst = {})
        : m_override(std::move(serverFirst))
    { }

    QByteArray replyToAuth(const QByteArray &received)
    {
        const QByteArray clientFirst = QByteArray::fromBase64(lastText(received, u"auth"_s));
        m_clientFirstBare = clientFirst.mid(clientFirst.indexOf(',', clientFirst.indexOf(',') + 1) + 1);
        const QByteArray clientNonce = m_clientFirstBare.mid(m_clientFirstBare.indexOf("r=") + 2);
        if (m_override) {
            return saslElement("challenge"_ba, m_override(clientNonce));
        }
        m_serverFirst
            = "r="_ba + clientNonce + "s3rv3r,s="_ba + Salt.toBase64() + ",i="_ba + QByteArray::number(Iterations);
        return saslElement("challenge"_ba, m_serverFirst.toBase64());
    }

    QByteArray replyToResponse(const QByteArray &received) const
    {
        const QByteArray clientFinal = QByteArray::fromBase64(lastText(received, u"response"_s));
        const QByteArray withoutProof = clientFinal.left(clientFinal.indexOf(",p="));
        const QByteArray authMessage = m_clientFirstBare + ',' + m_serverFirst + ',' + withoutProof;
        const QByteArray salted
            = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha1, Password.toUtf8(), Salt, Iterations, 20);
        const QByteArray serverKey
            = QMessageAuthenticationCode::hash("Server Key"_ba, salted, QCryptographicHash::Sha1);
        const QByteArray signature = QMessageAuthenticationCode::hash(authMessage, serverKey, QCryptographicHash::Sha1);
        return saslElement("success"_ba, QByteArray("v="_ba + signature.toBase64()).toBase64());
    }

private:
    static inline const QByteArray Salt = "NaCl-for-romeo"_ba;
    static constexpr int Iterations = 4096;

    ServerFirst m_override;
    QByteArray m_clientFirstBare;
    QByteArray m_serverFirst;
};

/// Scripts a whole login: SCRAM-SHA-1, bind and, with `withSm`, XEP-0198 enabled and resumable.
inline void scriptLogin(ScriptedServer &server, bool withSm)
{
    auto scram = std::make_shared<ScramServer>();
    server.on("<stream:stream"_ba, ServerHeader + features(mechanisms({ "SCRAM-SHA-1"_ba })))
        .on("</auth>"_ba, [scram](const QByteArray &received) -> QByteArray { return scram->replyToAuth(received); })
        .on("</response>"_ba,
            [scram](const QByteArray &received) -> QByteArray { return scram->replyToResponse(received); })
        .on("<stream:stream"_ba, ServerHeader + features(BindFeature + (withSm ? SmFeature : QByteArray())));
    const auto bind = [](const QByteArray &received) -> QByteArray {
        return "<iq type='result' id='"_ba + lastIqId(received)
            + "'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>"_ba + Account.toUtf8() + "</jid></bind></iq>"_ba;
    };
    if (withSm) {
        server.on("<enable"_ba, [bind](const QByteArray &received) -> QByteArray {
            return bind(received) + "<enabled xmlns='urn:xmpp:sm:3' id='sm-1' resume='true'/>"_ba;
        });
    } else {
        server.on("</iq>"_ba, bind);
    }
}

inline ConnectionSettings settingsFor(quint16 port)
{
    ConnectionSettings settings;
    settings.jid = Jid::fromString(Account);
    settings.password = Password;
    settings.host = u"127.0.0.1"_s;
    settings.port = port;
    settings.tlsMode = TlsMode::InsecurePlaintext;
    return settings;
}

/// The top-level elements the client sent, parsed as a server would; each stream restart is a new stream.
inline QList<XmlElement> clientElements(const QByteArray &bytes)
{
    QList<XmlElement> elements;
    qsizetype start = bytes.indexOf("<?xml");
    while (start >= 0) {
        const qsizetype next = bytes.indexOf("<?xml", start + 1);
        XmlStreamParser parser({
            [](const XmlElement &) {},
            [&elements](XmlElement &&element) { elements.append(std::move(element)); },
            [] {},
            [](XmlStreamParser::Error, const QString &) {},
        });
        parser.feed(QByteArrayView(bytes).sliced(start, (next < 0 ? bytes.size() : next) - start));
        start = next;
    }
    return elements;
}

/// The conditions of the stream errors the client sent.
inline QStringList streamErrorsSent(const QByteArray &bytes)
{
    QStringList conditions;
    for (const XmlElement &e : clientElements(bytes)) {
        if (!e.is(u"error", ns::Stream)) {
            continue;
        }
        for (const XmlElement &child : e.children()) {
            if (child.namespaceUri() == ns::Streams && child.name() != u"text") {
                conditions.append(child.name());
            }
        }
    }
    return conditions;
}

} // namespace confab::test::hostile
