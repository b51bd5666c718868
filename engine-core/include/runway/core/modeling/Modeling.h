#pragma once

#include "runway/core/Document.h"
#include "runway/core/Iso8601.h"
#include "runway/core/modeling/ModelingRules.h"
#include "runway/core/modeling/Routing.h"

#include <cstdint>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace runway::core::modeling {

struct Size {
    double width = 0, height = 0;
};
/// The size bpmn.io gives a new shape of that type (task 100x80, event 36x36, gateway 50x50, ...).
Size defaultSize(BpmnType type, bool expanded = false);
/// The id prefix bpmn.io uses for a type: "Activity", "Event", "Gateway", "Flow", ...
std::string idPrefix(BpmnType type);
/// Why text is not a valid id (an XML NCName: a letter or '_' first, then letters, digits, '_',
/// '-', '.'), in a sentence; empty when it is one.
std::string idProblem(std::string_view id);

/// The result of one facade operation: the change set (one undo step; empty when nothing changed
/// or the operation was refused), what it created, and why it was refused.
struct Edit {
    ChangeSet changes;
    std::vector<Element*> created; ///< semantic elements created (the main one first)
    std::string error;             ///< non-empty: refused, and the document is unchanged
    bool ok() const { return error.empty(); }
    Element* element() const { return created.empty() ? nullptr : created.front(); }
};

/// Copied elements, independent of any document: each copied node as plain data.
struct ClipNode {
    NodeKind kind = NodeKind::Element;
    std::string nsUri, local, text;
    struct Attr {
        std::string nsUri, local, value;
    };
    std::vector<Attr> attrs;
    std::vector<ClipNode> children;
};
struct Clipboard {
    std::vector<ClipNode> semantic; ///< flow elements, boundary events, internal flows
    std::vector<ClipNode> di;       ///< their BPMNShapes and BPMNEdges
    Bounds extent;                  ///< the copied shapes' bounding box
    bool empty() const { return semantic.empty(); }
};

enum class Alignment { Left, Center, Right, Top, Middle, Bottom };
enum class Axis { Horizontal, Vertical };
enum class LoopKind { None, Standard, Parallel, Sequential };
/// The settings of a loop (ModelingLoops.cpp): the first three of a standard loop, the last two of a
/// multi-instance activity.
enum class LoopSetting { TestBefore, LoopMaximum, LoopCondition, LoopCardinality, CompletionCondition };
/// Date, duration or cycle: the ISO 8601 module's own kinds, so its parser and names serve the facade.
using TimerKind = iso8601::TimerKind;

/// A guide line shown while dragging: x = position (Vertical) or y = position (Horizontal).
struct Guide {
    Axis axis = Axis::Vertical;
    double position = 0;
};
struct Snapped {
    Point delta;
    std::vector<Guide> guides;
};
/// A value on the grid (bpmn.io: 10).
double snapToGrid(double v, double grid = 10);
/// The delta that puts the moving rect's top-left corner on the grid.
Point snapDelta(const Bounds& moving, Point delta, double grid = 10);
/// Snapping to neighbours: when the moved rect's left/centre/right (top/middle/bottom) comes within
/// tolerance of a neighbour's, the delta is adjusted so they line up, and the guide is returned.
/// Falls back to the grid on an axis without a guide.
Snapped alignmentGuides(const Bounds& moving, Point delta, std::span<const Bounds> neighbours, double tolerance = 5,
                        double grid = 10);

/// The modeling facade: every operation is one beginEdit()/endEdit() (one undo step), keeps the
/// semantic model and its diagram in step, and refuses what the modeling rules deny (Edit::error)
/// without changing anything. The GUI only translates gestures into these calls; undo is
/// Document::revert(edit.changes), redo Document::reapply(edit.changes).
class Modeling : private DocumentObserver {
public:
    explicit Modeling(Document& doc, std::uint64_t idSeed = 0x52756e776179ull);
    ~Modeling() override;
    Modeling(const Modeling&) = delete;
    Modeling& operator=(const Modeling&) = delete;
    Document& document() { return m_doc; }

    /// A fresh id, unique in the document, valid NCName: "Activity_0k2x9d1".
    std::string freshId(BpmnType type);

    // ---- shapes and connections ----
    /// A new element of any kind centred at `at` in a container (process, participant, lane,
    /// expanded sub-process, or a collaboration for a pool), with its shape of default size.
    Edit create(const TypeSpec& spec, Element* container, Point at);
    /// A new element to the right of (or below, in a vertical pool) source, connected to it.
    Edit append(Element* source, const TypeSpec& spec);
    /// A connection (FlowType::None: the natural one) with a fresh orthogonal route, or the given waypoints.
    Edit connect(Element* source, Element* target, FlowType type = FlowType::None, std::vector<Point> waypoints = {});
    /// Moves shapes by a delta with their labels, boundary events and contents; routes follow.
    Edit move(std::span<Element* const> elements, Point delta);
    /// Moves elements by a delta into another container (process, pool, lane, expanded
    /// sub-process): they change process level, and their connections that would then cross
    /// levels (or a message flow that would stay inside one pool) are deleted.
    Edit moveInto(std::span<Element* const> elements, Element* container, Point delta);
    Edit resize(Element* element, const Bounds& bounds);
    /// Deletes elements with their connections, boundary events, contents, lane references and DI.
    Edit remove(std::span<Element* const> elements);

    // ---- type and properties ----
    Edit changeType(Element* element, const TypeSpec& to);
    Edit attach(Element* event, Element* activity, Point at);
    Edit detach(Element* boundaryEvent, Point at);
    Edit setName(Element* element, std::string_view name); ///< the label text (a text annotation's text)
    Edit setDocumentation(Element* element, std::string_view text);
    /// Any attribute without namespace; an empty value removes it.
    Edit setAttribute(Element* element, std::string_view name, std::string_view value);
    Edit setTimer(Element* event, TimerKind kind, std::string_view value);
    Edit setCondition(Element* flow, std::string_view expression);
    Edit setDefaultFlow(Element* node, Element* flow);
    Edit setInterrupting(Element* event, bool interrupting);
    Edit setLoop(Element* activity, LoopKind kind);
    /// One setting of the activity's loop (ModelingLoops.cpp): testBefore "true"/"false",
    /// loopMaximum a whole number >= 0, the three expressions as tFormalExpression text, placed
    /// where the schema orders them. An empty value removes it; a setting of the other loop kind
    /// (or of an activity without a loop) and a malformed value are refused with a sentence.
    Edit setLoopSetting(Element* activity, LoopSetting which, std::string_view value);
    Edit setCalledElement(Element* callActivity, std::string_view processId);
    /// The message, error, signal or escalation an event refers to, by name: the root element is
    /// found by name or created.
    Edit setEventRef(Element* event, std::string_view name);
    /// A new id (a valid NCName, unused in the file) and every reference to the old one: flow ends,
    /// incoming/outgoing, default, attachedToRef, flowNodeRef, messageRef and the other ...Ref
    /// attributes, DI bpmnElement, and calledElement when the element is a process of this file.
    /// The same id is an empty edit; an invalid or duplicate one is refused with a sentence.
    Edit setId(Element* element, std::string_view id);

    // ---- clipboard, arrangement ----
    Clipboard copy(std::span<Element* const> elements);
    Edit paste(const Clipboard& clip, Element* container, Point delta);
    Edit duplicate(std::span<Element* const> elements, Point delta = {30, 30});
    Edit align(std::span<Element* const> elements, Alignment how);
    Edit distribute(std::span<Element* const> elements, Axis axis);

    // ---- pools and lanes ----
    /// Wraps a process into a pool (collaboration + participant + DI). Vertical pools: horizontal=false.
    Edit createPool(Element* process, bool horizontal = true);
    /// A new pool in a collaboration that has pools already: a participant with its own new, empty
    /// process, drawn 600x250 (vertical: 250x600) centred at `at`. created: the participant, the process.
    Edit addParticipant(Element* collaboration, Point at, bool horizontal = true);
    /// A lane above (before) or below (after) a lane; on a pool without lanes, two lanes: one
    /// holding the existing content and the new one.
    Edit addLane(Element* poolOrLane, bool before);

    // ---- routes ----
    Edit setWaypoints(Element* flow, std::vector<Point> waypoints);
    Edit moveSegment(Element* flow, std::size_t segment, double delta);
    Edit addBendpoint(Element* flow, std::size_t segment, Point at);
    Edit removeBendpoint(Element* flow, std::size_t index);
    /// Connects one end of a flow to another element (source end when atSource).
    Edit reconnect(Element* flow, Element* newEnd, bool atSource);

    // ---- labels (ModelingLabels.cpp) ----
    /// Places the external label of a shape or a connection (its BPMNLabel, made when missing).
    Edit setLabelBounds(Element* element, const Bounds& bounds);

    // ---- helpers shared by the facade's parts and the layout ----
    Element* shape(const Element* e) const;
    Element* edge(const Element* e) const;
    /// The plane that draws a container's contents (created, with its diagram, when none).
    Element* planeFor(const Element* container);
    void setBounds(Element* shape, const Bounds& b);
    void writeWaypoints(Element* edge, const std::vector<Point>& pts);
    Element* newElement(Ns ns, std::string_view local, BpmnType idType = BpmnType::Count);
    /// A detached `<bpmn:local xsi:type="bpmn:tFormalExpression">text</bpmn:local>`, as Camunda
    /// Modeler writes conditions, timer values and loop expressions.
    Element* newFormalExpression(std::string_view local, std::string_view text);
    /// Inserts child where the schema puts it among parent's children.
    void insertOrdered(Element* parent, Element* child);
    Element* addShape(Element* plane, const Element* semantic, const Bounds& b);
    Element* addEdge(Element* plane, const Element* semantic, const std::vector<Point>& pts);
    /// The two ends of a connection (sequence/message flow, association, data association).
    std::pair<Element*, Element*> ends(const Element* flow) const;
    /// The process a container stands for: itself, a participant's process, a lane's process.
    Element* flowContainer(Element* container);
    /// Re-routes every connection of the given elements whose shapes moved.
    void rerouteConnections(const std::vector<Element*>& moved, Point delta);
    /// Puts each flow node into the lane its shape's centre lies in.
    void updateLaneRefs(const std::vector<Element*>& nodes);
    /// The connections (flows, associations, data associations) ending at an element, and the
    /// boundary events attached to an activity, from an index kept up to date with every change
    /// set of the document (built on first use), so that an edit of one element does not scan
    /// the whole file.
    std::vector<Element*> connectionsOf(const Element* e);
    std::vector<Element*> boundaryEventsOf(const Element* activity);

private:
    Edit finish(Edit e);
    Edit refuse(std::string why);
    /// resize() of a lane, or of a pool with lanes: neighbours and the pool follow (ModelingPools.cpp).
    Edit resizeLanes(Element* element, const Bounds& bounds);
    void moveShapes(const std::vector<std::pair<Element*, Point>>& moves);
    void translateShape(Element* shape, Point delta);
    std::vector<Element*> movedClosure(std::span<Element* const> elements);
    Element* createRaw(const TypeSpec& spec, Element* container, const Bounds& b);
    Element* connectRaw(Element* source, Element* target, FlowType type, std::vector<Point> pts);
    void switchEventDefinition(Element* event, BpmnType def);
    Element* rootElementNamed(BpmnType type, std::string_view name);

    void documentChanged(const ChangeSet& changes) override;
    void indexSubtree(Element* e);

    Document& m_doc;
    std::mt19937_64 m_random;
    struct Index; // ModelingIndex.cpp
    std::unique_ptr<Index> m_index;
};

} // namespace runway::core::modeling
