// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "xmpp/presence/Presence.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace confab::ui {

/// How a presence looks and reads everywhere in the app: one place, so the roster, the chat header and the
/// tray agree. Names are translated (tr context "PresenceStyle").
struct PresenceStyle
{
    /// "Available", "Free for chat", "Away", "Extended away", "Do not disturb", "Offline".
    static QString name(Presence::Show show);
    /// The badge colour: green, blue-green, amber, orange, red, grey. Readable on light and dark palettes.
    static QColor color(Presence::Show show);
    /// A round badge (`size` px, device-pixel aware) for menus and combo boxes.
    static QIcon icon(Presence::Show show, int size = 16);
    /// The shows a user can choose, in menu order (Available first, Offline last).
    static QList<Presence::Show> selectable();
};

} // namespace confab::ui
