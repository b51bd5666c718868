// The editable properties panel in the real main window: typing into its fields changes the
// document through the editor (typing in one field is one undo step, undo gives the exact bytes
// back), ids are renamed with their references and duplicates refused, timers and conditions are
// checked as typed, the default flow, message, loop kind, interrupting and called element are
// picked, a loop's settings are typed, the panel follows undo, and it is read-only during a simulation.
#include "MainWindow.h"
#include "PropertiesPanel.h"
#include "SimulationController.h"
#include "runway/core/BpmnWriter.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"
#include "tst_properties_fixtures.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using runway::app::MainWindow;
using runway::app::PropertiesPanel;
using runway::core::BpmnWriter;
using runway::core::Element;
using runway::modeler::canvas::DocumentView;

namespace {

std::string S(std::string_view s)
{
    return std::string(s);
}

/// The main window with the fixture open.
struct Session {
    QTemporaryDir dir;
    MainWindow w;
    bool ok = false;
    bool windowActive = false;

    Session()
    {
        const QString path = dir.path() + QStringLiteral("/properties.bpmn");
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(kPropertiesFixture) < 0)
            return;
        f.close();
        w.resize(1400, 900);
        w.show();
        w.activateWindow();
        if (!QTest::qWaitForWindowExposed(&w) || !w.openFile(path))
            return;
        // Typing needs the focus: the window is active offscreen (as ctest runs it); under a bare
        // X server without a window manager it may not become active, and only the picture is taken.
        windowActive = QTest::qWaitForWindowActive(&w, 1000);
        w.propertiesDock()->show();
        ok = true;
    }
    DocumentView* view() const { return w.currentView(); }
    PropertiesPanel* panel() const { return w.propertiesPanel(); }
    QUndoStack* undo() const { return view()->editor().undoStack(); }
    Element* operator()(std::string_view id) const { return view()->document().findById(id); }
    std::string bytes() const { return BpmnWriter::toString(view()->document()); }
    void select(const QString& id) { w.selectElement(id); }

    /// The field of the form shown (a form being replaced is hidden until it is deleted; a message
    /// under a field is hidden while it has nothing to say).
    template <typename T>
    T* field(const QString& name) const
    {
        for (T* f : panel()->findChildren<T*>(name))
            if (f->parentWidget()->isVisibleTo(panel()))
                return f;
        return nullptr;
    }
};

/// Types text into a line edit as a user does: focus, select what is there, type over it.
void typeOver(QWidget* edit, const QString& text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
}

int countMessages(const Session& s)
{
    return int(s.view()->document().root()->childrenOfType(runway::core::BpmnType::Message).size());
}

/// Picks the combo box entry with that text with the arrow keys, as a user does: each key press
/// moves to the next entry and is a change of its own.
bool pickWithKeys(QComboBox* combo, const QString& text)
{
    const int target = combo->findText(text);
    if (target < 0)
        return false;
    combo->setFocus();
    while (combo->currentIndex() != target) {
        const int was = combo->currentIndex();
        QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
        if (combo->currentIndex() == was)
            return false;
    }
    return true;
}

} // namespace

class TestProperties : public QObject {
    Q_OBJECT
private slots:
    void renameByTypingIsOneUndoStep()
    {
        Session s;
        QVERIFY(s.ok && s.windowActive);
        const std::string before = s.bytes();
        s.select(QStringLiteral("Task_Check"));
        QCOMPARE(s.panel()->elementId(), QStringLiteral("Task_Check"));
        auto* name = s.field<QLineEdit>(QStringLiteral("nameEdit"));
        QVERIFY(name);
        QCOMPARE(name->text(), QStringLiteral("Check passenger"));
        typeOver(name, QStringLiteral("Board passenger"));
        QCOMPARE(S(s("Task_Check")->name()), S("Board passenger"));
        QCOMPARE(s.undo()->count(), 1);
        // The field typed in survived the canvas's rebuild after each letter, with its cursor.
        QCOMPARE(s.field<QLineEdit>(QStringLiteral("nameEdit")), name);
        QVERIFY(name->hasFocus());
        QCOMPARE(name->cursorPosition(), int(QStringLiteral("Board passenger").size()));
        QCOMPARE(s.w.currentCanvas()->itemFor(QStringLiteral("Task_Check"))->item().label,
                 QStringLiteral("Board passenger"));
        QCOMPARE(s.panel()->value(QStringLiteral("Name")), QStringLiteral("Board passenger"));

        // Undo: the exact bytes, and the panel follows (even the field with the focus).
        s.undo()->undo();
        QCOMPARE(s.bytes(), before);
        QCOMPARE(name->text(), QStringLiteral("Check passenger"));
        QCOMPARE(s.panel()->value(QStringLiteral("Name")), QStringLiteral("Check passenger"));
        s.undo()->redo();
        QCOMPARE(name->text(), QStringLiteral("Board passenger"));
    }

    void idChangeRenamesReferences()
    {
        Session s;
        QVERIFY(s.ok && s.windowActive);
        const std::string before = s.bytes();
        s.select(QStringLiteral("Task_Check"));
        auto* id = s.field<QLineEdit>(QStringLiteral("idEdit"));
        QVERIFY(id);
        typeOver(id, QStringLiteral("Task_CheckPassenger"));
        QCOMPARE(S(s("Task_Check")->id()), S("Task_Check")); // applied when the field is left
        QTest::keyClick(id, Qt::Key_Return);
        Element* task = s("Task_CheckPassenger");
        QVERIFY(task);
        QVERIFY(!s("Task_Check"));
        QCOMPARE(S(s("F1")->attr("targetRef")), S("Task_CheckPassenger"));
        QCOMPARE(S(s("F2")->attr("sourceRef")), S("Task_CheckPassenger"));
        QCOMPARE(S(s("Boundary_Msg")->attr("attachedToRef")), S("Task_CheckPassenger"));
        QCOMPARE(S(s("Task_Check_di")->attr("bpmnElement")), S("Task_CheckPassenger"));
        QCOMPARE(s.undo()->count(), 1);
        // The canvas and the panel show the renamed element.
        QCOMPARE(s.w.currentCanvas()->selectedElementId(), QStringLiteral("Task_CheckPassenger"));
        QCOMPARE(s.panel()->elementId(), QStringLiteral("Task_CheckPassenger"));
        QTRY_VERIFY(s.field<QLineEdit>(QStringLiteral("idEdit")));
        QCOMPARE(s.field<QLineEdit>(QStringLiteral("idEdit"))->text(), QStringLiteral("Task_CheckPassenger"));
        s.undo()->undo();
        QCOMPARE(s.bytes(), before);
    }

    void duplicateAndInvalidIdsAreRefused()
    {
        Session s;
        QVERIFY(s.ok && s.windowActive);
        const std::string before = s.bytes();
        s.select(QStringLiteral("Task_Check"));
        auto* id = s.field<QLineEdit>(QStringLiteral("idEdit"));
        auto* message = s.field<QLabel>(QStringLiteral("idMessage"));
        QVERIFY(id && message);
        QVERIFY(!message->isVisibleTo(s.panel()));
        typeOver(id, QStringLiteral("Gateway_Ok"));
        QVERIFY(message->isVisibleTo(s.panel()));
        QVERIFY2(message->text().contains(QLatin1String("already used")), qPrintable(message->text()));
        QTest::keyClick(id, Qt::Key_Return);
        QVERIFY2(message->text().contains(QLatin1String("already used by 'OK?'")), qPrintable(message->text()));
        QVERIFY(message->isVisibleTo(s.panel()));
        QCOMPARE(message->property("error").toBool(), true);
        QCOMPARE(s.bytes(), before);
        QCOMPARE(s.undo()->count(), 0);
        QCOMPARE(s.panel()->elementId(), QStringLiteral("Task_Check"));

        typeOver(id, QStringLiteral("2nd task"));
        QVERIFY2(message->text().contains(QLatin1String("start with a letter")), qPrintable(message->text()));
        QTest::keyClick(id, Qt::Key_Return);
        QCOMPARE(s.bytes(), before);
        // A valid one clears the message.
        typeOver(id, QStringLiteral("Task_Second"));
        QVERIFY(!message->isVisibleTo(s.panel()));
    }

    void documentationIsMultiLine()
    {
        Session s;
        QVERIFY(s.ok && s.windowActive);
        const std::string before = s.bytes();
        s.select(QStringLiteral("Gateway_Ok"));
        auto* doc = s.field<QPlainTextEdit>(QStringLiteral("documentationEdit"));
        QVERIFY(doc);
        doc->setFocus();
        QTest::keyClicks(doc, QStringLiteral("First line"));
        QTest::keyClick(doc, Qt::Key_Return);
        QTest::keyClicks(doc, QStringLiteral("Second line"));
        const Element* d = s("Gateway_Ok")->childOfType(runway::core::BpmnType::Documentation);
        QVERIFY(d);
        QCOMPARE(d->textContent(), S("First line\nSecond line"));
        QCOMPARE(s.undo()->count(), 1);
        QCOMPARE(s.panel()->value(QStringLiteral("Documentation")), QStringLiteral("First line\nSecond line"));
        QCOMPARE(doc->textCursor().position(), int(QStringLiteral("First line\nSecond line").size()));
        s.undo()->undo();
        QCOMPARE(s.bytes(), before);
        QCOMPARE(doc->toPlainText(), QString());
    }

    void timerIsCheckedAndPreviewedAsTyped()
    {
        Session s;
        QVERIFY(s.ok && s.windowActive);
        const std::string before = s.bytes();
        s.select(QStringLiteral("Timer_Wait"));
        auto* kind = s.field<QComboBox>(QStringLiteral("timerKindCombo"));
        auto* value = s.field<QLineEdit>(QStringLiteral("timerEdit"));
        auto* preview = s.field<QLabel>(QStringLiteral("timerPreview"));
        QVERIFY(kind && value && preview);
        QCOMPARE(kind->currentText(), QStringLiteral("Cycle"));
        QCOMPARE(value->text(), QStringLiteral("R2/PT1H"));
        QCOMPARE(preview->text(), QStringLiteral("every hour, 2 times"));

        typeOver(value, QStringLiteral("R3/PT10"));
        QVERIFY(preview->property("error").toBool());
        QVERIFY2(preview->text().contains(QLatin1String("no unit")), qPrintable(preview->text()));
        // Applied as typed, also while it does not read yet.
        const Element* cycle = s("Timer_Wait_def")->child(runway::core::Ns::Model, "timeCycle");
        QVERIFY(cycle);
        QCOMPARE(QString::fromStdString(cycle->textContent()), QStringLiteral("R3/PT10"));
        QTest::keyClicks(value, QStringLiteral("M"));
        QVERIFY(!preview->property("error").toBool());
        QCOMPARE(preview->text(), QStringLiteral("every 10 minutes, 3 times"));
        QCOMPARE(s("Timer_Wait_def")->child(runway::core::Ns::Model, "timeCycle")->textContent(), S("R3/PT10M"));
        QCOMPARE(s.undo()->count(), 1);

        // Another kind: the value is now a cycle typed as a duration.
        QVERIFY(pickWithKeys(kind, QStringLiteral("Duration")));
        QVERIFY(s("Timer_Wait_def")->child(runway::core::Ns::Model, "timeDuration"));
        QVERIFY(!s("Timer_Wait_def")->child(runway::core::Ns::Model, "timeCycle"));
        QVERIFY(preview->property("error").toBool());
        QVERIFY2(preview->text().contains(QLatin1String("this is a cycle")), qPrintable(preview->text()));
        typeOver(value, QStringLiteral("PT2H30M"));
        QCOMPARE(preview->text(), QStringLiteral("after 2 hours and 30 minutes"));
        while (s.undo()->canUndo())
            s.undo()->undo();
        QCOMPARE(s.bytes(), before);
        QCOMPARE(kind->currentText(), QStringLiteral("Cycle"));
        QCOMPARE(value->text(), QStringLiteral("R2/PT1H"));
    }

    void conditionSyntaxErrorIsShown()
    {
        Session s;
        QVERIFY(s.ok && s.windowActive);
        s.select(QStringLiteral("F_yes"));
        auto* condition = s.field<QLineEdit>(QStringLiteral("conditionEdit"));
        auto* message = s.field<QLabel>(QStringLiteral("conditionMessage"));
        QVERIFY(condition && message);
        QCOMPARE(condition->text(), QStringLiteral("=ok"));
        QVERIFY(!message->isVisibleTo(s.panel()));
        typeOver(condition, QStringLiteral("=amount >"));
        QVERIFY(message->isVisibleTo(s.panel()));
        QVERIFY(message->property("error").toBool());
        QVERIFY(!message->text().isEmpty());
        if (const QString dir = qEnvironmentVariable("RUNWAY_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(s.w.propertiesDock()->grab().save(dir + QStringLiteral("/runway-properties-condition.png")));
        // Applied while typing (the document holds what was typed; for a Camunda 8 file the
        // deployability check lists it as c8-expression-invalid in the problems panel).
        QCOMPARE(s("F_yes")->child(runway::core::Ns::Model, "conditionExpression")->textContent(), S("=amount >"));
        QTest::keyClicks(condition, QStringLiteral(" 100"));
        QVERIFY(!message->isVisibleTo(s.panel()));
        QCOMPARE(s("F_yes")->child(runway::core::Ns::Model, "conditionExpression")->textContent(),
                 S("=amount > 100"));
        QCOMPARE(s.undo()->count(), 1);
        // Text that is no expression at all is pointed out.
        typeOver(condition, QStringLiteral("amount"));
        QVERIFY2(message->text().contains(QLatin1String("not an expression")), qPrintable(message->text()));
    }

    void defaultFlowIsPicked()
    {
        Session s;
        QVERIFY(s.ok && s.windowActive);
        const std::string before = s.bytes();
        s.select(QStringLiteral("Gateway_Ok"));
        auto* combo = s.field<QComboBox>(QStringLiteral("defaultFlowCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 3); // (none), yes, no
        QCOMPARE(combo->currentData().toString(), QString());
        QVERIFY(pickWithKeys(combo, QStringLiteral("yes (F_yes)")));
        if (const QString dir = qEnvironmentVariable("RUNWAY_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(s.w.propertiesDock()->grab().save(dir + QStringLiteral("/runway-properties-gateway.png")));
        QCOMPARE(S(s("Gateway_Ok")->attr("default")), S("F_yes"));
        QVERIFY(!s("F_yes")->child(runway::core::Ns::Model, "conditionExpression")); // a default has none
        QVERIFY(s("F_no")->child(runway::core::Ns::Model, "conditionExpression"));
        QCOMPARE(s.undo()->count(), 1);
        // The flow's condition field says why it is off.
        s.select(QStringLiteral("F_yes"));
        auto* condition = s.field<QLineEdit>(QStringLiteral("conditionEdit"));
        QVERIFY(condition);
        QVERIFY(!condition->isEnabled());
        s.select(QStringLiteral("Gateway_Ok"));
        s.undo()->undo();
        QCOMPARE(s.bytes(), before);
        QCOMPARE(s.field<QComboBox>(QStringLiteral("defaultFlowCombo"))->currentData().toString(), QString());
    }

    void messageIsPickedOrCreated()
    {
        Session s;
        QVERIFY(s.ok && s.windowActive);
        const std::string before = s.bytes();
        s.select(QStringLiteral("Boundary_Msg"));
        auto* combo = s.field<QComboBox>(QStringLiteral("eventRefCombo"));
        QVERIFY(combo);
        QVERIFY(combo->findText(QStringLiteral("Payment")) >= 0);
        QVERIFY(combo->findText(QStringLiteral("Reminder")) >= 0);
        QCOMPARE(combo->currentText(), QString());
        // Pick one of the list.
        typeOver(combo->lineEdit(), QStringLiteral("Reminder"));
        QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
        QCOMPARE(S(s("Boundary_Msg_def")->attr("messageRef")), S("Msg_Reminder"));
        QCOMPARE(countMessages(s), 2);
        // A new name creates a message.
        typeOver(combo->lineEdit(), QStringLiteral("Seat changed"));
        QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
        QCOMPARE(countMessages(s), 3);
        const Element* created = s.view()->document().resolve(s("Boundary_Msg_def")->attr("messageRef"));
        QVERIFY(created);
        QCOMPARE(S(created->name()), S("Seat changed"));
        QVERIFY(combo->findText(QStringLiteral("Seat changed")) >= 0);
        QCOMPARE(combo->currentText(), QStringLiteral("Seat changed"));
        QCOMPARE(s.undo()->count(), 2);
        s.undo()->undo();
        s.undo()->undo();
        QCOMPARE(s.bytes(), before);
        QCOMPARE(combo->currentText(), QString());
        QVERIFY(combo->findText(QStringLiteral("Seat changed")) < 0);
        // A receive task refers to a message too; leaving the old field (focus in it) does not
        // edit the newly selected element.
        s.select(QStringLiteral("Receive_Pay"));
        QCOMPARE(S(s("Receive_Pay")->attr("messageRef")), S("Msg_Payment"));
        QCOMPARE(s.field<QComboBox>(QStringLiteral("eventRefCombo"))->currentText(), QStringLiteral("Payment"));
    }

    void loopKindIsPicked()
    {
        Session s;
        QVERIFY(s.ok && s.windowActive);
        const std::string before = s.bytes();
        s.select(QStringLiteral("Task_Check"));
        auto* loop = s.field<QComboBox>(QStringLiteral("loopCombo"));
        QVERIFY(loop);
        QCOMPARE(loop->currentText(), QStringLiteral("None"));
        QVERIFY(pickWithKeys(loop, QStringLiteral("Multi-instance, sequential")));
        const Element* mi = s("Task_Check")->childOfType(runway::core::BpmnType::LoopCharacteristics);
        QVERIFY(mi);
        QCOMPARE(S(mi->local()), S("multiInstanceLoopCharacteristics"));
        QCOMPARE(S(mi->attr("isSequential")), S("true"));
        QVERIFY(pickWithKeys(loop, QStringLiteral("Standard loop")));
        QCOMPARE(S(s("Task_Check")->childOfType(runway::core::BpmnType::LoopCharacteristics)->local()),
                 S("standardLoopCharacteristics"));
        QCOMPARE(s.undo()->count(), 5); // one per key: None > Standard > Parallel > Sequential > Parallel > Standard
        while (s.undo()->canUndo())
            s.undo()->undo();
        QCOMPARE(s.bytes(), before);
        QCOMPARE(loop->currentText(), QStringLiteral("None"));
    }

    void standardLoopSettingsAreTyped()
    {
        Session s;
        QVERIFY(s.ok && s.windowActive);
        const std::string before = s.bytes();
        s.select(QStringLiteral("Task_Check"));
        // No loop: no settings shown.
        QVERIFY(!s.field<QLineEdit>(QStringLiteral("loopMaximumEdit")));
        QVERIFY(!s.field<QLineEdit>(QStringLiteral("loopCardinalityEdit")));
        QVERIFY(pickWithKeys(s.field<QComboBox>(QStringLiteral("loopCombo")), QStringLiteral("Standard loop")));
        auto* testBefore = s.field<QCheckBox>(QStringLiteral("loopTestBeforeCheck"));
        auto* maximum = s.field<QLineEdit>(QStringLiteral("loopMaximumEdit"));
        auto* condition = s.field<QLineEdit>(QStringLiteral("loopConditionEdit"));
        QVERIFY(testBefore && maximum && condition);
        QVERIFY(!s.field<QLineEdit>(QStringLiteral("loopCardinalityEdit"))); // the other kind's rows are hidden
        auto loop = [&] { return s("Task_Check")->childOfType(runway::core::BpmnType::LoopCharacteristics); };

        QTest::mouseClick(testBefore, Qt::LeftButton, Qt::NoModifier, QPoint(8, testBefore->height() / 2));
        QCOMPARE(S(loop()->attr("testBefore")), S("true"));
        typeOver(maximum, QStringLiteral("12"));
        QTest::keyClicks(maximum, QStringLiteral("-x.")); // the validator lets only digits through
        QCOMPARE(maximum->text(), QStringLiteral("12"));
        QCOMPARE(S(loop()->attr("loopMaximum")), S("12"));
        typeOver(condition, QStringLiteral("=count < 3"));
        const Element* c = loop()->child(runway::core::Ns::Model, "loopCondition");
        QVERIFY(c);
        QCOMPARE(c->textContent(), S("=count < 3"));
        QCOMPARE(S(c->attr(runway::core::Ns::Xsi, "type")), S("bpmn:tFormalExpression"));
        // A valid expression: nothing to say.
        QVERIFY(!s.field<QLabel>(QStringLiteral("loopConditionMessage"))->isVisibleTo(s.panel()));
        QCOMPARE(s.undo()->count(), 4); // kind, test before, maximum typed, condition typed

        // Emptying a field removes the setting.
        typeOver(maximum, QString());
        QTest::keyClick(maximum, Qt::Key_Delete);
        QVERIFY(!loop()->hasAttr("loopMaximum"));
        // Undo follows into the fields and gives the exact bytes back.
        s.undo()->undo();
        QCOMPARE(maximum->text(), QStringLiteral("12"));
        while (s.undo()->canUndo())
            s.undo()->undo();
        QCOMPARE(s.bytes(), before);
        QVERIFY(!s.field<QLineEdit>(QStringLiteral("loopMaximumEdit")));
    }

    void multiInstanceSettingsAreTyped()
    {
        Session s;
        QVERIFY(s.ok && s.windowActive);
        const std::string before = s.bytes();
        s.select(QStringLiteral("Task_Check"));
        auto* kind = s.field<QComboBox>(QStringLiteral("loopCombo"));
        QVERIFY(pickWithKeys(kind, QStringLiteral("Multi-instance, parallel")));
        QCOMPARE(s.undo()->count(), 2); // None > Standard > Parallel
        auto* cardinality = s.field<QLineEdit>(QStringLiteral("loopCardinalityEdit"));
        auto* completion = s.field<QLineEdit>(QStringLiteral("loopCompletionEdit"));
        QVERIFY(cardinality && completion);
        QVERIFY(!s.field<QLineEdit>(QStringLiteral("loopConditionEdit")));
        auto loop = [&] { return s("Task_Check")->childOfType(runway::core::BpmnType::LoopCharacteristics); };

        typeOver(cardinality, QStringLiteral("3")); // a plain count is a cardinality
        QVERIFY(!s.field<QLabel>(QStringLiteral("loopCardinalityMessage"))->isVisibleTo(s.panel()));
        QCOMPARE(loop()->child(runway::core::Ns::Model, "loopCardinality")->textContent(), S("3"));
        typeOver(completion, QStringLiteral("=done >"));
        auto* message = s.field<QLabel>(QStringLiteral("loopCompletionMessage"));
        QVERIFY(message && message->isVisibleTo(s.panel()));
        QVERIFY(message->property("error").toBool());
        QVERIFY(!message->text().isEmpty());
        QTest::keyClicks(completion, QStringLiteral(" 2"));
        QVERIFY(!message->isVisibleTo(s.panel()));
        QCOMPARE(loop()->child(runway::core::Ns::Model, "completionCondition")->textContent(), S("=done > 2"));
        QCOMPARE(s.undo()->count(), 4); // two kind steps, cardinality typed, completion typed

        // Another kind shows its own rows; undoing it shows these again with their values.
        QVERIFY(pickWithKeys(kind, QStringLiteral("Standard loop")));
        QVERIFY(s.field<QLineEdit>(QStringLiteral("loopConditionEdit")));
        QVERIFY(!s.field<QLineEdit>(QStringLiteral("loopCardinalityEdit")));
        s.undo()->undo();
        QCOMPARE(kind->currentText(), QStringLiteral("Multi-instance, parallel"));
        QCOMPARE(s.field<QLineEdit>(QStringLiteral("loopCardinalityEdit")), cardinality);
        QCOMPARE(cardinality->text(), QStringLiteral("3"));
        QCOMPARE(completion->text(), QStringLiteral("=done > 2"));
        while (s.undo()->canUndo())
            s.undo()->undo();
        QCOMPARE(s.bytes(), before);
    }

    void interruptingIsToggled()
    {
        Session s;
        QVERIFY(s.ok && s.windowActive);
        const std::string before = s.bytes();
        s.select(QStringLiteral("Boundary_Msg"));
        auto* check = s.field<QCheckBox>(QStringLiteral("interruptingCheck"));
        QVERIFY(check);
        QVERIFY(check->isChecked());
        QTest::mouseClick(check, Qt::LeftButton, Qt::NoModifier, QPoint(8, check->height() / 2));
        QCOMPARE(S(s("Boundary_Msg")->attr("cancelActivity")), S("false"));
        QVERIFY(!check->isChecked());
        QCOMPARE(s.undo()->count(), 1);
        s.undo()->undo();
        QCOMPARE(s.bytes(), before);
        QVERIFY(check->isChecked());
    }

    void calledElementIsPickedOrTyped()
    {
        Session s;
        QVERIFY(s.ok && s.windowActive);
        s.select(QStringLiteral("Call_Board"));
        auto* combo = s.field<QComboBox>(QStringLiteral("calledElementCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->currentText(), QStringLiteral("Process_Boarding"));
        typeOver(combo->lineEdit(), QStringLiteral("Process_Main"));
        QCOMPARE(S(s("Call_Board")->attr("calledElement")), S("Process_Main"));
        QCOMPARE(s.undo()->count(), 1);
        typeOver(combo->lineEdit(), QStringLiteral("other-file-process"));
        QCOMPARE(S(s("Call_Board")->attr("calledElement")), S("other-file-process"));
    }

    void readOnlyWhileTheEditorIs()
    {
        Session s;
        QVERIFY(s.ok && s.windowActive);
        const std::string before = s.bytes();
        s.select(QStringLiteral("Task_Check"));
        auto* name = s.field<QLineEdit>(QStringLiteral("nameEdit"));
        auto* note = s.panel()->findChild<QLabel*>(QStringLiteral("readOnlyNote"));
        QVERIFY(name && name->isEnabled() && note);
        QVERIFY(!note->isVisibleTo(s.panel()));
        // The editor's lock (Editor::readOnlyChanged): the fields are off, with a note.
        s.view()->editor().setReadOnly(true);
        QVERIFY(!name->isEnabled());
        QVERIFY(!s.field<QComboBox>(QStringLiteral("loopCombo"))->isEnabled());
        QVERIFY(note->isVisibleTo(s.panel()));
        QTest::keyClicks(name, QStringLiteral("X"));
        QCOMPARE(s.bytes(), before);
        // Also for the next element shown.
        s.select(QStringLiteral("Gateway_Ok"));
        QVERIFY(!s.field<QLineEdit>(QStringLiteral("nameEdit"))->isEnabled());
        s.view()->editor().setReadOnly(false);
        QVERIFY(s.field<QLineEdit>(QStringLiteral("nameEdit"))->isEnabled());
        QVERIFY(!note->isVisibleTo(s.panel()));

        // Simulation mode: the window turns the whole panel off.
        s.w.simulation()->toggleAction()->trigger();
        QVERIFY(!s.panel()->isEnabled());
        QTest::keyClicks(s.field<QLineEdit>(QStringLiteral("nameEdit")), QStringLiteral("X"));
        QCOMPARE(s.bytes(), before);
        QCOMPARE(s.undo()->count(), 0);
        s.w.simulation()->toggleAction()->trigger();
        QVERIFY(s.panel()->isEnabled());
    }

    void allAttributesAndSections()
    {
        Session s;
        QVERIFY(s.ok);
        auto* extra = new QLabel(QStringLiteral("Platform fields"));
        s.panel()->addSection(extra);
        s.select(QStringLiteral("Call_Board"));
        QVERIFY(extra->isVisibleTo(s.panel()));
        QTreeWidget* tree = s.panel()->attributesTree();
        QVERIFY(tree->isVisibleTo(s.panel()));
        QList<QTreeWidgetItem*> rows = tree->findItems(QStringLiteral("calledElement"), Qt::MatchExactly);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first()->text(1), QStringLiteral("Process_Boarding"));
        QCOMPARE(s.panel()->value(QStringLiteral("Type")), QStringLiteral("callActivity"));
        // The section sits below the type's fields and above the tree.
        QVERIFY(extra->mapTo(s.panel()->widget(), QPoint()).y() < tree->mapTo(s.panel()->widget(), QPoint()).y());

        // What the dock looks like (open the PNG to check by eye; the test checks it was drawn).
        s.select(QStringLiteral("Timer_Wait"));
        const QImage image = s.w.propertiesDock()->grab().toImage();
        QVERIFY(!image.isNull() && image.width() > 100);
        if (const QString dir = qEnvironmentVariable("RUNWAY_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(image.save(dir + QStringLiteral("/runway-properties-dock.png")));
    }
};

QTEST_MAIN(TestProperties)
#include "tst_properties.moc"
