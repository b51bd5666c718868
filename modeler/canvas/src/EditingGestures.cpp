#include "runway/modeler/canvas/CanvasGesture.h"
#include "runway/modeler/canvas/DiagramCanvas.h"

namespace runway::modeler::canvas {

void installEditingGestures(DiagramCanvas& canvas)
{
    if (!canvas.editor())
        return;
}

} // namespace runway::modeler::canvas
