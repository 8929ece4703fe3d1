// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stream/ConnectionError.h"
#include "stream/ConnectionSettings.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace confab {

class Client;
class XmlElement;

/// confab-cli: one command over one session, for scripts and IT. The interface (options, output and
/// exit codes) is a contract; see README.md.
class CliApplication : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { Ok = 0, Failure = 1, Usage = 2, AuthFailed = 3, TlsRefused = 4, NetworkFailure = 5 };

    explicit CliApplication(QObject *parent = nullptr);

    /// Parses the arguments; returns an exit code when the program should end at once (usage, --version).
    std::optional<int> parse(const QStringList &arguments);
    /// Starts the command; the application quits with exitCode() when it is done.
    void start();
    int exitCode() const { return m_exitCode; }

    static int exitCodeFor(const ConnectionError &error);

private:
    void handleConnected();
    void handleDisconnected(const ConnectionError &error);
    void handleMessage(const XmlElement &message);
    void runCommand();
    void finish(int code);
    void logoutAndExit(int code);
    void printResult(const QString &text, const QJsonObject &json);
    void printError(const QString &text, QJsonObject json = {});

    Client *m_client = nullptr;
    ConnectionSettings m_settings;
    QString m_command;
    QStringList m_args;
    int m_timeoutSeconds = 30;
    int m_listenCount = -1;
    int m_received = 0;
    int m_exitCode = Failure;
    bool m_json = false;
    bool m_finishing = false;
};

} // namespace confab
