#pragma once

#include "runway/core/Document.h"

#include <optional>
#include <vector>

namespace runway::core::di {

struct Point {
    double x = 0, y = 0;
    bool operator==(const Point&) const = default;
};
struct Bounds {
    double x = 0, y = 0, width = 0, height = 0;
    bool operator==(const Bounds&) const = default;
};

/// The dc:Bounds of a BPMNShape (or of a BPMNLabel), if present and numeric.
std::optional<Bounds> bounds(const Element* shapeOrLabel);
/// The bounds of a shape's or edge's BPMNLabel, when the file gives them.
std::optional<Bounds> labelBounds(const Element* shapeOrEdge);
/// The di:waypoint list of a BPMNEdge (points that are not numeric are skipped).
std::vector<Point> waypoints(const Element* edge);
/// isExpanded, isHorizontal, isMarkerVisible as the file says, or nullopt when absent (their
/// meaning when absent depends on the element: see the BPMN 2.0 specification, 12.2.3).
std::optional<bool> flag(const Element* shape, std::string_view name);
/// The BPMNPlane of a BPMNDiagram, and the element it shows (a process, a collaboration, or a
/// collapsed sub-process drilled into).
Element* plane(const Element* diagram);
Element* planeElement(const Document& doc, const Element* diagram);
/// The shapes and edges of a plane, in file order.
std::vector<Element*> diagramElements(const Element* plane);

} // namespace runway::core::di
