// The properties panel's fields of each element type: a timer event's timer (checked and described
// as typed), a sequence flow's condition (syntax-checked), a gateway's or activity's default flow,
// an event's message/error/signal/escalation (picked or created by name), interrupting, an
// activity's loop (its kind and that kind's settings), and a call activity's called element.
#include "PropertiesPanel.h"

#include "runway/core/Expression.h"
#include "runway/core/Semantics.h"
#include "runway/core/modeling/TimerText.h"
#include "runway/modeler/canvas/Editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

namespace runway::app {

using core::BpmnType;
using core::Element;
using core::modeling::LoopKind;
using core::modeling::LoopSetting;
using core::modeling::Modeling;
using core::modeling::TimerKind;

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool is(const Element* e, BpmnType t)
{
    return e && e->isA(t);
}

/// The timer value element of a timer event definition (timeDate, timeDuration or timeCycle).
const Element* timerValue(const Element* definition, TimerKind* kind)
{
    for (const Element* c : definition->children()) {
        const std::string_view n = c->local();
        if (n == "timeDate" || n == "timeDuration" || n == "timeCycle") {
            *kind = n == "timeDate" ? TimerKind::Date : n == "timeDuration" ? TimerKind::Duration : TimerKind::Cycle;
            return c;
        }
    }
    return nullptr;
}

/// The sequence flows leaving node, in document order.
std::vector<Element*> outgoingFlows(Modeling& m, const Element* node)
{
    std::vector<Element*> out;
    for (Element* f : m.connectionsOf(node))
        if (f->type == BpmnType::SequenceFlow && m.ends(f).first == node)
            out.push_back(f);
    std::sort(out.begin(), out.end(), [](const Element* a, const Element* b) { return a->line < b->line; });
    return out;
}

QString labelOf(const Element* e)
{
    return e->name().empty() ? qs(e->id()) : QStringLiteral("%1 (%2)").arg(qs(e->name()), qs(e->id()));
}

/// What a message, error, signal or escalation reference is held by: the event definition (or the
/// send/receive task itself), the attribute, the root element type and its readable name.
struct Reference {
    Element* holder = nullptr;
    const char* attribute = nullptr;
    BpmnType rootType = BpmnType::Count;
    const char* title = nullptr;
};

Reference referenceOf(Element* e)
{
    if (is(e, BpmnType::ReceiveTask) || is(e, BpmnType::SendTask))
        return {e, "messageRef", BpmnType::Message, QT_TRANSLATE_NOOP("runway::app::PropertiesPanel", "Message")};
    if (!is(e, BpmnType::Event))
        return {};
    for (Element* d : core::sem::eventDefinitions(e)) {
        switch (d->type) {
        case BpmnType::MessageEventDefinition:
            return {d, "messageRef", BpmnType::Message, QT_TRANSLATE_NOOP("runway::app::PropertiesPanel", "Message")};
        case BpmnType::ErrorEventDefinition:
            return {d, "errorRef", BpmnType::Error, QT_TRANSLATE_NOOP("runway::app::PropertiesPanel", "Error")};
        case BpmnType::SignalEventDefinition:
            return {d, "signalRef", BpmnType::Signal, QT_TRANSLATE_NOOP("runway::app::PropertiesPanel", "Signal")};
        case BpmnType::EscalationEventDefinition:
            return {d, "escalationRef", BpmnType::Escalation,
                    QT_TRANSLATE_NOOP("runway::app::PropertiesPanel", "Escalation")};
        default: break;
        }
    }
    return {};
}

/// The syntax problem of a condition as typed, or empty.
QString conditionProblem(const QString& text)
{
    if (text.trimmed().isEmpty())
        return {};
    const core::ExpressionResult r = core::Expression::compile(text.toStdString());
    if (!r)
        return QString::fromStdString(r.error.message);
    if (r->isStatic())
        return PropertiesPanel::tr("not an expression: a condition is FEEL (=amount > 100) or JUEL (${amount > 100})");
    return {};
}

/// The loop kind of an activity as the loop combo offers it.
LoopKind loopKindOf(const Element* activity)
{
    const Element* loop = activity ? activity->childOfType(BpmnType::LoopCharacteristics) : nullptr;
    if (!loop)
        return LoopKind::None;
    return loop->local() == "standardLoopCharacteristics" ? LoopKind::Standard
           : loop->attr("isSequential") == "true"         ? LoopKind::Sequential
                                                          : LoopKind::Parallel;
}

/// A loop setting as written: the attribute's value or the expression's text (empty when none).
std::string loopSettingText(const Element* activity, LoopSetting which)
{
    const Element* loop = activity ? activity->childOfType(BpmnType::LoopCharacteristics) : nullptr;
    if (!loop)
        return {};
    if (which == LoopSetting::TestBefore)
        return std::string(loop->attr("testBefore"));
    if (which == LoopSetting::LoopMaximum)
        return std::string(loop->attr("loopMaximum"));
    const char* child = which == LoopSetting::LoopCondition     ? "loopCondition"
                        : which == LoopSetting::LoopCardinality ? "loopCardinality"
                                                                : "completionCondition";
    const Element* x = loop->child(core::Ns::Model, child);
    return x ? x->textContent() : std::string();
}

/// The syntax problem of a loop setting as typed, or empty: the expressions are checked as a
/// sequence flow's condition is; a cardinality may also be a plain count.
QString loopSettingProblem(LoopSetting which, const QString& text)
{
    if (which == LoopSetting::TestBefore || which == LoopSetting::LoopMaximum)
        return {};
    if (which == LoopSetting::LoopCardinality) {
        bool count = false;
        text.trimmed().toUInt(&count);
        if (count)
            return {};
    }
    return conditionProblem(text);
}

} // namespace

// ---------------------------------------------------------------- timer

void PropertiesPanel::buildTimer(Element* e)
{
    Element* definition = e->childOfType(BpmnType::TimerEventDefinition);
    if (!definition)
        return;
    QFormLayout* form = addGroup(tr("Timer"), QStringLiteral("timerGroup"));
    auto* kind = new QComboBox;
    kind->setObjectName(QStringLiteral("timerKindCombo"));
    kind->addItem(tr("Date"), int(TimerKind::Date));
    kind->addItem(tr("Duration"), int(TimerKind::Duration));
    kind->addItem(tr("Cycle"), int(TimerKind::Cycle));
    form->addRow(tr("Kind"), kind);
    auto* value = new QLineEdit;
    value->setObjectName(QStringLiteral("timerEdit"));
    value->setPlaceholderText(tr("PT10M, R3/PT10M, 2026-12-01T09:00:00Z or =expression"));
    form->addRow(tr("Value"), value);
    QLabel* preview = addMessage(form, QStringLiteral("timerPreview"));

    auto currentKind = [kind] { return TimerKind(kind->currentData().toInt()); };
    auto describe = [this, preview, value, currentKind] {
        const core::modeling::TimerText t = core::modeling::checkTimer(currentKind(), value->text().toStdString());
        showMessage(preview, QString::fromStdString(t.valid ? t.preview : t.error), !t.valid);
    };
    connect(value, &QLineEdit::textEdited, this, [this, value, currentKind, describe](const QString& text) {
        describe();
        Element* event = element();
        edit(value, tr("Edit timer"), QStringLiteral("timer"),
             [&](Modeling& m) { return m.setTimer(event, currentKind(), text.toStdString()); });
    });
    connect(kind, &QComboBox::activated, this, [this, kind, value, currentKind, describe] {
        describe();
        Element* event = element();
        edit(kind, tr("Change timer kind"), {},
             [&](Modeling& m) { return m.setTimer(event, currentKind(), value->text().toStdString()); });
    });
    addField(kind, [this, kind] {
        TimerKind k = TimerKind::Duration;
        if (const Element* d = element()->childOfType(BpmnType::TimerEventDefinition); d && timerValue(d, &k))
            kind->setCurrentIndex(kind->findData(int(k))); // no value: the kind chosen stays
    });
    addField(value, [this, value, describe] {
        TimerKind k = TimerKind::Duration;
        const Element* d = element()->childOfType(BpmnType::TimerEventDefinition);
        const Element* v = d ? timerValue(d, &k) : nullptr;
        const QString text = v ? QString::fromStdString(v->textContent()).trimmed() : QString();
        if (value->text() != text) {
            const int cursor = value->cursorPosition();
            value->setText(text);
            value->setCursorPosition(std::min(cursor, int(text.size())));
        }
        describe();
    });
}

// ---------------------------------------------------------------- condition

void PropertiesPanel::buildCondition(Element* e)
{
    if (e->type != BpmnType::SequenceFlow || !m_editor)
        return;
    const Element* source = m_editor->document().resolve(e->attr("sourceRef"));
    if (is(source, BpmnType::ParallelGateway) || is(source, BpmnType::EventBasedGateway))
        return; // their flows have no conditions
    QFormLayout* form = addGroup(tr("Condition"), QStringLiteral("conditionGroup"));
    auto* condition = new QLineEdit;
    condition->setObjectName(QStringLiteral("conditionEdit"));
    form->addRow(tr("Expression"), condition);
    QLabel* message = addMessage(form, QStringLiteral("conditionMessage"));
    // Applied as typed, even while it does not parse yet (the validator reports it too); the
    // syntax error shows under the field.
    connect(condition, &QLineEdit::textEdited, this, [this, condition, message](const QString& text) {
        Element* flow = element();
        const QString refused = edit(condition, tr("Edit condition"), QStringLiteral("condition"),
                                     [&](Modeling& m) { return m.setCondition(flow, text.toStdString()); });
        showMessage(message, refused.isEmpty() ? conditionProblem(text) : refused, true);
    });
    addField(condition, [this, condition, message] {
        Element* flow = element();
        const Element* from = m_editor->document().resolve(flow->attr("sourceRef"));
        const bool isDefault = from && from->attr("default") == flow->id();
        condition->setEnabled(!isDefault);
        condition->setPlaceholderText(isDefault ? tr("The default flow has no condition")
                                                : tr("=amount > 100 (FEEL) or ${amount > 100} (JUEL)"));
        const Element* c = flow->child(core::Ns::Model, "conditionExpression");
        const QString text = c ? QString::fromStdString(c->textContent()) : QString();
        if (condition->text() != text) {
            const int cursor = condition->cursorPosition();
            condition->setText(text);
            condition->setCursorPosition(std::min(cursor, int(text.size())));
        }
        showMessage(message, conditionProblem(text), true);
    });
}

// ---------------------------------------------------------------- default flow

void PropertiesPanel::buildDefaultFlow(Element* e)
{
    const bool gateway =
        is(e, BpmnType::ExclusiveGateway) || is(e, BpmnType::InclusiveGateway) || is(e, BpmnType::ComplexGateway);
    if (!m_editor || !(gateway || (is(e, BpmnType::Activity) && outgoingFlows(m_editor->modeling(), e).size() >= 2)))
        return;
    QFormLayout* form = addGroup(tr("Default flow"), QStringLiteral("defaultFlowGroup"));
    auto* combo = new QComboBox;
    combo->setObjectName(QStringLiteral("defaultFlowCombo"));
    combo->setToolTip(tr("The flow taken when no condition of the others is true"));
    form->addRow(tr("Default"), combo);
    QLabel* message = addMessage(form, QStringLiteral("defaultFlowMessage"));
    connect(combo, &QComboBox::activated, this, [this, combo, message] {
        Element* node = element();
        Element* flow = m_editor->element(combo->currentData().toString());
        const QString refused = edit(combo, flow ? tr("Set default flow") : tr("Remove default flow"), {},
                                     [&](Modeling& m) { return m.setDefaultFlow(node, flow); });
        showMessage(message, refused, true);
    });
    addField(combo, [this, combo] {
        Element* node = element();
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(tr("(none)"), QString());
        for (const Element* f : outgoingFlows(m_editor->modeling(), node))
            combo->addItem(labelOf(f), qs(f->id()));
        combo->setCurrentIndex(std::max(0, combo->findData(qs(node->attr("default")))));
    });
}

// ---------------------------------------------------------------- message, error, signal, escalation

void PropertiesPanel::buildEventReference(Element* e)
{
    const Reference ref = referenceOf(e);
    if (!ref.holder || !m_editor)
        return;
    QFormLayout* form = addGroup(tr(ref.title), QStringLiteral("eventRefGroup"));
    auto* combo = new QComboBox;
    combo->setObjectName(QStringLiteral("eventRefCombo"));
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->lineEdit()->setPlaceholderText(tr("Pick one, or type a new name"));
    combo->setToolTip(tr("A name of the list, or a new name: a new %1 is created").arg(tr(ref.title).toLower()));
    form->addRow(tr("Name"), combo);
    QLabel* message = addMessage(form, QStringLiteral("eventRefMessage"));
    const QString title = tr(ref.title);
    auto current = [this] {
        const Reference r = referenceOf(element());
        const Element* target = r.holder ? m_editor->document().resolve(r.holder->attr(r.attribute)) : nullptr;
        return target ? (target->name().empty() ? qs(target->id()) : qs(target->name())) : QString();
    };
    // Picked from the list, or typed (Return or leaving the field): a new name creates one.
    auto apply = [this, combo, message, current, title](const QString& text) {
        const QString name = text.trimmed();
        if (!element() || name == current())
            return;
        Element* event = element();
        const QString refused =
            edit(combo, name.isEmpty() ? tr("Remove %1").arg(title.toLower()) : tr("Set %1").arg(title.toLower()), {},
                 [&](Modeling& m) { return m.setEventRef(event, name.toStdString()); });
        showMessage(message, refused, true);
        refresh(); // the list gains a new one
    };
    connect(combo, &QComboBox::textActivated, this, apply);
    connect(combo->lineEdit(), &QLineEdit::editingFinished, this, [combo, apply] { apply(combo->currentText()); });
    addField(combo, [this, combo, current] {
        const Reference r = referenceOf(element());
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(QString());
        for (const Element* root : m_editor->document().root()->childrenOfType(r.rootType))
            if (!root->name().empty())
                combo->addItem(qs(root->name()), qs(root->id()));
        const QString now = current();
        const int at = combo->findText(now);
        if (at >= 0)
            combo->setCurrentIndex(at);
        else
            combo->setEditText(now);
    });
}

// ---------------------------------------------------------------- interrupting

void PropertiesPanel::buildInterrupting(Element* e)
{
    const bool boundary = e->type == BpmnType::BoundaryEvent;
    const bool eventSubProcessStart = e->type == BpmnType::StartEvent && e->parent &&
                                      is(e->parent, BpmnType::SubProcess) &&
                                      e->parent->attr("triggeredByEvent") == "true";
    if (!boundary && !eventSubProcessStart)
        return;
    QFormLayout* form = addGroup(tr("Interrupting"), QStringLiteral("interruptingGroup"));
    auto* check = new QCheckBox(boundary ? tr("Cancels the activity") : tr("Interrupts the process"));
    check->setObjectName(QStringLiteral("interruptingCheck"));
    form->addRow(check);
    QLabel* message = addMessage(form, QStringLiteral("interruptingMessage"));
    const char* attribute = boundary ? "cancelActivity" : "isInterrupting";
    connect(check, &QCheckBox::clicked, this, [this, check, message](bool on) {
        Element* event = element();
        const QString refused = edit(check, on ? tr("Make interrupting") : tr("Make non-interrupting"), {},
                                     [&](Modeling& m) { return m.setInterrupting(event, on); });
        showMessage(message, refused, true);
        if (!refused.isEmpty())
            refresh();
    });
    addField(check, [this, check, attribute] { check->setChecked(element()->attr(attribute) != "false"); });
}

// ---------------------------------------------------------------- loop

void PropertiesPanel::buildLoop(Element* e)
{
    if (!is(e, BpmnType::Activity))
        return;
    QFormLayout* form = addGroup(tr("Loop"), QStringLiteral("loopGroup"));
    auto* combo = new QComboBox;
    combo->setObjectName(QStringLiteral("loopCombo"));
    combo->addItem(tr("None"), int(LoopKind::None));
    combo->addItem(tr("Standard loop"), int(LoopKind::Standard));
    combo->addItem(tr("Multi-instance, parallel"), int(LoopKind::Parallel));
    combo->addItem(tr("Multi-instance, sequential"), int(LoopKind::Sequential));
    form->addRow(tr("Repeat"), combo);
    connect(combo, &QComboBox::activated, this, [this, combo] {
        Element* activity = element();
        const auto kind = LoopKind(combo->currentData().toInt());
        edit(combo, tr("Change loop"), {}, [&](Modeling& m) { return m.setLoop(activity, kind); });
    });
    addField(combo, [this, combo] {
        const LoopKind kind = loopKindOf(element());
        combo->setCurrentIndex(combo->findData(int(kind)));
    });

    // The settings of each kind, in a box of their own shown while the activity has that kind
    // (the box, not the combo, follows the document: the combo is skipped while it edits).
    auto addLoopRows = [form](const QString& objectName) {
        auto* box = new QWidget;
        box->setObjectName(objectName);
        auto* rows = new QFormLayout(box);
        rows->setContentsMargins(0, 0, 0, 0);
        rows->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        rows->setRowWrapPolicy(QFormLayout::WrapLongRows);
        form->addRow(box);
        return rows;
    };
    // A line edit of one setting, applied as typed (one undo step per field), with its message.
    auto addLoopSetting = [this](QFormLayout* rows, const QString& label, const QString& name, LoopSetting which,
                                 const QString& placeholder) {
        auto* line = new QLineEdit;
        line->setObjectName(name + QStringLiteral("Edit"));
        line->setPlaceholderText(placeholder);
        rows->addRow(label, line);
        QLabel* message = addMessage(rows, name + QStringLiteral("Message"));
        connect(line, &QLineEdit::textEdited, this, [this, line, message, which, name](const QString& text) {
            Element* activity = element();
            const QString refused = edit(line, tr("Edit loop"), name, [&](Modeling& m) {
                return m.setLoopSetting(activity, which, text.toStdString());
            });
            showMessage(message, refused.isEmpty() ? loopSettingProblem(which, text) : refused, true);
        });
        addField(line, [this, line, message, which] {
            const QString text = QString::fromStdString(loopSettingText(element(), which));
            if (line->text() != text) {
                const int cursor = line->cursorPosition();
                line->setText(text);
                line->setCursorPosition(std::min(cursor, int(text.size())));
            }
            showMessage(message, loopSettingProblem(which, text), true);
        });
        return line;
    };
    QFormLayout* standard = addLoopRows(QStringLiteral("loopStandardRows"));
    QFormLayout* multi = addLoopRows(QStringLiteral("loopMultiRows"));
    addField(standard->parentWidget(), [this, standard, multi] {
        const LoopKind kind = loopKindOf(element());
        standard->parentWidget()->setVisible(kind == LoopKind::Standard);
        multi->parentWidget()->setVisible(kind == LoopKind::Parallel || kind == LoopKind::Sequential);
    });

    auto* testBefore = new QCheckBox(tr("Test before"));
    testBefore->setObjectName(QStringLiteral("loopTestBeforeCheck"));
    testBefore->setToolTip(tr("Evaluate the condition before each pass (a while loop), not after it"));
    standard->addRow(testBefore);
    connect(testBefore, &QCheckBox::clicked, this, [this, testBefore](bool on) {
        Element* activity = element();
        edit(testBefore, tr("Change loop test"), {},
             [&](Modeling& m) { return m.setLoopSetting(activity, LoopSetting::TestBefore, on ? "true" : ""); });
    });
    addField(testBefore, [this, testBefore] {
        testBefore->setChecked(loopSettingText(element(), LoopSetting::TestBefore) == "true");
    });

    QLineEdit* maximum = addLoopSetting(standard, tr("Maximum"), QStringLiteral("loopMaximum"),
                                        LoopSetting::LoopMaximum, tr("No limit"));
    auto* whole = new QIntValidator(maximum);
    whole->setBottom(0);
    whole->setLocale(QLocale::c());
    maximum->setValidator(whole);
    addLoopSetting(standard, tr("Condition"), QStringLiteral("loopCondition"), LoopSetting::LoopCondition,
                   tr("Repeat while: =count < 3 or ${count < 3}"));
    addLoopSetting(multi, tr("Cardinality"), QStringLiteral("loopCardinality"), LoopSetting::LoopCardinality,
                   tr("How many instances: 3, =items.size or ${n}"));
    addLoopSetting(multi, tr("Completion condition"), QStringLiteral("loopCompletion"),
                   LoopSetting::CompletionCondition, tr("Stop early when: =done"));
}

// ---------------------------------------------------------------- called element

void PropertiesPanel::buildCalledElement(Element* e)
{
    if (e->type != BpmnType::CallActivity || !m_editor)
        return;
    QFormLayout* form = addGroup(tr("Call"), QStringLiteral("callGroup"));
    auto* combo = new QComboBox;
    combo->setObjectName(QStringLiteral("calledElementCombo"));
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->lineEdit()->setPlaceholderText(tr("The id of the process to call"));
    form->addRow(tr("Called element"), combo);
    auto apply = [this, combo](const QString& text, const QString& mergeKey) {
        Element* call = element();
        if (!call || text == qs(call->attr("calledElement")))
            return;
        edit(combo, tr("Set called element"), mergeKey,
             [&](Modeling& m) { return m.setCalledElement(call, text.trimmed().toStdString()); });
    };
    connect(combo->lineEdit(), &QLineEdit::textEdited, this,
            [apply](const QString& text) { apply(text, QStringLiteral("calledElement")); });
    connect(combo, &QComboBox::textActivated, this, [apply](const QString& text) { apply(text, {}); });
    addField(combo, [this, combo] {
        const QSignalBlocker block(combo);
        const QString current = qs(element()->attr("calledElement"));
        combo->clear();
        for (const Element* p : m_editor->document().root()->childrenOfType(BpmnType::Process)) {
            combo->addItem(qs(p->id()), qs(p->id()));
            combo->setItemData(combo->count() - 1, labelOf(p), Qt::ToolTipRole);
        }
        const int at = combo->findText(current);
        if (at >= 0)
            combo->setCurrentIndex(at);
        else
            combo->setEditText(current);
    });
}

} // namespace runway::app
