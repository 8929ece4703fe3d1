// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QHash>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QSpinBox;
class QStackedWidget;

namespace confab::ui {

class AppSettings;

/// "Settings": Account, Appearance, Notifications, Privacy, Chats and Language pages. Every change is
/// written to AppSettings at once (the window has only Close), so views following AppSettings::changed
/// update while the dialog is open. A setting the administrator's policy locks is shown disabled, with its
/// enforced value and the tooltip "Set by your administrator". Each control's object name is its settings
/// key ("privacy/receipts", ...).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Page { Account, Appearance, Notifications, Privacy, Chats, Language };
    Q_ENUM(Page)

    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);

    /// The account shown on the Account page ("alice@example.com"); empty when signed out.
    void setAccountJid(const QString &jid);
    void setCurrentPage(Page page);
    Page currentPage() const;
    /// The control bound to a settings key, or null.
    QWidget *controlFor(const QString &key) const { return m_controls.value(key); }

Q_SIGNALS:
    /// "Sign Out" on the Account page; the dialog closes itself.
    void signOutRequested();

private:
    QWidget *buildAccountPage();
    QWidget *buildAppearancePage();
    QWidget *buildNotificationsPage();
    QWidget *buildPrivacyPage();
    QWidget *buildChatsPage();
    QWidget *buildLanguagePage();
    void addPage(const QString &title, QWidget *page);

    QCheckBox *boolSetting(const QString &key, const QString &text, std::function<bool()> current);
    QComboBox *choiceSetting(
        const QString &key, const QList<std::pair<QString, QVariant>> &choices, std::function<QVariant()> current);
    QSpinBox *numberSetting(const QString &key, int minimum, int maximum, const QString &zeroText,
        const QString &suffix, std::function<int()> current);
    /// Marks `widget` as showing `key` (lock state, reload on change).
    void bind(const QString &key, QWidget *widget, std::function<void()> load);
    void reload(const QString &key);

    AppSettings *m_settings;
    QListWidget *m_pageList;
    QStackedWidget *m_pages;
    QLabel *m_accountJid;
    QHash<QString, QWidget *> m_controls;
    QHash<QString, std::function<void()>> m_loaders;
};

} // namespace confab::ui
