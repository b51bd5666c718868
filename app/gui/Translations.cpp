#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace runway::app {

int installTranslations(QCoreApplication& app, const QLocale& locale)
{
    int installed = 0;
    auto tryInstall = [&](const QString& name, const QString& directory) {
        auto* translator = new QTranslator(&app);
        // QTranslator::load tries "name_de_DE", then "name_de", following the locale's UI languages.
        if (translator->load(locale, name, QStringLiteral("_"), directory) && app.installTranslator(translator)) {
            ++installed;
            return;
        }
        delete translator;
    };
    tryInstall(QStringLiteral("runway"), QStringLiteral(":/i18n"));
    tryInstall(QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return installed;
}

} // namespace runway::app
