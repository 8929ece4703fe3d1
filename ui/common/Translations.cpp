// SPDX-License-Identifier: Apache-2.0
#include "common/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace confab::ui {

namespace {

/// zh_HK, zh_MO and zh_Hant read Traditional; every other Chinese locale Simplified.
QString chooseLanguage(const QLocale &locale)
{
    if (locale.language() != QLocale::Chinese) {
        return u"en"_s;
    }
    if (locale.script() == QLocale::TraditionalChineseScript || locale.territory() == QLocale::Taiwan
        || locale.territory() == QLocale::HongKong || locale.territory() == QLocale::Macau) {
        return u"zh_TW"_s;
    }
    return u"zh_CN"_s;
}

} // namespace

QString installTranslations(const QString &language)
{
    const QString chosen = language.isEmpty() ? chooseLanguage(QLocale::system()) : language;
    if (chosen == u"en") {
        return chosen;
    }
    auto *ours = new QTranslator(QCoreApplication::instance());
    if (ours->load(u":/i18n/confab_"_s + chosen + u".qm"_s)) {
        QCoreApplication::installTranslator(ours);
    }
    // Qt's own strings (standard buttons, context menus of text fields) from Debian's qt6-translations-l10n
    // when installed.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(u"qtbase_"_s + chosen, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
    QLocale::setDefault(QLocale(chosen));
    return chosen;
}

} // namespace confab::ui
