// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "client/ClientExtension.h"
#include "storage/StoredMessage.h"

#include <QDateTime>
#include <QFuture>
#include <QHash>

#include <functional>
#include <memory>
#include <optional>

namespace confab {

class MessageStore;
class XmlElement;

/// One-to-one chats (RFC 6121 §5, XEP-0296): sends and receives chat/normal/headline/error messages,
/// keeps every one in the MessageStore (an outgoing one as Pending BEFORE it is written to the socket),
/// moves delivery states forward (XEP-0198 ack → Sent, XEP-0184 receipt → Delivered, XEP-0333 marker →
/// Displayed), routes replies (a new conversation to the bare JID; locked to the resource that answered;
/// unlocked when that resource's presence changes; or a resource the user picked), sends XEP-0085 chat
/// states only to clients that support them (caps) and throttled, enables XEP-0280 carbons and accepts a
/// carbon only from our own bare JID, applies XEP-0308 corrections only from the original sender, and
/// resends the outbox exactly once after a restart (same origin-id).
///
/// Every message, whatever way it came (live, carbon, archive), goes through ingest(); the archive and
/// other sources call it too.
class ChatManager : public ClientExtension
{
    Q_OBJECT
public:
    enum class Origin { Live, CarbonReceived, CarbonSent, Archive };
    Q_ENUM(Origin)
    enum class ChatState { Active, Composing, Paused, Inactive, Gone };
    Q_ENUM(ChatState)

    explicit ChatManager(MessageStore *store, QObject *parent = nullptr);
    ~ChatManager() override;

    int priority() const override { return 10; }
    QStringList discoFeatures() const override;
    bool handleStanza(const XmlElement &stanza) override;
    void sessionEstablished(bool resumed) override;
    void sessionLost() override;

    /// Stores, then sends a chat message to `to` (a bare JID: routed per XEP-0296; a full JID: exactly there).
    /// The future gives the stored message (state Pending) once it is committed and written. When the history
    /// cannot be written (a full disk) the message is not sent: it is held in memory, storageProblem() says why,
    /// and it is stored and sent as soon as the store takes it (retried on a timer, at the next send and at the
    /// next session); the future then gives it with id 0 at once.
    QFuture<StoredMessage> send(const Jid &to, const QString &body);
    /// Why outgoing messages are held back (translated, for the user), or empty when none are.
    QString storageProblem() const;
    /// How many outgoing messages are held in memory because the history could not store them.
    int heldCount() const;
    /// Tries at once to store (then send) the held messages, without waiting for the next retry.
    void retryHeld();
    /// XEP-0308: corrects our last message in the conversation.
    QFuture<bool> correctLast(const Jid &conversation, const QString &newBody);
    /// The user typed / paused / left: XEP-0085, sent only where supported and not more often than needed.
    void setChatState(const Jid &conversation, ChatState state);
    /// The user saw the conversation up to message `upToId` (a row id of the store): stored as read, and a XEP-0333
    /// displayed marker is sent for the newest incoming message up to `upToId` that asked for markers (when
    /// markers are enabled); requests of newer messages wait until those are seen.
    void markDisplayed(const Jid &conversation, qint64 upToId);

    /// The resource replies go to (empty: the bare JID).
    QString lockedResource(const Jid &conversation) const;
    /// Pins replies to one resource (the user's choice); an empty resource returns to automatic routing.
    void setPreferredResource(const Jid &conversation, const QString &resource);

    /// Privacy settings (on by default).
    void setSendReceipts(bool enabled) { m_sendReceipts = enabled; }
    void setSendChatStates(bool enabled) { m_sendChatStates = enabled; }
    void setSendMarkers(bool enabled) { m_sendMarkers = enabled; }

    /// Every received message goes through here, validated for its origin, deduplicated and stored.
    void ingest(
        const XmlElement &message, Origin origin, const QDateTime &archivedStamp = {}, const QString &archiveId = {});

    /// Our own JID while no session is bound (tests, archive import); the bound JID wins when there is one.
    void setOwnJid(const Jid &jid);
    /// The bound JID, else what setOwnJid() set.
    Jid ownJid() const;
    /// Whether a message with this origin-id was handed to the connection by this process and not yet
    /// acknowledged or failed (such a message is not resent from the outbox).
    bool isInFlight(const QString &originId) const;
    /// Whether chat states (XEP-0085) would be sent to the conversation now: enabled, and the resource replies
    /// go to (or, for the bare JID, any available resource) announces support in its caps.
    bool chatStatesSupported(const Jid &conversation) const;
    /// Whether the server confirmed XEP-0280 carbons for the current session.
    bool carbonsEnabled() const { return m_carbonsEnabled; }

Q_SIGNALS:
    /// A contact's resource is typing, paused, ... (XEP-0085).
    void chatStateChanged(const confab::Jid &fullJid, confab::ChatManager::ChatState state);
    /// A message with a body was received and went through the store (corrections, receipts, markers and
    /// states never come here). `stanza` is the message as it arrived (the inner one for carbons);
    /// `duplicate` when the history already had it (another copy, or another process of the same account
    /// stored it first): `message.id` is then the existing row.
    void messageReceived(const confab::StoredMessage &message, const confab::XmlElement &stanza,
        confab::ChatManager::Origin origin, bool duplicate);
    /// The server acknowledged (or could not take) an outgoing message (XEP-0198); on success its state is Sent.
    void messageAcknowledged(const QString &originId, bool ok, const QString &error);
    /// Outgoing messages began to be held because the history could not store them (`problem`, translated, says
    /// why and that they are kept), or were all stored and sent (`problem` empty).
    void storageProblemChanged(const QString &problem);

private:
    struct Private;
    QString route(const Jid &conversation) const;
    void lock(const Jid &conversation, const QString &resource);
    void unlock(const Jid &conversation);
    void watchPresence();
    void handlePresencesChanged(const QList<Jid> &bareJids);
    void handleCarbon(const XmlElement &outer, const XmlElement &carbon);
    void transmit(const XmlElement &message, const QString &originId);
    void resendOutbox();
    struct Held;
    void hold(QList<Held> messages, bool diskFull);
    void setStorageProblem(const QString &problem);
    void answerReceipt(const XmlElement &message);
    struct Markable;
    void sendDisplayed(const Markable &markable);
    void sendChatStateNow(const Jid &conversation, ChatState state);
    /// Looks a message up by its id or origin-id among the newest of a conversation.
    void findMessage(const Jid &conversation, const QString &id,
        std::function<void(const std::optional<StoredMessage> &message)> then);

    std::unique_ptr<Private> d;
    bool m_sendReceipts = true;
    bool m_sendChatStates = true;
    bool m_sendMarkers = true;
    bool m_carbonsEnabled = false;
};

} // namespace confab
