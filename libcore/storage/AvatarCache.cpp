// SPDX-License-Identifier: Apache-2.0
#include "storage/AvatarCache.h"

#include "base/Logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

constexpr QStringView IndexFileName = u"index.json";
// An index larger than this is not one we wrote (each entry is a JID and 40 hex digits).
constexpr qint64 MaxIndexBytes = 16 * 1024 * 1024;

bool writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcStorage) << "cannot write" << path << ":" << file.errorString();
        return false;
    }
    file.write(bytes);
    if (!file.commit()) {
        qCWarning(lcStorage) << "cannot write" << path << ":" << file.errorString();
        return false;
    }
    return true;
}

} // namespace

AvatarCache::AvatarCache(QString directory)
    : m_directory(std::move(directory))
{
    if (!QDir().mkpath(m_directory)) {
        qCWarning(lcStorage) << "cannot create the avatar cache" << m_directory;
    }
    loadIndex();
}

bool AvatarCache::isValidHash(QStringView hash)
{
    if (hash.size() != 40) {
        return false;
    }
    return std::all_of(hash.begin(), hash.end(),
        [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'); });
}

QString AvatarCache::hashOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
}

QString AvatarCache::filePath(const QString &hash) const
{
    return m_directory + u'/' + hash.toLower();
}

bool AvatarCache::store(const QString &expectedHash, const QByteArray &bytes)
{
    if (!isValidHash(expectedHash)) {
        qCWarning(lcStorage) << "refusing to store an avatar under a malformed hash" << expectedHash.left(64);
        return false;
    }
    // XEP-0084 §4.2.1 / XEP-0153 §3.1: the id is the SHA-1 of the image; bytes that do not match are
    // not the image the contact advertised.
    if (hashOf(bytes) != expectedHash.toLower()) {
        qCWarning(lcStorage) << "refusing an avatar whose SHA-1 is not the advertised" << expectedHash;
        return false;
    }
    if (QFile::exists(filePath(expectedHash))) {
        return true; // content-addressed: same name, same bytes
    }
    return writeAtomically(filePath(expectedHash), bytes);
}

bool AvatarCache::contains(const QString &hash) const
{
    return isValidHash(hash) && QFile::exists(filePath(hash));
}

QByteArray AvatarCache::load(const QString &hash) const
{
    if (!isValidHash(hash)) {
        return {};
    }
    QFile file(filePath(hash));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QByteArray bytes = file.readAll();
    if (hashOf(bytes) != hash.toLower()) {
        qCWarning(lcStorage) << "avatar cache file" << hash << "is damaged; ignoring it";
        return {};
    }
    return bytes;
}

QString AvatarCache::hashFor(const Jid &bareJid) const
{
    return m_index.value(bareJid.bare());
}

bool AvatarCache::setHashFor(const Jid &bareJid, const QString &hash)
{
    const Jid key = bareJid.bare();
    if (key.isNull() || (!hash.isEmpty() && !isValidHash(hash))) {
        return false;
    }
    if (m_index.value(key) == hash.toLower()) {
        return true;
    }
    if (hash.isEmpty()) {
        m_index.remove(key);
    } else {
        m_index.insert(key, hash.toLower());
    }
    return saveIndex();
}

void AvatarCache::loadIndex()
{
    QFile file(m_directory + u'/' + IndexFileName);
    if (!file.open(QIODevice::ReadOnly)) {
        return; // a new cache
    }
    if (file.size() > MaxIndexBytes) {
        qCWarning(lcStorage) << "avatar index too large; starting afresh";
        return;
    }
    const QJsonObject index = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = index.constBegin(); it != index.constEnd(); ++it) {
        const Jid jid = Jid::fromString(it.key());
        const QString hash = it.value().toString();
        if (jid.isBare() && isValidHash(hash)) {
            m_index.insert(jid, hash.toLower());
        }
    }
}

bool AvatarCache::saveIndex() const
{
    QJsonObject index;
    for (auto it = m_index.constBegin(); it != m_index.constEnd(); ++it) {
        index.insert(it.key().toString(), it.value());
    }
    return writeAtomically(m_directory + u'/' + IndexFileName, QJsonDocument(index).toJson(QJsonDocument::Compact));
}

} // namespace confab
