// SPDX-License-Identifier: Apache-2.0
#include "xmpp/mam/MamManager.h"

#include "base/Ids.h"
#include "base/Namespaces.h"
#include "client/Client.h"
#include "stanza/Stanza.h"
#include "storage/MessageStore.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/chat/ChatNamespaces.h"
#include "xmpp/mam/MamLogging.h"
#include "xmpp/mam/MamNamespaces.h"

using namespace Qt::StringLiterals;

namespace confab {

MamManager::MamManager(ChatManager *chats, MessageStore *store, QObject *parent)
    : ClientExtension(parent)
    , m_chats(chats)
    , m_store(store)
{
    connect(m_chats, &ChatManager::messageReceived, this,
        [this](const StoredMessage &, const XmlElement &, ChatManager::Origin origin, bool duplicate) {
            if (m_running && origin == ChatManager::Origin::Archive && !duplicate) {
                ++m_stored;
            }
        });
}

MamManager::~MamManager() = default;

Jid MamManager::ownJid() const
{
    if (client() && !client()->jid().isNull()) {
        return client()->jid();
    }
    return m_chats ? m_chats->ownJid() : Jid();
}

XmlElement MamManager::buildQuery(const QString &queryId, const QString &after, int max)
{
    XmlElement query(u"query"_s, ns::Mam.toString());
    query.setAttribute(u"queryid"_s, queryId);
    // XEP-0313 §5.1 / XEP-0059 §2.2: page forward after the newest id we have; §2.5: an empty <before/>
    // asks for the newest page.
    XmlElement set(u"set"_s, ns::Rsm.toString());
    set.appendTextChild(u"max"_s, QString::number(max), ns::Rsm.toString());
    if (after.isEmpty()) {
        set.appendChild(XmlElement(u"before"_s, ns::Rsm.toString()));
    } else {
        set.appendTextChild(u"after"_s, after, ns::Rsm.toString());
    }
    query.appendChild(std::move(set));
    // XEP-0313 §4.1: no 'to' queries our own archive.
    return stanza::makeIq(stanza::IqType::Set, generateStanzaId(), {}, std::move(query));
}

std::optional<MamManager::Result> MamManager::parseResult(
    const XmlElement &message, const Jid &ownJid, const QSet<QString> &queryIds)
{
    const XmlElement *result = message.firstChild(u"result", ns::Mam);
    if (!result || ownJid.isNull()) {
        return std::nullopt;
    }
    // XEP-0313 §9 (CVE-2020-26547): our archive's results come from our own server on our behalf, i.e. with
    // no 'from' or from our bare JID; anyone else's "result" is a forgery.
    if (message.hasAttribute(u"from")) {
        const Jid from = Jid::fromString(message.attribute(u"from"));
        if (from.isNull() || !from.isBare() || from != ownJid.bare()) {
            return std::nullopt;
        }
    }
    // XEP-0313 §4.2: the queryid ties a result to our query; a result for no query of ours is dropped.
    const QString queryId = result->attribute(u"queryid");
    if (queryId.isEmpty() || !queryIds.contains(queryId)) {
        return std::nullopt;
    }
    const QString id = result->attribute(u"id");
    const XmlElement *forwarded = result->firstChild(u"forwarded", ns::Forward);
    const XmlElement *inner = forwarded ? forwarded->firstChild(u"message", ns::Client) : nullptr;
    if (id.isEmpty() || !inner) {
        return std::nullopt;
    }
    // Every message in our own archive was sent to us or by us (RFC 6120 §8.1.2.1: no 'from' is our account).
    const Jid innerFrom = Jid::fromString(inner->attribute(u"from"));
    const Jid innerTo = Jid::fromString(inner->attribute(u"to"));
    const bool fromUs = !inner->hasAttribute(u"from") || innerFrom.bare() == ownJid.bare();
    const bool toUs = !innerTo.isNull() && innerTo.bare() == ownJid.bare();
    if (!fromUs && !toUs) {
        return std::nullopt;
    }
    Result accepted;
    accepted.message = *inner;
    accepted.id = id;
    // XEP-0313 §4.2: the forwarded element's XEP-0203 delay says when the server archived it.
    if (const XmlElement *delay = forwarded->firstChild(u"delay", ns::Delay)) {
        accepted.stamp = QDateTime::fromString(delay->attribute(u"stamp"), Qt::ISODateWithMs).toUTC();
    }
    return accepted;
}

bool MamManager::handleStanza(const XmlElement &stanza)
{
    if (!stanza::isMessage(stanza) || !stanza.firstChild(u"result", ns::Mam)) {
        return false;
    }
    const std::optional<Result> result = parseResult(stanza, ownJid(), m_queryIds);
    if (!result) {
        qCWarning(lcMam) << "dropping an archive result that is not ours, from" << stanza.attribute(u"from");
        return true; // consumed: nobody else may treat it as a message
    }
    if (m_chats) {
        m_chats->ingest(result->message, ChatManager::Origin::Archive, result->stamp, result->id);
    }
    return true;
}

void MamManager::sessionEstablished(bool resumed)
{
    // XEP-0198: a resumed session lost nothing; a new one (including after a refused resumption) may have.
    if (!resumed) {
        catchUp();
    }
}

void MamManager::sessionLost()
{
    // Results of queries on the old connection can no longer arrive; a new session starts a new catch-up.
    m_queryIds.clear();
    ++m_generation;
    m_running = false;
}

void MamManager::catchUp()
{
    const quint64 generation = ++m_generation;
    m_queryIds.clear();
    m_running = true;
    m_pages = 0;
    m_stored = 0;
    if (!m_store) {
        requestPage(generation, {});
        return;
    }
    m_store->lastArchiveId().then(this, [this, generation](const QString &lastId) {
        if (generation == m_generation) {
            requestPage(generation, lastId);
        }
    });
}

void MamManager::requestPage(quint64 generation, const QString &after)
{
    if (!client() || !client()->isConnected()) {
        finish(generation, false);
        return;
    }
    const QString queryId = generateStanzaId();
    m_queryIds.insert(queryId);
    ++m_pages;
    qCDebug(lcMam) << "requesting archive page" << m_pages << (after.isEmpty() ? u"(newest)"_s : u"after "_s + after);
    client()->sendIq(buildQuery(queryId, after)).then(this, [this, generation, queryId, after](const IqResult &answer) {
        m_queryIds.remove(queryId); // XEP-0313 §4.2: all results precede the IQ result; later ones are stale
        if (generation != m_generation) {
            return;
        }
        if (const auto *error = std::get_if<XmppError>(&answer)) {
            const auto *stanzaError = std::get_if<StanzaError>(error);
            if (!after.isEmpty() && stanzaError && stanzaError->condition == u"item-not-found") {
                // XEP-0313 §5.1.2: our newest id is no longer in the archive (expired): take the newest page.
                qCInfo(lcMam) << "archive id" << after << "is gone; fetching the newest page";
                requestPage(generation, {});
                return;
            }
            qCWarning(lcMam) << "archive query failed:" << describeError(*error);
            finish(generation, false);
            return;
        }
        const XmlElement *fin = std::get<XmlElement>(answer).firstChild(u"fin", ns::Mam);
        const bool complete = fin && fin->attribute(u"complete") == u"true";
        const XmlElement *set = fin ? fin->firstChild(u"set", ns::Rsm) : nullptr;
        const QString last = set ? set->childText(u"last", ns::Rsm) : QString();
        // Only the newest page when we had nothing to start from; otherwise forward until complete, bounded.
        if (complete || after.isEmpty() || last.isEmpty() || m_pages >= MaxPages) {
            finish(generation, complete);
            return;
        }
        requestPage(generation, last);
    });
}

void MamManager::finish(quint64 generation, bool complete)
{
    auto done = [this, generation, complete] {
        if (generation != m_generation || !m_running) {
            return;
        }
        m_running = false;
        qCInfo(lcMam) << "archive catch-up stored" << m_stored << "messages in" << m_pages
                      << "pages, complete:" << complete;
        Q_EMIT catchUpFinished(m_stored, complete);
    };
    if (!m_store) {
        done();
        return;
    }
    // The database thread works in order: once this read is answered, every insert the results caused is
    // committed (and ChatManager's continuations, queued before ours, have run).
    m_store->lastArchiveId().then(this, [done](const QString &) { done(); });
}

} // namespace confab
