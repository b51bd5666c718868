// One BPMNDiagram on screen: a QGraphicsView over the diagram's notation items, with zoom (Ctrl+
// wheel under the mouse, keys, fit, 100 %), pan (space+drag, middle button, scroll bars), a
// minimap, level-of-detail drawing at low zoom, selection, and problem badges.
#pragma once

#include "runway/core/ChangeSet.h"
#include "runway/core/Diagnostic.h"
#include "runway/core/modeling/Modeling.h"
#include "runway/core/modeling/ModelingRules.h"
#include "runway/modeler/notation/DiagramPainter.h"

#include <QGraphicsView>
#include <QHash>
#include <QSet>

#include <memory>
#include <vector>

class QTimer;

namespace runway::modeler::canvas {

class CanvasGesture;
class Editor;
class ElementItem;
class LabelLayer;
class Minimap;
class ProblemBadge;

class DiagramCanvas : public QGraphicsView {
    Q_OBJECT
public:
    static constexpr qreal kMinZoom = 0.02;
    static constexpr qreal kMaxZoom = 8.0;
    static constexpr qreal kZoomStep = 1.25;

    /// Shows `diagram` of `doc`; both, and `painter`, must outlive the canvas.
    DiagramCanvas(const core::Document& doc, const core::Element* diagram, const notation::NotationPainter& painter,
                  QWidget* parent = nullptr);
    ~DiagramCanvas() override;

    const core::Element* diagram() const { return m_diagram; }
    const notation::NotationPainter& painter() const { return m_painter; }
    /// The diagram's notation items in painting order (as the canvas shows them now, edits included).
    const notation::DiagramScene& notationScene() const;
    /// What the diagram covers (labels included), cheap: notationScene().bounds without the items.
    QRectF diagramBounds() const { return m_notation.bounds; }
    /// Builds the items again from the document (after it changed). Keeps zoom, centre and selection.
    void rebuild();
    /// Follows an edit of the document: re-makes the items of the shapes and edges it touched,
    /// adds and removes items for inserted and removed ones, keeping z-order, selection, zoom and
    /// badges. Falls back to rebuild() when the edit is broad (over a quarter of the items) or
    /// touches the diagram or its plane.
    void applyChanges(const core::ChangeSet& changes);
    /// How often the items were all built again (populate): the incremental path leaves it alone.
    int rebuildCount() const { return m_rebuilds; }

    /// The grid step of moves, nudges and resizes (diagram units).
    static constexpr qreal kGrid = 10;
    /// The semantic elements of the selected shapes (not edges), in painting order.
    std::vector<core::Element*> selectedShapeElements() const;
    /// Selects exactly these elements (those shown here).
    void selectElements(const QStringList& ids);
    // ---- editing commands (the Edit menu, and the canvas's own keys); each is one undo step ----
    void selectAll();
    /// Deletes the selected elements with their connections. False when nothing was deleted.
    bool deleteSelection();
    bool copySelection();
    bool cutSelection();
    /// Pastes the clipboard under the mouse when it is over the canvas, else offset from where
    /// it was copied; selects what was pasted.
    bool pasteClipboard();
    bool duplicateSelection();
    bool alignSelection(core::modeling::Alignment how);
    bool distributeSelection(core::modeling::Axis axis);
    /// Moves the selected shapes by delta; consecutive nudges of one selection are one undo step.
    bool nudgeSelection(QPointF delta);
    /// Whether edits may start now: an editor that is not read-only.
    bool canEdit() const;

    /// The editor gestures go through (null: a viewer). Set by the DocumentView.
    void setEditor(Editor* editor);
    Editor* editor() const { return m_editor; }
    /// The ids of every selected element (shapes and edges), in painting order.
    QStringList selectedElementIds() const;
    /// Where an element's shape or edge is, in viewport coordinates (empty when not shown).
    QRect viewportRectOf(const QString& id) const;
    /// Starts a connect gesture from an element: a line follows the mouse and the cursor says
    /// whether the element under it may be the target (FlowType::None: the natural connection).
    /// A click on a target connects, Escape or a click on nothing cancels.
    void beginConnect(const QString& sourceId, core::modeling::FlowType type = core::modeling::FlowType::None);

    /// Adds a gesture; gestures are offered events in the order added (see CanvasGesture).
    void addGesture(std::unique_ptr<CanvasGesture> gesture);
    const std::vector<std::unique_ptr<CanvasGesture>>& gestures() const { return m_gestures; }
    /// The gesture that owns the mouse now, or null.
    CanvasGesture* activeGesture() const { return m_active; }
    /// Cancels the active gesture (Escape, focus loss, entering read-only mode).
    void cancelGesture();

    /// Diagram units to device pixels: 1.0 is 100 %.
    qreal zoom() const;
    /// Sets the zoom, keeping the diagram point under `anchor` (viewport coordinates) in place;
    /// without an anchor, the centre of the view. Clamped to [kMinZoom, kMaxZoom].
    void setZoom(qreal factor, const QPoint* anchor = nullptr);
    void zoomIn();
    void zoomOut();
    void zoomToActualSize();
    /// The whole diagram in view (never above 100 %, so a small diagram is not blown up). The
    /// canvas then keeps fitting when it is resized, until the user zooms or pans.
    void fitToWindow();
    bool isFitting() const { return m_autoFit; }

    /// Selects the element's shape or edge (the first, when it is shown more than once); with
    /// reveal, also centres it. False when this diagram does not show the element.
    bool selectElement(const QString& id, bool reveal = true);
    QString selectedElementId() const;
    bool showsElement(const QString& id) const { return m_byId.contains(id); }
    ElementItem* itemFor(const QString& id) const { return m_byId.value(id); }
    int itemCount() const { return int(m_byDi.size()); }
    /// The item showing a BPMNShape or BPMNEdge of this diagram, or null.
    ElementItem* itemForDi(const core::Element* di) const { return m_byDi.value(di); }

    /// Shows a badge on each element of this diagram named by a diagnostic.
    void setProblems(const core::Diagnostics& diagnostics);
    QList<ProblemBadge*> badges() const { return m_badges; }

    Minimap* minimap() const { return m_minimap; }
    /// Whether the minimap may show; it shows only while part of the diagram is out of view.
    void setMinimapEnabled(bool enabled);
    bool isMinimapEnabled() const { return m_minimapEnabled; }

signals:
    void selectedElementChanged(const QString& id);
    /// Double-click on an element (drill-down into a collapsed sub-process is decided by the owner).
    void elementActivated(const QString& id);
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void focusOutEvent(QFocusEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    void populate();
    /// Adds the problem badges of the elements shown (only those named in `only`, when given).
    void addBadges(const QSet<QString>* only = nullptr);
    void placeMinimap();
    void updateMinimap();
    QString elementIdAt(const QPoint& viewportPos) const;
    void removeItem(ElementItem* item);
    void indexItem(ElementItem* item);
    core::Element* pasteContainer(QPointF at) const;

    const core::Document& m_doc;
    Editor* m_editor = nullptr;
    std::vector<std::unique_ptr<CanvasGesture>> m_gestures;
    CanvasGesture* m_active = nullptr;
    const core::Element* m_diagram;
    const notation::NotationPainter& m_painter;
    mutable notation::DiagramScene m_notation; ///< items rebuilt from the ElementItems when dirty
    mutable bool m_notationDirty = false;
    QHash<QString, ElementItem*> m_byId;
    QHash<const core::Element*, ElementItem*> m_byDi;
    QSet<QString> m_shownTwice; ///< ids with more than one item (rare: a file may draw an element twice)
    LabelLayer* m_labels = nullptr;
    int m_nextOrder = 0;
    int m_rebuilds = 0;
    QList<ProblemBadge*> m_badges;
    core::Diagnostics m_problems;
    Minimap* m_minimap = nullptr;
    QTimer* m_minimapTimer = nullptr; ///< redraws the overview a moment after edits

    bool m_autoFit = true;
    bool m_minimapEnabled = true;
    bool m_spaceHeld = false;
    bool m_middlePanning = false;
    QPoint m_lastPanPos;
};

} // namespace runway::modeler::canvas
