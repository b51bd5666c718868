// Modeling: placing an element's external label (events, gateways, data, flows) where the user
// dragged it, as the bounds of its BPMNLabel.
#include "runway/core/Di.h"
#include "runway/core/modeling/Modeling.h"

#include <cmath>

namespace runway::core::modeling {

Edit Modeling::setLabelBounds(Element* element, const Bounds& b)
{
    if (!element)
        return refuse("nothing to place a label for");
    Element* di = shape(element);
    if (!di)
        di = edge(element);
    if (!di)
        return refuse("'" + std::string(element->id()) + "' is not drawn, so its label cannot be placed");
    if (!std::isfinite(b.x) || !std::isfinite(b.y) || !(b.width > 0) || !(b.height > 0) || !std::isfinite(b.width) ||
        !std::isfinite(b.height))
        return refuse("a label needs a finite position and a positive size");
    Element* label = di->childOfType(BpmnType::BPMNLabel);
    if (label)
        if (auto old = di::bounds(label); old && *old == b)
            return {};
    m_doc.beginEdit();
    if (!label) {
        label = newElement(Ns::BpmnDi, "BPMNLabel");
        insertOrdered(di, label);
    }
    setBounds(label, b);
    return finish({});
}

} // namespace runway::core::modeling
