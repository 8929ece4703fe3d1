// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "base/XmppError.h"
#include "client/ClientExtension.h"
#include "xml/XmlElement.h"
#include "xmpp/avatar/AvatarDecoder.h"

#include <QFuture>
#include <QHash>
#include <QImage>
#include <QSet>

#include <memory>
#include <variant>

namespace confab {

class AvatarCache;

/// Contact pictures, from both places they are published:
///  - XEP-0084 User Avatar: metadata notifications through PEP (we ask for them with
///    urn:xmpp:avatar:metadata+notify, XEP-0163 §4), the image fetched from the data node by its id;
///  - XEP-0153 vCard-Based Avatars: the hash in a contact's presence, the image from their vCard PHOTO.
/// An image is kept only if its SHA-1 is the id or hash that was advertised, and only after the decoder
/// has checked its size and dimensions; it is then cached on disk by hash (AvatarCache), so a contact's
/// avatar is downloaded once, whichever way it is announced, and survives restarts.
class AvatarManager : public ClientExtension
{
    Q_OBJECT
public:
    struct Avatar
    {
        QString hash; ///< empty: the contact has no avatar
        QImage image;
        bool fromCache = false; ///< the image came from the disk cache, not the network
    };
    using FetchResult = std::variant<Avatar, XmppError>;
    using PublishResult = std::variant<std::monostate, XmppError>;

    /// Caches images in `cacheDirectory` (created when missing).
    explicit AvatarManager(const QString &cacheDirectory, QObject *parent = nullptr);
    AvatarManager(const QString &cacheDirectory, AvatarDecoder::Limits limits, QObject *parent = nullptr);
    ~AvatarManager() override;

    /// Presence is only looked at, never consumed, so this sits above the presence manager to see it.
    int priority() const override { return 60; }
    QStringList discoFeatures() const override;
    bool handleStanza(const XmlElement &stanza) override;
    void sessionEstablished(bool resumed) override;

    /// `bareJid`'s current avatar from the cache (memory or disk), or a null image. Never the network.
    QImage avatar(const Jid &bareJid) const;
    /// The SHA-1 of `bareJid`'s current avatar, or an empty string.
    QString avatarHash(const Jid &bareJid) const;

    /// Asks `bareJid`'s PEP service for its current XEP-0084 avatar: the metadata, then the data unless
    /// the cache already holds that hash. A contact without an avatar gives an Avatar with an empty hash.
    QFuture<FetchResult> fetchAvatar(const Jid &bareJid);

    /// Publishes `imageBytes` as our avatar: XEP-0084 data, then metadata (XEP-0084 §4.1, §4.2), then our
    /// vCard with the new PHOTO (XEP-0153 §3.1). Images the decoder refuses are refused here too.
    QFuture<PublishResult> setOwnAvatar(QByteArray imageBytes);

    /// The XEP-0153 <x xmlns='vcard-temp:x:update'/> for our outgoing presence: with <photo/> holding our
    /// avatar's hash (empty for none) once we know it; without <photo/> before we have read our own vCard
    /// in this session, which tells contacts "not ready to advertise" (XEP-0153 §4.1).
    XmlElement ownPresenceUpdate() const;

    AvatarCache &cache() const { return *m_cache; }
    const AvatarDecoder &decoder() const { return m_decoder; }

Q_SIGNALS:
    /// `bareJid`'s avatar is now a different image (or none).
    void avatarChanged(const confab::Jid &bareJid);
    /// An advertised avatar was refused (hash mismatch, over a limit, not an image) or could not be fetched.
    void avatarRefused(const confab::Jid &bareJid, const QString &reason);
    /// ownPresenceUpdate() changed: presence should be sent again to carry it.
    void ownPresenceUpdateChanged();

private:
    void handleMetadataEvent(const Jid &bareJid, const XmlElement &items);
    void handlePresenceUpdate(const Jid &bareJid, const QString &hash);
    /// Makes `hash` (advertised by `bareJid`) current: from the cache, or fetched with `fetch`.
    enum class Source { Pep, VCard };
    QFuture<FetchResult> obtain(const Jid &bareJid, const QString &hash, Source source);
    QFuture<FetchResult> fetchData(const Jid &bareJid, const QString &hash);
    QFuture<FetchResult> fetchVCardPhoto(const Jid &bareJid, const QString &hash);
    /// Checks `bytes` against `hash` and the decoder, stores them; the error on refusal.
    std::variant<QImage, QString> accept(const Jid &bareJid, const QString &hash, const QByteArray &bytes);
    QFuture<PublishResult> publishPepItem(
        const QString &node, const QString &itemId, const XmlElement &payload, bool openAccess);
    void setCurrent(const Jid &bareJid, const QString &hash);
    void setOwnHash(const QString &hash);
    void refuse(const Jid &bareJid, const QString &reason);
    Jid ownBareJid() const;

    std::unique_ptr<AvatarCache> m_cache;
    AvatarDecoder m_decoder;
    mutable QHash<QString, QImage> m_images; // decoded, by hash
    QHash<Jid, QString> m_advertised; // the latest hash each contact announced
    QSet<QString> m_inFlight; // "jid hash" being fetched
    QSet<QString> m_refused; // "jid hash" that failed or was refused: not fetched again on presence
    QString m_ownHash;
    bool m_ownHashKnown = false;
};

} // namespace confab
