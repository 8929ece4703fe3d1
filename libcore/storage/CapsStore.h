// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "storage/Database.h"

#include <QByteArray>
#include <QFuture>
#include <QObject>

#include <optional>

namespace confab {

/// The XEP-0115 capabilities cache: verified disco#info answers by (hash, ver), shared by every contact
/// that announces the same ver (§5.4 step 3.8: "globally cache"). It keeps what it is given as an opaque
/// document (the caps layer's CapsInfo as JSON), so storage stays below the protocol layers. Only answers
/// whose hash was verified may be stored here; the caller checks that.
class CapsStore : public QObject
{
    Q_OBJECT
public:
    /// `path` is this cache's own SQLite file (":memory:" in tests).
    explicit CapsStore(const QString &path, QObject *parent = nullptr);
    ~CapsStore() override;

    /// Opens the file and brings its schema up to date; an empty string, or the error.
    QFuture<QString> open();
    /// The document stored for (hash, ver), or nullopt.
    QFuture<std::optional<QByteArray>> find(const QString &hash, const QString &ver);
    /// Stores (or replaces) the document for (hash, ver); true once committed.
    QFuture<bool> insert(const QString &hash, const QString &ver, const QByteArray &document);
    /// How many entries the cache holds.
    QFuture<int> count();

private:
    Database m_db;
};

} // namespace confab
