#include "runway/modeler/canvas/BendpointGesture.h"
#include "runway/modeler/canvas/CanvasGesture.h"
#include "runway/modeler/canvas/ConnectGesture.h"
#include "runway/modeler/canvas/ContextPad.h"
#include "runway/modeler/canvas/CreateGesture.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/LabelEditor.h"

#include "SelectionGestures.h"

namespace runway::modeler::canvas {

void installEditingGestures(DiagramCanvas& canvas)
{
    if (!canvas.editor())
        return;
    // Order decides who gets a press first: an armed palette tool, then handles (resize, bend
    // points), then an element's border (connect), label editing, then its body (move).
    canvas.addGesture(std::make_unique<CreateGesture>(canvas));    // palette: click-to-place and drops
    canvas.addGesture(makeResizeGesture(canvas));                  // handles of the selected shape
    canvas.addGesture(std::make_unique<BendpointGesture>(canvas)); // handles of the selected flow
    canvas.addGesture(std::make_unique<ConnectGesture>(canvas));   // border drag, pad's connect
    canvas.addGesture(std::make_unique<LabelEditor>(canvas));      // F2, double-click: names in place
    canvas.addGesture(makeMoveGesture(canvas));                    // select, move, attach, detach
    new ContextPad(canvas); // a child of the viewport: buttons beside the selected element
}

} // namespace runway::modeler::canvas
