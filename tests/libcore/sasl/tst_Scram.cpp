// SPDX-License-Identifier: Apache-2.0
#include "sasl/ScramClient.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Qt::StringLiterals;
using confab::sasl::ScramClient;

Q_DECLARE_METATYPE(QCryptographicHash::Algorithm)

namespace {

QByteArray hmac(QCryptographicHash::Algorithm hash, const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, hash);
}

/// PBKDF2 written out from RFC 5802 §2.2 (Hi), independently of the QPasswordDigestor the client uses.
QByteArray hi(QCryptographicHash::Algorithm hash, const QByteArray &password, const QByteArray &salt, int iterations)
{
    QByteArray u = hmac(hash, password, salt + QByteArray("\0\0\0\1", 4));
    QByteArray result = u;
    for (int i = 1; i < iterations; ++i) {
        u = hmac(hash, password, u);
        for (qsizetype j = 0; j < result.size(); ++j) {
            result[j] = char(result[j] ^ u[j]);
        }
    }
    return result;
}

QByteArray xored(QByteArray a, const QByteArray &b)
{
    for (qsizetype i = 0; i < a.size(); ++i) {
        a[i] = char(a[i] ^ b[i]);
    }
    return a;
}

/// A SCRAM server written from the formulas of RFC 5802 §3, to check the client against.
struct TestServer
{
    QCryptographicHash::Algorithm hash = QCryptographicHash::Sha256;
    QByteArray password;
    QByteArray salt = "a salt of some bytes"_ba;
    int iterations = 4096;
    QByteArray serverNonce = "3rfcNHYJY1ZVvWVs7j"_ba;
    QByteArray clientFirstBare;
    QByteArray serverFirst;

    QByteArray firstMessage(const QByteArray &clientFirst, qsizetype gs2HeaderLength)
    {
        clientFirstBare = clientFirst.sliced(gs2HeaderLength);
        const QByteArray clientNonce = clientFirstBare.sliced(clientFirstBare.indexOf(",r=") + 3);
        serverFirst = "r="_ba + clientNonce + serverNonce + ",s="_ba + salt.toBase64() + ",i="_ba
            + QByteArray::number(iterations);
        return serverFirst;
    }

    /// Checks the proof in the client-final-message; returns the server-final-message, or empty if wrong.
    QByteArray finalMessage(const QByteArray &clientFinal)
    {
        const qsizetype proofAt = clientFinal.indexOf(",p=");
        const QByteArray withoutProof = clientFinal.left(proofAt);
        const QByteArray proof = QByteArray::fromBase64(clientFinal.sliced(proofAt + 3));
        const QByteArray authMessage = clientFirstBare + ',' + serverFirst + ',' + withoutProof;
        const QByteArray saltedPassword = hi(hash, password, salt, iterations);
        const QByteArray storedKey = QCryptographicHash::hash(hmac(hash, saltedPassword, "Client Key"_ba), hash);
        const QByteArray clientKey = xored(proof, hmac(hash, storedKey, authMessage));
        if (QCryptographicHash::hash(clientKey, hash) != storedKey) {
            return {};
        }
        const QByteArray serverKey = hmac(hash, saltedPassword, "Server Key"_ba);
        return "v="_ba + hmac(hash, serverKey, authMessage).toBase64();
    }
};

QByteArray serverFirstFor(ScramClient &client, const QByteArray &rest)
{
    client.clientFirstMessage();
    return "r="_ba + client.clientNonce() + "srv,"_ba + rest;
}

} // namespace

class tst_Scram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesRfc5802Sha1Example();
    void matchesRfc7677Sha256Example();
    void agreesWithServerFromTheFormulas_data();
    void agreesWithServerFromTheFormulas();
    void writesGs2Header_data();
    void writesGs2Header();
    void rejectsTamperedServerSignature();
    void rejectsServerError();
    void rejectsMalformedServerFinal_data();
    void rejectsMalformedServerFinal();
    void rejectsBadServerFirst_data();
    void rejectsBadServerFirst();
    void acceptsIterationCountOfOne();
    void ignoresOptionalExtensions();
    void escapesUsername_data();
    void escapesUsername();
    void preparesUsernameAndPassword();
    void refusesUnusableArguments_data();
    void refusesUnusableArguments();
    void refusesStepsOutOfOrder();
    void makesFreshRandomNonces();
    void checksTestNonce();
};

void tst_Scram::matchesRfc5802Sha1Example()
{
    ScramClient client(QCryptographicHash::Sha1, u"user"_s, u"pencil"_s);
    QVERIFY(client.isValid());
    QVERIFY(client.setClientNonce("fyko+d2lbbFgONRv9qkxdawL"_ba));
    QCOMPARE(client.clientFirstMessage(), "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"_ba);

    const auto clientFinal
        = client.processServerFirst("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096");
    QVERIFY(std::holds_alternative<QByteArray>(clientFinal));
    QCOMPARE(std::get<QByteArray>(clientFinal),
        "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="_ba);
    QCOMPARE(client.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ="), std::nullopt);
}

void tst_Scram::matchesRfc7677Sha256Example()
{
    ScramClient client(QCryptographicHash::Sha256, u"user"_s, u"pencil"_s);
    QVERIFY(client.setClientNonce("rOprNGfwEbeRWgbNEkqO"_ba));
    QCOMPARE(client.clientFirstMessage(), "n,,n=user,r=rOprNGfwEbeRWgbNEkqO"_ba);

    const auto clientFinal = client.processServerFirst(
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    QVERIFY(std::holds_alternative<QByteArray>(clientFinal));
    QCOMPARE(std::get<QByteArray>(clientFinal),
        "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
        "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="_ba);
    QCOMPARE(client.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="), std::nullopt);
}

void tst_Scram::agreesWithServerFromTheFormulas_data()
{
    QTest::addColumn<QCryptographicHash::Algorithm>("hash");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<char>("gs2Flag");
    QTest::addColumn<QByteArray>("cbType");
    QTest::addColumn<QByteArray>("cbData");
    QTest::addColumn<QByteArray>("expectedC"); ///< the decoded c= attribute

    const QByteArray endPoint = QByteArray::fromHex("cab391e74a4655fe9f913af5b0f47714e60f9a2927b8a0b2d2c7b98a74260a1a");
    QTest::newRow("SHA-512") << QCryptographicHash::Sha512 << u"juliet"_s << u"r0m30myr0m30"_s << 'n' << QByteArray()
                             << QByteArray() << "n,,"_ba;
    QTest::newRow("SHA-512, y") << QCryptographicHash::Sha512 << u"juliet"_s << u"r0m30myr0m30"_s << 'y' << QByteArray()
                                << QByteArray() << "y,,"_ba;
    QTest::newRow("SHA-512-PLUS") << QCryptographicHash::Sha512 << u"juliet"_s << u"r0m30myr0m30"_s << 'p'
                                  << "tls-server-end-point"_ba << endPoint
                                  << ("p=tls-server-end-point,,"_ba + endPoint);
    QTest::newRow("SHA-256-PLUS") << QCryptographicHash::Sha256 << u"juliet"_s << u"secret"_s << 'p'
                                  << "tls-server-end-point"_ba << endPoint
                                  << ("p=tls-server-end-point,,"_ba + endPoint);
    QTest::newRow("SHA-1, y") << QCryptographicHash::Sha1 << u"juliet"_s << u"secret"_s << 'y' << QByteArray()
                              << QByteArray() << "y,,"_ba;
    QTest::newRow("flag n ignores cb data")
        << QCryptographicHash::Sha256 << u"juliet"_s << u"secret"_s << 'n' << QByteArray() << endPoint << "n,,"_ba;
    QTest::newRow("escaped username, non-ASCII password")
        << QCryptographicHash::Sha256 << u"a=b,c"_s << u"пароль 密码"_s << 'n' << QByteArray() << QByteArray()
        << "n,,"_ba;
}

void tst_Scram::agreesWithServerFromTheFormulas()
{
    QFETCH(QCryptographicHash::Algorithm, hash);
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(char, gs2Flag);
    QFETCH(QByteArray, cbType);
    QFETCH(QByteArray, cbData);
    QFETCH(QByteArray, expectedC);

    ScramClient client(hash, username, password, gs2Flag, cbType, cbData);
    QVERIFY2(client.isValid(), qPrintable(client.errorString()));
    TestServer server;
    server.hash = hash;
    server.password = password.toUtf8();
    const QByteArray clientFirst = client.clientFirstMessage();
    QVERIFY(clientFirst.startsWith(expectedC.left(expectedC.indexOf(",,") + 2)));

    const auto clientFinal = client.processServerFirst(server.firstMessage(clientFirst, clientFirst.indexOf(",,") + 2));
    QVERIFY(std::holds_alternative<QByteArray>(clientFinal));
    const QByteArray &finalMessage = std::get<QByteArray>(clientFinal);
    QVERIFY(finalMessage.startsWith(QByteArray("c="_ba + expectedC.toBase64() + ",r="_ba)));

    const QByteArray serverFinal = server.finalMessage(finalMessage);
    QVERIFY2(!serverFinal.isEmpty(), "the server rejected the client's proof");
    QCOMPARE(client.verifyServerFinal(serverFinal), std::nullopt);
}

void tst_Scram::writesGs2Header_data()
{
    QTest::addColumn<char>("gs2Flag");
    QTest::addColumn<QByteArray>("cbType");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("n") << 'n' << QByteArray() << "n,,n=user,r=abc"_ba;
    QTest::newRow("y") << 'y' << QByteArray() << "y,,n=user,r=abc"_ba;
    QTest::newRow("p=tls-server-end-point") << 'p' << "tls-server-end-point"_ba
                                            << "p=tls-server-end-point,,n=user,r=abc"_ba;
    QTest::newRow("p=tls-exporter") << 'p' << "tls-exporter"_ba
                                    << "p=tls-exporter,,n=user,r=abc"_ba;
}

void tst_Scram::writesGs2Header()
{
    QFETCH(char, gs2Flag);
    QFETCH(QByteArray, cbType);
    QFETCH(QByteArray, expected);

    ScramClient client(QCryptographicHash::Sha256, u"user"_s, u"pencil"_s, gs2Flag, cbType, "cb-data"_ba);
    QVERIFY(client.setClientNonce("abc"_ba));
    QCOMPARE(client.clientFirstMessage(), expected);
}

void tst_Scram::rejectsTamperedServerSignature()
{
    ScramClient client(QCryptographicHash::Sha1, u"user"_s, u"pencil"_s);
    QVERIFY(client.setClientNonce("fyko+d2lbbFgONRv9qkxdawL"_ba));
    client.clientFirstMessage();
    QVERIFY(std::holds_alternative<QByteArray>(
        client.processServerFirst("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096")));
    // The RFC's signature with its last character changed.
    const auto error = client.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKA=");
    QVERIFY(error.has_value());
    QVERIFY(!error->isEmpty());
}

void tst_Scram::rejectsServerError()
{
    ScramClient client(QCryptographicHash::Sha1, u"user"_s, u"pencil"_s);
    QVERIFY(client.setClientNonce("fyko+d2lbbFgONRv9qkxdawL"_ba));
    client.clientFirstMessage();
    QVERIFY(std::holds_alternative<QByteArray>(
        client.processServerFirst("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096")));
    const auto error = client.verifyServerFinal("e=invalid-proof");
    QVERIFY(error.has_value());
    QVERIFY(error->contains(u"invalid-proof"));
}

void tst_Scram::rejectsMalformedServerFinal_data()
{
    QTest::addColumn<QByteArray>("serverFinal");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no attribute") << "rmF9pqV8S7suAoZWja4dJRkFsKQ="_ba;
    QTest::newRow("wrong attribute") << "x=rmF9pqV8S7suAoZWja4dJRkFsKQ="_ba;
    QTest::newRow("bad base64") << "v=rmF9pqV8S7suAoZWja4dJRkF*KQ="_ba;
    QTest::newRow("truncated signature") << "v=rmF9pqV8S7suAoZWja4d"_ba;
    QTest::newRow("empty signature") << "v="_ba;
    // Found by fuzz_scram: other spellings of the right bytes are not the signature either.
    QTest::newRow("signature without padding") << "v=rmF9pqV8S7suAoZWja4dJRkFsKQ"_ba;
    QTest::newRow("signature with stray low bits") << "v=rmF9pqV8S7suAoZWja4dJRkFsKR="_ba;
}

void tst_Scram::rejectsMalformedServerFinal()
{
    QFETCH(QByteArray, serverFinal);

    ScramClient client(QCryptographicHash::Sha1, u"user"_s, u"pencil"_s);
    QVERIFY(client.setClientNonce("fyko+d2lbbFgONRv9qkxdawL"_ba));
    client.clientFirstMessage();
    QVERIFY(std::holds_alternative<QByteArray>(
        client.processServerFirst("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096")));
    QVERIFY(client.verifyServerFinal(serverFinal).has_value());
}

void tst_Scram::rejectsBadServerFirst_data()
{
    QTest::addColumn<QByteArray>("serverFirst");

    // The client's nonce is "clientnonce".
    QTest::newRow("nonce not extending ours") << "r=othernonce123,s=QSXCR+Q6sek8bf92,i=4096"_ba;
    QTest::newRow("nonce equal to ours") << "r=clientnonce,s=QSXCR+Q6sek8bf92,i=4096"_ba;
    QTest::newRow("nonce shorter than ours") << "r=client,s=QSXCR+Q6sek8bf92,i=4096"_ba;
    QTest::newRow("nonce with ours inside") << "r=Xclientnonce123,s=QSXCR+Q6sek8bf92,i=4096"_ba;
    QTest::newRow("nonce with a control") << "r=clientnonce\x01x,s=QSXCR+Q6sek8bf92,i=4096"_ba;
    QTest::newRow("empty salt") << "r=clientnonceSRV,s=,i=4096"_ba;
    QTest::newRow("invalid base64 salt") << "r=clientnonceSRV,s=QSX*R+Q6sek8bf92,i=4096"_ba;
    QTest::newRow("iteration count 0") << "r=clientnonceSRV,s=QSXCR+Q6sek8bf92,i=0"_ba;
    QTest::newRow("negative iteration count") << "r=clientnonceSRV,s=QSXCR+Q6sek8bf92,i=-1"_ba;
    QTest::newRow("iteration count 1,000,001") << "r=clientnonceSRV,s=QSXCR+Q6sek8bf92,i=1000001"_ba;
    QTest::newRow("huge iteration count") << "r=clientnonceSRV,s=QSXCR+Q6sek8bf92,i=99999999999999999999"_ba;
    QTest::newRow("iteration count with leading zero") << "r=clientnonceSRV,s=QSXCR+Q6sek8bf92,i=04096"_ba;
    QTest::newRow("iteration count not a number") << "r=clientnonceSRV,s=QSXCR+Q6sek8bf92,i=many"_ba;
    QTest::newRow("empty iteration count") << "r=clientnonceSRV,s=QSXCR+Q6sek8bf92,i="_ba;
    QTest::newRow("mandatory extension") << "m=ext,r=clientnonceSRV,s=QSXCR+Q6sek8bf92,i=4096"_ba;
    QTest::newRow("attributes out of order") << "s=QSXCR+Q6sek8bf92,r=clientnonceSRV,i=4096"_ba;
    QTest::newRow("missing iteration count") << "r=clientnonceSRV,s=QSXCR+Q6sek8bf92"_ba;
    QTest::newRow("malformed extension") << "r=clientnonceSRV,s=QSXCR+Q6sek8bf92,i=4096,junk"_ba;
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("server error instead of challenge") << "e=other-error"_ba;
}

void tst_Scram::rejectsBadServerFirst()
{
    QFETCH(QByteArray, serverFirst);

    ScramClient client(QCryptographicHash::Sha256, u"user"_s, u"pencil"_s);
    QVERIFY(client.setClientNonce("clientnonce"_ba));
    client.clientFirstMessage();
    const auto result = client.processServerFirst(serverFirst);
    QVERIFY(std::holds_alternative<QString>(result));
    QVERIFY(!std::get<QString>(result).isEmpty());
    // A failed exchange cannot be continued.
    QVERIFY(client.verifyServerFinal("v=AAAA").has_value());
}

void tst_Scram::acceptsIterationCountOfOne()
{
    ScramClient client(QCryptographicHash::Sha256, u"user"_s, u"pencil"_s);
    const auto result = client.processServerFirst(serverFirstFor(client, "s=QSXCR+Q6sek8bf92,i=1"_ba));
    QVERIFY(std::holds_alternative<QByteArray>(result));
}

void tst_Scram::ignoresOptionalExtensions()
{
    ScramClient client(QCryptographicHash::Sha256, u"user"_s, u"pencil"_s);
    const auto result = client.processServerFirst(serverFirstFor(client, "s=QSXCR+Q6sek8bf92,i=4096,d=abc"_ba));
    QVERIFY(std::holds_alternative<QByteArray>(result));
}

void tst_Scram::escapesUsername_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << u"user"_s << "n,,n=user,r=abc"_ba;
    QTest::newRow("comma") << u"us,er"_s << "n,,n=us=2Cer,r=abc"_ba;
    QTest::newRow("equals") << u"us=er"_s << "n,,n=us=3Der,r=abc"_ba;
    QTest::newRow("both, = first") << u"=,"_s << "n,,n==3D=2C,r=abc"_ba;
    QTest::newRow("escape-like text") << u"a=2Cb"_s << "n,,n=a=3D2Cb,r=abc"_ba;
    QTest::newRow("UTF-8") << u"张三"_s << "n,,n=\xE5\xBC\xA0\xE4\xB8\x89,r=abc"_ba;
}

void tst_Scram::escapesUsername()
{
    QFETCH(QString, username);
    QFETCH(QByteArray, expected);

    ScramClient client(QCryptographicHash::Sha256, username, u"pencil"_s);
    QVERIFY(client.setClientNonce("abc"_ba));
    QCOMPARE(client.clientFirstMessage(), expected);
}

void tst_Scram::preparesUsernameAndPassword()
{
    // RFC 8265 §4.2: NFC, and non-ASCII spaces become U+0020; case is kept.
    ScramClient nfd(QCryptographicHash::Sha256, u"Cafe\u0301\u00A0Bar"_s, u"pencil"_s);
    QVERIFY(nfd.setClientNonce("abc"_ba));
    QCOMPARE(nfd.clientFirstMessage(), "n,,n=Caf\xC3\xA9 Bar,r=abc"_ba);

    // Passwords in NFD and NFC form give the same proof.
    const auto finalFor = [](const QString &password) {
        ScramClient client(QCryptographicHash::Sha256, u"user"_s, password);
        client.setClientNonce("abc"_ba);
        client.clientFirstMessage();
        return std::get<QByteArray>(client.processServerFirst("r=abcdef,s=QSXCR+Q6sek8bf92,i=16"));
    };
    QCOMPARE(finalFor(u"pe\u0301ncil\u3000x"_s), finalFor(u"p\u00E9ncil x"_s));
    QVERIFY(finalFor(u"Pencil"_s) != finalFor(u"pencil"_s));
}

void tst_Scram::refusesUnusableArguments_data()
{
    QTest::addColumn<QCryptographicHash::Algorithm>("hash");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<char>("gs2Flag");
    QTest::addColumn<QByteArray>("cbType");
    QTest::addColumn<QByteArray>("cbData");

    QTest::newRow("MD5") << QCryptographicHash::Md5 << u"user"_s << u"pencil"_s << 'n' << QByteArray() << QByteArray();
    QTest::newRow("unknown GS2 flag") << QCryptographicHash::Sha256 << u"user"_s << u"pencil"_s << 'x' << QByteArray()
                                      << QByteArray();
    QTest::newRow("p without type") << QCryptographicHash::Sha256 << u"user"_s << u"pencil"_s << 'p' << QByteArray()
                                    << "data"_ba;
    QTest::newRow("p without data") << QCryptographicHash::Sha256 << u"user"_s << u"pencil"_s << 'p'
                                    << "tls-server-end-point"_ba << QByteArray();
    QTest::newRow("p with a bad type name")
        << QCryptographicHash::Sha256 << u"user"_s << u"pencil"_s << 'p' << "tls,unique"_ba
        << "data"_ba;
    QTest::newRow("empty username") << QCryptographicHash::Sha256 << QString() << u"pencil"_s << 'n' << QByteArray()
                                    << QByteArray();
    QTest::newRow("control in username") << QCryptographicHash::Sha256 << u"us\u0000er"_s << u"pencil"_s << 'n'
                                         << QByteArray() << QByteArray();
    QTest::newRow("empty password") << QCryptographicHash::Sha256 << u"user"_s << QString() << 'n' << QByteArray()
                                    << QByteArray();
    QTest::newRow("control in password") << QCryptographicHash::Sha256 << u"user"_s << u"pen\ncil"_s << 'n'
                                         << QByteArray() << QByteArray();
}

void tst_Scram::refusesUnusableArguments()
{
    QFETCH(QCryptographicHash::Algorithm, hash);
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(char, gs2Flag);
    QFETCH(QByteArray, cbType);
    QFETCH(QByteArray, cbData);

    ScramClient client(hash, username, password, gs2Flag, cbType, cbData);
    QVERIFY(!client.isValid());
    QVERIFY(!client.errorString().isEmpty());
    QVERIFY(client.clientFirstMessage().isEmpty());
    QVERIFY(std::holds_alternative<QString>(client.processServerFirst("r=x,s=QSXCR+Q6sek8bf92,i=1")));
    QVERIFY(client.verifyServerFinal("v=AAAA").has_value());
}

void tst_Scram::refusesStepsOutOfOrder()
{
    ScramClient early(QCryptographicHash::Sha1, u"user"_s, u"pencil"_s);
    QVERIFY(std::holds_alternative<QString>(early.processServerFirst("r=abc,s=QSXCR+Q6sek8bf92,i=1")));

    ScramClient noChallenge(QCryptographicHash::Sha1, u"user"_s, u"pencil"_s);
    noChallenge.clientFirstMessage();
    QVERIFY(noChallenge.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=").has_value());

    ScramClient twice(QCryptographicHash::Sha1, u"user"_s, u"pencil"_s);
    QVERIFY(twice.setClientNonce("fyko+d2lbbFgONRv9qkxdawL"_ba));
    twice.clientFirstMessage();
    const QByteArray serverFirst = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"_ba;
    QVERIFY(std::holds_alternative<QByteArray>(twice.processServerFirst(serverFirst)));
    QVERIFY(std::holds_alternative<QString>(twice.processServerFirst(serverFirst)));
    QCOMPARE(twice.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ="), std::nullopt);
    // A server-final cannot be accepted twice either.
    QVERIFY(twice.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=").has_value());
}

void tst_Scram::makesFreshRandomNonces()
{
    ScramClient first(QCryptographicHash::Sha256, u"user"_s, u"pencil"_s);
    ScramClient second(QCryptographicHash::Sha256, u"user"_s, u"pencil"_s);
    QVERIFY(first.clientNonce() != second.clientNonce());
    QVERIFY(first.clientNonce().size() >= 24);
    for (const char c : first.clientNonce()) {
        QVERIFY(c > 0x20 && c < 0x7F && c != ',');
    }
    QVERIFY(first.clientFirstMessage().endsWith(QByteArray(",r="_ba + first.clientNonce())));
}

void tst_Scram::checksTestNonce()
{
    ScramClient client(QCryptographicHash::Sha256, u"user"_s, u"pencil"_s);
    QVERIFY(!client.setClientNonce("with,comma"_ba));
    QVERIFY(!client.setClientNonce("with space"_ba));
    QVERIFY(!client.setClientNonce(QByteArray()));
    QVERIFY(client.setClientNonce("fine"_ba));
    client.clientFirstMessage();
    QVERIFY(!client.setClientNonce("later"_ba));
    QCOMPARE(client.clientNonce(), "fine"_ba);
}

QTEST_GUILESS_MAIN(tst_Scram)
#include "tst_Scram.moc"
