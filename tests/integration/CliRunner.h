// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "testlib/ProsodyFixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryFile>
#include <QTest>

#include <memory>

namespace confab::test {

/// Runs confab-cli as a user or an IT script would, against a ProsodyFixture.
struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
    QList<QJsonObject> jsonLines() const
    {
        QList<QJsonObject> lines;
        for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
            lines.append(QJsonDocument::fromJson(line.toUtf8()).object());
        }
        return lines;
    }
};

class CliRunner
{
public:
    explicit CliRunner(const ProsodyFixture &server)
        : m_server(server)
    { }

    /// The options that reach the fixture: its address and CA, and the account's password in a file.
    QStringList connectionArgs(const QString &user, const QString &resource = {}, const QString &password = {})
    {
        auto file = std::make_unique<QTemporaryFile>();
        if (!file->open()) {
            qFatal("cannot create a password file");
        }
        file->write((password.isEmpty() ? m_server.password(user) : password).toUtf8() + "\n");
        file->flush();
        QStringList args { QStringLiteral("--jid"),
            m_server.jid(user) + (resource.isEmpty() ? QString() : u'/' + resource), QStringLiteral("--password-file"),
            file->fileName(), QStringLiteral("--host"), m_server.host(), QStringLiteral("--port"),
            QString::number(m_server.c2sPort()), QStringLiteral("--ca-file"), m_server.caFile() };
        m_passwordFiles.push_back(std::move(file));
        return args;
    }

    static CliResult run(const QStringList &args, int timeoutMs = 60000)
    {
        QProcess process;
        process.start(QStringLiteral(CONFAB_CLI_PATH), args);
        CliResult result;
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            result.err = QStringLiteral("confab-cli did not finish");
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out += QString::fromUtf8(process.readAllStandardOutput());
        result.err += QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    /// Starts `listen` and returns once it says it is listening (bounded).
    static std::unique_ptr<QProcess> startListener(const QStringList &args, QString *stderrText = nullptr)
    {
        auto process = std::make_unique<QProcess>();
        process->start(QStringLiteral(CONFAB_CLI_PATH), args);
        QString err;
        QElapsedTimer timer;
        timer.start();
        while (!err.contains(QStringLiteral("listening as")) && timer.elapsed() < 20000
            && process->state() != QProcess::NotRunning) {
            process->waitForReadyRead(200);
            err += QString::fromUtf8(process->readAllStandardError());
        }
        if (stderrText) {
            *stderrText = err;
        }
        return process;
    }

private:
    const ProsodyFixture &m_server;
    std::vector<std::unique_ptr<QTemporaryFile>> m_passwordFiles;
};

} // namespace confab::test
