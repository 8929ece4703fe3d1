// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/CommandLine.h"

#include <QObject>

namespace confab::ui {

/// The desktop application's composition root (DESIGN.md, app/): the profile, settings, sign-in flow, main
/// window, chat windows and tray, wired together. main() makes one; nothing here is a singleton.
class DesktopApp : public QObject
{
    Q_OBJECT
public:
    explicit DesktopApp(const CommandLine &commandLine, QObject *parent = nullptr);
    ~DesktopApp() override;

    /// Shows the first window. False when another instance runs and took over (it got our URI).
    bool start();

private:
    CommandLine m_commandLine;
};

} // namespace confab::ui
