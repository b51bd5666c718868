#include "runway/core/engine/ScenarioStore.h"

#include "runway/core/Semantics.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace runway::core::engine {

using ojson = nlohmann::ordered_json;

namespace {

constexpr std::string_view kScenario = "scenario";

ojson toJsonValue(const Value& v)
{
    switch (v.type()) {
    case ValueType::Null: return nullptr;
    case ValueType::Boolean: return v.asBoolean();
    case ValueType::Number: {
        // Whole numbers are written without a fraction ("retries": 3), as people write them.
        const double d = v.asNumber();
        if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= 9007199254740992.0)
            return static_cast<std::int64_t>(d);
        return d;
    }
    case ValueType::String: return v.asString();
    case ValueType::List: {
        ojson a = ojson::array();
        for (const auto& e : v.asList())
            a.push_back(toJsonValue(e));
        return a;
    }
    case ValueType::Context: {
        ojson o = ojson::object();
        for (const auto& [k, e] : v.asContext())
            o[k] = toJsonValue(e);
        return o;
    }
    }
    return nullptr;
}

ojson toJsonVariables(const Variables& vars)
{
    ojson o = ojson::object();
    for (const auto& [k, v] : vars)
        o[k] = toJsonValue(v);
    return o;
}

ojson toJsonExpect(const Scenario::Expect& e)
{
    ojson o = ojson::object();
    if (e.waitingAt)
        o["waitingAt"] = *e.waitingAt;
    if (!e.passed.empty())
        o["passed"] = e.passed;
    if (!e.notPassed.empty())
        o["notPassed"] = e.notPassed;
    if (e.ended)
        o["ended"] = *e.ended;
    if (e.completed)
        o["completed"] = *e.completed;
    if (e.incident)
        o["incident"] = *e.incident;
    if (e.clock)
        o["clock"] = *e.clock;
    if (!e.variables.empty())
        o["variables"] = toJsonVariables(e.variables);
    return o;
}

ojson toJsonStep(const Scenario::Step& st)
{
    using K = Scenario::Step::Kind;
    ojson o = ojson::object();
    switch (st.kind) {
    case K::Start: o["start"] = st.element; break;
    case K::Advance: o["advance"] = st.duration.toString(); break;
    case K::AdvanceTo: o["advanceTo"] = st.time; break;
    case K::NextTimer: o["nextTimer"] = true; break;
    case K::Run: o["run"] = true; break;
    case K::Complete: o["complete"] = st.element; break;
    case K::Fail:
        o["fail"] = st.element;
        o["error"] = st.name;
        break;
    case K::Message:
        o["message"] = st.name;
        if (st.correlationKey)
            o["correlationKey"] = *st.correlationKey;
        break;
    case K::Signal: o["signal"] = st.name; break;
    case K::Choose:
        o["choose"] = st.element;
        o["flows"] = st.flows;
        break;
    case K::Expect: o["expect"] = toJsonExpect(st.expect); break;
    }
    if (st.kind != K::Expect && !st.variables.empty())
        o["variables"] = toJsonVariables(st.variables);
    return o;
}

bool isStoredScenario(const Document& doc, const Element* e)
{
    return e->isElement() && e->local() == kScenario && doc.namespaceUri(e->ns) == uri::Runway;
}

Element* extensionElementsOf(const Element* process)
{
    return process ? process->childOfType(BpmnType::ExtensionElements) : nullptr;
}

/// The process a scenario goes into: the one it names, else the one CompiledProcess::compile runs.
Element* targetProcess(const Document& doc, std::string_view processId)
{
    const auto all = sem::processes(doc);
    if (!processId.empty()) {
        for (Element* p : all)
            if (p->id() == processId)
                return p;
        return nullptr;
    }
    for (Element* p : all)
        if (p->boolAttr("isExecutable"))
            return p;
    return all.empty() ? nullptr : all.front();
}

} // namespace

std::string toJson(const Scenario& s)
{
    ojson o = ojson::object();
    o["name"] = s.name;
    if (!s.process.empty())
        o["process"] = s.process;
    if (!s.start.empty())
        o["start"] = s.start;
    if (!s.durations.empty()) {
        ojson d = ojson::object();
        for (const auto& [task, dur] : s.durations)
            d[task] = dur.toString();
        o["durations"] = d;
    }
    // One member per line and one step per line: short, and a change shows as one line in a diff.
    // Invalid UTF-8 (names in a .bpmn are untrusted) is replaced rather than thrown on.
    auto dump = [](const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); };
    std::string out = "{\n";
    for (auto it = o.begin(); it != o.end(); ++it)
        out += "  " + dump(it.key()) + ": " + dump(it.value()) + ",\n";
    out += "  \"steps\": [";
    for (std::size_t i = 0; i < s.steps.size(); ++i)
        out += (i ? ",\n    " : "\n    ") + dump(toJsonStep(s.steps[i]));
    out += s.steps.empty() ? "]\n}" : "\n  ]\n}";
    return out;
}

std::vector<StoredScenario> ScenarioStore::list(const Document& doc)
{
    std::vector<StoredScenario> out;
    for (Element* p : sem::processes(doc)) {
        Element* ext = extensionElementsOf(p);
        if (!ext)
            continue;
        for (Element* e : ext->children())
            if (isStoredScenario(doc, e))
                out.push_back({std::string(e->attr("name")), std::string(p->id()), e->textContent(), e->line, e});
    }
    return out;
}

std::vector<Scenario> ScenarioStore::load(const Document& doc, Diagnostics* errors)
{
    std::vector<Scenario> out;
    for (const auto& stored : list(doc)) {
        Diagnostics parseErrors;
        auto scenarios = Scenario::parse(stored.json, doc.fileName(), &parseErrors);
        for (auto& d : parseErrors) {
            // The JSON's line counts from the element's first line (the CDATA starts on it).
            d.line = stored.line > 0 ? stored.line + (d.line > 0 ? d.line - 1 : 0) : 0;
            d.message = "stored scenario '" + stored.name + "': " + d.message;
            if (errors)
                errors->push_back(std::move(d));
        }
        for (auto& s : scenarios) {
            if (!stored.name.empty() && scenarios.size() == 1)
                s.name = stored.name; // the element's name is the key people see and edit
            if (s.process.empty())
                s.process = stored.processId;
            out.push_back(std::move(s));
        }
    }
    return out;
}

ChangeSet ScenarioStore::put(Document& doc, const Scenario& s, std::string* error)
{
    auto fail = [&](std::string why) {
        if (error)
            *error = std::move(why);
        return ChangeSet{};
    };
    if (s.name.empty())
        return fail("a stored scenario needs a name");
    Element* process = targetProcess(doc, s.process);
    if (!process)
        return fail(s.process.empty() ? "the file holds no process to store the scenario in"
                                       : "there is no process '" + s.process + "' in the file");
    Element* old = nullptr;
    if (Element* ext = extensionElementsOf(process))
        for (Element* e : ext->children())
            if (isStoredScenario(doc, e) && e->attr("name") == s.name)
                old = e;

    doc.beginEdit();
    const Ns ns = doc.internNamespace(uri::Runway);
    doc.declareNamespace(ns, "runway");
    Element* ext = extensionElementsOf(process);
    if (!ext) {
        ext = doc.createElement(Ns::Model, "extensionElements");
        // After the documentation, where the schema has it.
        Element* before = process->firstChild;
        while (before && (!before->isElement() || before->type == BpmnType::Documentation))
            before = before->next;
        doc.insert(process, ext, before);
    }
    Element* e = doc.createElement(ns, kScenario);
    doc.setAttribute(e, "name", s.name);
    doc.insert(e, doc.createNode(core::NodeKind::CData, toJson(s)));
    Element* before = old ? old->next : nullptr;
    if (old)
        doc.remove(old);
    doc.insert(ext, e, before);
    return doc.endEdit();
}

ChangeSet ScenarioStore::remove(Document& doc, std::string_view name, std::string_view processId)
{
    doc.beginEdit();
    for (const auto& stored : list(doc))
        if (stored.name == name && (processId.empty() || stored.processId == processId)) {
            doc.remove(stored.element);
            break;
        }
    return doc.endEdit();
}

} // namespace runway::core::engine
