// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QProcess>
#include <QString>

#include <optional>

namespace confab::test {

/// A private X server (Xvfb, 1280x800x24, no TCP) on the first free display number, for UI tests and
/// benchmarks that need a real X11 connection; it dies with this process, even on a crash. Usable before
/// a QApplication exists (set DISPLAY to display() first).
class PrivateXServer
{
public:
    PrivateXServer() = default;
    ~PrivateXServer();
    PrivateXServer(const PrivateXServer &) = delete;
    PrivateXServer &operator=(const PrivateXServer &) = delete;

    /// Starts Xvfb and waits (at most 10 s per display tried) until it accepts connections; an error text on
    /// failure.
    std::optional<QString> start();
    /// ":N" once started.
    const QString &display() const { return m_display; }

private:
    QProcess m_process;
    QString m_display;
};

} // namespace confab::test
