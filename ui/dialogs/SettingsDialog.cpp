// SPDX-License-Identifier: Apache-2.0
#include "dialogs/SettingsDialog.h"

#include "common/AppSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace confab::ui {

namespace {

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QFormLayout *formFor(QWidget *page)
{
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    return form;
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_pageList(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_accountJid(nullptr)
{
    setWindowTitle(tr("Settings"));

    m_pageList->setObjectName(u"pages"_s);
    m_pageList->setAccessibleName(tr("Settings pages"));
    m_pageList->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_pageList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // In Page's order.
    addPage(tr("Account"), buildAccountPage());
    addPage(tr("Appearance"), buildAppearancePage());
    addPage(tr("Notifications"), buildNotificationsPage());
    addPage(tr("Privacy"), buildPrivacyPage());
    addPage(tr("Chats"), buildChatsPage());
    addPage(tr("Language"), buildLanguagePage());
    m_pageList->setMaximumWidth(m_pageList->sizeHintForColumn(0) + 2 * m_pageList->frameWidth() + 24);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *columns = new QHBoxLayout;
    columns->addWidget(m_pageList);
    columns->addWidget(m_pages, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    setTabOrder(m_pageList, m_pages);
    setTabOrder(m_pages, buttons);

    connect(m_pageList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(settings, &AppSettings::changed, this, &SettingsDialog::reload);
    m_pageList->setCurrentRow(0);
    setMinimumSize(560, 380);
}

void SettingsDialog::addPage(const QString &title, QWidget *page)
{
    page->setAccessibleName(title);
    m_pageList->addItem(title);
    m_pages->addWidget(page);
}

void SettingsDialog::setCurrentPage(Page page)
{
    m_pageList->setCurrentRow(int(page));
}

SettingsDialog::Page SettingsDialog::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void SettingsDialog::setAccountJid(const QString &jid)
{
    m_accountJid->setText(jid.isEmpty() ? tr("Not signed in") : jid);
}

void SettingsDialog::bind(const QString &key, QWidget *widget, std::function<void()> load)
{
    widget->setObjectName(key);
    m_controls.insert(key, widget);
    m_loaders.insert(key, std::move(load));
    reload(key);
}

void SettingsDialog::reload(const QString &key)
{
    QWidget *widget = m_controls.value(key);
    if (!widget) {
        return;
    }
    {
        const QSignalBlocker blocker(widget);
        m_loaders.value(key)();
    }
    const bool locked = m_settings->isLocked(key);
    widget->setEnabled(!locked);
    widget->setToolTip(locked ? tr("Set by your administrator") : QString());
    widget->setAccessibleDescription(locked ? tr("Set by your administrator") : QString());
}

QCheckBox *SettingsDialog::boolSetting(const QString &key, const QString &text, std::function<bool()> current)
{
    auto *box = new QCheckBox(text, this);
    box->setAccessibleName(text);
    bind(key, box, [box, current] { box->setChecked(current()); });
    connect(box, &QCheckBox::toggled, this, [this, key](bool on) {
        if (!m_settings->setValue(key, on)) {
            reload(key);
        }
    });
    return box;
}

QComboBox *SettingsDialog::choiceSetting(
    const QString &key, const QList<std::pair<QString, QVariant>> &choices, std::function<QVariant()> current)
{
    auto *combo = new QComboBox(this);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const auto &[text, value] : choices) {
        combo->addItem(text, value);
    }
    bind(key, combo, [combo, current] { combo->setCurrentIndex(qMax(0, combo->findData(current()))); });
    connect(combo, &QComboBox::currentIndexChanged, this, [this, key, combo](int index) {
        if (index >= 0 && !m_settings->setValue(key, combo->itemData(index))) {
            reload(key);
        }
    });
    return combo;
}

QSpinBox *SettingsDialog::numberSetting(const QString &key, int minimum, int maximum, const QString &zeroText,
    const QString &suffix, std::function<int()> current)
{
    auto *spin = new QSpinBox(this);
    spin->setRange(minimum, maximum);
    spin->setSpecialValueText(zeroText);
    spin->setSuffix(suffix);
    bind(key, spin, [spin, current] { spin->setValue(current()); });
    connect(spin, &QSpinBox::valueChanged, this, [this, key](int value) {
        if (!m_settings->setValue(key, value)) {
            reload(key);
        }
    });
    return spin;
}

QWidget *SettingsDialog::buildAccountPage()
{
    auto *page = new QWidget(this);
    auto *form = formFor(page);
    m_accountJid = new QLabel(tr("Not signed in"), page);
    m_accountJid->setObjectName(u"accountJid"_s);
    m_accountJid->setTextFormat(Qt::PlainText);
    m_accountJid->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_accountJid->setAccessibleName(tr("Signed in as"));
    auto *signOut = new QPushButton(tr("Sign &Out"), page);
    signOut->setObjectName(u"signOut"_s);
    signOut->setAccessibleName(tr("Sign out"));
    signOut->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    connect(signOut, &QPushButton::clicked, this, [this] {
        Q_EMIT signOutRequested();
        accept();
    });
    form->addRow(tr("Signed in as:"), m_accountJid);
    form->addRow(QString(), signOut);
    return page;
}

QWidget *SettingsDialog::buildAppearancePage()
{
    auto *page = new QWidget(this);
    auto *form = formFor(page);
    AppSettings *s = m_settings;
    QComboBox *theme = choiceSetting(u"appearance/theme"_s,
        { { tr("Same as the system"), u"system"_s }, { tr("Light"), u"light"_s }, { tr("Dark"), u"dark"_s } }, [s] {
            switch (s->theme()) {
            case AppSettings::Theme::Light:
                return u"light"_s;
            case AppSettings::Theme::Dark:
                return u"dark"_s;
            case AppSettings::Theme::System:
                break;
            }
            return u"system"_s;
        });
    theme->setAccessibleName(tr("Theme"));
    QSpinBox *fontSize = numberSetting(
        u"appearance/fontSize"_s, 0, 48, tr("System default"), tr(" pt"), [s] { return s->fontSize(); });
    fontSize->setAccessibleName(tr("Font size"));
    form->addRow(tr("&Theme:"), theme);
    form->addRow(tr("&Font size:"), fontSize);
    return page;
}

QWidget *SettingsDialog::buildNotificationsPage()
{
    auto *page = new QWidget(this);
    auto *form = formFor(page);
    AppSettings *s = m_settings;
    form->addRow(boolSetting(u"notifications/enabled"_s, tr("Show a notification for new messages"),
        [s] { return s->notificationsEnabled(); }));
    return page;
}

QWidget *SettingsDialog::buildPrivacyPage()
{
    auto *page = new QWidget(this);
    auto *form = formFor(page);
    AppSettings *s = m_settings;
    form->addRow(boolSetting(
        u"privacy/chatStates"_s, tr("Let contacts see when I am typing"), [s] { return s->sendChatStates(); }));
    form->addRow(boolSetting(u"privacy/receipts"_s, tr("Send delivery receipts"), [s] { return s->sendReceipts(); }));
    form->addRow(boolSetting(u"privacy/readMarkers"_s, tr("Let contacts see when I have read their messages"),
        [s] { return s->sendReadMarkers(); }));
    return page;
}

QWidget *SettingsDialog::buildChatsPage()
{
    auto *page = new QWidget(this);
    auto *form = formFor(page);
    AppSettings *s = m_settings;
    QComboBox *windows = choiceSetting(u"chat/separateWindows"_s,
        { { tr("As tabs in one window"), false }, { tr("Each in its own window"), true } },
        [s] { return QVariant(s->separateChatWindows()); });
    windows->setAccessibleName(tr("Open chats"));
    form->addRow(tr("&Open chats:"), windows);
    form->addRow(
        boolSetting(u"roster/showOffline"_s, tr("Show offline contacts"), [s] { return s->showOfflineContacts(); }));
    QSpinBox *away = numberSetting(
        u"presence/autoAwayMinutes"_s, 0, 240, tr("Never"), tr(" min"), [s] { return s->autoAwayMinutes(); });
    away->setAccessibleName(tr("Away after idle minutes"));
    QSpinBox *extendedAway = numberSetting(u"presence/autoExtendedAwayMinutes"_s, 0, 1440, tr("Never"), tr(" min"),
        [s] { return s->autoExtendedAwayMinutes(); });
    extendedAway->setAccessibleName(tr("Extended away after idle minutes"));
    form->addRow(tr("&Away when idle for:"), away);
    form->addRow(tr("&Extended away when idle for:"), extendedAway);
    return page;
}

QWidget *SettingsDialog::buildLanguagePage()
{
    auto *page = new QWidget(this);
    auto *form = formFor(page);
    AppSettings *s = m_settings;
    // Each language in its own name (not translated), so that anyone finds theirs.
    QComboBox *language = choiceSetting(u"language"_s,
        { { tr("Same as the system"), QString() }, { u"English"_s, u"en"_s }, { u"简体中文"_s, u"zh_CN"_s },
            { u"繁體中文"_s, u"zh_TW"_s } },
        [s] { return QVariant(s->language()); });
    language->setAccessibleName(tr("Language"));
    form->addRow(tr("&Language:"), language);
    form->addRow(note(tr("A new language takes effect after Confab is restarted."), page));
    return page;
}

} // namespace confab::ui
