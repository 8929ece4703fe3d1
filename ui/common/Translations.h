// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace confab::ui {

/// Installs Confab's and Qt's own translations for `language` ("en", "zh_CN", "zh_TW"; empty means the
/// system locale). Returns the language in effect.
QString installTranslations(const QString &language);

} // namespace confab::ui
