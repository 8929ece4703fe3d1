// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stream/ConnectionSettings.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace confab::ui {

/// What `confab` was started with (the connection options of confab-cli, for IT scripts and our tests).
struct CommandLine
{
    /// Set when --jid was given: sign in with these settings without the dialog.
    std::optional<ConnectionSettings> signIn;
    /// Settings, history and caches go here instead of the standard per-user locations.
    QString profileDirectory;
    /// An `xmpp:` URI (RFC 5122) to open once signed in.
    QString uri;
    /// --lang: overrides the system locale ("en", "zh_CN", "zh_TW").
    QString language;

    /// Parses `arguments` (argv[0] first). On --help/--version or an error returns the text to print and
    /// the exit code instead.
    struct Exit
    {
        int code = 0;
        QString text;
    };
    static std::variant<CommandLine, Exit> parse(const QStringList &arguments);
};

} // namespace confab::ui
