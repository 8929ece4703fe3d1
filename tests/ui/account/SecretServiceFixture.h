// SPDX-License-Identifier: Apache-2.0
#pragma once

// A private Secret Service for keychain tests: its own D-Bus session bus (dbus-daemon) and a
// gnome-keyring-daemon with an unlocked "login" keyring, both under a temporary HOME/XDG_DATA_HOME/
// XDG_RUNTIME_DIR, so the user's real keyring is never touched. start() points this process's
// DBUS_SESSION_BUS_ADDRESS at the bus; call it before anything uses QtKeychain (libsecret keeps its first
// bus connection). The daemons are stopped by stop() or the destructor.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace confab::test {

class SecretServiceFixture
{
public:
    SecretServiceFixture() = default;
    ~SecretServiceFixture() { stop(); }
    SecretServiceFixture(const SecretServiceFixture &) = delete;
    SecretServiceFixture &operator=(const SecretServiceFixture &) = delete;

    /// Starts both daemons and waits until the keyring answers on the bus; an error text on failure.
    std::optional<QString> start()
    {
        if (!m_dir.isValid()) {
            return QStringLiteral("no temporary directory");
        }
        for (const char *sub : { "home", "data", "config", "cache", "runtime" }) {
            QDir().mkpath(m_dir.filePath(QString::fromLatin1(sub)));
        }
        QFile::setPermissions(m_dir.filePath(QStringLiteral("runtime")),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("runtime")));
        env.remove(QStringLiteral("DISPLAY")); // no X11 autolaunch, no prompts

        // The bus: in the foreground, so that we hold its process; it prints its address when ready.
        m_bus = std::make_unique<QProcess>();
        m_bus->setProcessEnvironment(env);
        m_bus->start(QStringLiteral("dbus-daemon"),
            { QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1") });
        if (!m_bus->waitForStarted(10000)) {
            return QStringLiteral("dbus-daemon did not start: ") + m_bus->errorString();
        }
        QElapsedTimer timer;
        timer.start();
        while (!m_bus->canReadLine() && timer.elapsed() < 10000) {
            m_bus->waitForReadyRead(100);
        }
        m_address = QString::fromUtf8(m_bus->readLine()).trimmed();
        if (m_address.isEmpty()) {
            return QStringLiteral("dbus-daemon printed no address: ")
                + QString::fromUtf8(m_bus->readAllStandardError());
        }
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);

        // The keyring, unlocked with a password on stdin (it creates the "login" keyring, the default).
        m_keyring = std::make_unique<QProcess>();
        m_keyring->setProcessEnvironment(env);
        m_keyring->setProcessChannelMode(QProcess::MergedChannels);
        m_keyring->start(QStringLiteral("gnome-keyring-daemon"),
            { QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets") });
        if (!m_keyring->waitForStarted(10000)) {
            return QStringLiteral("gnome-keyring-daemon did not start: ") + m_keyring->errorString();
        }
        m_keyring->write("confab-test-keyring");
        m_keyring->closeWriteChannel();
        // Ready once it owns org.freedesktop.secrets on our bus. Asked with NameHasOwner, which never
        // starts a service by D-Bus activation (that would start a second, locked keyring).
        timer.restart();
        bool owned = false;
        while (!owned && timer.elapsed() < 15000 && m_keyring->state() == QProcess::Running) {
            QProcess ask;
            ask.setProcessEnvironment(env);
            ask.start(QStringLiteral("dbus-send"),
                { QStringLiteral("--session"), QStringLiteral("--print-reply"),
                    QStringLiteral("--dest=org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                    QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                    QStringLiteral("string:org.freedesktop.secrets") });
            owned = ask.waitForFinished(5000) && ask.readAllStandardOutput().contains("boolean true");
            if (!owned) {
                m_keyring->waitForFinished(100); // a bounded pause that also notices an early exit
            }
        }
        if (!owned) {
            return QStringLiteral("gnome-keyring-daemon did not come up: ") + QString::fromUtf8(m_keyring->readAll());
        }
        // A store and lookup through the real client proves the service answers.
        QProcess tool;
        tool.setProcessEnvironment(env);
        tool.start(QStringLiteral("secret-tool"),
            { QStringLiteral("store"), QStringLiteral("--label=probe"), QStringLiteral("confab-test"),
                QStringLiteral("probe") });
        tool.write("probe");
        tool.closeWriteChannel();
        if (!tool.waitForFinished(15000) || tool.exitCode() != 0) {
            return QStringLiteral("the keyring does not store secrets: ") + QString::fromUtf8(tool.readAll());
        }
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
        return std::nullopt;
    }

    void stop()
    {
        for (auto *process : { m_keyring.get(), m_bus.get() }) {
            if (process && process->state() != QProcess::NotRunning) {
                process->terminate();
                if (!process->waitForFinished(5000)) {
                    process->kill();
                    process->waitForFinished(5000);
                }
            }
        }
        m_keyring.reset();
        m_bus.reset();
    }

    QString busAddress() const { return m_address; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_bus;
    std::unique_ptr<QProcess> m_keyring;
    QString m_address;
};

} // namespace confab::test
