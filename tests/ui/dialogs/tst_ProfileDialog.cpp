// SPDX-License-Identifier: Apache-2.0
// "My Profile" against a real Prosody (vcard_legacy, pep): the current vCard is loaded into the form, saving
// publishes a vCard another account reads, the avatar survives saving the profile (vcard_legacy deletes it
// when a vCard comes without PHOTO), and a new picture is scaled down and published.
#include "DialogTestSupport.h"
#include "dialogs/ProfileDialog.h"
#include "xmpp/vcard/VCardManager.h"

#include <QBuffer>
#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;
using namespace confab::ui;

namespace {

QByteArray png(QColor color, QSize size)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(color);
    image.setPixel(0, 0, qRgba(1, 2, 3, 255));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

VCard fetchCard(const SignedInAccount &reader, const Jid &whose)
{
    const auto result = await(reader->vcards()->fetch(whose));
    if (const auto *error = std::get_if<XmppError>(&result)) {
        qWarning().noquote() << "vCard fetch failed:" << describeError(*error);
        return {};
    }
    return std::get<VCard>(result);
}

AvatarManager::Avatar fetchAvatar(const SignedInAccount &reader, const Jid &whose)
{
    const auto result = await(reader->avatars()->fetchAvatar(whose));
    if (const auto *error = std::get_if<XmppError>(&result)) {
        qWarning().noquote() << "avatar fetch failed:" << describeError(*error);
        return {};
    }
    return std::get<AvatarManager::Avatar>(result);
}

QLineEdit *field(const QDialog &dialog, const QString &name)
{
    return dialog.findChild<QLineEdit *>(name);
}

} // namespace

class tst_ProfileDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void savedProfileIsReadByAnotherAccountAndKeepsTheAvatar();
    void newPictureIsScaledAndPublishedWithTheProfile();
    void notAnImageIsRefused();
    void loadFailureIsShownWithRetry();

private:
    ProsodyFixture m_server { ProsodyFixture::Options { .accounts = { u"alice"_s, u"bob"_s, u"carol"_s } } };
};

void tst_ProfileDialog::initTestCase()
{
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void tst_ProfileDialog::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(6000);
    }
}

void tst_ProfileDialog::savedProfileIsReadByAnotherAccountAndKeepsTheAvatar()
{
    auto alice = signIn(m_server, u"alice"_s);
    auto bob = signIn(m_server, u"bob"_s);
    QVERIFY(alice && bob);

    // alice already has an avatar and a vCard with a field the dialog does not show.
    const QByteArray picture = png(Qt::darkCyan, QSize(64, 64));
    QVERIFY(std::holds_alternative<std::monostate>(await((*alice)->avatars()->setOwnAvatar(picture))));
    const QString hash = (*alice)->avatars()->avatarHash(alice->bareJid);
    QVERIFY(!hash.isEmpty());
    {
        VCard card = fetchCard(*alice, {});
        QVERIFY(!card.photo.isEmpty());
        card.fullName = u"Alice A."_s;
        card.givenName = u"Alice"_s;
        card.emails = { u"old@example.test"_s, u"second@example.test"_s };
        QVERIFY(std::holds_alternative<std::monostate>(await((*alice)->vcards()->publish(card))));
    }

    ProfileDialog dialog(alice->session.get());
    QSignalSpy saved(&dialog, &ProfileDialog::saved);
    dialog.show();
    QVERIFY(!dialog.windowTitle().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded() && !dialog.isBusy(), 20000);
    QCOMPARE(field(dialog, u"fullName"_s)->text(), u"Alice A."_s);
    QCOMPARE(field(dialog, u"email"_s)->text(), u"old@example.test"_s);

    field(dialog, u"fullName"_s)->setText(u"王爱丽"_s);
    field(dialog, u"nickname"_s)->setText(u"爱丽"_s);
    field(dialog, u"email"_s)->setText(u"alice@example.test"_s);
    field(dialog, u"phone"_s)->setText(u"+86 10 1234 5678"_s);
    field(dialog, u"organisation"_s)->setText(u"示例公司"_s);
    field(dialog, u"url"_s)->setText(u"https://example.test/~alice"_s);
    dialog.findChild<QCheckBox *>(u"hasBirthday"_s)->setChecked(true);
    dialog.findChild<QDateEdit *>(u"birthday"_s)->setDate(QDate(1990, 5, 17));
    dialog.findChild<QPlainTextEdit *>(u"note"_s)->setPlainText(u"你好 — hello"_s);
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 20000);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const VCard read = fetchCard(*bob, alice->bareJid);
    QCOMPARE(read.fullName, u"王爱丽"_s);
    QCOMPARE(read.nickname, u"爱丽"_s);
    QCOMPARE(read.emails, (QStringList { u"alice@example.test"_s, u"second@example.test"_s }));
    QCOMPARE(read.phones, QStringList { u"+86 10 1234 5678"_s });
    QCOMPARE(read.organisation, u"示例公司"_s);
    QCOMPARE(read.url, u"https://example.test/~alice"_s);
    QCOMPARE(read.birthday, QDate(1990, 5, 17));
    QCOMPARE(read.note, u"你好 — hello"_s);
    QCOMPARE(read.givenName, u"Alice"_s); // not in the form, kept
    QCOMPARE(read.photo, picture);

    // The XEP-0084 avatar is still there, the same image.
    const AvatarManager::Avatar avatar = fetchAvatar(*bob, alice->bareJid);
    QCOMPARE(avatar.hash, hash);
    QCOMPARE(avatar.image.size(), QSize(64, 64));
}

void tst_ProfileDialog::newPictureIsScaledAndPublishedWithTheProfile()
{
    auto carol = signIn(m_server, u"carol"_s);
    auto bob = signIn(m_server, u"bob"_s, u"phone"_s);
    QVERIFY(carol && bob);

    ProfileDialog dialog(carol->session.get());
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded() && !dialog.isBusy(), 20000);
    QCOMPARE(field(dialog, u"fullName"_s)->text(), QString()); // no vCard yet

    QImage large(600, 300, QImage::Format_RGB32);
    large.fill(Qt::magenta);
    dialog.setAvatarImage(large);
    QVERIFY(!dialog.pendingAvatar().isEmpty());
    field(dialog, u"fullName"_s)->setText(u"Carol C."_s);
    QSignalSpy saved(&dialog, &ProfileDialog::saved);
    dialog.accept();
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 30000);

    const AvatarManager::Avatar avatar = fetchAvatar(*bob, carol->bareJid);
    QVERIFY(!avatar.hash.isEmpty());
    QCOMPARE(avatar.image.size(), QSize(192, 96));
    const VCard read = fetchCard(*bob, carol->bareJid);
    QCOMPARE(read.fullName, u"Carol C."_s);
    QVERIFY(!read.photo.isEmpty());
    QCOMPARE(QImage::fromData(read.photo).size(), QSize(192, 96));
}

void tst_ProfileDialog::notAnImageIsRefused()
{
    QTemporaryDir dir;
    AccountSession session(dir.path());
    ProfileDialog dialog(&session);
    const QString path = dir.filePath(u"notes.png"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is text, not a picture");
    file.close();
    QVERIFY(!dialog.setAvatarFile(path));
    QVERIFY(dialog.pendingAvatar().isEmpty());
}

void tst_ProfileDialog::loadFailureIsShownWithRetry()
{
    QTemporaryDir dir;
    AccountSession session(dir.path()); // never signed in: nothing can be loaded
    ProfileDialog dialog(&session);
    QSignalSpy failed(&dialog, &ProfileDialog::failed);
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QVERIFY(!dialog.isBusy());
    QVERIFY(!dialog.isLoaded());
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->isEnabled());
    QVERIFY(!field(dialog, u"fullName"_s)->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(u"status"_s)->isVisible());
    QCOMPARE(dialog.findChild<QLabel *>(u"status"_s)->text(), failed.first().first().toString());
    auto *retry = dialog.findChild<QPushButton *>(u"retry"_s);
    QVERIFY(retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 20000);
    QVERIFY(retry->isVisible());
}

QTEST_MAIN(tst_ProfileDialog)
#include "tst_ProfileDialog.moc"
