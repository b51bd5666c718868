#pragma once

#include "runway/core/Di.h"

#include <vector>

namespace runway::core::modeling {

using di::Bounds;
using di::Point;

/// Orthogonal (Manhattan) routing of connections between two shapes, docking at the middle of a
/// side as bpmn.io does: left to right when the target lies beside the source, top to bottom when
/// it lies above or below. Pure functions: the facade writes their result into BPMNEdges.
namespace routing {

/// A fresh route from source to target. fromBottom: leave from the bottom (a boundary event's flow).
std::vector<Point> route(const Bounds& source, const Bounds& target, bool fromBottom = false);
/// The route after one or both shapes moved: the inner bend points are kept when the ends can
/// still dock on the shapes with straight segments; otherwise a fresh route.
std::vector<Point> reroute(const std::vector<Point>& old, const Bounds& source, const Bounds& target,
                           bool fromBottom = false);
/// Where a straight horizontal or vertical segment from `towards` meets the border of b, if one does.
bool dockOrthogonally(const Bounds& b, Point towards, Point* dock);

/// Every segment horizontal or vertical (within tolerance).
bool isOrthogonal(const std::vector<Point>& pts, double tolerance = 0.5);
/// Whether p lies on the border of b (within tolerance).
bool onBorder(const Bounds& b, Point p, double tolerance = 0.5);

// ---- waypoint edits (the user dragging a route) ----
/// Moves segment i (points i and i+1) across its direction by delta; neighbouring segments stretch.
/// keepEnds: an end segment gets a new elbow so that the route's first and last points stay put
/// (otherwise they move with the segment, sliding along their shape's side).
std::vector<Point> moveSegment(const std::vector<Point>& pts, std::size_t segment, double delta, bool keepEnds = true);
/// Splits segment i at p (two bend points, so the route stays orthogonal).
std::vector<Point> addBendpoint(const std::vector<Point>& pts, std::size_t segment, Point p);
/// Removes inner point i and straightens the route around it.
std::vector<Point> removeBendpoint(const std::vector<Point>& pts, std::size_t index);
/// Drops points that lie on a straight line between their neighbours, and repeated points.
std::vector<Point> simplify(const std::vector<Point>& pts);

} // namespace routing
} // namespace runway::core::modeling
