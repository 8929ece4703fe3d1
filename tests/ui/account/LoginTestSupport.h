// SPDX-License-Identifier: Apache-2.0
#pragma once

// Driving the sign-in flow as a person would: a profile directory, its settings, an AccountController, and
// the login dialog's fields found by object name and typed into with QTest.
#include "account/AccountController.h"
#include "account/LoginDialog.h"
#include "common/AppSettings.h"
#include "platform/Policy.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

namespace confab::test {

struct LoginProfile
{
    explicit LoginProfile(const Policy &policy = Policy())
        : settings(std::make_unique<ui::AppSettings>(dir.filePath(QStringLiteral("confab.ini")), policy))
        , controller(std::make_unique<ui::AccountController>(dir.path(), settings.get()))
    { }
    /// A second run of the app on the same profile: new settings read from the same file, a new controller.
    void restart(const Policy &policy = Policy())
    {
        controller.reset();
        settings.reset();
        settings = std::make_unique<ui::AppSettings>(dir.filePath(QStringLiteral("confab.ini")), policy);
        controller = std::make_unique<ui::AccountController>(dir.path(), settings.get());
    }

    QTemporaryDir dir;
    std::unique_ptr<ui::AppSettings> settings;
    std::unique_ptr<ui::AccountController> controller;
};

template <typename T> T *child(QWidget *parent, const QString &name)
{
    T *widget = parent->findChild<T *>(name);
    if (!widget) {
        qFatal("no widget named %s", qPrintable(name));
    }
    return widget;
}

/// Replaces what a line edit holds with `text`, typed.
inline void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    if (!text.isEmpty()) {
        QTest::keyClicks(edit, text);
    }
}

struct LoginInput
{
    QString jid;
    QString password;
    QString host;
    quint16 port = 0;
    QString caFile;
};

/// Fills the dialog (opening Advanced when a server is given) and presses Enter in the password field.
inline void signInWith(ui::LoginDialog *dialog, const LoginInput &input)
{
    typeInto(child<QLineEdit>(dialog, QStringLiteral("jid")), input.jid);
    typeInto(child<QLineEdit>(dialog, QStringLiteral("password")), input.password);
    auto *confirm = child<QLineEdit>(dialog, QStringLiteral("confirmPassword"));
    if (confirm->isVisible()) {
        typeInto(confirm, input.password);
    }
    auto *advanced = child<QToolButton>(dialog, QStringLiteral("advancedToggle"));
    if (!advanced->isChecked()) {
        QTest::mouseClick(advanced, Qt::LeftButton);
    }
    typeInto(child<QLineEdit>(dialog, QStringLiteral("host")), input.host);
    child<QSpinBox>(dialog, QStringLiteral("port"))->setValue(input.port);
    typeInto(child<QLineEdit>(dialog, QStringLiteral("caFile")), input.caFile);
    QTest::keyClick(child<QLineEdit>(dialog, QStringLiteral("password")), Qt::Key_Return);
}

inline QString statusOf(ui::LoginDialog *dialog)
{
    return dialog->statusText();
}

} // namespace confab::test
