// SPDX-License-Identifier: Apache-2.0
#include "app/DesktopApp.h"

namespace confab::ui {

DesktopApp::DesktopApp(const CommandLine &commandLine, QObject *parent)
    : QObject(parent)
    , m_commandLine(commandLine)
{ }

DesktopApp::~DesktopApp() = default;

bool DesktopApp::start()
{
    return true;
}

} // namespace confab::ui
