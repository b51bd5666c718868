#pragma once

#include "runway/core/modeling/ModelingRules.h"
#include "runway/modeler/notation/NotationPainter.h"

#include <QToolButton>
#include <QWidget>

#include <functional>

namespace runway::modeler::canvas {
class DiagramCanvas;
}

namespace runway::app {

/// One entry of the palette: a click arms the canvas's create tool, a drag carries the kind
/// (modeler::canvas::kElementKindMime) onto the canvas.
class PaletteButton : public QToolButton {
    Q_OBJECT
public:
    PaletteButton(const core::modeling::TypeSpec& spec, QWidget* parent = nullptr);
    const core::modeling::TypeSpec& spec() const { return m_spec; }

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    core::modeling::TypeSpec m_spec;
    QPoint m_pressPos;
    bool m_pressed = false;
};

/// The palette of element kinds (modeler::canvas::elementKinds()), grouped: events, activities,
/// gateways, data, artifacts, pools. Each icon is painted by the notation painter.
class Palette : public QWidget {
    Q_OBJECT
public:
    using CanvasProvider = std::function<modeler::canvas::DiagramCanvas*()>;
    explicit Palette(CanvasProvider currentCanvas, QWidget* parent = nullptr);

    /// The button of a kind (the first whose spec matches type and event definition), or null.
    PaletteButton* buttonFor(core::BpmnType type, core::BpmnType eventDefinition = core::BpmnType::Count) const;
    QList<PaletteButton*> buttons() const { return m_buttons; }
    /// Arms the current canvas's create tool with the kind (what a click on an entry does).
    void arm(const core::modeling::TypeSpec& spec);

private:
    CanvasProvider m_currentCanvas;
    modeler::notation::NotationPainter m_painter;
    QList<PaletteButton*> m_buttons;
};

} // namespace runway::app
