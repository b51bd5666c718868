#pragma once

#include "runway/core/Diagnostic.h"
#include "runway/core/Document.h"

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// The validator's shared state and helpers; its rules are grouped in FlowRules.cpp,
// ReferenceRules.cpp, TimerRules.cpp and DiRules.cpp, and Validator.cpp runs them.

namespace runway::core::validation {

using Severity = Diagnostic::Severity;

std::string_view trim(std::string_view s);
std::string kindName(const Element* e);
std::string named(const Element* e);

/// A sequence flow at one of its ends.
struct Edge {
    const Element* node;
    Element* flow;
};

struct Degree {
    std::span<const Edge> in, out; // sequence flows ending and starting here, in file order
};

/// One run of the checks over a document: what the walk collected, the lookups the rules share,
/// the findings, and the rules themselves (each group defined in its own file).
class ValidationContext {
public:
    explicit ValidationContext(const Document& doc) : m_doc(doc), m_file(doc.fileName()) {}

    /// Collects, runs every rule, and returns the findings in line order (Validator.cpp).
    Diagnostics run();

private:
    // collection and helpers: ValidationContext.cpp
    void collect(Element* root);
    void reportDuplicates(const std::vector<Element*>& shadowed);
    void sort(Element* e);
    Element* resolve(std::string_view ref) const;
    static std::string idFor(const Element* e);
    void add(Severity s, const Element* e, const char* code, std::string message);
    Degree degree(const Element* n) const;
    static bool contains(std::span<const Edge> edges, const Element* flow);
    bool hasDi(const Element* e) const { return std::binary_search(m_drawn.begin(), m_drawn.end(), e); }
    const Element* poolOf(const Element* e) const;
    std::string poolName(const Element* pool) const;

    // sequence flows, flow nodes, boundary events, message flows: FlowRules.cpp
    void checkSequenceFlows();
    void checkSameContainer(const Element* f, const Element* s, const Element* t);
    bool exemptFromConnection(const Element* n) const;
    static bool hasCondition(const Element* flow);
    void checkFlowNodes();
    void checkDefault(const Element* n, const Degree& d);
    void checkIncomingOutgoing(const Element* n, const Degree& d);
    void checkBoundaryEvents();
    void checkMessageFlows();

    // references: ReferenceRules.cpp
    void checkDefinitionRefs();
    void checkOtherRefs();

    // timers: TimerRules.cpp
    void checkTimers();

    // DI: DiRules.cpp
    bool contentDrawn(const Element* container);
    void checkDi(const Element* root);

    const Document& m_doc;
    const std::string& m_file;
    Diagnostics m_out;
    std::unordered_map<std::string_view, Element*> m_unindexed;
    std::vector<Element*> m_flowNodes, m_sequenceFlows, m_messageFlows, m_participants, m_lanes, m_dataRefs,
        m_associations, m_annotations, m_timers, m_refHolders, m_di;
    std::vector<Edge> m_inEdges, m_outEdges;                                // sorted by node after checkSequenceFlows
    std::vector<const Element*> m_drawn, m_planeTargets, m_expandedTargets; // sorted, for binary search
    std::unordered_map<const Element*, bool> m_drawnCache;
    std::unordered_map<const Element*, int> m_nodesIn; // flow nodes (not boundary events) per container
    bool m_hasDiagram = false;
};

} // namespace runway::core::validation
