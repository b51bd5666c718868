#include "runway/modeler/canvas/CanvasGesture.h"
#include "runway/modeler/canvas/DiagramCanvas.h"

#include "SelectionGestures.h"

namespace runway::modeler::canvas {

void installEditingGestures(DiagramCanvas& canvas)
{
    if (!canvas.editor())
        return;
    canvas.addGesture(makeResizeGesture(canvas)); // handles before bodies
    canvas.addGesture(makeMoveGesture(canvas));
}

} // namespace runway::modeler::canvas
