#pragma once

#include "runway/core/ChangeSet.h"
#include "runway/core/Diagnostic.h"
#include "runway/core/Document.h"
#include "runway/core/engine/Scenario.h"

#include <string>
#include <string_view>
#include <vector>

namespace runway::core::engine {

/// A scenario as the JSON text of docs/scenarios.md (one object, two-space indentation): the
/// inverse of Scenario::parse, so parse(toJson(s)) gives s back.
std::string toJson(const Scenario& s);

/// One scenario stored in a .bpmn file, as found there.
struct StoredScenario {
    std::string name;      ///< the key: unique per process
    std::string processId; ///< the process whose extensionElements hold it
    std::string json;      ///< the scenario's JSON text
    int line = 0;          ///< where the element starts in the file (0: added since reading)
    Element* element = nullptr;
};

/// Scenarios kept inside a .bpmn file (decision record 0010): each is a
/// <runway:scenario name="..."> element holding the scenario's JSON in a CDATA section, in the
/// bpmn:extensionElements of the process it runs (bpmn:definitions has no extensionElements in
/// the BPMN 2.0 schema). Other tools keep foreign extension elements and ignore them; the file
/// stays valid against the OMG schema.
///
/// Changes go through the Document's mutation API, one ChangeSet per call, so an editor can undo
/// them.
class ScenarioStore {
public:
    /// The stored scenarios, in file order (processes in file order).
    static std::vector<StoredScenario> list(const Document& doc);
    /// Parses every stored scenario. A scenario without a "process" member runs the process that
    /// holds it. Errors name the file and the line of the element (plus the line inside the JSON).
    static std::vector<Scenario> load(const Document& doc, Diagnostics* errors);
    /// Stores a scenario in the process it names (or the process CompiledProcess::compile would run
    /// when it names none), replacing a stored one of the same name in that process in place.
    /// Returns the change set; empty, with *error set, when there is no such process or the name
    /// is empty.
    static ChangeSet put(Document& doc, const Scenario& s, std::string* error);
    /// Removes the stored scenario of that name (in any process, or in the one named). Returns the
    /// change set, empty when there was none.
    static ChangeSet remove(Document& doc, std::string_view name, std::string_view processId = {});
};

} // namespace runway::core::engine
