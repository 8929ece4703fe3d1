// SPDX-License-Identifier: Apache-2.0
#include "xmpp/chat/ChatManager.h"

#include "base/Ids.h"
#include "base/Namespaces.h"
#include "client/Client.h"
#include "stanza/Message.h"
#include "stanza/Stanza.h"
#include "storage/MessageStore.h"
#include "xmpp/caps/CapsManager.h"
#include "xmpp/chat/ChatLogging.h"
#include "xmpp/chat/ChatNamespaces.h"
#include "xmpp/chat/Receipt.h"
#include "xmpp/presence/PresenceManager.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QPointer>
#include <QPromise>
#include <QSet>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

/// How many of a conversation's newest messages are searched for the target of a receipt, marker or correction.
constexpr int LookupDepth = 200;
/// XEP-0085 §5.2: a repeated <composing/> after a short pause is not worth a stanza more often than this.
constexpr qint64 ComposingInterval = 5000;
/// How many unmarked marker requests are remembered per conversation; a marker for a newer one covers older ones.
constexpr qsizetype MarkableDepth = 500;

/// Messages held because the history could not be written are retried after this long, doubling up to the maximum.
constexpr int HeldRetryFirstMs = 2000;
constexpr int HeldRetryMaxMs = 30000;

constexpr std::array<QStringView, 5> ChatStateNames { u"active", u"composing", u"paused", u"inactive", u"gone" };

std::optional<ChatManager::ChatState> chatStateOf(const XmlElement &message)
{
    const XmlElement *element = message.firstChildInNamespace(ns::ChatStates);
    if (!element) {
        return std::nullopt;
    }
    for (size_t i = 0; i < ChatStateNames.size(); ++i) {
        if (element->name() == ChatStateNames[i]) {
            return ChatManager::ChatState(i);
        }
    }
    return std::nullopt;
}

XmlElement chatStateElement(ChatManager::ChatState state)
{
    return XmlElement(ChatStateNames[size_t(state)].toString(), ns::ChatStates.toString());
}

StoredMessage::Type storedType(Message::Type type)
{
    switch (type) {
    case Message::Type::Chat:
        return StoredMessage::Type::Chat;
    case Message::Type::Headline:
        return StoredMessage::Type::Headline;
    case Message::Type::Error:
        return StoredMessage::Type::Error;
    case Message::Type::Normal:
    case Message::Type::Groupchat:
        break;
    }
    return StoredMessage::Type::Normal;
}

XmlElement originIdElement(const QString &id)
{
    XmlElement element(u"origin-id"_s, ns::StanzaIds.toString());
    element.setAttribute(u"id"_s, id);
    return element;
}

/// The payloads ChatManager acts on; any other message (PEP events, archive results, ...) is left to others.
bool isChatRelevant(const XmlElement &stanza)
{
    if (!stanza.childText(u"body", ns::Client).isNull() || stanza.attribute(u"type") == u"error") {
        return true;
    }
    return stanza.firstChildInNamespace(ns::Receipts) || stanza.firstChildInNamespace(ns::ChatStates)
        || stanza.firstChild(u"displayed", ns::ChatMarkers) || stanza.firstChild(u"replace", ns::Correction)
        || stanza.firstChild(u"received", ns::Carbons) || stanza.firstChild(u"sent", ns::Carbons);
}

} // namespace

/// An outgoing message the store could not take: it goes nowhere until it is stored (DESIGN.md: recorded as
/// pending before it is written to the socket).
struct ChatManager::Held
{
    StoredMessage stored;
    XmlElement message;
};

/// An incoming message that asked for XEP-0333 markers: its stanza id, and who sent it.
struct ChatManager::Markable
{
    QString id;
    Jid from;
};

struct ChatManager::Private
{
    MessageStore *store = nullptr;
    Jid ownJid;
    QHash<Jid, QString> locked; ///< conversation -> resource replies go to (XEP-0296 §3)
    /// The locked resource's presence when we locked (nullopt: it had none): a change unlocks (XEP-0296 §4).
    QHash<Jid, std::optional<Presence>> lockedPresence;
    QHash<Jid, QString> preferred; ///< conversation -> resource the user pinned
    QSet<QString> inFlight; ///< origin-ids written by this process, not yet acked or failed
    struct SentState
    {
        ChatState state = ChatState::Active;
        QElapsedTimer lastComposing;
    };
    QHash<Jid, SentState> sentStates; ///< XEP-0085 state last sent per conversation (this session)
    /// Per conversation, the stored incoming messages that asked for XEP-0333 markers and were not marked yet,
    /// by row id (the order the user sees them in); at most MarkableDepth each.
    QHash<Jid, QMap<qint64, Markable>> markables;
    QHash<Jid, qint64> displayedUpTo; ///< the newest row id markDisplayed() was given, per conversation
    QHash<Jid, QString> lastOutgoing; ///< conversation -> origin-id of our newest message (XEP-0308)
    QPointer<PresenceManager> presence;
    QList<Held> held; ///< outgoing messages not yet stored, oldest first
    bool storingHeld = false; ///< a retry of `held` is being written
    QTimer *heldRetry = nullptr;
    int heldRetryMs = HeldRetryFirstMs;
    QString storageProblem;
};

ChatManager::ChatManager(MessageStore *store, QObject *parent)
    : ClientExtension(parent)
    , d(std::make_unique<Private>())
{
    d->store = store;
    d->heldRetry = new QTimer(this);
    d->heldRetry->setSingleShot(true);
    connect(d->heldRetry, &QTimer::timeout, this, &ChatManager::retryHeld);
}

ChatManager::~ChatManager() = default;

QStringList ChatManager::discoFeatures() const
{
    return { ns::Receipts.toString(), ns::ChatStates.toString(), ns::ChatMarkers.toString(),
        ns::Correction.toString() };
}

void ChatManager::setOwnJid(const Jid &jid)
{
    d->ownJid = jid;
}

Jid ChatManager::ownJid() const
{
    if (client() && !client()->jid().isNull()) {
        return client()->jid();
    }
    return d->ownJid;
}

bool ChatManager::isInFlight(const QString &originId) const
{
    return d->inFlight.contains(originId);
}

bool ChatManager::handleStanza(const XmlElement &stanza)
{
    if (!stanza::isMessage(stanza) || stanza.attribute(u"type") == u"groupchat" || !isChatRelevant(stanza)) {
        return false;
    }
    for (QStringView kind : { u"received", u"sent" }) {
        if (const XmlElement *carbon = stanza.firstChild(kind, ns::Carbons)) {
            handleCarbon(stanza, *carbon);
            return true;
        }
    }
    ingest(stanza, Origin::Live);
    return true;
}

void ChatManager::handleCarbon(const XmlElement &outer, const XmlElement &carbon)
{
    // XEP-0280 §11 (CVE-2017-5589): a carbon is genuine only when our own server sends it on behalf of our
    // account, i.e. from our bare JID. A contact, our own full JID or the server's domain may not.
    const Jid own = ownJid();
    const Jid from = Jid::fromString(outer.attribute(u"from"));
    if (own.isNull() || from.isNull() || !from.isBare() || from != own.bare()) {
        qCWarning(lcChat) << "dropping a forged carbon from" << outer.attribute(u"from");
        return;
    }
    const XmlElement *forwarded = carbon.firstChild(u"forwarded", ns::Forward);
    const XmlElement *inner = forwarded ? forwarded->firstChild(u"message", ns::Client) : nullptr;
    if (!inner) {
        qCWarning(lcChat) << "dropping a carbon without a forwarded message";
        return;
    }
    const bool sent = carbon.name() == u"sent";
    // The copy must be of a message we sent (sent) or one addressed to us (received).
    const Jid party = Jid::fromString(inner->attribute(sent ? u"from" : u"to"));
    if (party.bare() != own.bare()) {
        qCWarning(lcChat) << "dropping a carbon whose message is not ours";
        return;
    }
    ingest(*inner, sent ? Origin::CarbonSent : Origin::CarbonReceived);
}

void ChatManager::ingest(
    const XmlElement &element, Origin origin, const QDateTime &archivedStamp, const QString &archiveId)
{
    const std::optional<Message> message = Message::fromXml(element);
    if (!message || message->type == Message::Type::Groupchat) {
        return;
    }
    const Jid own = ownJid();
    const bool outgoing = origin == Origin::CarbonSent
        || (origin == Origin::Archive && !own.isNull() && message->from.bare() == own.bare());
    // RFC 6120 §8.1.2.1: no 'from' means our own account sent it.
    const Jid from = message->from.isNull() ? own.bare() : message->from;
    const Jid peer = outgoing ? message->to : from;
    if (peer.isNull()) {
        return;
    }
    const Jid conversation = peer.bare();
    const bool fromContact = !outgoing && from.bare() != own.bare();

    if (message->type == Message::Type::Error) {
        // RFC 6120 §8.3: a bounce carries the id of our message; only the conversation's contact (or its
        // server speaking for it) may fail it.
        const std::optional<StanzaError> error = stanza::errorFromXml(element);
        const QString reason = error
            ? describeError(XmppError(*error))
            : QCoreApplication::translate("confab::ChatManager", "The message could not be delivered.");
        if (!message->id.isEmpty() && origin == Origin::Live) {
            findMessage(conversation, message->id, [this, reason](const std::optional<StoredMessage> &original) {
                if (original && original->isOutgoing()) {
                    d->store->setState(original->originId, StoredMessage::State::Failed, reason);
                }
            });
        }
        return;
    }

    // XEP-0184 §5: answer a request of a live message (a carbon was answered by the resource that got it). A
    // receipt says the message reached the client, so for a message we keep it goes out once the message is
    // committed (below): a client killed in between has not received it, and the sender keeps it undelivered.
    // An archived one is answered below too, once the store says it is new to us.
    const std::optional<Receipt> receipt = Receipt::fromMessage(element);
    const bool answerLive = receipt && receipt->kind == Receipt::Kind::Request && origin == Origin::Live && fromContact
        && m_sendReceipts && !message->id.isEmpty();
    if (answerLive && message->body.isEmpty()) {
        answerReceipt(element); // nothing to store (XEP-0184 §5.4 asks for a body, but answer anyway)
    }
    if (receipt && receipt->kind == Receipt::Kind::Received && fromContact) {
        // Only the contact of the conversation the message went to may say it arrived.
        findMessage(conversation, receipt->id, [this](const std::optional<StoredMessage> &original) {
            if (original && original->isOutgoing()) {
                d->store->setState(original->originId, StoredMessage::State::Delivered);
            }
        });
    }
    if (const XmlElement *displayed = element.firstChild(u"displayed", ns::ChatMarkers); displayed && fromContact) {
        findMessage(conversation, displayed->attribute(u"id"), [this](const std::optional<StoredMessage> &original) {
            if (original && original->isOutgoing()) {
                d->store->setState(original->originId, StoredMessage::State::Displayed);
            }
        });
    }
    if (const std::optional<ChatState> state = chatStateOf(element);
        state && fromContact && (origin == Origin::Live || origin == Origin::CarbonReceived)) {
        Q_EMIT chatStateChanged(from, *state);
    }

    const Jid sender = outgoing ? (message->from.isNull() ? own : message->from) : from;
    if (const XmlElement *replace = element.firstChild(u"replace", ns::Correction)) {
        // XEP-0308 §6: a correction is never a new message; it applies only to the sender's own message.
        const QString replacedId = replace->attribute(u"id");
        if (replacedId.isEmpty() || message->body.isEmpty()) {
            return;
        }
        const QString body = message->body;
        findMessage(conversation, replacedId,
            [this, conversation, sender, replacedId, body](const std::optional<StoredMessage> &original) {
                if (!original || original->sender.bare() != sender.bare()) {
                    qCWarning(lcChat) << "refusing a correction from" << sender.toString()
                                      << "of a message it did not send";
                    return;
                }
                d->store->applyCorrection(conversation, sender, replacedId, body);
            });
        return;
    }

    if (message->body.isEmpty()) {
        return; // receipts, markers and states alone are not messages (XEP-0184, XEP-0333, XEP-0085)
    }

    // RFC 6121 §5.1 / XEP-0296 §3: a reply from a full JID locks the conversation to that resource.
    if (origin == Origin::Live && fromContact && from.isFull() && d->locked.value(conversation) != from.resource()) {
        lock(conversation, from.resource()); // (already locked there: its presence has not changed since)
    }

    StoredMessage stored;
    stored.conversation = conversation;
    stored.sender = sender;
    stored.direction = outgoing ? StoredMessage::Direction::Outgoing : StoredMessage::Direction::Incoming;
    stored.type = storedType(message->type);
    stored.body = message->body;
    stored.lang = message->lang;
    stored.thread = message->thread;
    stored.messageId = message->id;
    if (const XmlElement *originId = element.firstChild(u"origin-id", ns::StanzaIds)) {
        stored.originId = originId->attribute(u"id");
    }
    // XEP-0359 §5: a stanza-id is trustworthy only when our own server (by = our bare JID) added it; anyone
    // else's could be made up to collide with or overwrite real archive ids.
    for (const XmlElement &child : element.children()) {
        if (child.is(u"stanza-id", ns::StanzaIds) && !own.isNull()
            && Jid::fromString(child.attribute(u"by")) == own.bare()) {
            stored.stanzaId = child.attribute(u"id");
        }
    }
    if (origin == Origin::Archive && !archiveId.isEmpty()) {
        stored.stanzaId = archiveId;
    }
    stored.timestamp = message->stamp.isValid() ? message->stamp
        : archivedStamp.isValid()               ? archivedStamp.toUTC()
                                                : QDateTime::currentDateTimeUtc();
    stored.state = outgoing ? StoredMessage::State::Sent : StoredMessage::State::Received;
    if (!d->store) {
        return;
    }
    // XEP-0333 §3: a displayed marker may be sent for this one once the user saw it (markDisplayed()).
    std::optional<Markable> markable;
    if (!outgoing && element.firstChild(u"markable", ns::ChatMarkers) && !message->id.isEmpty()) {
        markable = Markable { message->id, from };
    }
    // A message that reached us only through our archive (Prosody 0.12 stops delivering offline messages to a
    // session that queried its archive) was never answered: answer its receipt request once it is new to us.
    const bool answerIfNew = origin == Origin::Archive && fromContact && m_sendReceipts && receipt
        && receipt->kind == Receipt::Kind::Request && !message->id.isEmpty();
    // The store coalesces the inserts of a burst into one transaction; the receipts of the whole batch then go
    // out together right after its commit.
    d->store->insert(stored).then(this,
        [this, stored, element, origin, answerLive, answerIfNew, markable](const MessageStore::Inserted &inserted) {
            const auto emitReceived = [&](const MessageStore::Inserted &row) {
                StoredMessage added = stored;
                added.id = row.id;
                Q_EMIT messageReceived(added, element, origin, row.duplicate);
            };
            // id 0: the database refused it; no receipt, so the sender still sees it undelivered. A live
            // duplicate (the sender resent it after a crash) is answered again: it has arrived.
            if (inserted.id != 0 && (answerLive || (answerIfNew && !inserted.duplicate))) {
                answerReceipt(element);
            }
            if (markable && inserted.id != 0 && !inserted.duplicate) {
                if (inserted.id <= d->displayedUpTo.value(stored.conversation)) {
                    sendDisplayed(*markable); // the view showed the row before this continuation ran
                    return emitReceived(inserted);
                }
                QMap<qint64, Markable> &pending = d->markables[stored.conversation];
                pending.insert(inserted.id, *markable);
                if (pending.size() > MarkableDepth) {
                    pending.erase(pending.begin());
                }
            }
            emitReceived(inserted);
        });
}

void ChatManager::answerReceipt(const XmlElement &request)
{
    if (!client()) {
        return;
    }
    XmlElement answer(u"message"_s, ns::Client.toString());
    answer.setAttribute(u"to"_s, request.attribute(u"from"));
    answer.setAttribute(u"id"_s, generateStanzaId());
    answer.appendChild(Receipt { Receipt::Kind::Received, request.attribute(u"id") }.toXml());
    client()->send(answer);
}

void ChatManager::findMessage(
    const Jid &conversation, const QString &id, std::function<void(const std::optional<StoredMessage> &)> then)
{
    if (!d->store || id.isEmpty()) {
        return;
    }
    d->store->page(conversation, 0, LookupDepth)
        .then(this, [id, then = std::move(then)](const QList<StoredMessage> &messages) {
            for (auto it = messages.crbegin(); it != messages.crend(); ++it) {
                if (it->originId == id || it->messageId == id) {
                    then(*it);
                    return;
                }
            }
            then(std::nullopt);
        });
}

QFuture<StoredMessage> ChatManager::send(const Jid &to, const QString &body)
{
    const Jid conversation = to.bare();
    const QString originId = generateStanzaId();
    const Jid target = to.isFull() ? to : conversation.withResource(route(conversation));

    // XEP-0359 §3.1: the origin-id equals the stanza id, so receipts, markers, bounces and corrections that
    // quote either find the message.
    XmlElement message(u"message"_s, ns::Client.toString());
    message.setAttribute(u"type"_s, u"chat"_s);
    message.setAttribute(u"id"_s, originId);
    message.setAttribute(u"to"_s, target.toString());
    message.appendTextChild(u"body"_s, body, ns::Client.toString());
    message.appendChild(originIdElement(originId));
    message.appendChild(Receipt { Receipt::Kind::Request, {} }.toXml()); // XEP-0184 §5.1
    message.appendChild(XmlElement(u"markable"_s, ns::ChatMarkers.toString())); // XEP-0333 §3
    if (m_sendChatStates && chatStatesSupported(conversation)) {
        // XEP-0085 §5.1: a message is sent with <active/>; the contact knows we stopped typing.
        message.appendChild(chatStateElement(ChatState::Active));
        d->sentStates[conversation].state = ChatState::Active;
    }

    StoredMessage stored;
    stored.conversation = conversation;
    stored.sender = ownJid();
    stored.direction = StoredMessage::Direction::Outgoing;
    stored.type = StoredMessage::Type::Chat;
    stored.body = body;
    stored.messageId = originId;
    stored.originId = originId;
    stored.timestamp = QDateTime::currentDateTimeUtc();
    stored.state = StoredMessage::State::Pending;

    d->lastOutgoing.insert(conversation, originId);
    auto promise = std::make_shared<QPromise<StoredMessage>>();
    promise->start();
    QFuture<StoredMessage> result = promise->future();
    if (!d->held.isEmpty()) {
        // Older messages are waiting for the disk: this one queues behind them, so that they go out in order.
        d->held.append(Held { stored, message });
        promise->addResult(stored);
        promise->finish();
        retryHeld();
        return result;
    }
    d->inFlight.insert(originId); // resendOutbox() must not send it as well once it is stored
    // DESIGN.md: recorded as pending before a byte goes to the socket, so a crash cannot lose it.
    d->store->insert(stored).then(this, [this, promise, stored, message](const MessageStore::Inserted &inserted) {
        StoredMessage added = stored;
        added.id = inserted.id;
        if (inserted.id == 0) {
            // Not stored (a full disk): not sent either, but kept, and the user is told (hold()).
            d->inFlight.remove(stored.originId);
            hold({ Held { stored, message } }, inserted.diskFull);
        } else {
            transmit(message, added.originId);
        }
        promise->addResult(added);
        promise->finish();
    });
    return result;
}

void ChatManager::hold(QList<Held> messages, bool diskFull)
{
    qCWarning(lcChat) << messages.size() << "outgoing message(s) held: the history could not store them"
                      << (diskFull ? "(disk full)" : "");
    messages.append(std::move(d->held)); // the ones from a failed retry are older than any queued meanwhile
    d->held = std::move(messages);
    setStorageProblem(diskFull
            ? QCoreApplication::translate("confab::ChatManager",
                "Your disk is full, so your message could not be saved. It is kept and will be sent as soon as "
                "space is freed.")
            : QCoreApplication::translate("confab::ChatManager",
                "The message history could not be written, so your message could not be saved. It is kept and "
                "will be sent as soon as it can be saved."));
    d->heldRetry->start(d->heldRetryMs);
    d->heldRetryMs = std::min(d->heldRetryMs * 2, HeldRetryMaxMs);
}

void ChatManager::retryHeld()
{
    if (d->storingHeld || d->held.isEmpty() || !d->store) {
        return;
    }
    d->heldRetry->stop();
    d->storingHeld = true;
    QList<Held> batch = std::exchange(d->held, {});
    QList<StoredMessage> messages;
    messages.reserve(batch.size());
    for (const Held &held : std::as_const(batch)) {
        messages.append(held.stored);
        d->inFlight.insert(held.stored.originId);
    }
    // One transaction: all of them are stored, in order, or none.
    d->store->insertMany(messages).then(
        this, [this, batch = std::move(batch)](const QList<MessageStore::Inserted> &inserted) mutable {
            d->storingHeld = false;
            const bool stored = inserted.size() == batch.size()
                && std::all_of(inserted.cbegin(), inserted.cend(), [](const auto &i) { return i.id != 0; });
            if (!stored) {
                for (const Held &held : std::as_const(batch)) {
                    d->inFlight.remove(held.stored.originId);
                }
                const bool diskFull
                    = std::any_of(inserted.cbegin(), inserted.cend(), [](const auto &i) { return i.diskFull; });
                hold(std::move(batch), diskFull);
                return;
            }
            qCInfo(lcChat) << "stored" << batch.size() << "held message(s); sending them";
            for (const Held &held : std::as_const(batch)) {
                transmit(held.message, held.stored.originId);
            }
            if (d->held.isEmpty()) {
                d->heldRetryMs = HeldRetryFirstMs;
                setStorageProblem({});
            } else {
                retryHeld(); // sent while this batch was being written
            }
        });
}

void ChatManager::setStorageProblem(const QString &problem)
{
    if (problem == d->storageProblem) {
        return;
    }
    d->storageProblem = problem;
    Q_EMIT storageProblemChanged(problem);
}

QString ChatManager::storageProblem() const
{
    return d->storageProblem;
}

int ChatManager::heldCount() const
{
    return int(d->held.size());
}

void ChatManager::transmit(const XmlElement &message, const QString &originId)
{
    d->inFlight.insert(originId);
    if (!client()) {
        d->inFlight.remove(originId);
        return;
    }
    client()->send(message).then(this, [this, originId](const SendResult &result) {
        d->inFlight.remove(originId);
        if (const auto *error = std::get_if<XmppError>(&result)) {
            // Not acknowledged: it stays Pending and goes out again at the next session (resendOutbox). A
            // permanent refusal comes back as a bounce (type=error) and fails it there.
            qCInfo(lcChat) << "message" << originId << "not acknowledged:" << describeError(*error);
            Q_EMIT messageAcknowledged(originId, false, describeError(*error));
            return;
        }
        if (d->store) {
            d->store->setState(originId, StoredMessage::State::Sent);
        }
        Q_EMIT messageAcknowledged(originId, true, {});
    });
}

void ChatManager::sessionEstablished(bool resumed)
{
    watchPresence();
    retryHeld(); // held for want of disk space: perhaps there is room now
    if (resumed) {
        return; // XEP-0198 §5: the server kept carbons, presence and everything unacked
    }
    m_carbonsEnabled = false;
    d->sentStates.clear();
    d->locked.clear();
    d->lockedPresence.clear();
    // XEP-0280 §4: carbons are per session; enable them at every new one.
    XmlElement enable(u"enable"_s, ns::Carbons.toString());
    client()
        ->sendIq(stanza::makeIq(stanza::IqType::Set, generateStanzaId(), {}, enable))
        .then(this, [this](const IqResult &result) {
            m_carbonsEnabled = !std::holds_alternative<XmppError>(result);
            if (!m_carbonsEnabled) {
                qCInfo(lcChat) << "the server did not enable carbons";
            }
        });
    resendOutbox();
}

void ChatManager::sessionLost()
{
    d->sentStates.clear();
}

void ChatManager::resendOutbox()
{
    if (!d->store) {
        return;
    }
    d->store->pending().then(this, [this](const QList<StoredMessage> &pending) {
        for (const StoredMessage &stored : pending) {
            if (!stored.isOutgoing() || stored.originId.isEmpty() || d->inFlight.contains(stored.originId)) {
                continue; // still on its way in this process (ClientStream resends those itself)
            }
            XmlElement message(u"message"_s, ns::Client.toString());
            message.setAttribute(u"type"_s, u"chat"_s);
            message.setAttribute(u"id"_s, stored.originId); // same id: the receiver dedupes (XEP-0359)
            message.setAttribute(u"to"_s, stored.conversation.withResource(route(stored.conversation)).toString());
            message.appendTextChild(u"body"_s, stored.body, ns::Client.toString());
            message.appendChild(originIdElement(stored.originId));
            message.appendChild(Receipt { Receipt::Kind::Request, {} }.toXml());
            message.appendChild(XmlElement(u"markable"_s, ns::ChatMarkers.toString()));
            // XEP-0203 §3: when it was written, not when it finally went out.
            XmlElement delay(u"delay"_s, ns::Delay.toString());
            delay.setAttribute(u"stamp"_s, stored.timestamp.toUTC().toString(Qt::ISODateWithMs));
            message.appendChild(delay);
            qCInfo(lcChat) << "resending" << stored.originId << "from the outbox";
            transmit(message, stored.originId);
        }
    });
}

QFuture<bool> ChatManager::correctLast(const Jid &conversation, const QString &newBody)
{
    auto promise = std::make_shared<QPromise<bool>>();
    promise->start();
    QFuture<bool> result = promise->future();
    const QString replacedId = d->lastOutgoing.value(conversation.bare());
    if (replacedId.isEmpty() || !d->store) {
        promise->addResult(false);
        promise->finish();
        return result;
    }
    const QString id = generateStanzaId();
    XmlElement message(u"message"_s, ns::Client.toString());
    message.setAttribute(u"type"_s, u"chat"_s);
    message.setAttribute(u"id"_s, id);
    message.setAttribute(u"to"_s, conversation.bare().withResource(route(conversation.bare())).toString());
    message.appendTextChild(u"body"_s, newBody, ns::Client.toString());
    message.appendChild(originIdElement(id));
    XmlElement replace(u"replace"_s, ns::Correction.toString()); // XEP-0308 §4
    replace.setAttribute(u"id"_s, replacedId);
    message.appendChild(replace);
    d->store->applyCorrection(conversation.bare(), ownJid(), replacedId, newBody)
        .then(this, [this, promise, message](bool applied) {
            if (applied && client()) {
                client()->send(message);
            }
            promise->addResult(applied);
            promise->finish();
        });
    return result;
}

bool ChatManager::chatStatesSupported(const Jid &conversation) const
{
    if (!m_sendChatStates || !client()) {
        return false;
    }
    const auto *caps = client()->findExtension<CapsManager>();
    if (!caps) {
        return false;
    }
    const QString resource = route(conversation.bare());
    if (!resource.isEmpty()) {
        return caps->hasFeature(conversation.bare().withResource(resource), ns::ChatStates.toString());
    }
    // XEP-0085 §5.1 for a bare JID: only when some resource of the contact announced support.
    const auto *presence = client()->findExtension<PresenceManager>();
    if (!presence) {
        return false;
    }
    const QList<Presence> resources = presence->resources(conversation.bare());
    return std::any_of(resources.cbegin(), resources.cend(),
        [caps](const Presence &p) { return caps->hasFeature(p.from, ns::ChatStates.toString()); });
}

void ChatManager::setChatState(const Jid &conversation, ChatState state)
{
    const Jid bare = conversation.bare();
    if (!chatStatesSupported(bare)) {
        return;
    }
    const auto known = d->sentStates.constFind(bare);
    const ChatState last = known == d->sentStates.cend() ? ChatState::Active : known->state;
    if (state == last && known != d->sentStates.cend()) {
        return; // XEP-0085 §5.2: never the same state twice in a row
    }
    if (known == d->sentStates.cend() && state == ChatState::Active) {
        return; // a fresh conversation is active already; nothing to say
    }
    if (state == ChatState::Composing && last == ChatState::Paused && known->lastComposing.isValid()
        && known->lastComposing.elapsed() < ComposingInterval) {
        return; // a short pause in typing: no new <composing/> within 5 s
    }
    sendChatStateNow(bare, state);
}

void ChatManager::sendChatStateNow(const Jid &conversation, ChatState state)
{
    Private::SentState &sent = d->sentStates[conversation];
    sent.state = state;
    if (state == ChatState::Composing) {
        sent.lastComposing.start();
    }
    XmlElement message(u"message"_s, ns::Client.toString());
    message.setAttribute(u"type"_s, u"chat"_s);
    message.setAttribute(u"id"_s, generateStanzaId());
    message.setAttribute(u"to"_s, conversation.withResource(route(conversation)).toString());
    message.appendChild(chatStateElement(state));
    XmlElement noStore(u"no-store"_s, u"urn:xmpp:hints"_s); // XEP-0334: not worth archiving
    message.appendChild(noStore);
    if (client()) {
        client()->send(message);
    }
}

void ChatManager::markDisplayed(const Jid &conversation, qint64 upToId)
{
    const Jid bare = conversation.bare();
    if (d->store) {
        d->store->markRead(bare, upToId);
    }
    qint64 &displayed = d->displayedUpTo[bare];
    displayed = std::max(displayed, upToId);
    // XEP-0333 §3.2: a displayed marker for a message means every message up to it was displayed, so it names the
    // newest message the user actually saw (up to `upToId`) that asked for markers; newer requests wait for theirs.
    const auto pending = d->markables.find(bare);
    if (pending == d->markables.end()) {
        return;
    }
    const auto seenEnd = pending->upperBound(upToId);
    if (seenEnd == pending->begin()) {
        return;
    }
    const Markable markable = std::prev(seenEnd).value();
    pending->erase(pending->begin(), seenEnd);
    if (pending->isEmpty()) {
        d->markables.erase(pending);
    }
    sendDisplayed(markable);
}

void ChatManager::sendDisplayed(const Markable &markable)
{
    if (!m_sendMarkers || !client()) {
        return;
    }
    XmlElement message(u"message"_s, ns::Client.toString());
    message.setAttribute(u"type"_s, u"chat"_s);
    message.setAttribute(u"id"_s, generateStanzaId());
    message.setAttribute(u"to"_s, markable.from.toString());
    XmlElement displayed(u"displayed"_s, ns::ChatMarkers.toString()); // XEP-0333 §3
    displayed.setAttribute(u"id"_s, markable.id);
    message.appendChild(displayed);
    client()->send(message);
}

QString ChatManager::lockedResource(const Jid &conversation) const
{
    return route(conversation.bare());
}

QString ChatManager::route(const Jid &conversation) const
{
    const QString preferred = d->preferred.value(conversation);
    return preferred.isEmpty() ? d->locked.value(conversation) : preferred;
}

void ChatManager::setPreferredResource(const Jid &conversation, const QString &resource)
{
    if (resource.isEmpty()) {
        d->preferred.remove(conversation.bare());
    } else {
        d->preferred.insert(conversation.bare(), resource);
    }
}

void ChatManager::lock(const Jid &conversation, const QString &resource)
{
    watchPresence();
    std::optional<Presence> current;
    if (d->presence) {
        for (const Presence &p : d->presence->resources(conversation)) {
            if (p.from.resource() == resource) {
                current = p;
            }
        }
    }
    d->locked.insert(conversation, resource);
    d->lockedPresence.insert(conversation, current);
}

void ChatManager::unlock(const Jid &conversation)
{
    qCDebug(lcChat) << "unlocking" << conversation.toString();
    d->locked.remove(conversation);
    d->lockedPresence.remove(conversation);
}

void ChatManager::watchPresence()
{
    if (d->presence || !client()) {
        return;
    }
    d->presence = client()->findExtension<PresenceManager>();
    if (d->presence) {
        connect(d->presence, &PresenceManager::presencesChanged, this, &ChatManager::handlePresencesChanged);
    }
}

void ChatManager::handlePresencesChanged(const QList<Jid> &bareJids)
{
    // XEP-0296 §4: any presence change of the locked resource (including going offline) unlocks.
    for (const Jid &bare : bareJids) {
        const auto locked = d->locked.constFind(bare);
        if (locked == d->locked.cend() || !d->presence) {
            continue;
        }
        std::optional<Presence> now;
        for (const Presence &p : d->presence->resources(bare)) {
            if (p.from.resource() == *locked) {
                now = p;
            }
        }
        const std::optional<Presence> before = d->lockedPresence.value(bare);
        if (!now && !before) {
            continue; // another resource changed; the locked one still has no presence
        }
        const bool changed = !now || !before || now->show != before->show || now->status != before->status
            || now->priority != before->priority || now->received != before->received;
        if (changed) {
            unlock(bare);
        }
    }
}

} // namespace confab
