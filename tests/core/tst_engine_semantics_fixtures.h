// Processes for the engine-semantics tests (transactions, compensation, complex gateways, the timer
// heap), kept out of the test source because moc misreads "//" inside raw string literals.
#pragma once

#include "tst_engine_fixtures.h"

#include <string>

namespace {

inline std::string userTask(const std::string& id)
{
    return "<bpmn:userTask id=\"" + id + "\" />\n";
}

/// A boundary event on `activity`; `definition` is its event definition (empty: none).
inline std::string boundary(const std::string& id, const std::string& activity, const std::string& definition,
                            bool interrupting = true)
{
    return "<bpmn:boundaryEvent id=\"" + id + "\" attachedToRef=\"" + activity + "\"" +
           (interrupting ? "" : " cancelActivity=\"false\"") + ">" + definition + "</bpmn:boundaryEvent>\n";
}

} // namespace
