#pragma once

#include "runway/core/Document.h"

#include <string_view>
#include <vector>

namespace runway::core::sem {

/// The processes of a file, in file order.
std::vector<Element*> processes(const Document& doc);
/// The participants (pools) of all collaborations.
std::vector<Element*> participants(const Document& doc);
/// The flow elements directly inside a process or sub-process (not those of nested sub-processes).
std::vector<Element*> flowElements(const Element* container);
/// Flow nodes (activities, events, gateways) directly inside a container.
std::vector<Element*> flowNodes(const Element* container);
/// The sequence flows leaving or entering a flow node, found through the flows' sourceRef and
/// targetRef (the authority; the node's <incoming>/<outgoing> lists are redundant copies).
std::vector<Element*> outgoing(const Document& doc, const Element* node);
std::vector<Element*> incoming(const Document& doc, const Element* node);
/// The event definitions of an event (message, timer, error, ...); several for a multiple event.
std::vector<Element*> eventDefinitions(const Element* event);
/// The boundary events attached to an activity.
std::vector<Element*> boundaryEvents(const Document& doc, const Element* activity);
/// The process a participant stands for, or nullptr.
Element* processOf(const Document& doc, const Element* participant);
/// The documentation texts of an element, joined by blank lines.
std::string documentation(const Element* e);

} // namespace runway::core::sem
