// The Editor under every editing view: one undo step per facade operation, undo and redo restore
// the exact document, typing in one field merges into one step, refused edits change nothing,
// read-only mode refuses, and the DocumentView's modified mark follows the undo stack.
#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace runway;
using runway::modeler::canvas::DocumentView;
using runway::modeler::canvas::Editor;

namespace {

std::unique_ptr<core::Document> readExample()
{
    auto r = core::BpmnReader::readFile(RUNWAY_SOURCE_DIR "/resources/examples/airline-checkin.bpmn");
    return std::move(r.document);
}

core::Element* firstOfType(core::Document& doc, core::BpmnType t)
{
    for (core::Element* e : doc.allElements())
        if (e->type == t)
            return e;
    return nullptr;
}

} // namespace

class TestEditor : public QObject {
    Q_OBJECT
private slots:
    void undoRedoRestoresTheExactDocument()
    {
        DocumentView view(readExample(), QStringLiteral("checkin.bpmn"));
        Editor& ed = view.editor();
        core::Document& doc = view.document();
        const std::string before = core::BpmnWriter::toString(doc);
        core::Element* task = firstOfType(doc, core::BpmnType::ServiceTask);
        QVERIFY(task);
        core::Element* ptr[] = {task};
        QVERIFY(ed.apply(ed.modeling().move(ptr, {40, 20}), QStringLiteral("Move")));
        QVERIFY(ed.apply(ed.modeling().setName(task, "Renamed"), QStringLiteral("Rename")));
        const std::string after = core::BpmnWriter::toString(doc);
        QVERIFY(after != before);
        QCOMPARE(ed.undoStack()->count(), 2);
        QVERIFY(view.isModified());

        ed.undoStack()->undo();
        ed.undoStack()->undo();
        QCOMPARE(core::BpmnWriter::toString(doc), before);
        QVERIFY(!view.isModified()); // back at the clean state
        ed.undoStack()->redo();
        ed.undoStack()->redo();
        QCOMPARE(core::BpmnWriter::toString(doc), after);
        QVERIFY(view.isModified());
    }

    void typingMergesIntoOneStep()
    {
        DocumentView view(readExample(), QString());
        Editor& ed = view.editor();
        core::Document& doc = view.document();
        const std::string before = core::BpmnWriter::toString(doc);
        core::Element* task = firstOfType(doc, core::BpmnType::ServiceTask);
        const QString key = QStringLiteral("name:") + QString::fromStdString(std::string(task->id()));
        for (const char* text : {"C", "Ch", "Che", "Chec", "Check"})
            QVERIFY(ed.apply(ed.modeling().setName(task, text), QStringLiteral("Rename"), Editor::MergeTyping, key));
        QCOMPARE(ed.undoStack()->count(), 1);
        QCOMPARE(std::string(task->name()), std::string("Check"));
        ed.undoStack()->undo();
        QCOMPARE(core::BpmnWriter::toString(doc), before);
    }

    void refusedAndReadOnlyEditsChangeNothing()
    {
        DocumentView view(readExample(), QString());
        Editor& ed = view.editor();
        core::Document& doc = view.document();
        const std::string before = core::BpmnWriter::toString(doc);
        QSignalSpy refused(&ed, &Editor::refused);
        core::Element* start = firstOfType(doc, core::BpmnType::StartEvent);
        core::Element* task = firstOfType(doc, core::BpmnType::ServiceTask);
        // Nothing may flow into a start event.
        QVERIFY(!ed.apply(ed.modeling().connect(task, start), QStringLiteral("Connect")));
        QCOMPARE(refused.count(), 1);
        QVERIFY(!refused.first().first().toString().isEmpty());

        ed.setReadOnly(true);
        core::Element* ptr[] = {task};
        QVERIFY(!ed.apply(ed.modeling().move(ptr, {10, 10}), QStringLiteral("Move")));
        QCOMPARE(refused.count(), 2);
        QCOMPARE(ed.undoStack()->count(), 0);
        QCOMPARE(core::BpmnWriter::toString(doc), before);
        QVERIFY(!view.isModified());
    }

    void savingMarksTheCleanState()
    {
        QTemporaryDir dir;
        DocumentView view(readExample(), QString());
        Editor& ed = view.editor();
        core::Element* task = firstOfType(view.document(), core::BpmnType::ServiceTask);
        QVERIFY(ed.apply(ed.modeling().setName(task, "One"), QStringLiteral("Rename")));
        QString error;
        QVERIFY2(view.saveAs(dir.filePath(QStringLiteral("a.bpmn")), &error), qPrintable(error));
        QVERIFY(!view.isModified());
        ed.undoStack()->undo(); // away from the saved state
        QVERIFY(view.isModified());
        ed.undoStack()->redo(); // back to it
        QVERIFY(!view.isModified());
    }
};

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
