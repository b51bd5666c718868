// What the notation painter needs to know about one diagram element (a BPMNShape or BPMNEdge and
// the semantic element it shows), resolved once from the document so that painting needs neither
// the document nor any lookup.
#pragma once

#include "runway/core/Document.h"

#include <QColor>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <optional>
#include <string>

namespace runway::modeler::notation {

/// The family of symbol an item is drawn as.
enum class Symbol : std::uint8_t {
    Unknown, ///< a shape of a type without its own symbol, or of no element: a plain box
    Event,
    Activity,
    Gateway,
    DataObject, ///< data object (reference), data input, data output
    DataStore,
    TextAnnotation,
    Group,
    Participant, ///< a pool
    Lane,
    Conversation,    ///< conversation, sub-conversation, call conversation: a hexagon
    Choreography,    ///< choreography task, sub-choreography, call choreography
    ParticipantBand, ///< a participant's band on a choreography activity (participantBandKind)
    SequenceFlow,
    MessageFlow,
    Association,
    DataAssociation,
    ConversationLink, ///< a double line
    UnknownEdge, ///< an edge of a type without its own symbol, or of no element: a dotted line
};

enum class EventPosition : std::uint8_t { Start, Intermediate, End };
/// The marker inside an event, from its event definitions (several of them: Multiple, or
/// ParallelMultiple when the event says parallelMultiple="true").
enum class EventMarker : std::uint8_t {
    None, Message, Timer, Error, Escalation, Signal, Conditional, Link, Compensate, Cancel, Terminate,
    Multiple, ParallelMultiple
};
enum class ActivityKind : std::uint8_t { Task, SubProcess, EventSubProcess, Transaction, AdHocSubProcess, CallActivity };
enum class TaskIcon : std::uint8_t { None, User, Service, Script, Send, Receive, Manual, BusinessRule };
enum class LoopMarker : std::uint8_t { None, Standard, ParallelMultiInstance, SequentialMultiInstance };
enum class GatewayMarker : std::uint8_t {
    None, Exclusive, Parallel, Inclusive, Complex, EventBased, ExclusiveEventBasedStart, ParallelEventBasedStart
};
enum class DataRole : std::uint8_t { None, Input, Output };
/// Where a participant band lies on its choreography activity (rounded corners at its edge).
enum class BandPosition : std::uint8_t { Top, Middle, Bottom };
enum class Direction : std::uint8_t { None, One, Both };
/// A message flow's envelope (BPMNEdge messageVisibleKind): hollow when initiating, shaded when not.
enum class MessageVisible : std::uint8_t { None, Initiating, NonInitiating };

/// Colours a file gives an element (bpmn.io's bioc:stroke/bioc:fill, the OMG colour extension's
/// color:border-color/background-color/color); unset ones take the style's defaults.
struct ItemColors {
    std::optional<QColor> stroke, fill, label;
};

struct NotationItem {
    const core::Element* di = nullptr;      ///< the BPMNShape or BPMNEdge
    const core::Element* element = nullptr; ///< the semantic element, or nullptr when unresolved
    QString id;                             ///< the semantic element's id (or the DI element's)
    Symbol symbol = Symbol::Unknown;

    QRectF bounds;                     ///< shapes: the DI bounds, in diagram coordinates
    QPolygonF waypoints;               ///< edges: the DI waypoints
    std::optional<QRectF> labelBounds; ///< the DI label bounds, when the file gives them
    QString label;                     ///< the text shown: name, annotation text, group category
    ItemColors colors;

    bool expanded = false;   ///< sub-processes and call activities drawn with their content
    bool horizontal = true;  ///< participants and lanes
    bool blackBox = false;   ///< a participant without a process: no header band
    bool thick = false;      ///< call conversations and call choreographies: a thick border
    bool initiating = true;  ///< participant bands: a non-initiating participant's band is shaded
    BandPosition band = BandPosition::Middle;
    bool markerVisible = true; ///< exclusive gateways: draw the X

    // events
    EventPosition eventPosition = EventPosition::Start;
    EventMarker eventMarker = EventMarker::None;
    bool throwing = false;    ///< intermediate throw and end events: filled markers
    bool interrupting = true; ///< non-interrupting start and boundary events are dashed

    // activities
    ActivityKind activityKind = ActivityKind::Task;
    TaskIcon taskIcon = TaskIcon::None;
    LoopMarker loop = LoopMarker::None;
    bool compensation = false; ///< isForCompensation
    bool callsGlobalTask = false; ///< a call activity of a global task: drawn as that task, no + marker

    // gateways
    GatewayMarker gatewayMarker = GatewayMarker::None;

    // data
    bool collection = false; ///< data collections, and pools of several participants (multiplicity)
    DataRole dataRole = DataRole::None;

    // edges
    bool conditional = false; ///< sequence flow with a condition leaving an activity: mini-diamond
    bool isDefault = false;   ///< default flow of its source: slash
    Direction direction = Direction::None; ///< associations
    MessageVisible message = MessageVisible::None; ///< message flows

    /// Painting order: lower layers first (pools, lanes, containers, shapes, edges).
    int layer = 0;

    bool isEdge() const { return symbol >= Symbol::SequenceFlow; }
};

/// Builds the item for a BPMNShape or BPMNEdge; nullopt when it is neither or has no usable
/// geometry (missing or non-finite bounds, fewer than two waypoints).
std::optional<NotationItem> makeItem(const core::Document& doc, const core::Element* diElement);

/// Parses a colour as files write it: #rgb, #rrggbb, #rrggbbaa (CSS order), rgb()/rgba(), or a
/// CSS/SVG colour name. nullopt for anything else.
std::optional<QColor> parseColor(std::string_view text);

/// The colours a DI element gives (its own attributes, and its BPMNLabel's for the label colour).
ItemColors colorsOf(const core::Document& doc, const core::Element* diElement);

} // namespace runway::modeler::notation
