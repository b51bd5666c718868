// runway: the desktop app. Everything but this file is in runway_app (Runway::AppLib), which the
// GUI tests link, so that they drive the very window users see.
#include "AppSettings.h"
#include "MainWindow.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#ifndef RUNWAY_VERSION
#define RUNWAY_VERSION "unknown"
#endif

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(runway::app::settingsOrganization());
    QCoreApplication::setApplicationName(runway::app::settingsApplication());
    QCoreApplication::setApplicationVersion(QStringLiteral(RUNWAY_VERSION));
    // Lets Wayland compositors and docks match the window to runway.desktop and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("runway"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/runway.svg")));
    runway::app::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Runway, a BPMN 2.0 modeler and simulator."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QCoreApplication::translate("main", "The BPMN 2.0 file to open."),
                                 QStringLiteral("[file]"));
    parser.process(app);

    runway::app::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        qWarning("runway: one file at a time for now; opening %s", qPrintable(files.first()));
    if (!files.isEmpty())
        window.openFile(files.first());
    return app.exec();
}
