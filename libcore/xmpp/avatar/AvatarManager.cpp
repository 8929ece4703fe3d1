// SPDX-License-Identifier: Apache-2.0
#include "xmpp/avatar/AvatarManager.h"

#include "base/Futures.h"
#include "base/Ids.h"
#include "base/Namespaces.h"
#include "client/Client.h"
#include "stanza/Stanza.h"
#include "storage/AvatarCache.h"
#include "xmpp/avatar/AvatarLogging.h"
#include "xmpp/avatar/AvatarNamespaces.h"
#include "xmpp/vcard/VCardManager.h"

#include <QPromise>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

template <typename T> void resolve(const std::shared_ptr<QPromise<T>> &promise, T value)
{
    promise->addResult(std::move(value));
    promise->finish();
}

XmlElement field(const QString &var, const QString &value, const QString &type = {})
{
    XmlElement element(u"field"_s, ns::DataForms.toString());
    element.setAttribute(u"var"_s, var);
    if (!type.isEmpty()) {
        element.setAttribute(u"type"_s, type);
    }
    element.appendTextChild(u"value"_s, value, ns::DataForms.toString());
    return element;
}

/// <pubsub><publish node=...><item id=...>payload</item></publish>[publish-options]</pubsub>
XmlElement publishRequest(const QString &node, const QString &itemId, XmlElement payload, bool openAccess)
{
    const QString pubsubNs = ns::PubSub.toString();
    XmlElement item(u"item"_s, pubsubNs);
    item.setAttribute(u"id"_s, itemId);
    item.appendChild(std::move(payload));
    XmlElement publish(u"publish"_s, pubsubNs);
    publish.setAttribute(u"node"_s, node);
    publish.appendChild(std::move(item));
    XmlElement pubsub(u"pubsub"_s, pubsubNs);
    pubsub.appendChild(std::move(publish));
    if (openAccess) {
        // XEP-0060 §7.1.5 publish-options; XEP-0222-style open access, so that anyone who may see our
        // vCard photo (XEP-0153, public on most servers) may see the same image through XEP-0084.
        XmlElement form(u"x"_s, ns::DataForms.toString());
        form.setAttribute(u"type"_s, u"submit"_s);
        form.appendChild(field(u"FORM_TYPE"_s, ns::PubSubPublishOptions.toString(), u"hidden"_s));
        form.appendChild(field(u"pubsub#access_model"_s, u"open"_s));
        XmlElement options(u"publish-options"_s, pubsubNs);
        options.appendChild(std::move(form));
        pubsub.appendChild(std::move(options));
    }
    return stanza::makeIq(stanza::IqType::Set, generateStanzaId(), {}, std::move(pubsub));
}

/// <pubsub><items node=...>[<item id=.../>]</items></pubsub>
XmlElement itemsRequest(const Jid &to, const QString &node, const QString &itemId)
{
    const QString pubsubNs = ns::PubSub.toString();
    XmlElement items(u"items"_s, pubsubNs);
    items.setAttribute(u"node"_s, node);
    if (itemId.isEmpty()) {
        items.setAttribute(u"max_items"_s, u"1"_s); // the current item only (XEP-0060 §6.5.7)
    } else {
        XmlElement item(u"item"_s, pubsubNs);
        item.setAttribute(u"id"_s, itemId);
        items.appendChild(std::move(item));
    }
    XmlElement pubsub(u"pubsub"_s, pubsubNs);
    pubsub.appendChild(std::move(items));
    return stanza::makeIq(stanza::IqType::Get, generateStanzaId(), to, std::move(pubsub));
}

/// The XEP-0084 §4.2.1 <info/> that describes the item: the one whose id is the item id and that is
/// not a URL (we only fetch from the data node), or null.
const XmlElement *pepInfo(const XmlElement &metadata, const QString &itemId)
{
    for (const XmlElement &info : metadata.children()) {
        if (info.is(u"info", ns::AvatarMetadata) && info.attribute(u"id") == itemId && !info.hasAttribute(u"url")) {
            return &info;
        }
    }
    return nullptr;
}

bool isNotFound(const XmppError &error)
{
    const auto *stanzaError = std::get_if<StanzaError>(&error);
    return stanzaError && stanzaError->condition == u"item-not-found";
}

QString key(const Jid &bareJid, const QString &hash)
{
    return bareJid.toString() + u' ' + hash;
}

} // namespace

AvatarManager::AvatarManager(const QString &cacheDirectory, QObject *parent)
    : AvatarManager(cacheDirectory, AvatarDecoder::Limits {}, parent)
{ }

AvatarManager::AvatarManager(const QString &cacheDirectory, AvatarDecoder::Limits limits, QObject *parent)
    : ClientExtension(parent)
    , m_cache(std::make_unique<AvatarCache>(cacheDirectory))
    , m_decoder(limits)
{ }

AvatarManager::~AvatarManager() = default;

QStringList AvatarManager::discoFeatures() const
{
    // XEP-0084 §4.3 / XEP-0163 §4: "+notify" tells the server (through XEP-0115 caps) to send us
    // metadata notifications of our contacts.
    return { ns::AvatarMetadata.toString() + u"+notify"_s };
}

Jid AvatarManager::ownBareJid() const
{
    return client() ? client()->jid().bare() : Jid();
}

bool AvatarManager::handleStanza(const XmlElement &stanza)
{
    if (stanza::isPresence(stanza)) {
        // XEP-0153 §4.3: only available presence carries the current hash.
        if (!stanza.attribute(u"type").isEmpty()) {
            return false;
        }
        const XmlElement *update = stanza.firstChild(u"x", ns::VCardUpdate);
        const XmlElement *photo = update ? update->firstChild(u"photo", ns::VCardUpdate) : nullptr;
        const Jid from = Jid::fromString(stanza.attribute(u"from"));
        // No <photo/> means "not ready to advertise" (XEP-0153 §4.1): nothing to learn.
        if (photo && !from.isNull()) {
            handlePresenceUpdate(from.bare(), photo->text().trimmed());
        }
        return false; // the presence itself is the presence manager's
    }
    if (!stanza::isMessage(stanza)) {
        return false;
    }
    const XmlElement *event = stanza.firstChild(u"event", ns::PubSubEvent);
    const XmlElement *items = event ? event->firstChild(u"items", ns::PubSubEvent) : nullptr;
    if (!items || items->attribute(u"node") != ns::AvatarMetadata) {
        return false;
    }
    // XEP-0163 §4.3: notifications come from the publisher's bare JID (none: our own account). A full
    // JID is a client sending something that only looks like a notification.
    const QString fromText = stanza.attribute(u"from");
    const Jid from = fromText.isEmpty() ? ownBareJid() : Jid::fromString(fromText);
    if (from.isNull() || !from.isBare()) {
        qCWarning(lcAvatar) << "ignoring an avatar notification from" << fromText;
        return true;
    }
    handleMetadataEvent(from, *items);
    return true;
}

void AvatarManager::handleMetadataEvent(const Jid &bareJid, const XmlElement &items)
{
    // XEP-0084 §4.2: the newest item describes the current avatar; an empty <metadata/> disables it.
    const XmlElement *latest = nullptr;
    for (const XmlElement &item : items.children()) {
        if (item.is(u"item", ns::PubSubEvent)) {
            latest = &item;
        }
    }
    if (!latest) {
        return; // a retraction or an empty notification: no statement about the current avatar
    }
    const XmlElement *metadata = latest->firstChild(u"metadata", ns::AvatarMetadata);
    if (!metadata) {
        return;
    }
    if (metadata->children().isEmpty()) {
        m_advertised.insert(bareJid, QString());
        setCurrent(bareJid, {});
        if (bareJid == ownBareJid()) {
            setOwnHash({});
        }
        return;
    }
    const QString id = latest->attribute(u"id");
    const XmlElement *info = pepInfo(*metadata, id);
    if (!info || !AvatarCache::isValidHash(id)) {
        refuse(bareJid, u"avatar metadata without a usable <info/>"_s);
        return;
    }
    if (info->attribute(u"bytes").toLongLong() > m_decoder.limits().maxBytes) {
        refuse(bareJid, u"advertised avatar of %1 bytes is over the limit"_s.arg(info->attribute(u"bytes")));
        return;
    }
    const QString hash = id.toLower();
    m_advertised.insert(bareJid, hash);
    if (bareJid == ownBareJid()) {
        setOwnHash(hash); // another of our clients changed it
    }
    obtain(bareJid, hash, Source::Pep);
}

void AvatarManager::handlePresenceUpdate(const Jid &bareJid, const QString &hash)
{
    if (!hash.isEmpty() && !AvatarCache::isValidHash(hash)) {
        refuse(bareJid, u"malformed avatar hash in presence"_s);
        return;
    }
    const QString lower = hash.toLower();
    // Every presence repeats the hash: act only on news, and fetch a refused image only once.
    if ((m_advertised.value(bareJid) == lower && m_cache->hashFor(bareJid) == lower)
        || m_refused.contains(key(bareJid, lower))) {
        return;
    }
    m_advertised.insert(bareJid, lower);
    if (lower.isEmpty()) {
        setCurrent(bareJid, {}); // XEP-0153 §4.3: an empty <photo/> means no avatar
        return;
    }
    obtain(bareJid, lower, Source::VCard);
}

QFuture<AvatarManager::FetchResult> AvatarManager::obtain(const Jid &bareJid, const QString &hash, Source source)
{
    if (m_cache->contains(hash)) {
        const QByteArray bytes = m_cache->load(hash);
        const std::variant<QImage, QString> accepted = accept(bareJid, hash, bytes);
        if (const auto *image = std::get_if<QImage>(&accepted)) {
            return readyFuture<FetchResult>(Avatar { hash, *image, true });
        }
        // A damaged or now-refused file: fetch it again.
    }
    const QString inFlight = key(bareJid, hash);
    if (m_inFlight.contains(inFlight)) {
        return readyFuture<FetchResult>(XmppError(ProtocolError { u"already being fetched"_s }));
    }
    m_inFlight.insert(inFlight);
    QFuture<FetchResult> fetched = source == Source::Pep ? fetchData(bareJid, hash) : fetchVCardPhoto(bareJid, hash);
    return fetched.then(this, [this, inFlight, bareJid](const FetchResult &result) {
        m_inFlight.remove(inFlight);
        if (const auto *error = std::get_if<XmppError>(&result)) {
            // A wrong or unusable image stays wrong; a lost connection may do better next time.
            if (std::holds_alternative<ProtocolError>(*error) || std::holds_alternative<StanzaError>(*error)) {
                m_refused.insert(inFlight);
            }
            refuse(bareJid, describeError(*error));
        }
        return result;
    });
}

QFuture<AvatarManager::FetchResult> AvatarManager::fetchData(const Jid &bareJid, const QString &hash)
{
    // XEP-0084 §4.3: the image is the data node's item whose id is the hash.
    return client()
        ->sendIq(itemsRequest(bareJid, ns::AvatarData.toString(), hash))
        .then(this, [this, bareJid, hash](const IqResult &result) -> FetchResult {
            if (const auto *error = std::get_if<XmppError>(&result)) {
                return *error;
            }
            const XmlElement *pubsub = std::get<XmlElement>(result).firstChild(u"pubsub", ns::PubSub);
            const XmlElement *items = pubsub ? pubsub->firstChild(u"items", ns::PubSub) : nullptr;
            const XmlElement *data = nullptr;
            if (items) {
                for (const XmlElement &item : items->children()) {
                    if (item.is(u"item", ns::PubSub) && item.attribute(u"id").toLower() == hash) {
                        data = item.firstChild(u"data", ns::AvatarData);
                        break;
                    }
                }
            }
            if (!data) {
                return XmppError(ProtocolError { u"no avatar data for the advertised id"_s });
            }
            const std::optional<QByteArray> bytes = VCard::decodeBase64(data->text());
            if (!bytes) {
                return XmppError(ProtocolError { u"avatar data is not base64"_s });
            }
            const std::variant<QImage, QString> accepted = accept(bareJid, hash, *bytes);
            if (const auto *reason = std::get_if<QString>(&accepted)) {
                return XmppError(ProtocolError { *reason });
            }
            return Avatar { hash, std::get<QImage>(accepted), false };
        });
}

QFuture<AvatarManager::FetchResult> AvatarManager::fetchVCardPhoto(const Jid &bareJid, const QString &hash)
{
    // XEP-0153 §4.3: a new hash means fetching the contact's vCard for its PHOTO.
    return VCardManager::fetch(*client(), bareJid)
        .then(this, [this, bareJid, hash](const VCardManager::FetchResult &result) -> FetchResult {
            if (const auto *error = std::get_if<XmppError>(&result)) {
                return *error;
            }
            const VCard &card = std::get<VCard>(result);
            if (card.photo.isEmpty()) {
                return XmppError(ProtocolError { u"the vCard has no PHOTO for the advertised hash"_s });
            }
            const std::variant<QImage, QString> accepted = accept(bareJid, hash, card.photo);
            if (const auto *reason = std::get_if<QString>(&accepted)) {
                return XmppError(ProtocolError { *reason });
            }
            return Avatar { hash, std::get<QImage>(accepted), false };
        });
}

std::variant<QImage, QString> AvatarManager::accept(const Jid &bareJid, const QString &hash, const QByteArray &bytes)
{
    // XEP-0084 §4.2.1, XEP-0153 §3.1: the hash is the SHA-1 of the image. Checked before anything is
    // decoded or stored: other bytes are not what the contact advertised.
    if (AvatarCache::hashOf(bytes) != hash) {
        return u"avatar bytes do not match the advertised SHA-1 %1"_s.arg(hash);
    }
    QImage image = m_images.value(hash);
    if (image.isNull()) {
        AvatarDecoder::DecodeResult decoded = m_decoder.decode(bytes);
        if (const auto *reason = std::get_if<QString>(&decoded)) {
            return *reason;
        }
        image = std::get<QImage>(decoded);
        m_images.insert(hash, image);
    }
    if (!m_cache->store(hash, bytes)) {
        return u"avatar could not be cached"_s;
    }
    // A slower fetch of an older hash must not replace the newer one the contact announced since.
    const auto advertised = m_advertised.constFind(bareJid);
    if (advertised == m_advertised.constEnd() || *advertised == hash) {
        setCurrent(bareJid, hash);
    }
    return image;
}

void AvatarManager::setCurrent(const Jid &bareJid, const QString &hash)
{
    if (m_cache->hashFor(bareJid) == hash) {
        return;
    }
    m_cache->setHashFor(bareJid, hash);
    Q_EMIT avatarChanged(bareJid);
}

void AvatarManager::setOwnHash(const QString &hash)
{
    if (m_ownHashKnown && m_ownHash == hash) {
        return;
    }
    m_ownHash = hash;
    m_ownHashKnown = true;
    Q_EMIT ownPresenceUpdateChanged();
}

void AvatarManager::refuse(const Jid &bareJid, const QString &reason)
{
    qCWarning(lcAvatar) << "avatar of" << bareJid.toString() << "refused:" << reason;
    Q_EMIT avatarRefused(bareJid, reason);
}

QImage AvatarManager::avatar(const Jid &bareJid) const
{
    const QString hash = m_cache->hashFor(bareJid);
    if (hash.isEmpty()) {
        return {};
    }
    if (const auto it = m_images.constFind(hash); it != m_images.constEnd()) {
        return *it;
    }
    // load() re-checks the hash; the decoder the limits (the file may have been planted).
    const AvatarDecoder::DecodeResult decoded = m_decoder.decode(m_cache->load(hash));
    if (const auto *image = std::get_if<QImage>(&decoded)) {
        m_images.insert(hash, *image);
        return *image;
    }
    return {};
}

QString AvatarManager::avatarHash(const Jid &bareJid) const
{
    return m_cache->hashFor(bareJid);
}

QFuture<AvatarManager::FetchResult> AvatarManager::fetchAvatar(const Jid &jid)
{
    const Jid bareJid = jid.bare();
    return client()
        ->sendIq(itemsRequest(bareJid, ns::AvatarMetadata.toString(), {}))
        .then(this,
            [this, bareJid](const IqResult &result) -> QFuture<FetchResult> {
                if (const auto *error = std::get_if<XmppError>(&result)) {
                    if (isNotFound(*error)) {
                        m_advertised.insert(bareJid, QString());
                        setCurrent(bareJid, {});
                        return readyFuture<FetchResult>(Avatar {}); // never published one
                    }
                    return readyFuture<FetchResult>(*error);
                }
                const XmlElement *pubsub = std::get<XmlElement>(result).firstChild(u"pubsub", ns::PubSub);
                const XmlElement *items = pubsub ? pubsub->firstChild(u"items", ns::PubSub) : nullptr;
                const XmlElement *latest = nullptr;
                if (items) {
                    for (const XmlElement &item : items->children()) {
                        if (item.is(u"item", ns::PubSub)) {
                            latest = &item;
                        }
                    }
                }
                const XmlElement *metadata = latest ? latest->firstChild(u"metadata", ns::AvatarMetadata) : nullptr;
                if (!metadata || metadata->children().isEmpty()) {
                    m_advertised.insert(bareJid, QString());
                    setCurrent(bareJid, {});
                    return readyFuture<FetchResult>(Avatar {});
                }
                const QString id = latest->attribute(u"id");
                const XmlElement *info = pepInfo(*metadata, id);
                if (!info || !AvatarCache::isValidHash(id)) {
                    return readyFuture<FetchResult>(
                        XmppError(ProtocolError { u"avatar metadata without usable <info/>"_s }));
                }
                if (info->attribute(u"bytes").toLongLong() > m_decoder.limits().maxBytes) {
                    return readyFuture<FetchResult>(XmppError(ProtocolError { u"avatar over the size limit"_s }));
                }
                const QString hash = id.toLower();
                m_advertised.insert(bareJid, hash);
                // An explicit request tries again, even what failed before.
                m_inFlight.remove(key(bareJid, hash));
                m_refused.remove(key(bareJid, hash));
                return obtain(bareJid, hash, Source::Pep);
            })
        .unwrap();
}

QFuture<AvatarManager::PublishResult> AvatarManager::setOwnAvatar(QByteArray imageBytes)
{
    const AvatarDecoder::DecodeResult decoded = m_decoder.decode(imageBytes);
    if (const auto *reason = std::get_if<QString>(&decoded)) {
        return readyFuture<PublishResult>(XmppError(ProtocolError { *reason }));
    }
    const QImage image = std::get<QImage>(decoded);
    const QString mimeType = std::get<AvatarDecoder::Header>(m_decoder.inspect(imageBytes)).mimeType;
    const QString hash = AvatarCache::hashOf(imageBytes);

    XmlElement data(u"data"_s, ns::AvatarData.toString());
    data.setText(QString::fromLatin1(imageBytes.toBase64()));
    XmlElement info(u"info"_s, ns::AvatarMetadata.toString());
    info.setAttribute(u"bytes"_s, QString::number(imageBytes.size()));
    info.setAttribute(u"id"_s, hash);
    info.setAttribute(u"type"_s, mimeType);
    info.setAttribute(u"width"_s, QString::number(image.width()));
    info.setAttribute(u"height"_s, QString::number(image.height()));
    XmlElement metadata(u"metadata"_s, ns::AvatarMetadata.toString());
    metadata.appendChild(std::move(info));

    auto promise = std::make_shared<QPromise<PublishResult>>();
    promise->start();
    QFuture<PublishResult> future = promise->future();

    const auto publishVCard = [this, promise, hash, imageBytes, mimeType]() {
        // XEP-0153 §3.1: the same image in our vCard, keeping every other field as it is.
        VCardManager::fetch(*client(), Jid())
            .then(this,
                [this, hash, imageBytes, mimeType](const VCardManager::FetchResult &fetched) {
                    VCard card;
                    if (const auto *error = std::get_if<XmppError>(&fetched)) {
                        if (!isNotFound(*error)) {
                            return readyFuture<PublishResult>(*error);
                        }
                    } else {
                        card = std::get<VCard>(fetched);
                    }
                    card.photo = imageBytes;
                    card.photoType = mimeType;
                    return VCardManager::publish(*client(), card);
                })
            .unwrap()
            .then(this, [this, promise, hash, imageBytes](const PublishResult &published) {
                if (std::holds_alternative<std::monostate>(published)) {
                    const Jid own = ownBareJid();
                    m_advertised.insert(own, hash);
                    accept(own, hash, imageBytes);
                    setOwnHash(hash);
                }
                resolve(promise, published);
            });
    };

    // XEP-0084 §4.1 before §4.2: the data must be there when contacts act on the metadata notification.
    publishPepItem(ns::AvatarData.toString(), hash, data, true)
        .then(this,
            [this, hash, metadata](const PublishResult &result) {
                if (std::holds_alternative<XmppError>(result)) {
                    return readyFuture(result);
                }
                return publishPepItem(ns::AvatarMetadata.toString(), hash, metadata, true);
            })
        .unwrap()
        .then(this, [promise, publishVCard](const PublishResult &result) {
            if (std::holds_alternative<XmppError>(result)) {
                resolve(promise, result);
                return;
            }
            publishVCard();
        });
    return future;
}

QFuture<AvatarManager::PublishResult> AvatarManager::publishPepItem(
    const QString &node, const QString &itemId, const XmlElement &payload, bool openAccess)
{
    return client()
        ->sendIq(publishRequest(node, itemId, payload, openAccess))
        .then(this,
            [this, node, itemId, payload, openAccess](const IqResult &result) {
                if (const auto *error = std::get_if<XmppError>(&result)) {
                    // XEP-0060 §7.1.5: the node exists with another access model (precondition-not-met, a
                    // <conflict/>): publish with the node's own configuration rather than fail.
                    const auto *stanzaError = std::get_if<StanzaError>(error);
                    if (openAccess && stanzaError && stanzaError->condition == u"conflict") {
                        return publishPepItem(node, itemId, payload, false);
                    }
                    return readyFuture<PublishResult>(*error);
                }
                return readyFuture<PublishResult>(std::monostate {});
            })
        .unwrap();
}

XmlElement AvatarManager::ownPresenceUpdate() const
{
    XmlElement update(u"x"_s, ns::VCardUpdate.toString());
    if (m_ownHashKnown) {
        update.appendTextChild(u"photo"_s, m_ownHash, ns::VCardUpdate.toString());
    }
    return update;
}

void AvatarManager::sessionEstablished(bool resumed)
{
    if (resumed && m_ownHashKnown) {
        return;
    }
    // XEP-0153 §4.1: learn our own avatar from our vCard before advertising a hash.
    m_ownHashKnown = false;
    VCardManager::fetch(*client(), Jid()).then(this, [this](const VCardManager::FetchResult &result) {
        if (const auto *error = std::get_if<XmppError>(&result)) {
            if (isNotFound(*error)) {
                setOwnHash({});
            } else {
                qCInfo(lcAvatar) << "could not read our own vCard:" << describeError(*error);
            }
            return;
        }
        const VCard &card = std::get<VCard>(result);
        const QString hash = card.photoHash();
        if (!hash.isEmpty()) {
            const Jid own = ownBareJid();
            m_advertised.insert(own, hash);
            if (const auto accepted = accept(own, hash, card.photo); std::holds_alternative<QString>(accepted)) {
                qCWarning(lcAvatar) << "our own vCard photo is refused:" << std::get<QString>(accepted);
            }
        }
        setOwnHash(hash);
    });
}

} // namespace confab
