#include "runway/core/engine/Scenario.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace runway::core::engine {

using json = nlohmann::json;

namespace {

struct ParseError {
    std::string message;
};

Value toValue(const json& j, int depth = 0)
{
    if (depth > 64)
        throw ParseError{"a variable's value is nested more than 64 levels deep"};
    switch (j.type()) {
    case json::value_t::null: return Value();
    case json::value_t::boolean: return Value(j.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return Value(j.get<double>());
    case json::value_t::string: return Value(j.get<std::string>());
    case json::value_t::array: {
        List l;
        for (const auto& e : j)
            l.push_back(toValue(e, depth + 1));
        return Value(std::move(l));
    }
    case json::value_t::object: {
        Context c;
        for (auto it = j.begin(); it != j.end(); ++it)
            c.set(it.key(), toValue(it.value(), depth + 1));
        return Value(std::move(c));
    }
    default: throw ParseError{"a value is not null, a boolean, a number, a string, a list or an object"};
    }
}

Variables toVariables(const json& j, const std::string& where)
{
    if (!j.is_object())
        throw ParseError{where + ": \"variables\" must be an object of names to values"};
    Variables v;
    for (auto it = j.begin(); it != j.end(); ++it)
        v.set(it.key(), toValue(it.value()));
    return v;
}

std::string str(const json& step, const char* key, const std::string& where)
{
    const auto it = step.find(key);
    if (it == step.end() || !it->is_string())
        throw ParseError{where + ": \"" + key + "\" must be a string"};
    return it->get<std::string>();
}

std::vector<std::string> strings(const json& j, const std::string& where)
{
    if (!j.is_array())
        throw ParseError{where + " must be a list of element ids"};
    std::vector<std::string> v;
    for (const auto& e : j) {
        if (!e.is_string())
            throw ParseError{where + " must be a list of element ids"};
        v.push_back(e.get<std::string>());
    }
    return v;
}

iso8601::Duration duration(const json& j, const std::string& where)
{
    if (!j.is_string())
        throw ParseError{where + " must be an ISO 8601 duration such as \"PT15M\""};
    auto d = iso8601::parseDuration(j.get<std::string>());
    if (!d)
        throw ParseError{where + ": " + d.error};
    return *d;
}

Scenario::Expect toExpect(const json& j, const std::string& where)
{
    if (!j.is_object())
        throw ParseError{where + ": \"expect\" must be an object"};
    Scenario::Expect e;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& k = it.key();
        const std::string at = where + ", expect." + k;
        if (k == "waitingAt")
            e.waitingAt = strings(*it, at);
        else if (k == "passed")
            e.passed = strings(*it, at);
        else if (k == "notPassed")
            e.notPassed = strings(*it, at);
        else if (k == "ended")
            e.ended = str(j, "ended", where);
        else if (k == "completed" && it->is_boolean())
            e.completed = it->get<bool>();
        else if (k == "incident" && it->is_boolean())
            e.incident = it->get<bool>();
        else if (k == "clock")
            e.clock = str(j, "clock", where);
        else if (k == "variables")
            e.variables = toVariables(*it, at);
        else
            throw ParseError{at + ": not an expectation Runway knows (waitingAt, passed, notPassed, ended, "
                                  "completed, incident, clock, variables)"};
    }
    return e;
}

Scenario toScenario(const json& j, int index)
{
    if (!j.is_object())
        throw ParseError{"scenario " + std::to_string(index) + " is not an object"};
    Scenario s;
    s.name = j.value("name", "scenario " + std::to_string(index));
    s.process = j.value("process", "");
    s.start = j.value("start", "");
    if (auto d = j.find("durations"); d != j.end()) {
        if (!d->is_object())
            throw ParseError{s.name + ": \"durations\" must map task ids to ISO 8601 durations"};
        for (auto it = d->begin(); it != d->end(); ++it)
            s.durations.emplace_back(it.key(), duration(*it, s.name + ", durations." + it.key()));
    }
    const auto steps = j.find("steps");
    if (steps == j.end() || !steps->is_array())
        throw ParseError{s.name + ": \"steps\" must be a list"};
    int n = 0;
    for (const auto& js : *steps) {
        ++n;
        const std::string where = s.name + ", step " + std::to_string(n);
        if (!js.is_object())
            throw ParseError{where + " is not an object"};
        Scenario::Step st;
        st.line = n;
        using K = Scenario::Step::Kind;
        if (js.contains("start")) {
            st.kind = K::Start;
            st.element = js["start"].is_string() ? js["start"].get<std::string>() : std::string();
        } else if (js.contains("advance")) {
            st.kind = K::Advance;
            st.duration = duration(js["advance"], where + ", advance");
        } else if (js.contains("advanceTo")) {
            st.kind = K::AdvanceTo;
            st.time = str(js, "advanceTo", where);
        } else if (js.contains("nextTimer")) {
            st.kind = K::NextTimer;
        } else if (js.contains("run")) {
            st.kind = K::Run;
        } else if (js.contains("complete")) {
            st.kind = K::Complete;
            st.element = str(js, "complete", where);
        } else if (js.contains("fail")) {
            st.kind = K::Fail;
            st.element = str(js, "fail", where);
            st.name = str(js, "error", where);
        } else if (js.contains("message")) {
            st.kind = K::Message;
            st.name = str(js, "message", where);
            if (js.contains("correlationKey"))
                st.correlationKey = str(js, "correlationKey", where);
        } else if (js.contains("signal")) {
            st.kind = K::Signal;
            st.name = str(js, "signal", where);
        } else if (js.contains("choose")) {
            st.kind = K::Choose;
            st.element = str(js, "choose", where);
            st.flows = strings(js.value("flows", json::array()), where + ", flows");
        } else if (js.contains("expect")) {
            st.kind = K::Expect;
            st.expect = toExpect(js["expect"], where);
        } else {
            throw ParseError{where + ": a step is one of start, advance, advanceTo, nextTimer, run, complete, fail, "
                                     "message, signal, choose, expect"};
        }
        if (auto v = js.find("variables"); v != js.end() && st.kind != K::Expect)
            st.variables = toVariables(*v, where);
        s.steps.push_back(std::move(st));
    }
    return s;
}

/// Gateways follow the scenario's choices, then conditions; tasks take the scenario's durations.
class ScenarioPolicy : public ConditionPolicy {
public:
    std::vector<std::pair<std::string, std::vector<std::string>>> choices;
    std::vector<std::pair<std::string, iso8601::Duration>> durations;

    std::vector<FlowIndex> chooseFlows(const Instance& in, NodeIndex node, const std::vector<FlowIndex>& candidates,
                                       std::string* error) override
    {
        const auto& p = in.process();
        for (const auto& [gateway, flows] : choices)
            if (p.node(node).id == gateway) {
                std::vector<FlowIndex> chosen;
                for (const auto& f : flows)
                    if (FlowIndex i = p.flowIndex(f); i >= 0)
                        chosen.push_back(i);
                return chosen;
            }
        return ConditionPolicy::chooseFlows(in, node, candidates, error);
    }
    WorkDecision work(const Instance& in, NodeIndex node) override
    {
        for (const auto& [task, d] : durations)
            if (in.process().node(node).id == task)
                if (auto ms = d.fixedLength())
                    return {WorkDecision::Kind::Take, *ms};
        return ConditionPolicy::work(in, node); // user tasks wait for a "complete" step
    }
};

std::string list(const std::vector<std::string>& v)
{
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i)
        s += (i ? ", " : "") + v[i];
    return s + "]";
}

} // namespace

std::optional<Variables> parseVariables(const std::string& text, std::string* error)
{
    try {
        return toVariables(json::parse(text), "the variables");
    } catch (const ParseError& e) {
        if (error)
            *error = e.message;
    } catch (const json::exception& e) {
        if (error)
            *error = std::string("the variables are not valid JSON: ") + e.what();
    }
    return std::nullopt;
}

std::vector<Scenario> Scenario::parse(const std::string& text, const std::string& file, Diagnostics* errors)
{
    std::vector<Scenario> out;
    auto fail = [&](int line, const std::string& msg) {
        if (errors)
            errors->push_back({Diagnostic::Severity::Error, file, line, {}, "scenario-invalid", msg});
        return std::vector<Scenario>{};
    };
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        // nlohmann reports a byte offset; give the line, as every other message does.
        const auto upto = std::min<std::size_t>(e.byte, text.size());
        const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(upto), '\n'));
        return fail(line, std::string("the file is not valid JSON: ") + e.what());
    }
    try {
        if (j.is_object() && j.contains("scenarios")) {
            int i = 0;
            for (const auto& s : j["scenarios"])
                out.push_back(toScenario(s, ++i));
        } else {
            out.push_back(toScenario(j, 1));
        }
    } catch (const ParseError& e) {
        return fail(0, e.message);
    } catch (const json::exception& e) {
        return fail(0, std::string("the scenario has a value of the wrong type: ") + e.what());
    }
    return out;
}

ScenarioResult runScenario(const Scenario& s, std::shared_ptr<const CompiledProcess> process)
{
    ScenarioResult r;
    TimePoint t0{std::chrono::sys_days(std::chrono::year(2026) / 1 / 1).time_since_epoch()};
    if (!s.start.empty()) {
        auto d = iso8601::parseDateTime(s.start);
        if (!d) {
            r.passed = false;
            r.failure = "start: " + d.error;
            return r;
        }
        t0 = d->time;
    }
    ScenarioPolicy policy;
    policy.durations = s.durations;
    Instance in(process, &policy, t0);
    std::vector<char> left(process->nodes().size(), 0);
    in.setObserver([&](const TraceEvent& e) {
        if (e.kind == TraceEvent::Kind::ElementLeft && e.node != kNoNode)
            left[static_cast<std::size_t>(e.node)] = 1;
        r.trace.push_back(e);
    });
    auto failAt = [&](const Scenario::Step& st, std::string what) {
        r.passed = false;
        r.failure = "step " + std::to_string(st.line) + ": " + std::move(what);
        r.finalState = in.snapshot();
        return r;
    };
    using K = Scenario::Step::Kind;
    for (const auto& st : s.steps) {
        switch (st.kind) {
        case K::Start:
            if (!in.start(st.element, st.variables))
                return failAt(st, "cannot start at '" + st.element + "' (not a start event of the process?)");
            break;
        case K::Advance: in.advanceBy(std::chrono::milliseconds(st.duration.addTo(in.clock()) - in.clock())); break;
        case K::AdvanceTo: {
            auto d = iso8601::parseDateTime(st.time);
            if (!d)
                return failAt(st, "advanceTo: " + d.error);
            if (d->time > in.clock())
                in.advanceBy(std::chrono::milliseconds(d->time - in.clock()));
            break;
        }
        case K::NextTimer:
            if (!in.advanceToNextTimer())
                return failAt(st, "nextTimer: no timer is waiting");
            break;
        case K::Run: in.runToEnd(); break;
        case K::Complete:
            if (!in.completeTask(st.element, st.variables))
                return failAt(st, "complete: no token waits at '" + st.element + "'; tokens are at " + list(in.waitingAt()));
            break;
        case K::Fail:
            if (!in.failActivity(st.element, st.name))
                return failAt(st, "fail: no activity '" + st.element + "' is running; tokens are at " + list(in.waitingAt()));
            break;
        case K::Message:
            if (st.correlationKey ? !in.correlateMessage(st.name, st.variables, *st.correlationKey)
                                  : !in.correlateMessage(st.name, st.variables))
                return failAt(
                    st, "message '" + st.name + "'" +
                            (st.correlationKey ? " with correlation key '" + *st.correlationKey + "'" : std::string()) +
                            ": nothing waits for it");
            break;
        case K::Signal: in.broadcastSignal(st.name); break;
        case K::Choose: policy.choices.emplace_back(st.element, st.flows); break;
        case K::Expect: {
            const auto& e = st.expect;
            if (e.waitingAt) {
                auto want = *e.waitingAt;
                std::sort(want.begin(), want.end());
                if (in.waitingAt() != want)
                    return failAt(st, "expected tokens at " + list(want) + ", got " + list(in.waitingAt()));
            }
            for (const auto& id : e.passed) {
                const NodeIndex n = process->nodeIndex(id);
                if (n == kNoNode || !left[static_cast<std::size_t>(n)])
                    return failAt(st, "expected '" + id + "' to have been passed; it was not");
            }
            for (const auto& id : e.notPassed) {
                const NodeIndex n = process->nodeIndex(id);
                if (n != kNoNode && left[static_cast<std::size_t>(n)])
                    return failAt(st, "expected '" + id + "' not to have been passed; it was");
            }
            if (e.completed && in.completed() != *e.completed)
                return failAt(st, std::string("expected the instance ") + (*e.completed ? "" : "not ") +
                                      "to be completed; it " + (in.completed() ? "is" : "is not"));
            if (e.ended) {
                // The first process instance (the process run), or, for an end event of another
                // pool's or a called process, any instance of that process.
                const NodeIndex want = process->nodeIndex(*e.ended);
                const auto& scopes = in.state().scopes;
                const bool other = want != kNoNode && process->node(want).process != 0;
                bool ok = false;
                std::string got = "no end (tokens at " + list(in.waitingAt()) + ")";
                for (const Scope& sc : scopes) {
                    if (sc.id != sc.instance || !sc.done ||
                        (other ? sc.process != process->node(want).process : sc.id != 0))
                        continue;
                    if (sc.endedAt == want)
                        ok = true;
                    else
                        got = sc.endedAt == kNoNode ? "no end event" : "'" + process->node(sc.endedAt).id + "'";
                }
                if (!ok)
                    return failAt(st, "expected the instance to end at '" + *e.ended + "', got " + got);
            }
            if (e.incident && in.failed() != *e.incident)
                return failAt(st, in.failed() ? "unexpected incident: " + in.incidents().front()
                                               : std::string("expected an incident; there was none"));
            if (e.clock) {
                auto d = iso8601::parseDateTime(*e.clock);
                if (!d)
                    return failAt(st, "expect.clock: " + d.error);
                if (d->time != in.clock())
                    return failAt(st, "expected the clock at " + iso8601::formatUtc(d->time) + ", it is at " +
                                          iso8601::formatUtc(in.clock()));
            }
            for (const auto& [name, value] : e.variables) {
                const Value* got = in.variables().findPath(name);
                if (!got || !(*got == value))
                    return failAt(st, "expected variable " + name + " = " + value.toString() + ", got " +
                                          (got ? got->toString() : std::string("nothing (not set)")));
            }
            break;
        }
        }
        in.runUntilIdle();
        if (in.failed() && st.kind != K::Expect) {
            // An incident is a finding; a later expectation may expect it.
            const bool expected = std::any_of(s.steps.begin(), s.steps.end(), [](const Scenario::Step& x) {
                return x.kind == K::Expect && x.expect.incident && *x.expect.incident;
            });
            if (!expected)
                return failAt(st, "incident: " + in.incidents().front());
        }
    }
    r.finalState = in.snapshot();
    return r;
}

} // namespace runway::core::engine
