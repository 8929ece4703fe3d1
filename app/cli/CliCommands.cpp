// SPDX-License-Identifier: Apache-2.0
#include "CliCommand.h"

namespace confab {

QList<CliCommand> allCliCommands()
{
    QList<CliCommand> commands;
    commands += coreCliCommands();
    return commands;
}

} // namespace confab
