// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace confab {

class Client;

/// What a running confab-cli command sees: its arguments and options, the signed-in Client, and the ways
/// to report and to end.
class CliSession
{
public:
    enum ExitCode { Ok = 0, Failure = 1, Usage = 2, AuthFailed = 3, TlsRefused = 4, NetworkFailure = 5 };

    virtual ~CliSession() = default;
    virtual Client &client() = 0;
    virtual const QStringList &args() const = 0;
    virtual bool isSet(const QString &option) const = 0;
    virtual QString value(const QString &option) const = 0;
    virtual QStringList values(const QString &option) const = 0;
    /// Per-account data (caches, history), under $CONFAB_DATA_DIR or the user's data location.
    virtual QString dataDirectory() const = 0;
    /// One line for a person, or one JSON object with --json.
    virtual void printResult(const QString &text, const QJsonObject &json) = 0;
    /// One line on stderr (and {"error": ...} on stdout with --json).
    virtual void printError(const QString &text, QJsonObject json = {}) = 0;
    /// Logs out cleanly, then exits with `code`.
    virtual void finish(int code) = 0;
    /// What the --timeout means for this command: by default a failure; for commands that watch until
    /// the timeout (listen, roster --watch, presence) the normal end.
    virtual void setTimeoutIsNormalEnd(bool normal) = 0;
};

/// One command of confab-cli. Each group of commands lives in its own file and is listed once in
/// CliCommands.cpp; the parser, the session and the exit codes are shared (CliApplication).
struct CliCommand
{
    QString name;
    QString synopsis; ///< e.g. "send TO TEXT"
    QString description; ///< one line for the usage text
    int minArgs = 0;
    int maxArgs = 0;
    QList<QCommandLineOption> options; ///< options only this command accepts
    bool registerAccount = false; ///< XEP-0077 before authentication
    /// Validates arguments and options before connecting; returns a usage error or an empty string.
    std::function<QString(const QCommandLineParser &parser, const QStringList &args)> validate;
    /// Adds the extensions the command needs, before connecting.
    std::function<void(Client &client)> setup;
    /// Runs once the session is established.
    std::function<void(CliSession &session)> run;
};

/// The CLI's own texts, in the "confab-cli" translation context.
QString cliTr(const char *text);
/// A usage error when args[index] is given and is not a valid JID; else an empty string.
QString invalidJidArgument(const QStringList &args, qsizetype index);

/// Every command, in the order the usage text lists them.
QList<CliCommand> allCliCommands();

// The groups (one file each).
QList<CliCommand> coreCliCommands(); // login, send, listen, register, ping
QList<CliCommand> presenceCliCommands(); // presence
QList<CliCommand> contactCliCommands(); // vcard, block, unblock, blocklist
QList<CliCommand> rosterCliCommands(); // roster, add, remove, subscribe, approve, deny
QList<CliCommand> historyCliCommands(); // history

} // namespace confab
