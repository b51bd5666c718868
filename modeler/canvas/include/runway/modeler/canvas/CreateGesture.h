// Creating elements from the palette: the catalogue of element kinds (name, group, TypeSpec, icon),
// the mime type a palette drag carries, and the CreateGesture, which creates an element where the
// user clicks after arming it (a click on a palette entry) or where a palette entry is dropped.
// The container is what lies under the point: a lane, a pool, an expanded sub-process, else the
// process (or sub-process) the diagram shows.
#pragma once

#include "runway/core/modeling/ModelingRules.h"
#include "runway/modeler/canvas/CanvasGesture.h"
#include "runway/modeler/notation/NotationPainter.h"

#include <QCoreApplication>
#include <QIcon>
#include <QString>

#include <optional>
#include <vector>

class QMimeData;

namespace runway::modeler::canvas {

/// One kind of element the palette offers (and the context pad's "change type" lists).
struct ElementKind {
    QString name;  ///< "Timer start event", translated
    QString group; ///< "Events", "Activities", "Gateways", "Data", "Artifacts", "Pools"
    core::modeling::TypeSpec spec;
};
/// Every kind, grouped in palette order.
const std::vector<ElementKind>& elementKinds();
/// The kinds a "change type" may offer: elementKinds() plus non-interrupting variants of start and
/// boundary events, and boundary events.
const std::vector<ElementKind>& replacementKinds();
/// The name of a kind ("Service task"), or the type's BPMN name when the catalogue has none.
QString kindName(const core::modeling::TypeSpec& spec);

/// The notation item that draws a kind (no label), at its default size with its top-left at 0,0.
notation::NotationItem kindItem(const core::modeling::TypeSpec& spec);
/// A small icon of a kind, painted by the notation painter.
QIcon kindIcon(const notation::NotationPainter& painter, const core::modeling::TypeSpec& spec, int size = 32);

/// The mime type of a palette drag, and its payload.
inline constexpr const char* kElementKindMime = "application/x-runway-element-kind";
QMimeData* makeKindMimeData(const core::modeling::TypeSpec& spec);
std::optional<core::modeling::TypeSpec> kindFromMimeData(const QMimeData* mime);

class CreateGesture : public CanvasGesture {
    Q_DECLARE_TR_FUNCTIONS(runway::modeler::canvas::CreateGesture)

public:
    explicit CreateGesture(DiagramCanvas& canvas);

    /// The create gesture installed on a canvas, or null.
    static CreateGesture* of(const DiagramCanvas& canvas);

    /// Arms the tool: the next left click on the canvas creates an element of that kind there.
    void arm(const core::modeling::TypeSpec& spec);
    bool isArmed() const { return m_armed.has_value(); }
    /// Creates an element of that kind centred at scenePos, in the container under it (one undo
    /// step). Pools: a pool around the process when it has none. Lanes: a lane in the pool or
    /// after the lane under the point. False (and the editor's refused()) when not possible.
    bool createAt(const core::modeling::TypeSpec& spec, QPointF scenePos);

    bool press(QMouseEvent* event, QPointF at) override;
    void release(QMouseEvent* event, QPointF at) override;
    bool hover(QMouseEvent* event, QPointF at) override;
    bool key(QKeyEvent* event) override;
    bool dragMove(QDragMoveEvent* event, QPointF at) override;
    bool drop(QDropEvent* event, QPointF at) override;
    void cancel() override;
    void paintOverlay(QPainter* painter, const QRectF& exposed) override;

private:
    void disarm();
    std::optional<core::modeling::TypeSpec> m_armed;
    std::optional<QPointF> m_preview; ///< where the armed or dragged element would go
    core::modeling::TypeSpec m_previewSpec;
};

} // namespace runway::modeler::canvas
