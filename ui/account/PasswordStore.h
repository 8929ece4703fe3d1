// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace confab::ui {

/// Account passwords in the desktop's keychain (Secret Service, macOS Keychain, Windows Credential Manager)
/// through QtKeychain: service "Confab", one entry per bare JID. Never a plain file: where no keychain
/// answers, callers are told so and keep the password in memory for this run only.
class PasswordStore : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        enum class Status {
            Found, ///< `password` holds it
            NotFound, ///< the keychain works and has no entry
            Unavailable, ///< no keychain answered (or it refused); `error` says what it said
        };
        Status status = Status::NotFound;
        QString password;
        QString error;
    };
    using Callback = std::function<void(const Result &)>;

    explicit PasswordStore(QObject *parent = nullptr);

    static QString serviceName();

    /// Looks `key` (a bare JID) up; `done` runs once, unless `context` is gone by then.
    void read(const QString &key, QObject *context, Callback done);
    /// Stores `password` under `key`; `done` gets Found on success, Unavailable otherwise.
    void write(const QString &key, const QString &password, QObject *context, Callback done);
    /// Forgets the entry under `key` (missing entries are no error).
    void remove(const QString &key, QObject *context, Callback done);
};

} // namespace confab::ui
