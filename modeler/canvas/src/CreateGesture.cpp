#include "runway/modeler/canvas/CreateGesture.h"

#include "GestureSupport.h"
#include "runway/core/Di.h"
#include "runway/core/Metamodel.h"
#include "runway/core/modeling/Modeling.h"

#include <QDropEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>

namespace runway::modeler::canvas {

using core::BpmnType;
using core::modeling::TypeSpec;
namespace notation = runway::modeler::notation;

namespace {

std::vector<ElementKind> makeKinds(bool replacements)
{
    const QString events = CreateGesture::tr("Events"), activities = CreateGesture::tr("Activities"),
                  gateways = CreateGesture::tr("Gateways"), data = CreateGesture::tr("Data"),
                  artifacts = CreateGesture::tr("Artifacts"), pools = CreateGesture::tr("Pools");
    std::vector<ElementKind> k = {
        {CreateGesture::tr("Start event"), events, {BpmnType::StartEvent}},
        {CreateGesture::tr("Message start event"), events, {BpmnType::StartEvent, BpmnType::MessageEventDefinition}},
        {CreateGesture::tr("Timer start event"), events, {BpmnType::StartEvent, BpmnType::TimerEventDefinition}},
        {CreateGesture::tr("Conditional start event"),
         events,
         {BpmnType::StartEvent, BpmnType::ConditionalEventDefinition}},
        {CreateGesture::tr("Signal start event"), events, {BpmnType::StartEvent, BpmnType::SignalEventDefinition}},
        {CreateGesture::tr("Intermediate throw event"), events, {BpmnType::IntermediateThrowEvent}},
        {CreateGesture::tr("Message intermediate catch event"),
         events,
         {BpmnType::IntermediateCatchEvent, BpmnType::MessageEventDefinition}},
        {CreateGesture::tr("Message intermediate throw event"),
         events,
         {BpmnType::IntermediateThrowEvent, BpmnType::MessageEventDefinition}},
        {CreateGesture::tr("Timer intermediate catch event"),
         events,
         {BpmnType::IntermediateCatchEvent, BpmnType::TimerEventDefinition}},
        {CreateGesture::tr("Conditional intermediate catch event"),
         events,
         {BpmnType::IntermediateCatchEvent, BpmnType::ConditionalEventDefinition}},
        {CreateGesture::tr("Signal intermediate catch event"),
         events,
         {BpmnType::IntermediateCatchEvent, BpmnType::SignalEventDefinition}},
        {CreateGesture::tr("Signal intermediate throw event"),
         events,
         {BpmnType::IntermediateThrowEvent, BpmnType::SignalEventDefinition}},
        {CreateGesture::tr("Escalation intermediate throw event"),
         events,
         {BpmnType::IntermediateThrowEvent, BpmnType::EscalationEventDefinition}},
        {CreateGesture::tr("Link intermediate catch event"),
         events,
         {BpmnType::IntermediateCatchEvent, BpmnType::LinkEventDefinition}},
        {CreateGesture::tr("Link intermediate throw event"),
         events,
         {BpmnType::IntermediateThrowEvent, BpmnType::LinkEventDefinition}},
        {CreateGesture::tr("Compensation intermediate throw event"),
         events,
         {BpmnType::IntermediateThrowEvent, BpmnType::CompensateEventDefinition}},
        {CreateGesture::tr("End event"), events, {BpmnType::EndEvent}},
        {CreateGesture::tr("Message end event"), events, {BpmnType::EndEvent, BpmnType::MessageEventDefinition}},
        {CreateGesture::tr("Error end event"), events, {BpmnType::EndEvent, BpmnType::ErrorEventDefinition}},
        {CreateGesture::tr("Escalation end event"), events, {BpmnType::EndEvent, BpmnType::EscalationEventDefinition}},
        {CreateGesture::tr("Signal end event"), events, {BpmnType::EndEvent, BpmnType::SignalEventDefinition}},
        {CreateGesture::tr("Compensation end event"),
         events,
         {BpmnType::EndEvent, BpmnType::CompensateEventDefinition}},
        {CreateGesture::tr("Terminate end event"), events, {BpmnType::EndEvent, BpmnType::TerminateEventDefinition}},
        {CreateGesture::tr("Task"), activities, {BpmnType::Task}},
        {CreateGesture::tr("User task"), activities, {BpmnType::UserTask}},
        {CreateGesture::tr("Service task"), activities, {BpmnType::ServiceTask}},
        {CreateGesture::tr("Script task"), activities, {BpmnType::ScriptTask}},
        {CreateGesture::tr("Send task"), activities, {BpmnType::SendTask}},
        {CreateGesture::tr("Receive task"), activities, {BpmnType::ReceiveTask}},
        {CreateGesture::tr("Manual task"), activities, {BpmnType::ManualTask}},
        {CreateGesture::tr("Business rule task"), activities, {BpmnType::BusinessRuleTask}},
        {CreateGesture::tr("Sub-process (expanded)"),
         activities,
         {BpmnType::SubProcess, BpmnType::Count, std::nullopt, true}},
        {CreateGesture::tr("Sub-process (collapsed)"),
         activities,
         {BpmnType::SubProcess, BpmnType::Count, std::nullopt, false}},
        {CreateGesture::tr("Transaction"), activities, {BpmnType::Transaction, BpmnType::Count, std::nullopt, true}},
        {CreateGesture::tr("Call activity"), activities, {BpmnType::CallActivity}},
        {CreateGesture::tr("Exclusive gateway"), gateways, {BpmnType::ExclusiveGateway}},
        {CreateGesture::tr("Parallel gateway"), gateways, {BpmnType::ParallelGateway}},
        {CreateGesture::tr("Inclusive gateway"), gateways, {BpmnType::InclusiveGateway}},
        {CreateGesture::tr("Complex gateway"), gateways, {BpmnType::ComplexGateway}},
        {CreateGesture::tr("Event-based gateway"), gateways, {BpmnType::EventBasedGateway}},
        {CreateGesture::tr("Data object"), data, {BpmnType::DataObjectReference}},
        {CreateGesture::tr("Data store"), data, {BpmnType::DataStoreReference}},
        {CreateGesture::tr("Text annotation"), artifacts, {BpmnType::TextAnnotation}},
        {CreateGesture::tr("Group"), artifacts, {BpmnType::Group}},
        {CreateGesture::tr("Pool"), pools, {BpmnType::Participant}},
        // A pool's TypeSpec::expanded = false asks for a vertical pool (isHorizontal="false").
        {CreateGesture::tr("Vertical pool"), pools, {BpmnType::Participant, BpmnType::Count, std::nullopt, false}},
        {CreateGesture::tr("Lane"), pools, {BpmnType::Lane}},
    };
    if (!replacements)
        return k;
    std::erase_if(
        k, [](const ElementKind& e) { return e.spec.type == BpmnType::Participant || e.spec.type == BpmnType::Lane; });
    // Start events of event sub-processes and boundary events may interrupt or not.
    const std::pair<BpmnType, const char*> defs[] = {
        {BpmnType::MessageEventDefinition, QT_TRANSLATE_NOOP("runway::modeler::canvas::CreateGesture", "Message")},
        {BpmnType::TimerEventDefinition, QT_TRANSLATE_NOOP("runway::modeler::canvas::CreateGesture", "Timer")},
        {BpmnType::ConditionalEventDefinition,
         QT_TRANSLATE_NOOP("runway::modeler::canvas::CreateGesture", "Conditional")},
        {BpmnType::SignalEventDefinition, QT_TRANSLATE_NOOP("runway::modeler::canvas::CreateGesture", "Signal")},
        {BpmnType::EscalationEventDefinition,
         QT_TRANSLATE_NOOP("runway::modeler::canvas::CreateGesture", "Escalation")},
        {BpmnType::ErrorEventDefinition, QT_TRANSLATE_NOOP("runway::modeler::canvas::CreateGesture", "Error")},
        {BpmnType::CompensateEventDefinition,
         QT_TRANSLATE_NOOP("runway::modeler::canvas::CreateGesture", "Compensation")}};
    for (const auto& [def, name] : defs) {
        if (def != BpmnType::ErrorEventDefinition && def != BpmnType::CompensateEventDefinition)
            k.push_back({CreateGesture::tr("%1 start event (non-interrupting)").arg(CreateGesture::tr(name)),
                         CreateGesture::tr("Events"),
                         {BpmnType::StartEvent, def, false}});
        k.push_back({CreateGesture::tr("%1 boundary event").arg(CreateGesture::tr(name)),
                     CreateGesture::tr("Events"),
                     {BpmnType::BoundaryEvent, def, true}});
        if (def != BpmnType::ErrorEventDefinition && def != BpmnType::CompensateEventDefinition)
            k.push_back({CreateGesture::tr("%1 boundary event (non-interrupting)").arg(CreateGesture::tr(name)),
                         CreateGesture::tr("Events"),
                         {BpmnType::BoundaryEvent, def, false}});
    }
    return k;
}

bool sameSpec(const TypeSpec& a, const TypeSpec& b)
{
    return a.type == b.type && a.eventDefinition == b.eventDefinition && a.interrupting == b.interrupting &&
           a.expanded == b.expanded;
}

notation::EventMarker markerOf(BpmnType def)
{
    using M = notation::EventMarker;
    switch (def) {
    case BpmnType::MessageEventDefinition: return M::Message;
    case BpmnType::TimerEventDefinition: return M::Timer;
    case BpmnType::ErrorEventDefinition: return M::Error;
    case BpmnType::EscalationEventDefinition: return M::Escalation;
    case BpmnType::SignalEventDefinition: return M::Signal;
    case BpmnType::ConditionalEventDefinition: return M::Conditional;
    case BpmnType::LinkEventDefinition: return M::Link;
    case BpmnType::CompensateEventDefinition: return M::Compensate;
    case BpmnType::CancelEventDefinition: return M::Cancel;
    case BpmnType::TerminateEventDefinition: return M::Terminate;
    default: return M::None;
    }
}

} // namespace

const std::vector<ElementKind>& elementKinds()
{
    static const std::vector<ElementKind> kinds = makeKinds(false);
    return kinds;
}

const std::vector<ElementKind>& replacementKinds()
{
    static const std::vector<ElementKind> kinds = makeKinds(true);
    return kinds;
}

QString kindName(const TypeSpec& spec)
{
    for (const ElementKind& k : replacementKinds())
        if (sameSpec(k.spec, spec))
            return k.name;
    for (const ElementKind& k : elementKinds())
        if (sameSpec(k.spec, spec))
            return k.name;
    return QString::fromUtf8(core::Metamodel::instance().type(spec.type).name);
}

notation::NotationItem kindItem(const TypeSpec& spec)
{
    using notation::Symbol;
    notation::NotationItem item;
    const auto size = core::modeling::defaultSize(spec.type, spec.expanded.value_or(false));
    item.bounds = QRectF(0, 0, size.width, size.height);
    const auto& mm = core::Metamodel::instance();
    const BpmnType t = spec.type;
    if (mm.isA(t, BpmnType::Event)) {
        item.symbol = Symbol::Event;
        item.eventPosition = t == BpmnType::StartEvent ? notation::EventPosition::Start
                             : t == BpmnType::EndEvent ? notation::EventPosition::End
                                                       : notation::EventPosition::Intermediate;
        item.throwing = t == BpmnType::EndEvent || t == BpmnType::IntermediateThrowEvent;
        item.eventMarker = markerOf(spec.eventDefinition);
        item.interrupting = spec.interrupting.value_or(true);
    } else if (mm.isA(t, BpmnType::Activity)) {
        using notation::ActivityKind;
        using notation::TaskIcon;
        item.symbol = Symbol::Activity;
        item.expanded = spec.expanded.value_or(false);
        item.activityKind = t == BpmnType::Transaction       ? ActivityKind::Transaction
                            : t == BpmnType::AdHocSubProcess ? ActivityKind::AdHocSubProcess
                            : t == BpmnType::SubProcess      ? ActivityKind::SubProcess
                            : t == BpmnType::CallActivity    ? ActivityKind::CallActivity
                                                             : ActivityKind::Task;
        item.taskIcon = t == BpmnType::UserTask           ? TaskIcon::User
                        : t == BpmnType::ServiceTask      ? TaskIcon::Service
                        : t == BpmnType::ScriptTask       ? TaskIcon::Script
                        : t == BpmnType::SendTask         ? TaskIcon::Send
                        : t == BpmnType::ReceiveTask      ? TaskIcon::Receive
                        : t == BpmnType::ManualTask       ? TaskIcon::Manual
                        : t == BpmnType::BusinessRuleTask ? TaskIcon::BusinessRule
                                                          : TaskIcon::None;
    } else if (mm.isA(t, BpmnType::Gateway)) {
        using notation::GatewayMarker;
        item.symbol = Symbol::Gateway;
        item.gatewayMarker = t == BpmnType::ExclusiveGateway    ? GatewayMarker::Exclusive
                             : t == BpmnType::ParallelGateway   ? GatewayMarker::Parallel
                             : t == BpmnType::InclusiveGateway  ? GatewayMarker::Inclusive
                             : t == BpmnType::ComplexGateway    ? GatewayMarker::Complex
                             : t == BpmnType::EventBasedGateway ? GatewayMarker::EventBased
                                                                : GatewayMarker::None;
    } else {
        switch (t) {
        case BpmnType::DataObjectReference: item.symbol = Symbol::DataObject; break;
        case BpmnType::DataStoreReference: item.symbol = Symbol::DataStore; break;
        case BpmnType::TextAnnotation: item.symbol = Symbol::TextAnnotation; break;
        case BpmnType::Group: item.symbol = Symbol::Group; break;
        case BpmnType::Participant:
            item.symbol = Symbol::Participant;
            if (spec.expanded == false) { // a vertical pool
                item.horizontal = false;
                item.bounds = QRectF(0, 0, size.height, size.width);
            }
            break;
        case BpmnType::Lane: item.symbol = Symbol::Lane; break;
        default: item.symbol = Symbol::Unknown; break;
        }
    }
    return item;
}

QIcon kindIcon(const notation::NotationPainter& painter, const TypeSpec& spec, int size)
{
    notation::NotationItem item = kindItem(spec);
    // Big shapes (pools, groups, expanded sub-processes) shrink to a task's size so their lines stay visible.
    // Activities shrink too, so their type markers (of fixed size) stay readable.
    if (item.symbol == notation::Symbol::Activity)
        item.bounds = QRectF(0, 0, 50, 40);
    else if (item.bounds.width() > 120 || item.bounds.height() > 100)
        item.bounds = item.symbol == notation::Symbol::Group ? QRectF(0, 0, 90, 90)
                      : item.horizontal                      ? QRectF(0, 0, 110, 70)
                                                             : QRectF(0, 0, 70, 110); // a vertical pool
    QPixmap pixmap(size * 2, size * 2);
    pixmap.setDevicePixelRatio(2);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF room(1.5, 1.5, size - 3, size - 3);
    const qreal scale = std::min(room.width() / item.bounds.width(), room.height() / item.bounds.height());
    p.translate(room.center());
    p.scale(scale, scale);
    p.translate(-item.bounds.center());
    painter.paint(p, item, notation::Part::Body);
    p.end();
    return QIcon(pixmap);
}

QMimeData* makeKindMimeData(const TypeSpec& spec)
{
    const auto& mm = core::Metamodel::instance();
    const auto opt = [](const std::optional<bool>& b) { return b ? (*b ? "1" : "0") : "-"; };
    const QString text =
        QStringLiteral("%1;%2;%3;%4")
            .arg(QString::fromUtf8(mm.type(spec.type).name),
                 spec.eventDefinition == BpmnType::Count ? QString()
                                                         : QString::fromUtf8(mm.type(spec.eventDefinition).name),
                 QString::fromLatin1(opt(spec.interrupting)), QString::fromLatin1(opt(spec.expanded)));
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kElementKindMime), text.toUtf8());
    return mime;
}

std::optional<TypeSpec> kindFromMimeData(const QMimeData* mime)
{
    if (!mime || !mime->hasFormat(QString::fromLatin1(kElementKindMime)))
        return std::nullopt;
    const QStringList parts =
        QString::fromUtf8(mime->data(QString::fromLatin1(kElementKindMime))).split(QLatin1Char(';'));
    if (parts.size() != 4)
        return std::nullopt;
    const auto& mm = core::Metamodel::instance();
    const auto opt = [](const QString& s) -> std::optional<bool> {
        if (s == QLatin1String("1"))
            return true;
        if (s == QLatin1String("0"))
            return false;
        return std::nullopt;
    };
    TypeSpec spec(mm.typeByName(parts[0].toStdString()),
                  parts[1].isEmpty() ? BpmnType::Count : mm.typeByName(parts[1].toStdString()), opt(parts[2]),
                  opt(parts[3]));
    // Only what the palette offers: a drop from elsewhere cannot ask for any type at all.
    for (const ElementKind& k : elementKinds())
        if (sameSpec(k.spec, spec))
            return spec;
    return std::nullopt;
}

// ---- the gesture ----

CreateGesture::CreateGesture(DiagramCanvas& canvas) : CanvasGesture(canvas)
{
    canvas.viewport()->setMouseTracking(true); // the armed element's preview follows the mouse
}

CreateGesture* CreateGesture::of(const DiagramCanvas& canvas)
{
    for (const auto& g : canvas.gestures())
        if (auto* c = dynamic_cast<CreateGesture*>(g.get()))
            return c;
    return nullptr;
}

void CreateGesture::arm(const TypeSpec& spec)
{
    if (!support::canEdit(canvas()))
        return;
    m_armed = spec;
    m_previewSpec = spec;
    canvas().viewport()->setCursor(Qt::CrossCursor);
    support::showStatus(&canvas(), tr("Click on the diagram to place the %1 (Escape cancels).").arg(kindName(spec)));
}

void CreateGesture::disarm()
{
    m_armed.reset();
    m_preview.reset();
    canvas().viewport()->unsetCursor();
    canvas().viewport()->update();
}

bool CreateGesture::createAt(const TypeSpec& spec, QPointF at)
{
    Editor* editor = canvas().editor();
    if (!editor)
        return false;
    auto& modeling = editor->modeling();
    core::Document& doc = editor->document();
    // The container: the topmost lane, pool or expanded sub-process under the point, else what
    // the diagram shows (a process, or the sub-process of a drilled-down plane).
    ElementItem* under = support::shapeAt(canvas(), at, [](const ElementItem& i) {
        const auto s = i.item().symbol;
        return s == notation::Symbol::Participant || s == notation::Symbol::Lane ||
               (s == notation::Symbol::Activity && i.item().expanded);
    });
    core::Element* container = under ? support::element(canvas(), under->elementId()) : nullptr;
    if (!container)
        container = core::di::planeElement(doc, canvas().diagram());
    const QString name = kindName(spec);

    core::modeling::Edit edit;
    if (spec.type == BpmnType::Participant) {
        // A process diagram gets a pool around its process; a collaboration one more pool, with a
        // process of its own, where the click was.
        const bool horizontal = spec.expanded != false;
        core::Element* shown = core::di::planeElement(doc, canvas().diagram());
        if (shown && shown->type == BpmnType::Process)
            edit = modeling.createPool(shown, horizontal);
        else if (shown && shown->type == BpmnType::Collaboration)
            edit = modeling.addParticipant(shown, {at.x(), at.y()}, horizontal);
        else {
            emit editor->refused(
                tr("Pools are added to a process or collaboration diagram, not inside a sub-process."));
            return false;
        }
    } else if (spec.type == BpmnType::Lane) {
        if (!container || (container->type != BpmnType::Participant && container->type != BpmnType::Lane)) {
            emit editor->refused(tr("Drop a lane onto a pool or a lane."));
            return false;
        }
        edit = modeling.addLane(container, false);
    } else {
        edit = modeling.create(spec, container, {at.x(), at.y()});
    }
    const QString createdId =
        edit.element() ? QString::fromUtf8(edit.element()->id().data(), qsizetype(edit.element()->id().size()))
                       : QString();
    if (!editor->apply(std::move(edit), tr("Create %1").arg(name)))
        return false;
    if (!createdId.isEmpty())
        canvas().selectElement(createdId, false);
    return true;
}

bool CreateGesture::press(QMouseEvent* event, QPointF)
{
    if (!m_armed)
        return false;
    if (event->button() != Qt::LeftButton || !support::canEdit(canvas())) {
        disarm();
        return false;
    }
    return true; // the release creates
}

void CreateGesture::release(QMouseEvent*, QPointF at)
{
    if (!m_armed)
        return;
    const TypeSpec spec = *m_armed;
    disarm();
    createAt(spec, at);
}

bool CreateGesture::hover(QMouseEvent*, QPointF at)
{
    if (!m_armed)
        return false;
    m_preview = at;
    canvas().viewport()->update();
    return true;
}

bool CreateGesture::key(QKeyEvent* event)
{
    if (m_armed && event->key() == Qt::Key_Escape) {
        disarm();
        return true;
    }
    return false;
}

bool CreateGesture::dragMove(QDragMoveEvent* event, QPointF)
{
    return support::canEdit(canvas()) && kindFromMimeData(event->mimeData()).has_value();
}

bool CreateGesture::drop(QDropEvent* event, QPointF at)
{
    if (!support::canEdit(canvas()))
        return false;
    const auto spec = kindFromMimeData(event->mimeData());
    if (!spec)
        return false;
    createAt(*spec, at);
    return true;
}

void CreateGesture::cancel()
{
    if (m_armed)
        disarm();
}

void CreateGesture::paintOverlay(QPainter* painter, const QRectF&)
{
    if (!m_armed || !m_preview)
        return;
    notation::NotationItem item = kindItem(m_previewSpec);
    item.bounds.moveCenter(*m_preview);
    painter->save();
    painter->setOpacity(0.45);
    static const notation::NotationPainter preview;
    preview.paint(*painter, item, notation::Part::Body);
    painter->restore();
}

} // namespace runway::modeler::canvas
