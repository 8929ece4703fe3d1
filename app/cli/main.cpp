// SPDX-License-Identifier: Apache-2.0
#include "CliApplication.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("confab-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Confab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONFAB_VERSION));
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        // Quiet by default: stdout is for results, stderr for one line per error. QT_LOGGING_RULES
        // ("confab.*.debug=true") shows the protocol.
        QLoggingCategory::setFilterRules(QStringLiteral("confab.*.info=false"));
    }

    confab::CliApplication cli;
    if (const std::optional<int> code = cli.parse(QCoreApplication::arguments())) {
        return *code;
    }
    QTimer::singleShot(0, &cli, &confab::CliApplication::start);
    app.exec();
    return cli.exitCode();
}
