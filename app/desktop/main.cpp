// SPDX-License-Identifier: Apache-2.0
#include "app/CommandLine.h"
#include "app/DesktopApp.h"

#include <QApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Confab"));
    QApplication::setOrganizationName(QStringLiteral("Confab"));
    QApplication::setApplicationVersion(QStringLiteral(CONFAB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("im.confab.Confab"));
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        QLoggingCategory::setFilterRules(QStringLiteral("confab.*.info=false"));
    }

    const auto parsed = confab::ui::CommandLine::parse(QApplication::arguments());
    if (const auto *exit = std::get_if<confab::ui::CommandLine::Exit>(&parsed)) {
        std::fputs(exit->text.toLocal8Bit().constData(), exit->code == 0 ? stdout : stderr);
        return exit->code;
    }
    confab::ui::DesktopApp desktop(std::get<confab::ui::CommandLine>(parsed));
    if (!desktop.start()) {
        return 0; // another instance took over (it was handed our xmpp: URI)
    }
    return app.exec();
}
