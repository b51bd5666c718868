// runway_safety_helper: a child process for the tests of saving without loss. It opens a document,
// renames one element through the editor, as a user would, then
//   autosave <recovery folder> <file> <element id> <new name>
//       writes it to the recovery folder (Autosave), prints "autosaved" and waits to be killed;
//   save <file> <element id> <new name>
//       prints "saving", saves it over <file> through DocumentView::saveAs (the app's Save), and
//       prints "saved" (if it lives that long).
#include "Autosave.h"
#include "runway/core/BpmnReader.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"

#include <QApplication>
#include <QString>

#include <cstdio>

using runway::modeler::canvas::DocumentView;

namespace {

void say(const char* what)
{
    std::fputs(what, stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int usage()
{
    std::fputs("usage: runway_safety_helper autosave <folder> <file> <id> <name>\n"
               "       runway_safety_helper save <file> <id> <name>\n",
               stderr);
    return 2;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    const bool autosave = args.value(0) == QLatin1String("autosave");
    if (!(autosave && args.size() == 5) && !(args.value(0) == QLatin1String("save") && args.size() == 4))
        return usage();
    const int at = autosave ? 2 : 1;
    const QString file = args.at(at);
    auto read = runway::core::BpmnReader::readFile(file.toStdString());
    if (!read.document) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(file));
        return 1;
    }
    DocumentView view(std::move(read.document), file);
    auto& editor = view.editor();
    runway::core::Element* element = editor.element(args.at(at + 1));
    if (!element ||
        !editor.apply(editor.modeling().setName(element, args.at(at + 2).toStdString()), QStringLiteral("Rename"))) {
        std::fprintf(stderr, "cannot rename %s\n", qPrintable(args.at(at + 1)));
        return 1;
    }
    if (autosave) {
        runway::app::Autosave saver;
        const bool locked = saver.setFolder(args.at(1));
        saver.track(&view, file, {});
        if (!locked || !saver.writeNow(&view)) {
            std::fprintf(stderr, "cannot autosave: %s\n", qPrintable(saver.error()));
            return 1;
        }
        say("autosaved");
        return app.exec(); // until killed
    }
    say("saving");
    QString error;
    if (!view.saveAs(file, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    say("saved");
    return 0;
}
