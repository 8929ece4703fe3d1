// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CliCommand.h"
#include "stream/ConnectionError.h"
#include "stream/ConnectionSettings.h"

#include <QCommandLineParser>
#include <QObject>

#include <optional>

namespace confab {

/// confab-cli: one command over one session, for scripts and IT. The interface (options, output and
/// exit codes) is a contract; see README.md. Commands are listed in CliCommands.cpp.
class CliApplication : public QObject, public CliSession
{
    Q_OBJECT
public:
    explicit CliApplication(QObject *parent = nullptr);
    ~CliApplication() override;

    /// Parses the arguments; returns an exit code when the program should end at once (usage, --version).
    std::optional<int> parse(const QStringList &arguments);
    /// Connects and runs the command; the application quits with exitCode() when it is done.
    void start();
    int exitCode() const { return m_exitCode; }

    static int exitCodeFor(const ConnectionError &error);
    static QString usageText(const QList<CliCommand> &commands);

    // CliSession
    Client &client() override { return *m_client; }
    const QStringList &args() const override { return m_args; }
    bool isSet(const QString &option) const override { return m_parser.isSet(option); }
    QString value(const QString &option) const override { return m_parser.value(option); }
    QStringList values(const QString &option) const override { return m_parser.values(option); }
    QString dataDirectory() const override;
    void printResult(const QString &text, const QJsonObject &json) override;
    void printError(const QString &text, QJsonObject json = {}) override;
    void finish(int code) override;
    void setTimeoutIsNormalEnd(bool normal) override { m_timeoutIsNormalEnd = normal; }

private:
    void handleDisconnected(const ConnectionError &error);
    void handleTimeout();
    void exitNow(int code);

    QCommandLineParser m_parser;
    QList<CliCommand> m_commands;
    const CliCommand *m_command = nullptr;
    Client *m_client = nullptr;
    ConnectionSettings m_settings;
    QStringList m_args;
    int m_timeoutSeconds = 30;
    int m_exitCode = Failure;
    bool m_json = false;
    bool m_finishing = false;
    bool m_started = false;
    bool m_timeoutIsNormalEnd = false;
};

} // namespace confab
