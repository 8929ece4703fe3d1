// SPDX-License-Identifier: Apache-2.0
#pragma once

// Signed-in AccountSessions for the dialog tests, against the test's ProsodyFixture.
#include "client/Client.h"
#include "session/AccountSession.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"
#include "xml/XmlElement.h"
#include "xmpp/avatar/AvatarManager.h"
#include "xmpp/presence/PresenceManager.h"
#include "xmpp/roster/RosterManager.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace confab::test {

/// One account as the desktop app composes it, with its own data directory.
struct SignedInAccount
{
    QTemporaryDir dir;
    std::unique_ptr<AccountSession> session;
    Jid bareJid;

    AccountSession *operator->() const { return session.get(); }
    AccountSession &operator*() const { return *session; }
};

/// Processes events until `condition` holds (bounded).
inline bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return condition();
}

/// Opens the stores, signs `user` in as `resource`, and waits until what a new session starts is done: the
/// roster is here, we are available (so subscription requests reach us), and our own vCard has been read
/// (AvatarManager knows our avatar). Null on failure.
inline std::unique_ptr<SignedInAccount> signIn(
    const ProsodyFixture &server, const QString &user, const QString &resource = QStringLiteral("desktop"))
{
    auto account = std::make_unique<SignedInAccount>();
    account->session = std::make_unique<AccountSession>(account->dir.path());
    const QFuture<QString> opened = account->session->open();
    if (!waitFor(opened) || !opened.result().isEmpty()) {
        return nullptr;
    }
    account->bareJid = Jid::fromString(server.jid(user));
    AccountSession *s = account->session.get();
    s->signIn(settingsFor(server, user, resource));
    if (!waitUntil([s] { return s->client().isConnected() && s->roster()->hasRoster(); })) {
        return nullptr;
    }
    if (!waitFor(s->presence()->setPresence(Presence::Show::Online))) {
        return nullptr;
    }
    if (!waitUntil([s] {
            return s->avatars()->ownPresenceUpdate().firstChild(u"photo", u"vcard-temp:x:update") != nullptr;
        })) {
        return nullptr;
    }
    return account;
}

} // namespace confab::test
