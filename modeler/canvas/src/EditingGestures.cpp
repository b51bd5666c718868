#include "runway/modeler/canvas/CanvasGesture.h"
#include "runway/modeler/canvas/CreateGesture.h"
#include "runway/modeler/canvas/DiagramCanvas.h"

namespace runway::modeler::canvas {

void installEditingGestures(DiagramCanvas& canvas)
{
    if (!canvas.editor())
        return;
    canvas.addGesture(std::make_unique<CreateGesture>(canvas)); // palette: click-to-place and drops
}

} // namespace runway::modeler::canvas
