// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "client/ClientExtension.h"
#include "xml/XmlElement.h"

#include <QDateTime>
#include <QSet>

#include <optional>

namespace confab {

class ChatManager;
class MessageStore;

/// XEP-0313 catch-up of our own message archive. On every new session (not a resumed one, XEP-0198) it
/// pages forward (XEP-0059 RSM, PageSize per page, at most MaxPages) from the newest archive id the history
/// already has, or, for a history without one, fetches only the newest page, so a first login does not
/// download years. Each result is accepted only from our own account and only for a query this object is
/// running (XEP-0313 §9, CVE-2020-26547); accepted messages go to ChatManager::ingest(), which deduplicates
/// them against live, carbon and offline copies.
class MamManager : public ClientExtension
{
    Q_OBJECT
public:
    static constexpr int PageSize = 100;
    static constexpr int MaxPages = 50;

    /// One accepted archive result.
    struct Result
    {
        XmlElement message; ///< the archived (inner) message
        QDateTime stamp; ///< when the server archived it (XEP-0203 delay on the forwarded element)
        QString id; ///< the archive id (also the stanza-id our server gave it, XEP-0359)
    };

    MamManager(ChatManager *chats, MessageStore *store, QObject *parent = nullptr);
    ~MamManager() override;

    /// Above ChatManager: an archive result is claimed (accepted or dropped) before anyone else sees it.
    int priority() const override { return 20; }
    bool handleStanza(const XmlElement &stanza) override;
    void sessionEstablished(bool resumed) override;
    void sessionLost() override;

    /// Starts a catch-up now (a running one is abandoned); sessionEstablished(false) calls it.
    void catchUp();
    bool isCatchingUp() const { return m_running; }

    /// The query IQ (type set, to our own archive): pages forward after `after`, or, when `after` is empty,
    /// asks for the last page (XEP-0059 §2.5, an empty <before/>).
    static XmlElement buildQuery(const QString &queryId, const QString &after, int max = PageSize);
    /// The archived message in `message`, or nullopt when it is not a result we may accept: it must come from
    /// our own bare JID or the server on its behalf (no 'from'), carry one of `queryIds`, and wrap a message
    /// to or from our account.
    static std::optional<Result> parseResult(
        const XmlElement &message, const Jid &ownJid, const QSet<QString> &queryIds);

Q_SIGNALS:
    /// A catch-up ended: `stored` new messages were added to the history (duplicates not counted); `complete`
    /// when the archive was read to its end (false: an error, the page bound, or only the newest page).
    void catchUpFinished(int stored, bool complete);

private:
    Jid ownJid() const;
    void requestPage(quint64 generation, const QString &after);
    void finish(quint64 generation, bool complete);

    ChatManager *m_chats;
    MessageStore *m_store;
    QSet<QString> m_queryIds; ///< queries in flight; results for any other are forged or stale
    quint64 m_generation = 0; ///< bumped when a catch-up starts or the session goes: late answers are ignored
    bool m_running = false;
    int m_pages = 0;
    int m_stored = 0;
};

} // namespace confab
