// Reading the token simulator's trace files (untrusted JSON) and reporting conformance results.
// Running the scenarios is in ConformanceRun.cpp.
#include "runway/core/engine/Conformance.h"

#include "runway/core/Diagnostic.h"
#include "runway/core/FileIo.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace runway::core::engine {

using json = nlohmann::json;

namespace {

constexpr std::size_t kMaxFileBytes = 64u << 20; // the largest recorded file is well under 1 MiB
constexpr int kMaxDepth = 32;                    // the format nests 5 levels deep

struct FormatError {
    std::string message;
};

std::string inQuotes(const std::string& s)
{
    return "'" + s + "'";
}

const json& member(const json& object, const char* key, const std::string& where)
{
    const auto it = object.find(key);
    if (it == object.end())
        throw FormatError{where + " has no \"" + key + "\""};
    return *it;
}

std::string stringMember(const json& object, const char* key, const std::string& where)
{
    const json& v = member(object, key, where);
    if (!v.is_string())
        throw FormatError{where + ": \"" + key + "\" must be a string"};
    auto s = v.get<std::string>();
    if (s.empty())
        throw FormatError{where + ": \"" + key + "\" is empty"};
    return s;
}

/// A flow id, or a list of flow ids (the simulator's exclusive gateways take one, inclusive ones
/// several).
std::vector<std::string> flowIds(const json& v, const std::string& where)
{
    std::vector<std::string> out;
    if (v.is_string()) {
        out.push_back(v.get<std::string>());
        return out;
    }
    if (!v.is_array())
        throw FormatError{where + ": \"activeOutgoing\" must be a flow id or a list of flow ids"};
    for (const auto& f : v) {
        if (!f.is_string())
            throw FormatError{where + ": \"activeOutgoing\" must be a flow id or a list of flow ids"};
        out.push_back(f.get<std::string>());
    }
    return out;
}

ConformanceStep toStep(const json& j, const std::string& where)
{
    if (!j.is_object())
        throw FormatError{where + " is not an object"};
    ConformanceStep st;
    const std::string op = stringMember(j, "op", where);
    using Op = ConformanceStep::Op;
    if (op == "trigger")
        st.op = Op::Trigger;
    else if (op == "signal")
        st.op = Op::Signal;
    else if (op == "setConfig")
        st.op = Op::SetConfig;
    else if (op == "waitAtElement")
        st.op = Op::WaitAtElement;
    else if (op == "expectTrace")
        st.op = Op::ExpectTrace;
    else
        throw FormatError{where + ": the op " + inQuotes(op) +
                          " is not one of trigger, signal, setConfig, waitAtElement, expectTrace"};
    if (st.op == Op::ExpectTrace) {
        const json& trace = member(j, "trace", where);
        if (!trace.is_array())
            throw FormatError{where + ": \"trace\" must be a list of \"action:elementId:scope\" strings"};
        for (const auto& e : trace) {
            if (!e.is_string())
                throw FormatError{where + ": \"trace\" must be a list of \"action:elementId:scope\" strings"};
            auto s = e.get<std::string>();
            const auto first = s.find(':');
            const auto last = s.rfind(':');
            if (first == std::string::npos || first == last || first == 0 || last == first + 1)
                throw FormatError{where + ": the trace entry " + inQuotes(s) +
                                  " is not of the form \"action:elementId:scope\""};
            st.trace.push_back(std::move(s));
        }
        return st;
    }
    st.element = stringMember(j, "element", where);
    if (st.op == Op::SetConfig) {
        const json& config = member(j, "config", where);
        if (!config.is_object())
            throw FormatError{where + ": \"config\" must be an object"};
        st.activeOutgoing = flowIds(member(config, "activeOutgoing", where + ", config"), where);
    }
    return st;
}

ConformanceScenario toScenario(const json& j, std::size_t index)
{
    const std::string where = "scenario " + std::to_string(index);
    if (!j.is_object())
        throw FormatError{where + " is not an object"};
    ConformanceScenario s;
    s.name = stringMember(j, "name", where);
    const std::string named = where + " (" + inQuotes(s.name) + ")";
    const json& steps = member(j, "steps", named);
    if (!steps.is_array() || steps.empty())
        throw FormatError{named + ": \"steps\" must be a non-empty list"};
    std::size_t n = 0;
    for (const auto& step : steps)
        s.steps.push_back(toStep(step, named + ", step " + std::to_string(++n)));
    return s;
}

void appendList(std::string& j, const std::vector<std::string>& v)
{
    j += '[';
    for (std::size_t i = 0; i < v.size(); ++i)
        j += (i ? ",\"" : "\"") + jsonEscape(v[i]) + "\"";
    j += ']';
}

} // namespace

bool ConformanceFile::parse(const std::string& text, const std::string& path, ConformanceFile& out, std::string* error)
{
    auto fail = [&](const std::string& what) {
        if (error)
            *error = path + ": " + what;
        return false;
    };
    json j;
    try {
        // Depth is bounded while parsing, before any nesting can cost anything.
        j = json::parse(text, [](int depth, json::parse_event_t, json&) {
            if (depth > kMaxDepth)
                throw FormatError{"nested more than " + std::to_string(kMaxDepth) + " levels deep; a trace file nests 5"};
            return true;
        });
    } catch (const json::parse_error& e) {
        const auto upto = std::min<std::size_t>(e.byte, text.size());
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(upto), '\n');
        return fail("line " + std::to_string(line) + ": not valid JSON (" + e.what() + ")");
    } catch (const FormatError& e) {
        return fail(e.message);
    }
    ConformanceFile f;
    f.path = path;
    try {
        if (!j.is_object())
            throw FormatError{"the file must hold one object with \"diagram\" and \"scenarios\""};
        const std::string diagram = stringMember(j, "diagram", "the file");
        f.diagram = (std::filesystem::path(path).parent_path() / diagram).lexically_normal().string();
        const json& scenarios = member(j, "scenarios", "the file");
        if (!scenarios.is_array() || scenarios.empty())
            throw FormatError{"\"scenarios\" must be a non-empty list"};
        std::size_t n = 0;
        for (const auto& s : scenarios)
            f.scenarios.push_back(toScenario(s, ++n));
    } catch (const FormatError& e) {
        return fail(e.message);
    } catch (const json::exception& e) {
        return fail(std::string("a value has the wrong type: ") + e.what());
    }
    out = std::move(f);
    return true;
}

bool ConformanceFile::load(const std::string& path, ConformanceFile& out, std::string* error)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxFileBytes) {
        if (error)
            *error = path + ": the file is " + std::to_string(size >> 20) + " MiB; a trace file is far smaller";
        return false;
    }
    std::string text, why;
    if (!readWholeFile(path, text, &why)) {
        if (error)
            *error = path + ": cannot be read: " + why;
        return false;
    }
    return parse(text, path, out, error);
}

int ConformanceReport::passed() const
{
    return static_cast<int>(std::count_if(results.begin(), results.end(), [](const auto& r) { return r.passed; }));
}

int ConformanceReport::failed() const
{
    return static_cast<int>(results.size()) - passed();
}

std::string ConformanceReport::toJson() const
{
    std::string j = "{\"file\":\"" + jsonEscape(file) + "\"";
    if (!error.empty())
        j += ",\"error\":\"" + jsonEscape(error) + "\"";
    j += ",\"passed\":" + std::to_string(passed()) + ",\"failed\":" + std::to_string(failed()) + ",\"scenarios\":[";
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto& r = results[i];
        j += (i ? ",{" : "{");
        j += "\"name\":\"" + jsonEscape(r.scenario) + "\",\"passed\":" + (r.passed ? "true" : "false");
        if (!r.passed) {
            j += ",\"step\":" + std::to_string(r.step) + ",\"difference\":\"" + jsonEscape(r.difference) + "\"";
            j += ",\"missing\":";
            appendList(j, r.missing);
            j += ",\"unexpected\":";
            appendList(j, r.unexpected);
        }
        j += '}';
    }
    return j + "]}";
}

} // namespace runway::core::engine
