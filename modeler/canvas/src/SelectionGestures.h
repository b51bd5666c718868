// The gestures of selecting and arranging on the canvas (private to the canvas library):
// MoveGesture (click, shift/ctrl-click, drag to move with snapping and alignment guides, drop
// into a container, attach to and detach from an activity's border, and the editing keys) and
// ResizeGesture (the handles of the one selected resizable shape).
#pragma once

#include "runway/modeler/canvas/CanvasGesture.h"

#include <memory>

namespace runway::modeler::canvas {

std::unique_ptr<CanvasGesture> makeMoveGesture(DiagramCanvas& canvas);
std::unique_ptr<CanvasGesture> makeResizeGesture(DiagramCanvas& canvas);

} // namespace runway::modeler::canvas
