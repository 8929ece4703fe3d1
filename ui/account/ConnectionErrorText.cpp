// SPDX-License-Identifier: Apache-2.0
#include "account/ConnectionErrorText.h"

#include "stream/ConnectionError.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace confab::ui {

namespace {

QString authenticationText(const QString &condition)
{
    // RFC 6120 §6.5: the SASL failure conditions a person can act on.
    if (condition == u"account-disabled") {
        return QCoreApplication::translate(
            "ConnectionErrorText", "This account has been disabled. Contact the server's administrator.");
    }
    if (condition == u"credentials-expired") {
        return QCoreApplication::translate("ConnectionErrorText",
            "Your password has expired. Change it with the server's administrator, then sign in again.");
    }
    if (condition == u"temporary-auth-failure") {
        return QCoreApplication::translate(
            "ConnectionErrorText", "The server could not check your password just now. Try again in a moment.");
    }
    if (condition == u"encryption-required") {
        return QCoreApplication::translate(
            "ConnectionErrorText", "The server requires an encrypted connection for this sign-in method.");
    }
    return QCoreApplication::translate("ConnectionErrorText", "The address or the password is wrong.");
}

QString registrationText(const QString &condition)
{
    // XEP-0077 §3.1 and §8: what a refused registration means.
    if (condition == u"conflict") {
        return QCoreApplication::translate("ConnectionErrorText",
            "An account with this address already exists. Sign in instead, or choose another name.");
    }
    if (condition == u"not-allowed" || condition == u"forbidden" || condition == u"service-unavailable"
        || condition == u"feature-not-implemented") {
        return QCoreApplication::translate(
            "ConnectionErrorText", "This server does not allow creating accounts from Confab.");
    }
    if (condition == u"not-acceptable" || condition == u"bad-request") {
        return QCoreApplication::translate("ConnectionErrorText",
            "The server did not accept this name or password. It may ask for more details (such as an "
            "e-mail address) than Confab can send: create the account on the server's website instead.");
    }
    if (condition == u"resource-constraint" || condition == u"policy-violation") {
        return QCoreApplication::translate(
            "ConnectionErrorText", "The server does not accept new accounts right now. Try again later.");
    }
    return QCoreApplication::translate("ConnectionErrorText", "The server could not create the account.");
}

QString streamErrorText(const QString &condition)
{
    // RFC 6120 §4.9.3.
    if (condition == u"conflict") {
        return QCoreApplication::translate("ConnectionErrorText",
            "You signed in somewhere else with the same device name, so this connection was closed.");
    }
    if (condition == u"system-shutdown") {
        return QCoreApplication::translate("ConnectionErrorText", "The server is shutting down.");
    }
    if (condition == u"host-unknown" || condition == u"host-gone") {
        return QCoreApplication::translate(
            "ConnectionErrorText", "This server does not serve the domain of your address.");
    }
    if (condition == u"not-authorized") {
        return QCoreApplication::translate(
            "ConnectionErrorText", "The server no longer accepts your sign-in. Your password may have been changed.");
    }
    if (condition == u"policy-violation") {
        return QCoreApplication::translate(
            "ConnectionErrorText", "The server closed the connection because a limit was exceeded.");
    }
    if (condition == u"connection-timeout") {
        return QCoreApplication::translate(
            "ConnectionErrorText", "The server closed the connection because it was idle too long.");
    }
    if (condition == u"resource-constraint" || condition == u"internal-server-error") {
        return QCoreApplication::translate(
            "ConnectionErrorText", "The server has a problem and closed the connection.");
    }
    if (condition.isEmpty()) {
        return QCoreApplication::translate(
            "ConnectionErrorText", "The server closed the connection because of an error.");
    }
    return QCoreApplication::translate(
        "ConnectionErrorText", "The server closed the connection because of an error (%1).")
        .arg(condition);
}

} // namespace

QString connectionErrorText(const ConnectionError &error)
{
    using Kind = ConnectionError::Kind;
    switch (error.kind) {
    case Kind::None:
        return QString();
    case Kind::HostNotFound:
        return QCoreApplication::translate("ConnectionErrorText",
            "The server could not be found. Check the part of your address after the @, the server "
            "name under Advanced, and your Internet connection.");
    case Kind::ConnectionFailed:
        return QCoreApplication::translate("ConnectionErrorText",
            "Confab could not reach the server. Check your network connection; the server may also be "
            "down.");
    case Kind::ConnectionLost:
        return QCoreApplication::translate("ConnectionErrorText", "The connection to the server was lost.");
    case Kind::TlsUnavailable:
        return QCoreApplication::translate(
            "ConnectionErrorText", "The server does not offer an encrypted connection, so Confab did not sign in.");
    case Kind::CertificateRefused:
        return QCoreApplication::translate(
            "ConnectionErrorText", "The server's certificate is not trusted, so Confab did not send your password.");
    case Kind::TlsFailed:
        return QCoreApplication::translate(
            "ConnectionErrorText", "A secure connection to the server could not be set up.");
    case Kind::PlaintextRefused:
        return QCoreApplication::translate(
            "ConnectionErrorText", "Unencrypted connections are only allowed to this computer.");
    case Kind::AuthenticationFailed:
        return authenticationText(error.condition);
    case Kind::NoSuitableMechanism:
        return QCoreApplication::translate(
            "ConnectionErrorText", "The server offers no sign-in method that keeps your password safe.");
    case Kind::RegistrationFailed:
        return registrationText(error.condition);
    case Kind::StreamError:
        return streamErrorText(error.condition);
    case Kind::ProtocolError:
        return QCoreApplication::translate(
            "ConnectionErrorText", "The server sent something Confab cannot accept, so the connection was closed.");
    case Kind::Timeout:
        return QCoreApplication::translate(
            "ConnectionErrorText", "The server did not answer in time. Try again later.");
    }
    return error.message;
}

} // namespace confab::ui
