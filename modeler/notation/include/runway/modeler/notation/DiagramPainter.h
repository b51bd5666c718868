// A whole BPMN diagram as notation items, painted in order with NotationPainter.
#pragma once

#include "runway/modeler/notation/NotationPainter.h"

#include <string>
#include <string_view>
#include <vector>

namespace runway::modeler::notation {

/// The items of one BPMNDiagram, in painting order, and the rectangle they cover. Items point into
/// the document: a scene is valid while its document lives, and is rebuilt when it changes.
struct DiagramScene {
    const core::Element* diagram = nullptr;
    QString diagramId, diagramName;
    std::vector<NotationItem> items;
    QRectF bounds; ///< union of every item's boundingRect (labels included); empty for an empty diagram
};

/// The diagram with this id, the first diagram when id is empty, or the Nth (1-based) when id is a
/// number (XML ids never start with a digit, and some tools write diagrams without an id);
/// nullptr when there is none.
const core::Element* findDiagram(const core::Document& doc, std::string_view id = {});

/// Builds the items of a diagram: pools first, then lanes, containers before what they contain,
/// other shapes, edges, then boundary events and groups; within a layer, larger shapes first (a
/// sub-process a file marks collapsed but draws with its content must not hide that content),
/// then file order.
DiagramScene buildScene(const core::Document& doc, const core::Element* diagram, const NotationPainter& painter);

/// Paints every item of the scene: all bodies, then all labels (so no shape hides a label).
void paintScene(QPainter& p, const DiagramScene& scene, const NotationPainter& painter);

} // namespace runway::modeler::notation
