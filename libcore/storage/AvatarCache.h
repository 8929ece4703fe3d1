// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace confab {

/// Avatar images on disk, content-addressed: each file in the directory is named by the lower-case hex
/// SHA-1 of its bytes (the id XEP-0084 and XEP-0153 advertise), so one image shared by many contacts is
/// stored once and a hash from the network can never name anything but a cache file. An index maps each
/// bare JID to its current hash and is kept in `index.json` beside the images.
///
/// Files are written atomically (QSaveFile): a crash leaves the old file or the new one, never half of
/// one. The files are small (the decoder refuses anything over its byte limit), so they are written
/// on the calling thread.
class AvatarCache
{
public:
    /// Uses (and creates, when missing) `directory`, and loads its index.
    explicit AvatarCache(QString directory);

    const QString &directory() const { return m_directory; }

    /// Whether `hash` looks like a SHA-1 in hex (40 hex digits, any case). Anything else is refused
    /// before it comes near a file name.
    static bool isValidHash(QStringView hash);
    /// Lower-case hex SHA-1 of `bytes`.
    static QString hashOf(const QByteArray &bytes);

    /// Stores `bytes` under `expectedHash` if, and only if, they hash to it. Returns false (and logs)
    /// on a mismatch, a malformed hash or a write error.
    bool store(const QString &expectedHash, const QByteArray &bytes);
    bool contains(const QString &hash) const;
    /// The stored bytes for `hash`, re-checked against it; empty when absent or damaged.
    QByteArray load(const QString &hash) const;

    /// The hash recorded for `bareJid`, or an empty string.
    QString hashFor(const Jid &bareJid) const;
    /// Records (and persists) `bareJid`'s current hash; an empty hash forgets the entry. The image file
    /// stays: another contact may use it. Returns false on a malformed hash or a write error.
    bool setHashFor(const Jid &bareJid, const QString &hash);
    /// The bytes of `bareJid`'s current avatar, or empty.
    QByteArray avatarFor(const Jid &bareJid) const { return load(hashFor(bareJid)); }

private:
    QString filePath(const QString &hash) const;
    void loadIndex();
    bool saveIndex() const;

    QString m_directory;
    QHash<Jid, QString> m_index;
};

} // namespace confab
