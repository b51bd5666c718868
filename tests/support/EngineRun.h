// A model compiled for the engine tests, and the log of what its instance did: one helper for
// tst_engine, tst_engine_semantics and tst_engine_collab.
#pragma once

#include "runway/core/BpmnReader.h"
#include "runway/core/engine/Instance.h"

#include <memory>
#include <string>
#include <vector>

namespace runway::test {

struct EngineRun {
    std::unique_ptr<core::Document> doc;
    std::shared_ptr<const core::engine::CompiledProcess> process;
    /// "enter:X", "leave:X", "cancel:X", "incident:text", and "timer:X" when timers are recorded
    std::vector<std::string> log;
    std::vector<core::engine::ScopeId> instances; ///< the process instance of each entry of log
    std::string problems;
};

inline EngineRun compileDoc(std::unique_ptr<core::Document> doc, const std::string& processId = {})
{
    EngineRun r;
    r.doc = std::move(doc);
    core::Diagnostics d;
    r.process = core::engine::CompiledProcess::compile(*r.doc, processId, &d);
    for (const auto& x : d)
        r.problems += x.format() + "\n";
    return r;
}

inline EngineRun compile(const std::string& xml, const std::string& processId = {})
{
    auto read = core::BpmnReader::readBytes(xml, "test.bpmn");
    if (!read.ok()) {
        EngineRun r;
        r.problems = read.diagnostics.front().format();
        return r;
    }
    return compileDoc(std::move(read.document), processId);
}

/// Logs what the instance does into r.log (with the process instance of each entry); fired
/// timers too when `timers` is set.
inline void record(EngineRun& r, core::engine::Instance& in, bool timers = false)
{
    in.setObserver([&r, timers](const core::engine::TraceEvent& e) {
        using Kind = core::engine::TraceEvent::Kind;
        const auto& p = *r.process;
        std::string entry;
        switch (e.kind) {
        case Kind::ElementEntered: entry = "enter:" + p.node(e.node).id; break;
        case Kind::ElementLeft: entry = "leave:" + p.node(e.node).id; break;
        case Kind::ElementCancelled: entry = "cancel:" + p.node(e.node).id; break;
        case Kind::TimerFired:
            if (!timers)
                return;
            entry = "timer:" + p.node(e.node).id;
            break;
        case Kind::Incident: entry = "incident:" + e.detail; break;
        default: return;
        }
        r.log.push_back(entry);
        r.instances.push_back(e.instance);
    });
}

} // namespace runway::test
