// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace confab {

/// One running Confab per user and profile (issue 6): the first instance listens on a local socket (a Unix
/// domain socket, a named pipe on Windows); a second one hands it a message (an xmpp: URI, or "" to raise
/// the window) and exits instead of signing in a second time.
///
///     SingleInstance instance(SingleInstance::keyFor(profileDir));
///     if (!instance.listen()) {
///         SingleInstance::sendToPrimary(SingleInstance::keyFor(profileDir), uri);
///         return 0;
///     }
///     connect(&instance, &SingleInstance::messageReceived, ...);
///
/// A message is UTF-8 text of at most 64 KiB, sent as one length-prefixed frame.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// The socket name for a profile directory: per user (the name carries the user's id, and the socket
    /// is only accessible to that user) and per profile (a hash of the directory's canonical path), short
    /// enough for the 108-byte limit of a Unix socket path.
    static QString keyFor(const QString &profileDirectory);

    /// Becomes the primary instance: true when we now listen, false when another live instance does.
    /// A socket left behind by a crashed instance (nobody answers on it) is removed and taken over.
    bool listen();
    bool isListening() const;
    const QString &key() const { return m_key; }

    /// Hands `message` to the primary instance of `key`: true once it has acknowledged receipt, false when
    /// there is none (or it did not answer within `timeoutMs`).
    static bool sendToPrimary(const QString &key, const QString &message, int timeoutMs = 2000);

Q_SIGNALS:
    /// A later instance sent `message` (empty: just raise the window).
    void messageReceived(const QString &message);

private:
    void handleNewConnection();
    void readFrom(QLocalSocket *socket);

    QString m_key;
    QLocalServer *m_server = nullptr;
};

} // namespace confab
