// The simulation's decisions at gateways: the flows of a pending decision highlighted on the
// canvas and picked by a click (or from the Decide… prompt), ask mode, and presets per gateway
// from the gateway's context menu ("Always Take").
#include "DecisionDialog.h"
#include "SimulationController.h"
#include "TokenOverlay.h"

#include "runway/core/Document.h"
#include "runway/core/engine/CompiledProcess.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/sim/SimulationSession.h"

#include <QAction>
#include <QActionGroup>
#include <QLineF>
#include <QMainWindow>
#include <QMenu>
#include <QMouseEvent>
#include <QToolBar>

namespace runway::app {

using modeler::canvas::ElementItem;
namespace engine = core::engine;

namespace {

/// The distance from p to the polyline.
qreal distanceTo(const QPolygonF& line, const QPointF& p)
{
    qreal best = std::numeric_limits<qreal>::max();
    for (qsizetype i = 1; i < line.size(); ++i) {
        const QPointF a = line[i - 1], b = line[i];
        const QPointF ab = b - a;
        const qreal len2 = QPointF::dotProduct(ab, ab);
        const qreal t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
        best = std::min(best, QLineF(p, a + t * ab).length());
    }
    return best;
}

bool isBranchingGateway(const engine::Node& n)
{
    using NK = engine::NodeKind;
    return (n.kind == NK::ExclusiveGateway || n.kind == NK::InclusiveGateway || n.kind == NK::ComplexGateway) &&
           n.outgoing.size() >= 2;
}

} // namespace

void SimulationController::createDecisionActions()
{
    m_ask = new QAction(tr("Ask at Gateways"), this);
    m_ask->setObjectName(QStringLiteral("simAskAction"));
    m_ask->setCheckable(true);
    m_ask->setToolTip(tr("Stop at every exclusive, inclusive and complex gateway and let me pick the flow"));
    connect(m_ask, &QAction::toggled, this, [this](bool on) {
        if (m_session) {
            m_session->setAskAtGateways(on);
            showDecision();
        }
    });
    m_decide = new QAction(QIcon::fromTheme(QStringLiteral("dialog-question")), tr("Decide…"), this);
    m_decide->setObjectName(QStringLiteral("simDecideAction"));
    m_decide->setToolTip(tr("Pick the flow a waiting gateway takes (or click a highlighted flow on the diagram)"));
    connect(m_decide, &QAction::triggered, this, [this] { askDecision(); });
}

QString SimulationController::labelOf(const QString& elementId) const
{
    if (!m_view)
        return elementId;
    const core::Element* e = m_view->document().findById(elementId.toStdString());
    const QString name = e ? QString::fromStdString(std::string(e->name())).simplified() : QString();
    return name.isEmpty() ? elementId : QStringLiteral("%1 (%2)").arg(name, elementId);
}

void SimulationController::showDecision()
{
    const auto d = m_session ? m_session->pendingDecision() : std::nullopt;
    if (m_overlay)
        m_overlay->setDecision(d ? d->candidates : QStringList());
    m_decide->setEnabled(d.has_value());
}

QVector<DecisionDialog::Choice> SimulationController::choicesFor(const sim::PendingDecision& d) const
{
    QVector<DecisionDialog::Choice> out;
    if (!m_session)
        return out;
    const auto& proc = m_session->process();
    const auto gateway = proc.nodeIndex(d.gateway.toStdString());
    for (const QString& id : d.candidates) {
        DecisionDialog::Choice c;
        c.flow = id;
        const auto f = proc.flowIndex(id.toStdString());
        if (f >= 0)
            c.condition = QString::fromStdString(proc.flow(f).condition).simplified();
        c.isDefault = gateway != engine::kNoNode && proc.node(gateway).defaultFlow == f;
        if (m_view)
            if (const core::Element* e = m_view->document().findById(id.toStdString()))
                c.name = QString::fromStdString(std::string(e->name())).simplified();
        out.push_back(c);
    }
    return out;
}

bool SimulationController::decide(const QStringList& flows)
{
    if (!m_session)
        return false;
    const auto d = m_session->pendingDecision();
    if (!d) {
        report(tr("No gateway waits for a decision."));
        return false;
    }
    if (!m_session->decide(flows)) {
        report(tr("%1 is not a flow %2 can take now; pick one of the highlighted flows.")
                   .arg(flows.join(QStringLiteral(", ")), d->gateway));
        return false;
    }
    showDecision();
    return true;
}

void SimulationController::askDecision()
{
    const auto d = m_session ? m_session->pendingDecision() : std::nullopt;
    if (!d) {
        report(tr("No gateway waits for a decision."));
        return;
    }
    DecisionDialog dialog(*d, labelOf(d->gateway), choicesFor(*d), m_window);
    if (dialog.exec() == QDialog::Accepted)
        decide(dialog.selectedFlows());
}

QString SimulationController::decisionFlowAt(const QPoint& viewportPos) const
{
    const auto d = m_session ? m_session->pendingDecision() : std::nullopt;
    if (!d || !m_canvas)
        return {};
    const QPointF at = m_canvas->mapToScene(viewportPos);
    const qreal reach = 8.0 / std::max(0.05, m_canvas->zoom()); // 8 pixels, whatever the zoom
    QString best;
    qreal bestDistance = reach;
    for (const QString& id : d->candidates) {
        const ElementItem* item = m_canvas->itemFor(id);
        if (!item || item->item().waypoints.size() < 2)
            continue;
        const qreal dist = distanceTo(item->item().waypoints, at);
        if (dist <= bestDistance) {
            bestDistance = dist;
            best = id;
        }
    }
    return best;
}

bool SimulationController::eventFilter(QObject* watched, QEvent* event)
{
    // A click on a highlighted flow answers the pending decision; every other click goes on.
    if (m_canvas && watched == m_canvas->viewport() && event->type() == QEvent::MouseButtonPress) {
        auto* me = static_cast<QMouseEvent*>(event);
        if (me->button() == Qt::LeftButton) {
            const QString flow = decisionFlowAt(me->position().toPoint());
            if (!flow.isEmpty()) {
                decide({flow});
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

void SimulationController::presetGateway(const QString& gatewayId, const QStringList& flows)
{
    if (!m_session)
        return;
    m_session->presetChoice(gatewayId, flows);
    report(flows.isEmpty() ? tr("%1 follows its conditions again.").arg(gatewayId)
                           : tr("%1 now always takes %2.").arg(gatewayId, flows.join(QStringLiteral(", "))));
    showDecision();
}

void SimulationController::addGatewayItems(QMenu* menu, const QString& gatewayId)
{
    const auto& proc = m_session->process();
    const auto n = proc.nodeIndex(gatewayId.toStdString());
    if (n == engine::kNoNode || !isBranchingGateway(proc.node(n)))
        return;
    QMenu* always = menu->addMenu(tr("Always Take"));
    always->setObjectName(QStringLiteral("simPresetMenu"));
    const QStringList preset = m_session->presetFor(gatewayId);
    auto* group = new QActionGroup(always);
    sim::PendingDecision asIf;
    asIf.gateway = gatewayId;
    for (auto f : proc.node(n).outgoing)
        asIf.candidates << QString::fromStdString(proc.flow(f).id);
    for (const DecisionDialog::Choice& c : choicesFor(asIf)) {
        QAction* a = always->addAction(DecisionDialog::label(c), this,
                                       [this, gatewayId, flow = c.flow] { presetGateway(gatewayId, {flow}); });
        a->setCheckable(true);
        a->setChecked(preset == QStringList{c.flow});
        a->setData(c.flow);
        group->addAction(a);
    }
    always->addSeparator();
    QAction* none = always->addAction(tr("Follow the Conditions"), this, [this, gatewayId] { presetGateway(gatewayId, {}); });
    none->setObjectName(QStringLiteral("simPresetNone"));
    none->setCheckable(true);
    none->setChecked(preset.isEmpty());
    group->addAction(none);
    if (m_session->pendingDecision() && m_session->pendingDecision()->gateway == gatewayId)
        menu->addAction(m_decide);
}

} // namespace runway::app
