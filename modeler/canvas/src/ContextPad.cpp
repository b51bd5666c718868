#include "runway/modeler/canvas/ContextPad.h"

#include "GestureSupport.h"
#include "runway/core/Semantics.h"
#include "runway/core/modeling/Modeling.h"
#include "runway/modeler/canvas/ConnectGesture.h"
#include "runway/modeler/canvas/CreateGesture.h"

#include <QApplication>
#include <QGridLayout>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolButton>
#include <QUndoStack>

namespace runway::modeler::canvas {

using core::BpmnType;
using core::modeling::TypeSpec;
using notation::Symbol;

namespace {

constexpr int kIcon = 18;

const notation::NotationPainter& padPainter()
{
    static const notation::NotationPainter painter;
    return painter;
}

/// A pad icon drawn with a few strokes: connect (an arrow), change type (a wrench), delete (a bin).
QIcon strokeIcon(ContextPad::Action action)
{
    QPixmap pm(kIcon * 2, kIcon * 2);
    pm.setDevicePixelRatio(2);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0x22, 0x24, 0x2a), 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    switch (action) {
    case ContextPad::Action::Connect: {
        p.drawLine(QPointF(3, 15), QPointF(14, 4));
        QPainterPath head;
        head.moveTo(15, 3);
        head.lineTo(8.5, 4.5);
        head.lineTo(13.5, 9.5);
        head.closeSubpath();
        p.setBrush(p.pen().color());
        p.drawPath(head);
        break;
    }
    case ContextPad::Action::ChangeType: {
        QPainterPath wrench;
        wrench.moveTo(3.5, 14.5);
        wrench.lineTo(10, 8);
        p.drawPath(wrench);
        p.drawArc(QRectF(8, 2.5, 7.5, 7.5), 200 * 16, 260 * 16);
        break;
    }
    case ContextPad::Action::LaneAbove:
    case ContextPad::Action::LaneBelow:
    case ContextPad::Action::DivideLanes: {
        // A pool with its lanes; the new lane (or the dividing line) drawn bold.
        p.drawRect(QRectF(2.5, 3.5, 13, 11));
        p.drawLine(QPointF(5.5, 3.5), QPointF(5.5, 14.5));
        QPen bold = p.pen();
        bold.setWidthF(2.5);
        p.setPen(bold);
        const double y = action == ContextPad::Action::LaneAbove ? 5 : action == ContextPad::Action::LaneBelow ? 13 : 9;
        p.drawLine(QPointF(5.5, y), QPointF(15.5, y));
        break;
    }
    case ContextPad::Action::Delete:
        p.drawRect(QRectF(5, 5.5, 8, 10));
        p.drawLine(QPointF(3.5, 4.5), QPointF(14.5, 4.5));
        p.drawLine(QPointF(7.5, 2.5), QPointF(10.5, 2.5));
        p.drawLine(QPointF(7.5, 8), QPointF(7.5, 13));
        p.drawLine(QPointF(10.5, 8), QPointF(10.5, 13));
        break;
    default: break;
    }
    p.end();
    return QIcon(pm);
}

bool isFlowNode(const notation::NotationItem& i)
{
    return i.symbol == Symbol::Event || i.symbol == Symbol::Activity || i.symbol == Symbol::Gateway;
}

/// What the element is now, in the terms of a TypeSpec (to leave it out of the change-type menu).
bool isCurrent(const core::Element* e, const notation::NotationItem& item, const TypeSpec& spec)
{
    if (spec.type != e->type || spec.eventDefinition != core::modeling::eventDefinitionOf(e))
        return false;
    if (spec.interrupting) {
        const std::string_view attr = e->type == BpmnType::BoundaryEvent ? "cancelActivity" : "isInterrupting";
        if (*spec.interrupting != (e->attr(attr) != "false"))
            return false;
    }
    return !spec.expanded || *spec.expanded == item.expanded;
}

} // namespace

ContextPad::ContextPad(DiagramCanvas& canvas) : QWidget(canvas.viewport()), m_canvas(canvas)
{
    setObjectName(QStringLiteral("contextPad"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#contextPad { background: rgba(255,255,255,230); border: 1px solid #c8c8c8; "
                                 "border-radius: 3px; }"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(2, 2, 2, 2);
    grid->setSpacing(0);
    const auto& painter = padPainter();
    addButton(Action::AppendTask, kindIcon(painter, TypeSpec(BpmnType::Task), kIcon), tr("Append task"));
    addButton(Action::AppendEvent, kindIcon(painter, TypeSpec(BpmnType::IntermediateThrowEvent), kIcon),
              tr("Append intermediate event"));
    addButton(Action::AppendEnd, kindIcon(painter, TypeSpec(BpmnType::EndEvent), kIcon), tr("Append end event"));
    addButton(Action::AppendGateway, kindIcon(painter, TypeSpec(BpmnType::ExclusiveGateway), kIcon),
              tr("Append exclusive gateway"));
    addButton(Action::Connect, strokeIcon(Action::Connect), tr("Connect (click the target, or drag onto it)"));
    addButton(Action::ChangeType, strokeIcon(Action::ChangeType), tr("Change type"));
    addButton(Action::LaneAbove, strokeIcon(Action::LaneAbove), tr("Add lane above"));
    addButton(Action::LaneBelow, strokeIcon(Action::LaneBelow), tr("Add lane below"));
    addButton(Action::DivideLanes, strokeIcon(Action::DivideLanes), tr("Divide into two lanes"));
    addButton(Action::Delete, strokeIcon(Action::Delete), tr("Delete"));
    m_buttons.value(Action::Connect)->installEventFilter(this);
    m_menu = new QMenu(this);
    m_menu->setObjectName(QStringLiteral("changeTypeMenu"));
    hide();

    connect(&canvas, &DiagramCanvas::selectedElementChanged, this, [this] { refresh(); });
    connect(&canvas, &DiagramCanvas::zoomChanged, this, [this] { place(); });
    connect(canvas.horizontalScrollBar(), &QScrollBar::valueChanged, this, [this] { place(); });
    connect(canvas.verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { place(); });
    if (Editor* editor = canvas.editor()) {
        connect(editor->undoStack(), &QUndoStack::indexChanged, this, [this] { refresh(); });
        connect(editor, &Editor::readOnlyChanged, this, [this] { refresh(); });
    }
}

ContextPad* ContextPad::of(const DiagramCanvas& canvas)
{
    return canvas.viewport()->findChild<ContextPad*>(QString(), Qt::FindDirectChildrenOnly);
}

QToolButton* ContextPad::addButton(Action action, const QIcon& icon, const QString& tip)
{
    auto* b = new QToolButton(this);
    b->setIcon(icon);
    b->setIconSize(QSize(kIcon, kIcon));
    b->setAutoRaise(true);
    b->setToolTip(tip);
    b->setAccessibleName(tip);
    b->setFocusPolicy(Qt::NoFocus);
    m_buttons.insert(action, b);
    if (action != Action::Connect) // connect reacts to press, drag and release (eventFilter)
        connect(b, &QToolButton::clicked, this, [this, action] { trigger(action); });
    return b;
}

void ContextPad::refresh()
{
    const QStringList selected = m_canvas.scene() ? m_canvas.selectedElementIds() : QStringList();
    const ElementItem* item = selected.size() == 1 ? m_canvas.itemFor(selected.front()) : nullptr;
    if (!item || !support::canEdit(m_canvas) || !support::element(m_canvas, item->elementId())) {
        m_id.clear();
        hide();
        return;
    }
    m_id = item->elementId();
    const auto& n = item->item();
    const core::Element* e = support::element(m_canvas, m_id);
    const bool appendable = isFlowNode(n) && e->type != BpmnType::EndEvent;
    const bool connectable = isFlowNode(n) || n.symbol == Symbol::DataObject || n.symbol == Symbol::DataStore ||
                             n.symbol == Symbol::TextAnnotation || n.symbol == Symbol::Participant;
    // Columns: appends in the first, the rest in the second.
    auto* grid = static_cast<QGridLayout*>(layout());
    while (grid->count() > 0)
        grid->takeAt(0);
    int row = 0;
    for (Action a : {Action::AppendTask, Action::AppendEvent, Action::AppendEnd, Action::AppendGateway}) {
        m_buttons[a]->setVisible(appendable);
        if (appendable)
            grid->addWidget(m_buttons[a], row++, 0);
    }
    row = 0;
    m_buttons[Action::Connect]->setVisible(connectable);
    m_buttons[Action::ChangeType]->setVisible(isFlowNode(n));
    // Lanes: beside a lane, or at either end of a pool that has lanes; a pool without lanes divides.
    const core::Document& doc = m_canvas.editor()->document();
    const core::Element* pool =
        e->type == BpmnType::Participant || e->type == BpmnType::Lane ? core::modeling::poolOf(doc, e) : nullptr;
    const core::Element* process = pool ? core::sem::processOf(doc, pool) : nullptr;
    bool hasLanes = e->type == BpmnType::Lane;
    if (process && e->type == BpmnType::Participant)
        if (const core::Element* set = process->childOfType(BpmnType::LaneSet))
            hasLanes = !set->childrenOfType(BpmnType::Lane).empty();
    m_buttons[Action::LaneAbove]->setVisible(process && hasLanes);
    m_buttons[Action::LaneBelow]->setVisible(process && hasLanes);
    m_buttons[Action::DivideLanes]->setVisible(process && !hasLanes);
    for (Action a : {Action::Connect, Action::ChangeType, Action::LaneAbove, Action::LaneBelow, Action::DivideLanes,
                     Action::Delete})
        if (m_buttons[a]->isVisibleTo(this) || a == Action::Delete)
            grid->addWidget(m_buttons[a], row++, appendable ? 1 : 0);
    m_buttons[Action::Delete]->setVisible(true);
    adjustSize();
    place();
    show();
    raise();
}

void ContextPad::place()
{
    if (m_id.isEmpty())
        return;
    const QRect r = m_canvas.viewportRectOf(m_id);
    if (r.isEmpty()) {
        hide();
        return;
    }
    const ElementItem* item = m_canvas.itemFor(m_id);
    if (item && item->item().isEdge()) {
        // Beside the middle of the route, not over the shapes at its ends.
        const QPolygonF& pts = item->item().waypoints;
        const int i = int(pts.size() / 2) - 1;
        const QPoint mid = m_canvas.mapFromScene((pts[i] + pts[i + 1]) / 2);
        move(mid.x() + 8, mid.y() + 8);
        return;
    }
    move(r.right() + 4, r.top());
}

void ContextPad::trigger(Action action)
{
    Editor* editor = m_canvas.editor();
    core::Element* e = support::element(m_canvas, m_id);
    if (!editor || !e || editor->isReadOnly())
        return;
    auto& modeling = editor->modeling();
    const auto append = [&](const TypeSpec& spec) {
        core::modeling::Edit edit = modeling.append(e, spec);
        const QString created = edit.element() ? QString::fromStdString(std::string(edit.element()->id())) : QString();
        if (editor->apply(std::move(edit), tr("Append %1").arg(kindName(spec))) && !created.isEmpty())
            m_canvas.selectElement(created, false);
    };
    switch (action) {
    case Action::AppendTask: append(TypeSpec(BpmnType::Task)); break;
    case Action::AppendEvent: append(TypeSpec(BpmnType::IntermediateThrowEvent)); break;
    case Action::AppendEnd: append(TypeSpec(BpmnType::EndEvent)); break;
    case Action::AppendGateway: append(TypeSpec(BpmnType::ExclusiveGateway)); break;
    case Action::Connect: m_canvas.beginConnect(m_id); break;
    case Action::ChangeType: {
        fillChangeTypeMenu();
        QToolButton* b = m_buttons[Action::ChangeType];
        m_menu->popup(b->mapToGlobal(QPoint(0, b->height())));
        break;
    }
    case Action::LaneAbove:
    case Action::LaneBelow:
    case Action::DivideLanes: {
        core::modeling::Edit edit = modeling.addLane(e, action == Action::LaneAbove);
        const QString created = edit.element() ? QString::fromStdString(std::string(edit.element()->id())) : QString();
        if (editor->apply(std::move(edit), action == Action::DivideLanes ? tr("Divide into lanes") : tr("Add lane")) &&
            !created.isEmpty())
            m_canvas.selectElement(created, false);
        break;
    }
    case Action::Delete: {
        core::Element* list[] = {e};
        editor->apply(modeling.remove(list), tr("Delete"));
        break;
    }
    }
}

void ContextPad::fillChangeTypeMenu()
{
    m_menu->clear();
    const core::Element* e = support::element(m_canvas, m_id);
    const ElementItem* item = m_canvas.itemFor(m_id);
    if (!e || !item)
        return;
    const core::Document& doc = m_canvas.editor()->document();
    const QString id = m_id;
    for (const ElementKind& kind : replacementKinds()) {
        if (isCurrent(e, item->item(), kind.spec) || !core::modeling::canChangeType(doc, e, kind.spec))
            continue;
        QAction* a = m_menu->addAction(kindIcon(padPainter(), kind.spec, kIcon), kind.name);
        connect(a, &QAction::triggered, this, [this, id, spec = kind.spec, name = kind.name] {
            Editor* editor = m_canvas.editor();
            core::Element* el = support::element(m_canvas, id);
            if (!editor || !el)
                return;
            if (editor->apply(editor->modeling().changeType(el, spec), tr("Change type to %1").arg(name)))
                m_canvas.selectElement(id, false);
        });
    }
    if (m_menu->isEmpty())
        m_menu->addAction(tr("No other type is allowed here"))->setEnabled(false);
}

bool ContextPad::eventFilter(QObject* watched, QEvent* event)
{
    // The connect button: a press starts connecting; dragging from it draws the line and the
    // release connects where it ends; a plain click leaves the line following the mouse until
    // the next click on the canvas.
    if (watched != m_buttons.value(Action::Connect))
        return QWidget::eventFilter(watched, event);
    auto* gesture = ConnectGesture::of(m_canvas);
    if (!gesture)
        return false;
    auto* me = static_cast<QMouseEvent*>(event);
    const auto sceneAt = [&] {
        return m_canvas.mapToScene(m_canvas.viewport()->mapFromGlobal(me->globalPosition().toPoint()));
    };
    switch (event->type()) {
    case QEvent::MouseButtonPress:
        if (me->button() != Qt::LeftButton)
            return false;
        m_connectPress = me->globalPosition().toPoint();
        m_connectDragging = false;
        trigger(Action::Connect);
        return true;
    case QEvent::MouseMove:
        if (!(me->buttons() & Qt::LeftButton) || !gesture->isConnecting())
            return false;
        if ((me->globalPosition().toPoint() - m_connectPress).manhattanLength() >= QApplication::startDragDistance())
            m_connectDragging = true;
        gesture->track(sceneAt());
        return true;
    case QEvent::MouseButtonRelease:
        if (me->button() != Qt::LeftButton)
            return false;
        if (m_connectDragging && gesture->isConnecting())
            gesture->finish(sceneAt());
        m_connectDragging = false;
        return true;
    default: return false;
    }
}

} // namespace runway::modeler::canvas
