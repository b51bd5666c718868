// runway: the desktop app. Everything but this file is in runway_app (Runway::AppLib), which the
// GUI tests link, so that they drive the very window users see.
#include "AppSettings.h"
#include "MainWindow.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

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
                                 QCoreApplication::translate("main", "The BPMN 2.0 files to open, each in a tab."),
                                 QStringLiteral("[file...]"));
    // For documentation and checks: the window as shown, saved as an image, then quit.
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QCoreApplication::translate("main", "Save a picture of the window to <png> and quit."),
                                  QStringLiteral("png"));
    parser.addOption(screenshot);
    parser.process(app);

    runway::app::MainWindow window;
    window.show();
    // Documents a Runway that did not close normally autosaved: offered back before anything else
    // opens (not for a screenshot, which must not wait for an answer).
    if (!parser.isSet(screenshot))
        window.offerRecovery();
    for (const QString& file : parser.positionalArguments())
        window.openFile(file);
    if (parser.isSet(screenshot)) {
        const QString target = parser.value(screenshot);
        QTimer::singleShot(800, &window, [&window, target] {
            const bool saved = window.grab().save(target);
            if (!saved)
                qWarning("runway: cannot write %s", qPrintable(target));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
