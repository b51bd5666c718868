// Platform fields (PlatformFields.h): the table of Camunda 8 and Camunda 7 settings per element
// type, checked against zeebe-bpmn-moddle 2.0 (resources/zeebe.json) and camunda-bpmn-moddle 8.0
// (resources/camunda.json), and the reading side. PlatformFieldsWrite.cpp writes them.
#include "PlatformFieldsTable.h"

#include <algorithm>

namespace runway::core::modeling {

namespace platform {
namespace {

using deploy::Engine;

bool is(const Element* e, BpmnType t)
{
    return e && e->isBpmn() && e->isA(t);
}
bool hasMessageDefinition(const Element* e)
{
    return e && e->childOfType(BpmnType::MessageEventDefinition);
}

bool messageThrow(const Element* e)
{
    return (is(e, BpmnType::IntermediateThrowEvent) || is(e, BpmnType::EndEvent)) && hasMessageDefinition(e);
}
bool jobWorker(const Element* e)
{
    return is(e, BpmnType::ServiceTask) || is(e, BpmnType::SendTask) || is(e, BpmnType::ScriptTask) ||
           is(e, BpmnType::BusinessRuleTask) || messageThrow(e);
}
bool messageCatch(const Element* e)
{
    if (is(e, BpmnType::ReceiveTask))
        return true;
    if (is(e, BpmnType::IntermediateCatchEvent) || is(e, BpmnType::BoundaryEvent))
        return hasMessageDefinition(e);
    // A process's own message start event needs no subscription; an event sub-process's does.
    return is(e, BpmnType::StartEvent) && hasMessageDefinition(e) && is(e->parent, BpmnType::SubProcess);
}
bool activity(const Element* e)
{
    return is(e, BpmnType::Activity);
}
bool inputsAllowed(const Element* e)
{
    return activity(e) || messageThrow(e);
}
bool outputsAllowed(const Element* e)
{
    return activity(e) || messageThrow(e) || is(e, BpmnType::IntermediateCatchEvent) ||
           is(e, BpmnType::BoundaryEvent) || messageCatch(e);
}
bool userTask(const Element* e)
{
    return is(e, BpmnType::UserTask);
}
bool scriptTask(const Element* e)
{
    return is(e, BpmnType::ScriptTask);
}
bool ruleTask(const Element* e)
{
    return is(e, BpmnType::BusinessRuleTask);
}
bool callActivity(const Element* e)
{
    return is(e, BpmnType::CallActivity);
}
bool multiInstance(const Element* e)
{
    return activity(e) && e->childOfType(BpmnType::MultiInstanceLoopCharacteristics);
}
bool processLike(const Element* e)
{
    return is(e, BpmnType::Process) || (is(e, BpmnType::Participant) && !e->attr("processRef").empty());
}
bool listenerHost(const Element* e)
{
    return activity(e) || is(e, BpmnType::Event) || is(e, BpmnType::Gateway) || processLike(e);
}
bool c7Implementation(const Element* e)
{
    return is(e, BpmnType::ServiceTask) || is(e, BpmnType::SendTask) || is(e, BpmnType::BusinessRuleTask) ||
           messageThrow(e);
}
bool asyncCapable(const Element* e)
{
    return activity(e) || is(e, BpmnType::Event) || is(e, BpmnType::Gateway);
}
bool retryCycleHost(const Element* e)
{
    return activity(e) || is(e, BpmnType::Event);
}
bool formKeyHost(const Element* e)
{
    return userTask(e) || (is(e, BpmnType::StartEvent) && is(e->parent, BpmnType::Process));
}

FieldDef def(FieldSpec s, Engine engine, bool (*applies)(const Element*))
{
    FieldDef d;
    d.spec = std::move(s);
    d.engine = engine;
    d.applies = applies;
    return d;
}

FieldSpec spec(std::string_view key, std::string_view group, std::string_view label, FieldKind kind,
               std::string_view storage, std::string_view defaultValue = {})
{
    FieldSpec s;
    s.key = key;
    s.group = group;
    s.label = label;
    s.kind = kind;
    s.storage = storage;
    s.defaultValue = defaultValue;
    return s;
}
FieldSpec listSpec(std::string_view key, std::string_view group, std::string_view label, std::string_view storage,
                   std::string_view keyLabel, std::string_view valueLabel)
{
    FieldSpec s = spec(key, group, label, FieldKind::KeyValueList, storage);
    s.keyLabel = keyLabel;
    s.valueLabel = valueLabel;
    return s;
}

FieldDef extAttr(FieldSpec s, Engine engine, bool (*applies)(const Element*), std::string_view element,
                 std::string_view attr, Host host = Host::Self)
{
    FieldDef d = def(std::move(s), engine, applies);
    d.host = host;
    d.storage = Storage::ExtAttr;
    d.ns = engine == Engine::Camunda8 ? Target::Zeebe : Target::Camunda;
    d.wrapper = element;
    d.keyAttr = attr;
    return d;
}
FieldDef extList(FieldSpec s, Engine engine, bool (*applies)(const Element*), std::string_view wrapper,
                 std::string_view item, std::string_view keyAttr, std::string_view valueAttr,
                 std::string_view before = {})
{
    FieldDef d = def(std::move(s), engine, applies);
    d.storage = Storage::ExtList;
    d.ns = engine == Engine::Camunda8 ? Target::Zeebe : Target::Camunda;
    d.wrapper = wrapper;
    d.item = item;
    d.keyAttr = keyAttr;
    d.valueAttr = valueAttr;
    d.before = before;
    return d;
}
FieldDef c7Attr(FieldSpec s, bool (*applies)(const Element*), std::string_view attr, Host host = Host::Self)
{
    FieldDef d = def(std::move(s), Engine::Camunda7, applies);
    d.host = host;
    d.storage = Storage::Attr;
    d.ns = Target::Camunda;
    d.keyAttr = attr;
    return d;
}

std::vector<FieldDef> build()
{
    using K = FieldKind;
    constexpr Engine C8 = Engine::Camunda8, C7 = Engine::Camunda7;
    std::vector<FieldDef> t;
    // ---- Camunda 8 (zeebe:) ----
    t.push_back(extAttr(spec("taskType", "Task definition", "Job type", K::Text, "zeebe:taskDefinition type"), C8,
                        jobWorker, "taskDefinition", "type"));
    t.push_back(extAttr(spec("retries", "Task definition", "Retries", K::Integer, "zeebe:taskDefinition retries"), C8,
                        jobWorker, "taskDefinition", "retries"));
    t.push_back(extAttr(spec("calledProcess", "Called element", "Process ID", K::Text, "zeebe:calledElement processId"),
                        C8, callActivity, "calledElement", "processId"));
    t.push_back(extAttr(spec("propagateAllChildVariables", "Called element", "Propagate all child variables", K::Bool,
                             "zeebe:calledElement propagateAllChildVariables", "true"),
                        C8, callActivity, "calledElement", "propagateAllChildVariables"));
    t.push_back(
        extAttr(spec("decisionId", "Called decision", "Decision ID", K::Text, "zeebe:calledDecision decisionId"), C8,
                ruleTask, "calledDecision", "decisionId"));
    t.push_back(extAttr(spec("decisionResultVariable", "Called decision", "Result variable", K::Text,
                             "zeebe:calledDecision resultVariable"),
                        C8, ruleTask, "calledDecision", "resultVariable"));
    t.push_back(extAttr(spec("scriptExpression", "Script", "FEEL expression", K::Feel, "zeebe:script expression"), C8,
                        scriptTask, "script", "expression"));
    t.push_back(
        extAttr(spec("scriptResultVariable", "Script", "Result variable", K::Text, "zeebe:script resultVariable"), C8,
                scriptTask, "script", "resultVariable"));
    t.push_back(extAttr(spec("assignee", "Assignment", "Assignee", K::Text, "zeebe:assignmentDefinition assignee"), C8,
                        userTask, "assignmentDefinition", "assignee"));
    t.push_back(extAttr(spec("candidateGroups", "Assignment", "Candidate groups", K::Text,
                             "zeebe:assignmentDefinition candidateGroups"),
                        C8, userTask, "assignmentDefinition", "candidateGroups"));
    t.push_back(extAttr(
        spec("candidateUsers", "Assignment", "Candidate users", K::Text, "zeebe:assignmentDefinition candidateUsers"),
        C8, userTask, "assignmentDefinition", "candidateUsers"));
    t.push_back(extAttr(spec("formId", "Form", "Form ID (linked form)", K::Text, "zeebe:formDefinition formId"), C8,
                        userTask, "formDefinition", "formId"));
    t.push_back(extAttr(spec("formKey", "Form", "Form key", K::Text, "zeebe:formDefinition formKey"), C8, userTask,
                        "formDefinition", "formKey"));
    t.push_back(extAttr(spec("correlationKey", "Message", "Subscription correlation key", K::Feel,
                             "zeebe:subscription correlationKey (on the bpmn:message)"),
                        C8, messageCatch, "subscription", "correlationKey", Host::Message));
    t.push_back(extAttr(spec("inputCollection", "Multi-instance", "Input collection", K::Feel,
                             "zeebe:loopCharacteristics inputCollection"),
                        C8, multiInstance, "loopCharacteristics", "inputCollection", Host::MultiInstance));
    t.push_back(extAttr(
        spec("inputElement", "Multi-instance", "Input element", K::Text, "zeebe:loopCharacteristics inputElement"), C8,
        multiInstance, "loopCharacteristics", "inputElement", Host::MultiInstance));
    t.push_back(extAttr(spec("outputCollection", "Multi-instance", "Output collection", K::Text,
                             "zeebe:loopCharacteristics outputCollection"),
                        C8, multiInstance, "loopCharacteristics", "outputCollection", Host::MultiInstance));
    t.push_back(extAttr(
        spec("outputElement", "Multi-instance", "Output element", K::Feel, "zeebe:loopCharacteristics outputElement"),
        C8, multiInstance, "loopCharacteristics", "outputElement", Host::MultiInstance));
    t.push_back(extList(listSpec("inputs", "Inputs", "Input mappings", "zeebe:ioMapping/zeebe:input", "Local variable",
                                 "Assignment (FEEL)"),
                        C8, inputsAllowed, "ioMapping", "input", "target", "source", "output"));
    t.push_back(extList(listSpec("outputs", "Outputs", "Output mappings", "zeebe:ioMapping/zeebe:output",
                                 "Process variable", "Assignment (FEEL)"),
                        C8, outputsAllowed, "ioMapping", "output", "target", "source"));
    t.push_back(
        extList(listSpec("headers", "Headers", "Task headers", "zeebe:taskHeaders/zeebe:header", "Key", "Value"), C8,
                jobWorker, "taskHeaders", "header", "key", "value"));
    t.push_back(
        extList(listSpec("executionListeners", "Execution listeners", "Execution listeners",
                         "zeebe:executionListeners/zeebe:executionListener", "Event (start, end)", "Listener job type"),
                C8, listenerHost, "executionListeners", "executionListener", "eventType", "type"));
    // ---- Camunda 7 (camunda:) ----
    {
        FieldDef d =
            def(spec("c7.implementation", "Implementation", "Type", K::Choice,
                     "camunda:class | camunda:expression | camunda:delegateExpression | camunda:type=\"external\""),
                C7, c7Implementation);
        d.spec.choices = {"", "class", "expression", "delegateExpression", "external"};
        d.host = Host::MessageSource;
        d.storage = Storage::Implementation;
        d.ns = Target::Camunda;
        t.push_back(std::move(d));
        FieldDef v = def(spec("c7.implementationValue", "Implementation", "Class, expression or topic", K::Text,
                              "the value of camunda:class, expression, delegateExpression or topic"),
                         C7, c7Implementation);
        v.host = Host::MessageSource;
        v.storage = Storage::ImplementationValue;
        v.ns = Target::Camunda;
        t.push_back(std::move(v));
    }
    t.push_back(
        c7Attr(spec("c7.assignee", "User assignment", "Assignee", K::Text, "camunda:assignee"), userTask, "assignee"));
    t.push_back(
        c7Attr(spec("c7.candidateUsers", "User assignment", "Candidate users", K::Text, "camunda:candidateUsers"),
               userTask, "candidateUsers"));
    t.push_back(
        c7Attr(spec("c7.candidateGroups", "User assignment", "Candidate groups", K::Text, "camunda:candidateGroups"),
               userTask, "candidateGroups"));
    t.push_back(c7Attr(spec("c7.formKey", "Form", "Form key", K::Text, "camunda:formKey"), formKeyHost, "formKey"));
    t.push_back(
        c7Attr(spec("c7.asyncBefore", "Asynchronous continuation", "Before", K::Bool, "camunda:asyncBefore", "false"),
               asyncCapable, "asyncBefore"));
    t.push_back(
        c7Attr(spec("c7.asyncAfter", "Asynchronous continuation", "After", K::Bool, "camunda:asyncAfter", "false"),
               asyncCapable, "asyncAfter"));
    {
        FieldDef d = extAttr(
            spec("c7.retryTimeCycle", "Job execution", "Retry time cycle", K::Text, "camunda:failedJobRetryTimeCycle"),
            C7, retryCycleHost, "failedJobRetryTimeCycle", {});
        d.storage = Storage::ExtText;
        t.push_back(std::move(d));
    }
    t.push_back(extList(listSpec("c7.inputs", "Inputs", "Input parameters",
                                 "camunda:inputOutput/camunda:inputParameter", "Local variable", "Value"),
                        C7, activity, "inputOutput", "inputParameter", "name", {}, "outputParameter"));
    t.push_back(extList(listSpec("c7.outputs", "Outputs", "Output parameters",
                                 "camunda:inputOutput/camunda:outputParameter", "Process variable", "Value"),
                        C7, activity, "inputOutput", "outputParameter", "name", {}));
    t.push_back(c7Attr(spec("c7.historyTimeToLive", "History cleanup", "Time to live (days)", K::Integer,
                            "camunda:historyTimeToLive (on the process)"),
                       processLike, "historyTimeToLive", Host::Process));
    return t;
}

} // namespace

const std::vector<FieldDef>& table()
{
    static const std::vector<FieldDef> t = build();
    return t;
}

const FieldDef* find(std::string_view key)
{
    for (const auto& d : table())
        if (d.spec.key == key)
            return &d;
    return nullptr;
}

std::string_view nsUri(Target t)
{
    return t == Target::Zeebe ? uri::Zeebe : uri::Camunda;
}
std::string_view nsPrefix(Target t)
{
    return t == Target::Zeebe ? "zeebe" : "camunda";
}

const Element* processOf(const Document& doc, const Element* e)
{
    if (is(e, BpmnType::Process))
        return e;
    if (is(e, BpmnType::Participant)) {
        const Element* p = doc.resolve(e->attr("processRef"));
        return is(p, BpmnType::Process) ? p : nullptr;
    }
    return nullptr;
}

Element* hostOf(const Document& doc, const Element* e, Host host)
{
    if (!e)
        return nullptr;
    switch (host) {
    case Host::Self:
        // The only fields a pool has are its process's.
        if (is(e, BpmnType::Participant))
            return const_cast<Element*>(processOf(doc, e));
        return const_cast<Element*>(e);
    case Host::Process: return const_cast<Element*>(processOf(doc, e));
    case Host::MultiInstance: return e->childOfType(BpmnType::MultiInstanceLoopCharacteristics);
    case Host::MessageSource:
        if (is(e, BpmnType::Event))
            return e->childOfType(BpmnType::MessageEventDefinition);
        return const_cast<Element*>(e);
    case Host::Message: {
        const Element* holder = is(e, BpmnType::ReceiveTask) ? e : e->childOfType(BpmnType::MessageEventDefinition);
        if (!holder)
            return nullptr;
        Element* m = doc.resolve(holder->attr("messageRef"));
        return is(m, BpmnType::Message) ? m : nullptr;
    }
    }
    return nullptr;
}

Element* childByUri(const Document& doc, const Element* e, std::string_view uri, std::string_view local)
{
    if (!e)
        return nullptr;
    for (Element* c : e->children())
        if (c->local() == local && doc.namespaceUri(c->ns) == uri)
            return c;
    return nullptr;
}

Element* extension(const Document& doc, const Element* host, std::string_view uri, std::string_view local)
{
    if (!host)
        return nullptr;
    return childByUri(doc, host->child(Ns::Model, "extensionElements"), uri, local);
}

std::string_view attrByUri(const Document& doc, const Element* e, std::string_view uri, std::string_view local)
{
    if (!e)
        return {};
    for (const auto& a : e->attrs)
        if (a.local() == local && a.ns != Ns::None && a.ns != Ns::Xmlns && doc.namespaceUri(a.ns) == uri)
            return a.value;
    return {};
}

bool hasElementChildren(const Element* e)
{
    return e && e->children().begin() != e->children().end();
}

} // namespace platform

using namespace platform;

std::vector<const FieldSpec*> platformFields(const Element* element, deploy::Engine engine)
{
    std::vector<const FieldSpec*> out;
    if (!element || engine == deploy::Engine::Bpmn)
        return out;
    for (const auto& d : table())
        if (d.engine == engine && d.applies(element))
            out.push_back(&d.spec);
    return out;
}

const FieldSpec* platformField(std::string_view key)
{
    const FieldDef* d = find(key);
    return d ? &d->spec : nullptr;
}

namespace {
/// Which of camunda:class, expression, delegateExpression, type="external" host uses ("" = none).
std::string_view implementationOf(const Document& doc, const Element* host)
{
    if (!host)
        return {};
    if (attrByUri(doc, host, uri::Camunda, "type") == "external")
        return "external";
    // Present, even empty: choosing a kind before typing its value writes camunda:class="", as
    // Camunda Modeler does.
    for (std::string_view a : {"class", "expression", "delegateExpression"})
        for (const auto& at : host->attrs)
            if (at.local() == a && at.ns != Ns::None && at.ns != Ns::Xmlns && doc.namespaceUri(at.ns) == uri::Camunda)
                return a;
    return {};
}
} // namespace

namespace platform {
std::string_view implementationAttribute(const Document& doc, const Element* host, std::string_view* kind)
{
    const auto k = implementationOf(doc, host);
    if (kind)
        *kind = k;
    return k == "external" ? std::string_view("topic") : k;
}
} // namespace platform

FieldValue readPlatformField(const Document& doc, const Element* element, std::string_view key)
{
    FieldValue v;
    const FieldDef* d = find(key);
    if (!d || !element)
        return v;
    const Element* host = hostOf(doc, element, d->host);
    const auto uri = nsUri(d->ns);
    switch (d->storage) {
    case Storage::ExtAttr:
        if (const Element* x = extension(doc, host, uri, d->wrapper)) {
            if (const Attribute* a = x->findAttr(Ns::None, d->keyAttr))
                v.text = a->value;
            else
                v.text = d->spec.defaultValue;
        } else {
            v.text = d->spec.defaultValue;
        }
        break;
    case Storage::ExtText:
        if (const Element* x = extension(doc, host, uri, d->wrapper))
            v.text = x->textContent();
        break;
    case Storage::Attr: {
        const Attribute* found = nullptr;
        if (host)
            for (const auto& a : host->attrs)
                if (a.local() == d->keyAttr && a.ns != Ns::None && a.ns != Ns::Xmlns && doc.namespaceUri(a.ns) == uri)
                    found = &a;
        v.text = found ? std::string(found->value) : std::string(d->spec.defaultValue);
        break;
    }
    case Storage::ExtList:
        if (const Element* w = extension(doc, host, uri, d->wrapper))
            for (const Element* item : w->children()) {
                if (item->local() != d->item || doc.namespaceUri(item->ns) != uri)
                    continue;
                if (d->valueAttr.empty()) {
                    if (hasElementChildren(item))
                        continue; // a script, list or map parameter: not a text row (kept as it is)
                    v.rows.emplace_back(std::string(item->attr(d->keyAttr)), item->textContent());
                } else {
                    v.rows.emplace_back(std::string(item->attr(d->keyAttr)), std::string(item->attr(d->valueAttr)));
                }
            }
        break;
    case Storage::Implementation: v.text = implementationOf(doc, host); break;
    case Storage::ImplementationValue: {
        const auto a = implementationAttribute(doc, host, nullptr);
        if (!a.empty())
            v.text = attrByUri(doc, host, uri, a);
        break;
    }
    }
    return v;
}

} // namespace runway::core::modeling
