#include "Palette.h"

#include "runway/modeler/canvas/CreateGesture.h"
#include "runway/modeler/canvas/DiagramCanvas.h"

#include <QApplication>
#include <QDrag>
#include <QGridLayout>
#include <QLabel>
#include <QMimeData>
#include <QMouseEvent>
#include <QScrollArea>
#include <QVBoxLayout>

namespace runway::app {

using modeler::canvas::ElementKind;

PaletteButton::PaletteButton(const core::modeling::TypeSpec& spec, QWidget* parent) : QToolButton(parent), m_spec(spec)
{
    setAutoRaise(true);
    setIconSize(QSize(28, 28));
    setFocusPolicy(Qt::NoFocus);
}

void PaletteButton::mousePressEvent(QMouseEvent* event)
{
    m_pressed = event->button() == Qt::LeftButton;
    m_pressPos = event->position().toPoint();
    QToolButton::mousePressEvent(event);
}

void PaletteButton::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_pressed || !(event->buttons() & Qt::LeftButton) ||
        (event->position().toPoint() - m_pressPos).manhattanLength() < QApplication::startDragDistance()) {
        QToolButton::mouseMoveEvent(event);
        return;
    }
    // A drag, not a click: the button must not fire when the mouse comes back up.
    m_pressed = false;
    setDown(false);
    auto* drag = new QDrag(this);
    drag->setMimeData(modeler::canvas::makeKindMimeData(m_spec));
    drag->setPixmap(icon().pixmap(iconSize()));
    drag->setHotSpot(QPoint(iconSize().width() / 2, iconSize().height() / 2));
    drag->exec(Qt::CopyAction);
}

Palette::Palette(CanvasProvider currentCanvas, QWidget* parent)
    : QWidget(parent), m_currentCanvas(std::move(currentCanvas))
{
    setObjectName(QStringLiteral("palette"));
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(4, 4, 4, 4);
    column->setSpacing(2);
    constexpr int kColumns = 4;
    QString group;
    QGridLayout* grid = nullptr;
    int n = 0;
    for (const ElementKind& kind : modeler::canvas::elementKinds()) {
        if (kind.group != group || !grid) {
            group = kind.group;
            auto* header = new QLabel(group);
            QFont f = header->font();
            f.setBold(true);
            header->setFont(f);
            column->addWidget(header);
            grid = new QGridLayout;
            grid->setSpacing(0);
            column->addLayout(grid);
            n = 0;
        }
        auto* button = new PaletteButton(kind.spec);
        button->setIcon(modeler::canvas::kindIcon(m_painter, kind.spec, 28));
        button->setToolTip(tr("%1: click, then click on the diagram; or drag it there").arg(kind.name));
        button->setAccessibleName(kind.name);
        connect(button, &QToolButton::clicked, this, [this, spec = kind.spec] { arm(spec); });
        grid->addWidget(button, n / kColumns, n % kColumns);
        ++n;
        m_buttons << button;
    }
    column->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    setMinimumWidth(content->sizeHint().width() + 16);
}

PaletteButton* Palette::buttonFor(core::BpmnType type, core::BpmnType eventDefinition) const
{
    for (PaletteButton* b : m_buttons)
        if (b->spec().type == type && b->spec().eventDefinition == eventDefinition)
            return b;
    return nullptr;
}

void Palette::arm(const core::modeling::TypeSpec& spec)
{
    modeler::canvas::DiagramCanvas* canvas = m_currentCanvas ? m_currentCanvas() : nullptr;
    if (!canvas)
        return;
    if (auto* tool = modeler::canvas::CreateGesture::of(*canvas)) {
        tool->arm(spec);
        canvas->setFocus(Qt::OtherFocusReason); // Escape disarms
    }
}

} // namespace runway::app
