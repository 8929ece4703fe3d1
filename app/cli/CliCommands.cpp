// SPDX-License-Identifier: Apache-2.0
#include "CliCommand.h"

namespace confab {

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
