// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stream/ConnectionError.h"
#include "stream/ConnectionSettings.h"
#include "xml/XmlElement.h"

#include <QSslCertificate>

#include <memory>
#include <variant>

namespace confab {

namespace sasl {
class ScramClient;
}

/// RFC 6120 §6 SASL negotiation: picks the strongest mechanism offered (SCRAM-SHA-512/256/1, their
/// -PLUS variants with tls-server-end-point channel binding where the server lists it (XEP-0440), PLAIN
/// only under TLS), answers challenges, and verifies the server's signature before believing <success/>.
class SaslStep
{
public:
    struct Success
    { };
    /// The next element to send, the end of authentication, or why it failed.
    using Result = std::variant<XmlElement, Success, ConnectionError>;

    SaslStep();
    ~SaslStep();

    Result start(const XmlElement &features, const ConnectionSettings &settings, bool tlsActive,
        const QSslCertificate &peerCertificate);
    Result handle(const XmlElement &element);
    const QString &mechanismName() const { return m_mechanism; }

private:
    Result fail(ConnectionError::Kind kind, const QString &message, const QString &condition = {});

    std::unique_ptr<sasl::ScramClient> m_scram;
    QString m_mechanism;
    bool m_awaitingSuccess = false;
};

} // namespace confab
