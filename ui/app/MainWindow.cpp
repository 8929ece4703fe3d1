// SPDX-License-Identifier: Apache-2.0
#include "app/MainWindow.h"

#include "account/ConnectionErrorText.h"
#include "client/Client.h"
#include "common/AppSettings.h"
#include "common/Avatar.h"
#include "common/PresenceStyle.h"
#include "dialogs/AddContactDialog.h"
#include "dialogs/ContactEditDialog.h"
#include "dialogs/ContactInfoDialog.h"
#include "dialogs/ProfileDialog.h"
#include "dialogs/SettingsDialog.h"
#include "dialogs/SubscriptionRequestsWidget.h"
#include "models/RosterFilterModel.h"
#include "models/RosterModel.h"
#include "roster/RosterView.h"
#include "session/AccountSession.h"
#include "xmpp/avatar/AvatarManager.h"
#include "xmpp/blocking/BlockingManager.h"
#include "xmpp/presence/PresenceManager.h"
#include "xmpp/roster/RosterManager.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace confab::ui {

MainWindow::MainWindow(AccountSession *session, AppSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(settings)
    , m_filter(new RosterFilterModel(this))
    , m_rosterView(new RosterView(this))
    , m_countdown(new QTimer(this))
{
    setObjectName(u"mainWindow"_s);
    // Narrow and tall, as a contact list wants to be.
    resize(320, 640);
    setMinimumWidth(220);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildHeader());
    layout->addWidget(buildBanner());

    m_search = new QLineEdit(central);
    m_search->setObjectName(u"rosterSearch"_s);
    m_search->setClearButtonEnabled(true);
    auto *searchRow = new QHBoxLayout;
    searchRow->setContentsMargins(8, 4, 8, 4);
    searchRow->addWidget(m_search);
    layout->addLayout(searchRow);
    connect(m_search, &QLineEdit::textChanged, m_filter, &RosterFilterModel::setFilterText);
    // Esc clears the search, then leaves it for the list.
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_search, nullptr, nullptr, Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        if (m_search->text().isEmpty()) {
            m_rosterView->setFocus();
        } else {
            m_search->clear();
        }
    });
    // Down from the search box goes to the first match; Enter opens it.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        for (int group = 0; group < m_filter->rowCount(); ++group) {
            const QModelIndex groupIndex = m_filter->index(group, 0);
            if (m_filter->rowCount(groupIndex) > 0) {
                const QModelIndex first = m_filter->index(0, 0, groupIndex);
                m_rosterView->setCurrentIndex(first);
                m_rosterView->setFocus();
                Q_EMIT chatRequested(Jid::fromString(first.data(RosterModel::JidRole).toString()));
                return;
            }
        }
    });

    // Requests to see our presence, answered in place without a modal dialog.
    auto *requests = new SubscriptionRequestsWidget(session, central);
    layout->addWidget(requests);

    m_filter->setSourceModel(session->rosterModel());
    m_filter->setHideOffline(!settings->showOfflineContacts());
    m_rosterView->setModel(m_filter);
    m_rosterView->setCollapsedGroups(settings->value(u"roster/collapsedGroups"_s).toStringList());
    layout->addWidget(m_rosterView, 1);
    setCentralWidget(central);
    setTabOrder(m_presence, m_status);
    setTabOrder(m_status, m_search);
    setTabOrder(m_search, m_rosterView);

    connect(m_rosterView, &RosterView::chatRequested, this, &MainWindow::chatRequested);
    connect(m_rosterView, &RosterView::collapsedGroupsChanged, this,
        [this](const QStringList &groups) { m_settings->setValue(u"roster/collapsedGroups"_s, groups); });
    connect(m_rosterView, &RosterView::removeRequested, this, &MainWindow::removeContact);
    connect(m_rosterView, &RosterView::blockRequested, this, [this](const Jid &contact, bool block) {
        if (block) {
            m_session->blocking()->block(contact);
        } else {
            m_session->blocking()->unblock(contact);
        }
    });
    const auto editContact = [this](const Jid &contact) {
        auto *dialog = new ContactEditDialog(m_session, contact, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    };
    connect(m_rosterView, &RosterView::renameRequested, this, editContact);
    connect(m_rosterView, &RosterView::editGroupsRequested, this, editContact);
    connect(m_rosterView, &RosterView::profileRequested, this, [this](const Jid &contact) {
        auto *dialog = new ContactInfoDialog(m_session, contact, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });

    connect(settings, &AppSettings::changed, this, [this](const QString &key) {
        if (key == u"roster/showOffline") {
            m_filter->setHideOffline(!m_settings->showOfflineContacts());
        }
    });

    Client &client = session->client();
    connect(&client, &Client::stateChanged, this, [this](Client::State state) {
        if (state == Client::State::Connecting) {
            showConnecting();
        } else if (state == Client::State::Connected) {
            showConnected();
        }
    });
    connect(&client, &Client::connectionLost, this, &MainWindow::showConnectionLost);
    connect(&client, &Client::connected, this, &MainWindow::updateOwnIdentity);
    connect(session->avatars(), &AvatarManager::avatarChanged, this, [this](const Jid &jid) {
        if (jid == m_session->client().jid().bare()) {
            updateOwnIdentity();
        }
    });
    m_countdown->setInterval(1s);
    connect(m_countdown, &QTimer::timeout, this, &MainWindow::updateBannerCountdown);

    buildMenus();
    retranslate();
    updateOwnIdentity();
    if (client.isConnected()) {
        showConnected();
    }
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::buildHeader()
{
    auto *header = new QWidget(this);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(8, 8, 8, 4);
    m_avatar = new QLabel(header);
    m_avatar->setObjectName(u"ownAvatar"_s);
    m_avatar->setFixedSize(44, 44);
    layout->addWidget(m_avatar, 0, Qt::AlignTop);

    auto *column = new QVBoxLayout;
    column->setSpacing(2);
    m_name = new QLabel(header);
    m_name->setObjectName(u"ownName"_s);
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_name);

    m_presence = new QComboBox(header);
    m_presence->setObjectName(u"presenceSelector"_s);
    for (const Presence::Show show : PresenceStyle::selectable()) {
        m_presence->addItem(PresenceStyle::icon(show), PresenceStyle::name(show), int(show));
    }
    column->addWidget(m_presence);

    m_status = new QComboBox(header);
    m_status->setObjectName(u"statusMessage"_s);
    m_status->setEditable(true);
    m_status->setInsertPolicy(QComboBox::NoInsert);
    m_status->addItems(m_settings->recentStatusMessages());
    m_status->setCurrentText(m_settings->presenceStatus());
    column->addWidget(m_status);
    layout->addLayout(column, 1);

    const auto show = m_settings->presenceShow();
    m_presence->setCurrentIndex(qMax(0, m_presence->findData(int(show))));
    connect(m_presence, &QComboBox::activated, this, &MainWindow::applyPresence);
    connect(m_status->lineEdit(), &QLineEdit::editingFinished, this, &MainWindow::applyPresence);
    connect(m_status, &QComboBox::activated, this, &MainWindow::applyPresence);
    return header;
}

QWidget *MainWindow::buildBanner()
{
    m_banner = new QWidget(this);
    m_banner->setObjectName(u"connectionBanner"_s);
    m_banner->setAutoFillBackground(true);
    QPalette palette = m_banner->palette();
    palette.setColor(QPalette::Window, palette.color(QPalette::ToolTipBase));
    palette.setColor(QPalette::WindowText, palette.color(QPalette::ToolTipText));
    m_banner->setPalette(palette);
    auto *layout = new QHBoxLayout(m_banner);
    layout->setContentsMargins(8, 6, 8, 6);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(u"connectionStatus"_s);
    m_bannerText->setWordWrap(true);
    layout->addWidget(m_bannerText, 1);
    m_banner->hide();
    return m_banner;
}

void MainWindow::buildMenus()
{
    QMenu *confab = menuBar()->addMenu(tr("&Confab"));
    QAction *newChat = confab->addAction(tr("&New Chat…"), this, &MainWindow::newChat);
    newChat->setShortcut(QKeySequence::New);
    confab->addAction(tr("&Add Contact…"), this, &MainWindow::addContact);
    confab->addAction(tr("Edit &Profile…"), this, &MainWindow::editProfile);
    confab->addSeparator();
    QAction *settings = confab->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    confab->addAction(tr("Sign &Out"), this, &MainWindow::signOutRequested);
    confab->addSeparator();
    QAction *quit = confab->addAction(tr("&Quit"), this, &MainWindow::quitRequested);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *showOffline = view->addAction(tr("Show &Offline Contacts"));
    showOffline->setObjectName(u"showOfflineAction"_s);
    showOffline->setCheckable(true);
    showOffline->setChecked(m_settings->showOfflineContacts());
    showOffline->setEnabled(!m_settings->isLocked(u"roster/showOffline"_s));
    connect(showOffline, &QAction::toggled, this,
        [this](bool checked) { m_settings->setValue(u"roster/showOffline"_s, checked); });
    QAction *sortByName = view->addAction(tr("Sort by &Name"));
    sortByName->setCheckable(true);
    sortByName->setChecked(m_settings->value(u"roster/sortByName"_s, false).toBool());
    const auto applySort = [this](bool byName) {
        m_filter->setSortMode(byName ? RosterFilterModel::SortMode::ByName : RosterFilterModel::SortMode::ByPresence);
        m_settings->setValue(u"roster/sortByName"_s, byName);
    };
    applySort(sortByName->isChecked());
    connect(sortByName, &QAction::toggled, this, applySort);
    QAction *find = view->addAction(tr("&Find Contact"), this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Confab"), this, [this] {
        QMessageBox::about(this, tr("About Confab"),
            tr("<p><b>Confab %1</b></p><p>A desktop messenger for the open XMPP network.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::retranslate()
{
    m_avatar->setAccessibleName(tr("Your picture"));
    m_name->setAccessibleName(tr("Your name"));
    m_presence->setAccessibleName(tr("Your presence"));
    m_status->setAccessibleName(tr("Your status message"));
    m_status->lineEdit()->setPlaceholderText(tr("Set a status message"));
    m_search->setAccessibleName(tr("Search contacts"));
    m_search->setPlaceholderText(tr("Search contacts"));
    m_bannerText->setAccessibleName(tr("Connection status"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateOwnIdentity(); // the window title
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::setPresence(Presence::Show show, const QString &status)
{
    m_presence->setCurrentIndex(qMax(0, m_presence->findData(int(show))));
    m_status->setCurrentText(status);
    applyPresence();
}

void MainWindow::applyPresence()
{
    const auto show = Presence::Show(m_presence->currentData().toInt());
    const QString status = m_status->currentText().trimmed();
    const Presence &own = m_session->presence()->ownPresence();
    if (own.show == show && own.status == status && own.type == Presence::Type::Available) {
        return;
    }
    m_settings->setValue(u"presence/show"_s, int(show));
    m_settings->setValue(u"presence/status"_s, status);
    if (!status.isEmpty() && !m_settings->recentStatusMessages().contains(status)) {
        m_settings->addRecentStatusMessage(status);
        m_status->insertItem(0, status);
    }
    m_session->presence()->setPresence(show, status); // kept for the next session when disconnected
    if (show == Presence::Show::Offline) {
        Q_EMIT offlineRequested();
    } else if (m_session->client().state() == Client::State::Disconnected) {
        Q_EMIT onlineRequested();
    }
}

void MainWindow::updateOwnIdentity()
{
    const Jid own = m_session->client().settings().jid.bare();
    setWindowTitle(tr("Confab — %1").arg(own.toString()));
    m_name->setText(own.toString());
    const qreal ratio = devicePixelRatioF();
    m_avatar->setPixmap(Avatar::pixmap(44, ratio, m_session->avatars()->avatar(own), own.local(), own.toString()));
}

void MainWindow::showConnecting()
{
    m_countdown->stop();
    m_bannerText->setText(tr("Connecting…"));
    m_banner->show();
}

void MainWindow::showConnectionLost(const ConnectionError &error, std::chrono::milliseconds retryIn)
{
    m_bannerReason = connectionErrorText(error);
    m_retryAt = std::chrono::steady_clock::now() + retryIn;
    updateBannerCountdown();
    m_banner->show();
    // A one-second tick only while the banner counts down: nothing fires when all is well.
    m_countdown->start();
}

void MainWindow::updateBannerCountdown()
{
    const auto left = std::chrono::duration_cast<std::chrono::seconds>(m_retryAt - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
        m_countdown->stop();
        m_bannerText->setText(tr("%1 Reconnecting…").arg(m_bannerReason));
        return;
    }
    m_bannerText->setText(tr("%1 Trying again in %n second(s).", nullptr, int(left.count())).arg(m_bannerReason));
}

void MainWindow::showConnected()
{
    m_countdown->stop();
    m_banner->hide();
}

void MainWindow::newChat()
{
    QStringList contacts;
    for (const RosterItem &item : m_session->roster()->items()) {
        contacts.append(item.jid.toString());
    }
    contacts.sort();
    bool ok = false;
    const QString text
        = QInputDialog::getItem(this, tr("New Chat"), tr("Chat with (name@example.com):"), contacts, -1, true, &ok);
    if (!ok || text.trimmed().isEmpty()) {
        return;
    }
    const Jid jid = Jid::fromString(text.trimmed());
    if (!jid.isValid() || jid.local().isEmpty()) {
        QMessageBox::warning(
            this, tr("New Chat"), tr("“%1” is not an address. Addresses look like name@example.com.").arg(text));
        return;
    }
    Q_EMIT chatRequested(jid.bare());
}

void MainWindow::addContact()
{
    showAddContact({});
}

void MainWindow::showAddContact(const QString &jid)
{
    showNormal();
    raise();
    activateWindow();
    auto *dialog = new AddContactDialog(m_session, this);
    if (!jid.isEmpty()) {
        dialog->setJid(jid);
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::editProfile()
{
    auto *dialog = new ProfileDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::removeContact(const Jid &contact)
{
    const auto answer = QMessageBox::question(this, tr("Remove Contact"),
        tr("Remove %1 from your contacts? You will no longer see each other's presence.").arg(contact.toString()));
    if (answer == QMessageBox::Yes) {
        m_session->roster()->remove(contact);
    }
}

void MainWindow::openSettings()
{ }

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Closing the contact list keeps Confab running in the tray when there is one.
    if (QSystemTrayIcon::isSystemTrayAvailable() && m_settings->value(u"tray/closeToTray"_s, true).toBool()) {
        hide();
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
    Q_EMIT quitRequested();
}

} // namespace confab::ui
