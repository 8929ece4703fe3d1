// SPDX-License-Identifier: Apache-2.0
#include "account/LoginDialog.h"

#include "account/ConnectionErrorText.h"
#include "platform/Policy.h"
#include "stream/ConnectionError.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace confab::ui {

namespace {

QLabel *wrappingLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

} // namespace

LoginDialog::LoginDialog(QWidget *parent)
    : QDialog(parent)
    , m_heading(new QLabel(this))
    , m_form(new QFormLayout)
    , m_jidEdit(new QLineEdit(this))
    , m_passwordEdit(new QLineEdit(this))
    , m_confirmEdit(new QLineEdit(this))
    , m_rememberBox(new QCheckBox(tr("&Remember password"), this))
    , m_autoBox(new QCheckBox(tr("Sign in &automatically"), this))
    , m_keychainNote(wrappingLabel(u"keychainNote"_s, this))
    , m_status(wrappingLabel(u"status"_s, this))
    , m_certificatePanel(new QFrame(this))
    , m_certificateText(wrappingLabel(u"certificateText"_s, m_certificatePanel))
    , m_trustButton(new QPushButton(tr("&Trust this certificate"), m_certificatePanel))
    , m_advancedToggle(new QToolButton(this))
    , m_advanced(new QWidget(this))
    , m_hostEdit(new QLineEdit(m_advanced))
    , m_portSpin(new QSpinBox(m_advanced))
    , m_tlsCombo(new QComboBox(m_advanced))
    , m_caFileEdit(new QLineEdit(m_advanced))
    , m_caBrowse(new QPushButton(tr("&Browse…"), m_advanced))
    , m_modeButton(new QPushButton(this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_signInButton(m_buttons->addButton(tr("&Sign In"), QDialogButtonBox::AcceptRole))
    , m_cancelButton(m_buttons->addButton(QDialogButtonBox::Cancel))
{
    setObjectName(u"loginDialog"_s);
    setWindowTitle(tr("Confab — Sign in"));

    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    if (headingFont.pointSizeF() > 0) {
        headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    }
    m_heading->setObjectName(u"heading"_s);
    m_heading->setFont(headingFont);
    m_heading->setWordWrap(true);

    m_jidEdit->setObjectName(u"jid"_s);
    m_jidEdit->setPlaceholderText(tr("name@example.com"));
    m_jidEdit->setAccessibleName(tr("Address"));
    m_jidEdit->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    m_passwordEdit->setObjectName(u"password"_s);
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setAccessibleName(tr("Password"));
    m_confirmEdit->setObjectName(u"confirmPassword"_s);
    m_confirmEdit->setEchoMode(QLineEdit::Password);
    m_confirmEdit->setAccessibleName(tr("Confirm password"));
    m_rememberBox->setObjectName(u"rememberPassword"_s);
    m_rememberBox->setAccessibleName(tr("Remember password"));
    m_autoBox->setObjectName(u"autoSignIn"_s);
    m_autoBox->setAccessibleName(tr("Sign in automatically"));
    m_keychainNote->setAccessibleName(tr("Password storage"));
    m_keychainNote->setForegroundRole(QPalette::PlaceholderText);
    m_status->setAccessibleName(tr("Sign-in status"));

    // The refused certificate: who it names, its fingerprint, and the choice to trust it from now on.
    m_certificatePanel->setObjectName(u"certificatePanel"_s);
    m_certificatePanel->setFrameShape(QFrame::StyledPanel);
    m_certificateText->setAccessibleName(tr("Certificate"));
    m_certificateText->show();
    m_trustButton->setObjectName(u"trustCertificate"_s);
    m_trustButton->setAccessibleName(tr("Trust this certificate"));
    m_trustButton->setAutoDefault(false);
    auto *certificateLayout = new QVBoxLayout(m_certificatePanel);
    certificateLayout->addWidget(m_certificateText);
    certificateLayout->addWidget(m_trustButton, 0, Qt::AlignLeft);
    m_certificatePanel->hide();

    m_advancedToggle->setObjectName(u"advancedToggle"_s);
    m_advancedToggle->setText(tr("Advanced"));
    m_advancedToggle->setAccessibleName(tr("Advanced settings"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setArrowType(Qt::RightArrow);
    m_advancedToggle->setAutoRaise(true);
    m_advancedToggle->setFocusPolicy(Qt::StrongFocus);

    m_hostEdit->setObjectName(u"host"_s);
    m_hostEdit->setPlaceholderText(tr("Found from the address"));
    m_hostEdit->setAccessibleName(tr("Server"));
    m_portSpin->setObjectName(u"port"_s);
    m_portSpin->setRange(0, 65535);
    m_portSpin->setSpecialValueText(tr("Default"));
    m_portSpin->setAccessibleName(tr("Port"));
    m_tlsCombo->setObjectName(u"tlsMode"_s);
    m_tlsCombo->addItem(tr("STARTTLS (usual)"), int(TlsMode::StartTls));
    m_tlsCombo->addItem(tr("Direct TLS"), int(TlsMode::DirectTls));
    m_tlsCombo->setAccessibleName(tr("Encryption"));
    m_tlsCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_tlsCombo->setMinimumContentsLength(10);
    m_tlsCombo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_portSpin->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_caFileEdit->setObjectName(u"caFile"_s);
    m_caFileEdit->setPlaceholderText(tr("Only the system's certificates"));
    m_caFileEdit->setAccessibleName(tr("CA certificate file"));
    m_caBrowse->setObjectName(u"caFileBrowse"_s);
    m_caBrowse->setAccessibleName(tr("Choose a CA certificate file"));
    m_caBrowse->setAutoDefault(false);
    auto *caRow = new QHBoxLayout;
    caRow->setContentsMargins(0, 0, 0, 0);
    caRow->addWidget(m_caFileEdit, 1);
    caRow->addWidget(m_caBrowse);
    auto *advancedForm = new QFormLayout(m_advanced);
    advancedForm->setContentsMargins(0, 0, 0, 0);
    advancedForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    advancedForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    advancedForm->addRow(tr("Ser&ver:"), m_hostEdit);
    advancedForm->addRow(tr("P&ort:"), m_portSpin);
    advancedForm->addRow(tr("&Encryption:"), m_tlsCombo);
    // A row whose field is a layout gets no buddy by itself: the label's shortcut goes to the path field.
    auto *caLabel = new QLabel(tr("CA &file:"), m_advanced);
    caLabel->setBuddy(m_caFileEdit);
    advancedForm->addRow(caLabel, caRow);
    m_advanced->hide();

    m_modeButton->setObjectName(u"modeSwitch"_s);
    m_modeButton->setFlat(true);
    m_modeButton->setAutoDefault(false);
    m_modeButton->setCursor(Qt::PointingHandCursor);

    m_progress->setObjectName(u"progress"_s);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Connecting"));
    m_progress->hide();

    m_signInButton->setObjectName(u"signIn"_s);
    m_signInButton->setDefault(true);
    m_cancelButton->setObjectName(u"cancel"_s);
    m_cancelButton->setAutoDefault(false);

    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->addRow(tr("A&ddress:"), m_jidEdit);
    m_form->addRow(tr("&Password:"), m_passwordEdit);
    m_form->addRow(tr("&Confirm password:"), m_confirmEdit);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(m_form);
    layout->addWidget(m_rememberBox);
    layout->addWidget(m_keychainNote);
    layout->addWidget(m_autoBox);
    layout->addWidget(m_advancedToggle, 0, Qt::AlignLeft);
    layout->addWidget(m_advanced);
    layout->addWidget(m_status);
    layout->addWidget(m_certificatePanel);
    layout->addWidget(m_progress);
    layout->addStretch(1);
    layout->addWidget(m_modeButton, 0, Qt::AlignLeft);
    layout->addWidget(m_buttons);
    layout->setSizeConstraint(QLayout::SetMinAndMaxSize);
    setMinimumWidth(360);

    // Reading order: what a person fills in first, then options, then the buttons.
    setTabOrder(m_jidEdit, m_passwordEdit);
    setTabOrder(m_passwordEdit, m_confirmEdit);
    setTabOrder(m_confirmEdit, m_rememberBox);
    setTabOrder(m_rememberBox, m_autoBox);
    setTabOrder(m_autoBox, m_advancedToggle);
    setTabOrder(m_advancedToggle, m_hostEdit);
    setTabOrder(m_hostEdit, m_portSpin);
    setTabOrder(m_portSpin, m_tlsCombo);
    setTabOrder(m_tlsCombo, m_caFileEdit);
    setTabOrder(m_caFileEdit, m_caBrowse);
    setTabOrder(m_caBrowse, m_trustButton);
    setTabOrder(m_trustButton, m_modeButton);
    setTabOrder(m_modeButton, m_signInButton);
    setTabOrder(m_signInButton, m_cancelButton);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    connect(m_trustButton, &QPushButton::clicked, this, &LoginDialog::trustCertificate);
    connect(m_caBrowse, &QPushButton::clicked, this, &LoginDialog::chooseCaFile);
    connect(m_modeButton, &QPushButton::clicked, this,
        [this] { setMode(m_mode == Mode::SignIn ? Mode::CreateAccount : Mode::SignIn); });
    connect(m_advancedToggle, &QToolButton::toggled, this, [this](bool open) {
        m_advanced->setVisible(open);
        m_advancedToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_rememberBox, &QCheckBox::toggled, this, [this] {
        updateEnabled();
        updateKeychainNote();
    });
    connect(m_tlsCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_portSpin->setSpecialValueText(TlsMode(m_tlsCombo->currentData().toInt()) == TlsMode::DirectTls
                ? tr("Default (5223)")
                : tr("Default (5222)"));
    });
    m_portSpin->setSpecialValueText(tr("Default (5222)"));

    updateMode();
    updateEnabled();
    m_jidEdit->setFocus();
}

void LoginDialog::applyPolicy(const Policy &policy)
{
    m_domain = policy.value(u"account/domain"_s).toString().trimmed();
    m_domainLocked = !m_domain.isEmpty() && policy.isLocked(u"account/domain"_s);
    m_hostLocked = policy.isLocked(u"account/host"_s);
    m_portLocked = policy.isLocked(u"account/port"_s);
    m_tlsLocked = policy.isLocked(u"account/tls"_s);
    m_caFileLocked = policy.isLocked(u"account/caFile"_s);
    m_registrationAllowed = policy.value(u"account/allowRegistration"_s, true).toBool();
    m_rememberAllowed = policy.value(u"account/allowRememberPassword"_s, true).toBool();
    if (!m_domain.isEmpty()) {
        m_jidEdit->setPlaceholderText(tr("name@%1").arg(m_domain));
    }
    if (!m_rememberAllowed) {
        m_rememberBox->setChecked(false);
        m_autoBox->setChecked(false);
        m_rememberBox->setToolTip(tr("Your administrator does not allow remembering passwords."));
    }
    if (!m_registrationAllowed && m_mode == Mode::CreateAccount) {
        setMode(Mode::SignIn);
    }
    updateMode();
    updateEnabled();
}

void LoginDialog::setSettings(const ConnectionSettings &settings)
{
    m_jidEdit->setText(settings.jid.bareString());
    m_passwordEdit->setText(settings.password);
    m_confirmEdit->clear();
    m_hostEdit->setText(settings.host);
    m_portSpin->setValue(settings.port);
    m_tlsCombo->setCurrentIndex(std::max(0, m_tlsCombo->findData(int(settings.tlsMode))));
    m_caFileEdit->setText(settings.caFile);
    m_pinnedSha256 = settings.pinnedSha256;
    m_pinnedFor = settings.jid.domain();
    if (!m_busy) {
        (settings.jid.local().isEmpty() ? m_jidEdit : m_passwordEdit)->setFocus();
    }
    if (!settings.host.isEmpty() || settings.port != 0 || settings.tlsMode != TlsMode::StartTls
        || !settings.caFile.isEmpty()) {
        m_advancedToggle->setChecked(true);
    }
}

QString LoginDialog::completedJidText() const
{
    QString text = m_jidEdit->text().trimmed();
    if (!text.isEmpty() && !m_domain.isEmpty() && !text.contains(u'@')) {
        text += u'@' + m_domain;
    }
    return text;
}

ConnectionSettings LoginDialog::settings() const
{
    ConnectionSettings s;
    s.jid = Jid::fromString(completedJidText()).bare();
    s.password = m_passwordEdit->text();
    s.host = m_hostEdit->text().trimmed();
    s.port = quint16(m_portSpin->value());
    s.tlsMode = TlsMode(m_tlsCombo->currentData().toInt());
    s.caFile = m_caFileEdit->text().trimmed();
    if (s.jid.domain() == m_pinnedFor) {
        s.pinnedSha256 = m_pinnedSha256;
    }
    s.registerAccount = m_mode == Mode::CreateAccount;
    return s;
}

bool LoginDialog::rememberPassword() const
{
    return m_rememberAllowed && m_rememberBox->isChecked();
}

void LoginDialog::setRememberPassword(bool remember)
{
    m_rememberBox->setChecked(remember && m_rememberAllowed);
}

bool LoginDialog::autoSignIn() const
{
    return rememberPassword() && m_autoBox->isChecked();
}

void LoginDialog::setAutoSignIn(bool enabled)
{
    m_autoBox->setChecked(enabled && m_rememberAllowed);
}

void LoginDialog::setMode(Mode mode)
{
    if (mode == Mode::CreateAccount && !m_registrationAllowed) {
        return;
    }
    if (m_mode != mode) {
        m_mode = mode;
        setStatus(QString(), false);
        m_certificatePanel->hide();
    }
    updateMode();
}

void LoginDialog::updateMode()
{
    const bool create = m_mode == Mode::CreateAccount;
    m_heading->setText(create ? tr("Create a new account") : tr("Sign in to your chat account"));
    m_form->setRowVisible(m_confirmEdit, create);
    m_signInButton->setText(create ? tr("&Create Account") : tr("&Sign In"));
    m_signInButton->setAccessibleName(create ? tr("Create account") : tr("Sign in"));
    m_modeButton->setText(create ? tr("I already have an account") : tr("Create a new account…"));
    m_modeButton->setAccessibleName(m_modeButton->text());
    m_modeButton->setVisible(m_registrationAllowed);
}

void LoginDialog::setKeychainAvailable(bool available)
{
    m_keychainAvailable = available;
    updateKeychainNote();
}

void LoginDialog::updateKeychainNote()
{
    if (!m_keychainAvailable && m_rememberBox->isChecked()) {
        m_keychainNote->setText(tr("No password keychain answered on this computer, so your password will be "
                                   "kept for this session only and asked for again next time."));
        m_keychainNote->show();
    } else {
        m_keychainNote->hide();
    }
}

void LoginDialog::updateEnabled()
{
    const bool idle = !m_busy;
    m_jidEdit->setReadOnly(!idle);
    m_passwordEdit->setReadOnly(!idle);
    m_confirmEdit->setReadOnly(!idle);
    m_rememberBox->setEnabled(idle && m_rememberAllowed);
    m_autoBox->setEnabled(idle && m_rememberAllowed && m_rememberBox->isChecked());
    m_hostEdit->setEnabled(idle && !m_hostLocked);
    m_portSpin->setEnabled(idle && !m_portLocked);
    m_tlsCombo->setEnabled(idle && !m_tlsLocked);
    m_caFileEdit->setEnabled(idle && !m_caFileLocked);
    m_caBrowse->setEnabled(idle && !m_caFileLocked);
    m_trustButton->setEnabled(idle);
    m_modeButton->setEnabled(idle);
    m_signInButton->setEnabled(idle);
    m_cancelButton->setText(idle ? tr("Close") : tr("Cancel"));
    m_cancelButton->setAccessibleName(idle ? tr("Close") : tr("Cancel sign-in"));
    const QString lockedTip = tr("Set by your administrator");
    m_hostEdit->setToolTip(m_hostLocked ? lockedTip : QString());
    m_portSpin->setToolTip(m_portLocked ? lockedTip : QString());
    m_tlsCombo->setToolTip(m_tlsLocked ? lockedTip : QString());
    m_caFileEdit->setToolTip(m_caFileLocked ? lockedTip : QString());
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    if (busy) {
        m_certificatePanel->hide();
        setStatus(m_mode == Mode::CreateAccount ? tr("Creating your account…") : tr("Signing in…"), false);
    }
    const bool cancelHadFocus = m_cancelButton->hasFocus() || focusWidget() == m_cancelButton;
    updateEnabled();
    if (busy) {
        m_cancelButton->setFocus();
    } else if (cancelHadFocus) {
        m_passwordEdit->setFocus();
    }
}

void LoginDialog::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    QFont font = m_status->font();
    font.setBold(isError);
    m_status->setFont(font);
    m_status->setToolTip(QString());
}

void LoginDialog::showMessage(const QString &text)
{
    m_certificatePanel->hide();
    setStatus(text, false);
}

QString LoginDialog::statusText() const
{
    return m_status->isVisibleTo(this) ? m_status->text() : QString();
}

void LoginDialog::showError(const ConnectionError &error)
{
    setStatus(connectionErrorText(error), true);
    // libcore's own line (it names the host, the TLS problem...) for who wants the detail.
    m_status->setToolTip(error.message);
    m_certificatePanel->hide();
    using Kind = ConnectionError::Kind;
    switch (error.kind) {
    case Kind::CertificateRefused:
        if (error.certificateSha256.size() == 32) {
            m_offeredSha256 = error.certificateSha256;
            const QString subject
                = error.certificateSubject.isEmpty() ? tr("(no name given)") : error.certificateSubject;
            m_certificateText->setText(
                tr("Certificate issued to: %1\nSHA-256 fingerprint:\n%2\n\nTrust it only if "
                   "the server's administrator confirms this fingerprint.")
                    .arg(subject, ConnectionSettings::formatFingerprint(error.certificateSha256)));
            m_certificatePanel->show();
            m_trustButton->setFocus();
        }
        break;
    case Kind::AuthenticationFailed:
        m_passwordEdit->setFocus();
        m_passwordEdit->selectAll();
        break;
    case Kind::RegistrationFailed:
    case Kind::HostNotFound:
        m_jidEdit->setFocus();
        break;
    default:
        break;
    }
}

void LoginDialog::trustCertificate()
{
    if (m_offeredSha256.isEmpty() || m_busy) {
        return;
    }
    m_pinnedSha256 = m_offeredSha256;
    m_pinnedFor = Jid::fromString(completedJidText()).domain();
    m_certificatePanel->hide();
    accept();
}

void LoginDialog::chooseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a CA certificate"), m_caFileEdit->text(),
        tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty()) {
        m_caFileEdit->setText(file);
    }
}

void LoginDialog::accept()
{
    if (m_busy) {
        return;
    }
    const QString text = completedJidText();
    const auto parsed = Jid::parse(text);
    const Jid *jid = std::get_if<Jid>(&parsed);
    if (text.isEmpty() || !jid || jid->local().isEmpty()) {
        setStatus(tr("Enter your address, such as name@example.com."), true);
        m_jidEdit->setFocus();
        return;
    }
    if (m_domainLocked && jid->domain().compare(m_domain, Qt::CaseInsensitive) != 0) {
        setStatus(tr("On this computer you can only use addresses ending in @%1.").arg(m_domain), true);
        m_jidEdit->setFocus();
        return;
    }
    if (m_passwordEdit->text().isEmpty()) {
        setStatus(tr("Enter your password."), true);
        m_passwordEdit->setFocus();
        return;
    }
    if (m_mode == Mode::CreateAccount && m_confirmEdit->text() != m_passwordEdit->text()) {
        setStatus(tr("The two passwords are not the same."), true);
        m_confirmEdit->setFocus();
        m_confirmEdit->selectAll();
        return;
    }
    Q_EMIT signInRequested();
}

void LoginDialog::reject()
{
    if (m_busy) {
        Q_EMIT cancelRequested();
        return;
    }
    QDialog::reject();
}

} // namespace confab::ui
