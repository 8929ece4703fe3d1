// SPDX-License-Identifier: Apache-2.0
#include "CliCommand.h"
#include "base/Jid.h"

#include <QCoreApplication>

namespace confab {

QString cliTr(const char *text)
{
    return QCoreApplication::translate("confab-cli", text);
}

QString invalidJidArgument(const QStringList &args, qsizetype index)
{
    if (index < args.size() && Jid::fromString(args.at(index)).isNull()) {
        return cliTr("not a valid address: %1").arg(args.at(index));
    }
    return {};
}

QList<CliCommand> allCliCommands()
{
    QList<CliCommand> commands;
    commands += coreCliCommands();
    commands += presenceCliCommands();
    commands += contactCliCommands();
    commands += rosterCliCommands();
    commands += historyCliCommands();
    return commands;
}

} // namespace confab
