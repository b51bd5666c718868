#include "RuleContext.h"
#include "runway/core/Expression.h"
#include "runway/core/Semantics.h"

#include <algorithm>
#include <set>
#include <unordered_map>

// What Zeebe (Camunda 8) checks when a definition is deployed, as its documentation and Camunda
// Modeler describe it. Each rule reports on the element at fault, with what to do.

namespace runway::core::deploy {

namespace {

struct Version {
    int major, minor;
};
constexpr Version kNever{99, 0};
constexpr Version kAlways{1, 0};

/// The first Camunda 8 version that deploys this element (with this event definition, "" for none).
Version since(std::string_view element, std::string_view definition)
{
    struct Row {
        std::string_view element, definition;
        Version v;
    };
    static const Row rows[] = {
        {"task", "", {8, 2}},
        {"manualTask", "", kAlways},
        {"serviceTask", "", kAlways},
        {"sendTask", "", kAlways},
        {"receiveTask", "", kAlways},
        {"userTask", "", kAlways},
        {"scriptTask", "", kAlways},
        {"businessRuleTask", "", kAlways},
        {"callActivity", "", kAlways},
        {"subProcess", "", kAlways},
        {"adHocSubProcess", "", {8, 7}},
        {"exclusiveGateway", "", kAlways},
        {"parallelGateway", "", kAlways},
        {"eventBasedGateway", "", kAlways},
        {"inclusiveGateway", "", {8, 1}},
        {"startEvent", "", kAlways},
        {"startEvent", "messageEventDefinition", kAlways},
        {"startEvent", "timerEventDefinition", kAlways},
        {"startEvent", "errorEventDefinition", kAlways},
        {"startEvent", "signalEventDefinition", {8, 2}},
        {"startEvent", "escalationEventDefinition", {8, 2}},
        {"startEvent", "conditionalEventDefinition", {8, 9}},
        {"endEvent", "", kAlways},
        {"endEvent", "errorEventDefinition", kAlways},
        {"endEvent", "messageEventDefinition", kAlways},
        {"endEvent", "terminateEventDefinition", {8, 1}},
        {"endEvent", "escalationEventDefinition", {8, 2}},
        {"endEvent", "signalEventDefinition", {8, 3}},
        {"endEvent", "compensateEventDefinition", {8, 5}},
        {"intermediateThrowEvent", "", kAlways},
        {"intermediateThrowEvent", "messageEventDefinition", kAlways},
        {"intermediateThrowEvent", "linkEventDefinition", {8, 2}},
        {"intermediateThrowEvent", "escalationEventDefinition", {8, 2}},
        {"intermediateThrowEvent", "signalEventDefinition", {8, 3}},
        {"intermediateThrowEvent", "compensateEventDefinition", {8, 5}},
        {"intermediateCatchEvent", "messageEventDefinition", kAlways},
        {"intermediateCatchEvent", "timerEventDefinition", kAlways},
        {"intermediateCatchEvent", "linkEventDefinition", {8, 2}},
        {"intermediateCatchEvent", "signalEventDefinition", {8, 3}},
        {"intermediateCatchEvent", "conditionalEventDefinition", {8, 9}},
        {"boundaryEvent", "messageEventDefinition", kAlways},
        {"boundaryEvent", "timerEventDefinition", kAlways},
        {"boundaryEvent", "errorEventDefinition", kAlways},
        {"boundaryEvent", "escalationEventDefinition", {8, 2}},
        {"boundaryEvent", "signalEventDefinition", {8, 3}},
        {"boundaryEvent", "compensateEventDefinition", {8, 5}},
        {"boundaryEvent", "conditionalEventDefinition", {8, 9}},
    };
    for (const auto& r : rows)
        if (r.element == element && r.definition == definition)
            return r.v;
    return kNever;
}

std::string versionText(Version v)
{
    return std::to_string(v.major) + "." + std::to_string(v.minor);
}

bool startsWithEquals(std::string_view s)
{
    s = trimmed(s);
    return !s.empty() && s.front() == '=';
}

class Camunda8 {
public:
    explicit Camunda8(RuleContext& ctx) : m_ctx(ctx), m_doc(ctx.doc()) {}

    void run()
    {
        if (m_ctx.executable().empty()) {
            const auto procs = sem::processes(m_doc);
            m_ctx.add(Severity::Error, procs.empty() ? m_doc.root() : procs.front(), "c8-no-executable-process",
                      "no process in this file is executable, so Zeebe deploys nothing; mark the process executable "
                      "(isExecutable=\"true\")");
            return;
        }
        for (Element* p : m_ctx.executable())
            checkStartEvents(p, false);
        for (Element* e : m_ctx.elements())
            checkElement(e);
        checkLoops();
    }

private:
    void add(const Element* e, const char* code, std::string message)
    {
        m_ctx.add(Severity::Error, e, code, std::move(message));
    }

    std::string platformName() const { return m_ctx.platform().displayName(); }

    // ---- structure

    void checkStartEvents(const Element* container, bool subProcess)
    {
        int starts = 0, none = 0;
        for (const Element* n : sem::flowNodes(container))
            if (n->type == BpmnType::StartEvent) {
                ++starts;
                if (!firstDefinition(n))
                    ++none;
            }
        const bool eventSub = container->attr("triggeredByEvent") == "true";
        if (starts == 0)
            add(container, "c8-start-event-missing",
                "the " + describe(container) + " has no start event, which Zeebe requires; add a start event");
        else if (subProcess && !eventSub && (starts != 1 || none != 1))
            add(container, "c8-subprocess-start",
                "the " + describe(container) +
                    " must have exactly one start event, and a none start event (without trigger); Zeebe rejects "
                    "others: keep one none start event");
        else if (none > 1)
            add(container, "c8-multiple-none-start-events",
                "the " + describe(container) + " has " + std::to_string(none) +
                    " none start events, and Zeebe allows at most one; remove all but one, or give the others a "
                    "trigger (message, timer, signal)");
    }

    void checkElement(const Element* e)
    {
        if (e->isA(BpmnType::FlowNode) || e->type == BpmnType::SubProcess)
            checkSupported(e);
        if (e->type == BpmnType::SubProcess)
            checkStartEvents(e, true);
        switch (e->type) {
        case BpmnType::ServiceTask:
        case BpmnType::SendTask: checkTaskType(e); break;
        case BpmnType::ScriptTask:
            if (!extension(m_doc, e, uri::Zeebe, "script"))
                checkTaskType(e, " or a zeebe:script expression");
            break;
        case BpmnType::BusinessRuleTask:
            if (!extension(m_doc, e, uri::Zeebe, "calledDecision"))
                checkTaskType(e, " or a called decision (zeebe:calledDecision)");
            break;
        case BpmnType::CallActivity: checkCallActivity(e); break;
        case BpmnType::ReceiveTask: checkMessageCatch(e, e); break;
        case BpmnType::ExclusiveGateway:
        case BpmnType::InclusiveGateway: checkGatewayConditions(e); break;
        case BpmnType::EventBasedGateway: checkEventGateway(e); break;
        case BpmnType::SequenceFlow: checkCondition(e); break;
        default: break;
        }
        if (e->isA(BpmnType::Event))
            checkEvent(e);
        checkExtensions(e);
    }

    void checkSupported(const Element* e)
    {
        const auto defs = e->isA(BpmnType::Event) ? sem::eventDefinitions(e) : std::vector<Element*>{};
        if (defs.size() > 1) {
            add(e, "c8-element-unsupported",
                "the " + describe(e) + " has " + std::to_string(defs.size()) +
                    " event definitions (a multiple event), which Zeebe does not deploy; keep one trigger per event");
            return;
        }
        const std::string_view def = defs.empty() ? std::string_view() : defs.front()->local();
        const Version v = since(e->local(), def);
        if (m_ctx.platform().atLeast(v.major, v.minor)) {
            if (e->type == BpmnType::InclusiveGateway && m_ctx.incoming(e).size() > 1 &&
                !m_ctx.platform().atLeast(8, 6))
                add(e, "c8-element-unsupported",
                    "the " + describe(e) +
                        " joins flows, which Zeebe supports from 8.6; join with a parallel or "
                        "exclusive gateway, or target 8.6");
            return;
        }
        std::string what = defs.empty() ? describe(e) : describe(e) + " with a " + describe(defs.front());
        if (v.major == kNever.major)
            add(e, "c8-element-unsupported",
                "the " + what + " is not supported by Zeebe; model it with elements Camunda 8 runs");
        else
            add(e, "c8-element-unsupported",
                "the " + what + " needs Camunda " + versionText(v) + " or later, but the file targets " +
                    platformName() + "; raise the target version or change the element");
    }

    void checkTaskType(const Element* e, const std::string& alternative = {})
    {
        const Element* td = extension(m_doc, e, uri::Zeebe, "taskDefinition");
        if (!td || trimmed(td->attr("type")).empty()) {
            add(e, "c8-task-type-missing",
                "the " + describe(e) + " has no job type (zeebe:taskDefinition type)" + alternative +
                    ", so no job worker can take it and Zeebe rejects it; set the task type the worker subscribes to");
            return;
        }
        checkExpression(e, td->attr("type"), "task type", false);
        if (const auto retries = td->attr("retries"); !retries.empty())
            checkExpression(e, retries, "retries", false);
    }

    void checkCallActivity(const Element* e)
    {
        const Element* ce = extension(m_doc, e, uri::Zeebe, "calledElement");
        if (!ce || trimmed(ce->attr("processId")).empty())
            add(e, "c8-called-element-missing",
                "the " + describe(e) +
                    " names no process to call (zeebe:calledElement processId); set the id of "
                    "the process it starts");
        else
            checkExpression(e, ce->attr("processId"), "called process id", false);
    }

    // ---- events

    void checkEvent(const Element* e)
    {
        const auto defs = sem::eventDefinitions(e);
        if (defs.size() != 1)
            return;
        const Element* def = defs.front();
        const auto kind = def->local();
        if (kind == "timerEventDefinition")
            checkTimer(e, def);
        else if (kind == "errorEventDefinition" && e->type == BpmnType::EndEvent)
            checkErrorCode(e, def);
        else if (kind == "signalEventDefinition")
            checkSignal(e, def);
        else if (kind == "escalationEventDefinition")
            checkEscalation(e, def);
        else if (kind == "messageEventDefinition") {
            if (e->type == BpmnType::EndEvent || e->type == BpmnType::IntermediateThrowEvent)
                checkTaskType(e);
            else if (e->type == BpmnType::StartEvent && e->parent && e->parent->type == BpmnType::Process)
                checkMessageName(e, def);
            else
                checkMessageCatch(e, def);
        }
    }

    void checkTimer(const Element* e, const Element* def)
    {
        std::vector<const Element*> values;
        for (const Element* c : def->children())
            if (c->ns == Ns::Model &&
                (c->local() == "timeDate" || c->local() == "timeDuration" || c->local() == "timeCycle"))
                values.push_back(c);
        if (values.size() != 1) {
            add(e, "c8-timer-definition",
                "the timer of the " + describe(e) + " has " + std::to_string(values.size()) +
                    " of timeDate, timeDuration and timeCycle; Zeebe needs exactly one: keep the one you mean");
            return;
        }
        const Element* v = values.front();
        const auto kind = v->local();
        const std::string text = v->textContent();
        if (trimmed(text).empty())
            add(v, "c8-timer-definition",
                "the " + std::string(kind) + " of the " + describe(e) + " is empty; give it a value such as PT15M");
        else if (startsWithEquals(text))
            checkExpression(v, text, std::string(kind), false);
        const bool interrupting = e->type == BpmnType::BoundaryEvent ? e->attrOrDefault("cancelActivity") != "false"
                                                                     : e->attrOrDefault("isInterrupting") != "false";
        const bool inEventSub = e->parent && e->parent->attr("triggeredByEvent") == "true";
        Version v8 = kAlways;
        std::string why;
        if (e->type == BpmnType::StartEvent) {
            if (kind == "timeCycle" && interrupting && inEventSub)
                v8 = kNever, why = "an interrupting event sub-process cannot start on a cycle";
            else if (kind == "timeDuration" && !inEventSub)
                v8 = kNever, why = "a process cannot start after a duration; use a date or a cycle";
        } else if (e->type == BpmnType::BoundaryEvent) {
            if (kind == "timeCycle" && interrupting)
                v8 = kNever, why = "an interrupting boundary timer cannot repeat; use a duration, or make it "
                                   "non-interrupting";
            else if (kind == "timeDate")
                v8 = {8, 3}, why = "a boundary timer with a date needs Camunda 8.3";
        } else if (e->type == BpmnType::IntermediateCatchEvent) {
            if (kind == "timeCycle")
                v8 = kNever, why = "an intermediate timer waits once and cannot repeat; use a duration or a date";
            else if (kind == "timeDate")
                v8 = {8, 3}, why = "an intermediate timer with a date needs Camunda 8.3";
        }
        if (!m_ctx.platform().atLeast(v8.major, v8.minor))
            add(v, "c8-timer-unsupported",
                "the " + std::string(kind) + " of the " + describe(e) + " is not deployable on " + platformName() +
                    ": " + why);
    }

    void checkErrorCode(const Element* e, const Element* def)
    {
        const auto ref = trimmed(def->attr("errorRef"));
        const Element* error = ref.empty() ? nullptr : m_doc.resolve(ref);
        if (!error || error->type != BpmnType::Error)
            add(e, "c8-error-code-missing",
                "the error end event " + describe(e) +
                    " throws no error (errorRef); Zeebe needs one: reference a bpmn:error with an error code");
        else if (trimmed(error->attr("errorCode")).empty())
            add(e, "c8-error-code-missing",
                "the error '" + std::string(error->id()) + "' thrown by the " + describe(e) +
                    " has no error code, so no boundary event can catch it; give the error an errorCode");
    }

    void checkSignal(const Element* e, const Element* def)
    {
        const auto ref = trimmed(def->attr("signalRef"));
        const Element* signal = ref.empty() ? nullptr : m_doc.resolve(ref);
        if (!signal || signal->type != BpmnType::Signal || trimmed(signal->attr("name")).empty())
            add(e, "c8-signal-missing",
                "the signal " + describe(e) +
                    " names no signal with a name (signalRef), by which Zeebe broadcasts "
                    "and catches it; reference a bpmn:signal with a name");
    }

    void checkEscalation(const Element* e, const Element* def)
    {
        const auto ref = trimmed(def->attr("escalationRef"));
        const Element* esc = ref.empty() ? nullptr : m_doc.resolve(ref);
        const bool thrown = e->type == BpmnType::EndEvent || e->type == BpmnType::IntermediateThrowEvent;
        if (!esc && !thrown)
            return; // a catch without a reference catches every escalation
        if (!esc || esc->type != BpmnType::Escalation || trimmed(esc->attr("escalationCode")).empty())
            add(e, "c8-escalation-code-missing",
                "the " + describe(e) + (thrown ? " throws" : " catches") +
                    " no escalation with a code (escalationRef, escalationCode), which Zeebe needs to match thrower "
                    "and catcher; reference a bpmn:escalation with an escalationCode");
    }

    const Element* checkMessageName(const Element* e, const Element* holder)
    {
        const auto ref = trimmed(holder->attr("messageRef"));
        const Element* msg = ref.empty() ? nullptr : m_doc.resolve(ref);
        if (!msg || msg->type != BpmnType::Message) {
            add(e, "c8-message-missing",
                "the " + describe(e) + " names no message (messageRef); reference a bpmn:message with a name");
            return nullptr;
        }
        if (trimmed(msg->attr("name")).empty()) {
            add(e, "c8-message-missing",
                "the message '" + std::string(msg->id()) + "' of the " + describe(e) +
                    " has no name, by which Zeebe correlates it; give the message a name");
            return nullptr;
        }
        return msg;
    }

    void checkMessageCatch(const Element* e, const Element* holder)
    {
        const Element* msg = checkMessageName(e, holder);
        if (!msg)
            return;
        const Element* sub = extension(m_doc, msg, uri::Zeebe, "subscription");
        const auto key = sub ? trimmed(sub->attr("correlationKey")) : std::string_view();
        if (key.empty())
            add(e, "c8-correlation-key-missing",
                "the message '" + std::string(msg->attr("name")) + "' that the " + describe(e) +
                    " waits for has no correlation key (zeebe:subscription correlationKey on the message), so Zeebe "
                    "cannot tell which instance it is for; set one, such as =orderId");
        else
            checkExpression(e, key, "correlation key", true);
    }

    // ---- gateways and conditions

    void checkGatewayConditions(const Element* g)
    {
        const auto out = m_ctx.outgoing(g);
        if (out.size() < 2)
            return;
        const auto def = trimmed(g->attr("default"));
        for (const Element* f : out) {
            std::string text;
            const Element* at = nullptr;
            const bool has = conditionOf(f, &text, &at);
            if (f->id() == def) {
                if (has)
                    add(f, "c8-default-flow-condition",
                        "the sequence flow '" + std::string(f->id()) + "' is the default of the " + describe(g) +
                            " and has a condition, which Zeebe rejects; remove the condition");
            } else if (!has || trimmed(text).empty()) {
                add(f, "c8-condition-missing",
                    "the sequence flow '" + std::string(f->id()) + "' leaves the " + describe(g) +
                        " without a condition and is not its default; Zeebe needs one of them: give it a condition "
                        "(such as =amount > 1000) or make it the default flow");
            }
        }
    }

    void checkCondition(const Element* f)
    {
        std::string text;
        const Element* at = nullptr;
        if (!conditionOf(f, &text, &at))
            return;
        const Element* source = m_doc.resolve(trimmed(f->attr("sourceRef")));
        if (source && source->type != BpmnType::ExclusiveGateway && source->type != BpmnType::InclusiveGateway) {
            add(at, "c8-condition-not-allowed",
                "the sequence flow '" + std::string(f->id()) + "' leaving the " + describe(source) +
                    " has a condition, but Zeebe evaluates conditions only on flows leaving exclusive and inclusive "
                    "gateways; put a gateway after the " +
                    describe(source) + ", or remove the condition");
            return;
        }
        if (!trimmed(text).empty())
            checkExpression(at, text, "condition", true);
    }

    void checkEventGateway(const Element* g)
    {
        const auto out = m_ctx.outgoing(g);
        if (out.size() < 2)
            add(g, "c8-event-gateway",
                "the " + describe(g) + " has " + std::to_string(out.size()) +
                    " outgoing flows; Zeebe needs at least two, each to an event it waits for");
        std::set<std::string_view> messages;
        for (const Element* f : out) {
            const Element* t = m_doc.resolve(trimmed(f->attr("targetRef")));
            if (!t)
                continue;
            const Element* def = t->type == BpmnType::IntermediateCatchEvent ? firstDefinition(t) : nullptr;
            const auto kind = def ? def->local() : std::string_view();
            if (!def || (kind != "messageEventDefinition" && kind != "timerEventDefinition" &&
                         kind != "signalEventDefinition")) {
                add(t, "c8-event-gateway",
                    "the " + describe(t) + " follows the " + describe(g) +
                        ", but Zeebe lets an event-based gateway lead only to intermediate message, timer or signal "
                        "catch events (not to receive tasks); replace it with such an event");
                continue;
            }
            if (kind == "messageEventDefinition") {
                const Element* msg = m_doc.resolve(trimmed(def->attr("messageRef")));
                const auto name = msg ? msg->attr("name") : std::string_view();
                if (!name.empty() && !messages.insert(name).second)
                    add(t, "c8-event-gateway",
                        "the " + describe(g) + " waits twice for the message '" + std::string(name) +
                            "'; Zeebe allows each message once after an event-based gateway: remove one");
            }
        }
    }

    // ---- expressions and extensions

    /// An expression Zeebe evaluates: "=..." must parse as FEEL; text without "=" is a static value,
    /// refused where mustBeFeel.
    void checkExpression(const Element* e, std::string_view text, const std::string& what, bool mustBeFeel)
    {
        const auto t = trimmed(text);
        if (!startsWithEquals(t)) {
            if (mustBeFeel) {
                const auto feel = Expression::toFeel(t);
                const std::string suggestion = feel && startsWithEquals(*feel.text) ? *feel.text : "=" + std::string(t);
                add(e, "c8-expression-not-feel",
                    "the " + what + " '" + std::string(t) + "' of the " + describe(e) +
                        " is not a FEEL expression; Zeebe evaluates only text that begins with '=': write " +
                        suggestion);
            }
            return;
        }
        auto compiled = Expression::compile(t.substr(1), Dialect::Feel);
        if (!compiled && beyondRunway(compiled.error.message))
            m_ctx.add(Severity::Warning, e, "c8-expression-unchecked",
                      "the " + what + " '" + std::string(t) + "' of the " + describe(e) +
                          " could not be checked, as it uses FEEL that Runway does not evaluate (" +
                          compiled.error.message + "); Zeebe will check it at deployment");
        else if (!compiled)
            add(e, "c8-expression-invalid",
                "the " + what + " '" + std::string(t) + "' of the " + describe(e) +
                    " is not valid FEEL: " + compiled.error.message + "; correct it");
    }

    void checkExtensions(const Element* e)
    {
        const Element* ext = e->child(Ns::Model, "extensionElements");
        if (!ext)
            return;
        for (const Element* c : ext->children()) {
            if (!inNamespace(m_doc, c, uri::Zeebe))
                continue;
            if (c->local() == "ioMapping") {
                for (const Element* m : c->children()) {
                    if (m->local() == "output")
                        checkExpression(e, m->attr("source"), "output source", true);
                    else if (m->local() == "input" && startsWithEquals(m->attr("source")))
                        checkExpression(e, m->attr("source"), "input source", false);
                    if (trimmed(m->attr("target")).empty())
                        add(e, "c8-mapping-target-missing",
                            "a " + std::string(m->local()) + " mapping of the " + describe(e) +
                                " has no target variable; name the variable it sets");
                }
            } else if (c->local() == "loopCharacteristics") {
                checkExpression(e, c->attr("inputCollection"), "multi-instance input collection", true);
            } else if (c->local() == "script") {
                checkExpression(e, c->attr("expression"), "script expression", true);
            }
        }
    }

    // ---- loops without a wait state

    /// An element a token passes through at once: running around a cycle of these never stops.
    static bool straightThrough(const Element* n)
    {
        switch (n->type) {
        case BpmnType::Task:
        case BpmnType::ManualTask:
        case BpmnType::ExclusiveGateway:
        case BpmnType::ParallelGateway:
        case BpmnType::InclusiveGateway: return true;
        case BpmnType::IntermediateThrowEvent: return firstDefinition(n) == nullptr;
        default: return false;
        }
    }

    void checkLoops()
    {
        // Tarjan's strongly connected components over the straight-through nodes of each container.
        std::unordered_map<const Element*, std::vector<const Element*>> next;
        std::vector<const Element*> nodes;
        for (const Element* e : m_ctx.elements())
            if (e->isA(BpmnType::FlowNode) && straightThrough(e)) {
                nodes.push_back(e);
                auto& succ = next[e];
                for (const Element* f : m_ctx.outgoing(e))
                    if (const Element* t = m_doc.resolve(trimmed(f->attr("targetRef"))); t && straightThrough(t))
                        succ.push_back(t);
            }
        // Iterative, so that a long chain of tasks cannot exhaust the call stack.
        std::unordered_map<const Element*, int> index, low;
        std::vector<const Element*> stack;
        std::set<const Element*> onStack;
        int counter = 0;
        struct Frame {
            const Element* v;
            std::size_t child;
        };
        for (const Element* root : nodes) {
            if (index.count(root))
                continue;
            std::vector<Frame> frames{{root, 0}};
            index[root] = low[root] = counter++;
            stack.push_back(root);
            onStack.insert(root);
            while (!frames.empty()) {
                Frame& f = frames.back();
                const auto& succ = next[f.v];
                if (f.child < succ.size()) {
                    const Element* w = succ[f.child++];
                    if (!index.count(w)) {
                        index[w] = low[w] = counter++;
                        stack.push_back(w);
                        onStack.insert(w);
                        frames.push_back({w, 0});
                    } else if (onStack.count(w)) {
                        low[f.v] = std::min(low[f.v], index[w]);
                    }
                    continue;
                }
                const Element* v = f.v;
                frames.pop_back();
                if (!frames.empty())
                    low[frames.back().v] = std::min(low[frames.back().v], low[v]);
                if (low[v] == index[v])
                    reportLoop(v, next[v], stack, onStack);
            }
        }
    }

    void reportLoop(const Element* v, const std::vector<const Element*>& succ, std::vector<const Element*>& stack,
                    std::set<const Element*>& onStack)
    {
        std::vector<const Element*> scc;
        const Element* w = nullptr;
        do {
            w = stack.back();
            stack.pop_back();
            onStack.erase(w);
            scc.push_back(w);
        } while (w != v);
        const bool selfLoop = std::find(succ.begin(), succ.end(), v) != succ.end();
        const bool hasTask =
            std::any_of(scc.begin(), scc.end(), [](const Element* n) { return n->isA(BpmnType::Activity); });
        if ((scc.size() < 2 && !selfLoop) || !hasTask)
            return;
        std::sort(scc.begin(), scc.end(), [](const Element* a, const Element* b) { return a->line < b->line; });
        std::string ids;
        for (const Element* n : scc)
            ids += (ids.empty() ? "'" : ", '") + std::string(n->id()) + "'";
        add(scc.front(), "c8-straight-through-loop",
            "the elements " + ids +
                " form a loop with no wait state, which would run forever, and Zeebe rejects it; put a task a "
                "worker or user completes (service, user, receive task) or a catch event in the loop");
    }

    RuleContext& m_ctx;
    const Document& m_doc;
};

} // namespace

void camunda8Rules(RuleContext& ctx)
{
    Camunda8(ctx).run();
}

} // namespace runway::core::deploy
