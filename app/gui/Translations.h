#pragma once

#include <QLocale>

class QCoreApplication;

namespace runway::app {

/// Installs Runway's translation for locale (built into the app from translations/runway_*.ts,
/// under :/i18n) and Qt's own, when they exist; English needs none. The translators are children
/// of app. Returns how many were installed.
int installTranslations(QCoreApplication& app, const QLocale& locale = QLocale());

} // namespace runway::app
