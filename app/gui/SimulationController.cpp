#include "SimulationController.h"

#include "ScenarioPanel.h"
#include "SimulationDock.h"
#include "TokenOverlay.h"

#include "runway/core/Expression.h"
#include "runway/core/Iso8601.h"
#include "runway/core/engine/CompiledProcess.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"
#include "runway/sim/SimulationSession.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QGraphicsItem>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

namespace runway::app {

using modeler::canvas::DiagramCanvas;
using modeler::canvas::DocumentView;
using modeler::canvas::ElementItem;
namespace engine = core::engine;

SimulationController::SimulationController(QMainWindow* window) : QObject(window), m_window(window)
{
    createActions();

    m_dock = new QDockWidget(tr("Simulation"), window);
    m_dock->setObjectName(QStringLiteral("simulationDock"));
    m_panel = new SimulationDock;
    m_dock->setWidget(m_panel);
    m_panel->tabs()->addTab(m_scenarios, tr("Scenarios"));
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    connect(m_panel, &SimulationDock::elementClicked, this, [this](const QString& id) {
        if (m_view)
            m_view->revealElement(id);
    });

    m_clock = new QLabel;
    m_clock->setObjectName(QStringLiteral("simulationClock"));
    m_clock->setToolTip(tr("The virtual date and time of the simulation (UTC)"));
    window->statusBar()->addPermanentWidget(m_clock);
    m_clock->hide();
    setToolsEnabled(false);
    // Outside the simulation its toolbar and dock stay hidden, even when saved window settings
    // from a session that was closed while simulating would show them.
    connect(m_toolBar, &QToolBar::visibilityChanged, this, [this](bool visible) {
        if (visible && !isActive())
            QMetaObject::invokeMethod(m_toolBar, &QWidget::hide, Qt::QueuedConnection);
    });
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !isActive())
            QMetaObject::invokeMethod(m_dock, &QWidget::hide, Qt::QueuedConnection);
    });
}

SimulationController::~SimulationController()
{
    // The overlay belongs to the canvas's scene; the session to us.
    if (m_overlay && m_canvas)
        delete m_overlay;
}

void SimulationController::createActions()
{
    m_toggle = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Simulate"), this);
    m_toggle->setObjectName(QStringLiteral("simulateAction"));
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::Key_F9));
    m_toggle->setStatusTip(tr("Run the process in virtual time; editing is locked until you leave"));
    connect(m_toggle, &QAction::toggled, this, [this](bool on) {
        if (on == isActive())
            return;
        if (on) {
            QString error;
            if (!enter(&error)) {
                report(error);
                m_toggle->setChecked(false);
            }
        } else {
            leave();
        }
    });

    auto make = [this](const QString& name, const QString& icon, const QString& text, const QKeySequence& key) {
        auto* a = new QAction(QIcon::fromTheme(icon), text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        return a;
    };
    m_start = make(QStringLiteral("simStartAction"), QStringLiteral("list-add"), tr("Start Instance"), {});
    m_play = make(QStringLiteral("simPlayAction"), QStringLiteral("media-playback-start"), tr("Play"), {});
    m_play->setCheckable(true);
    m_step = make(QStringLiteral("simStepAction"), QStringLiteral("go-next"), tr("Step"), QKeySequence(Qt::Key_F10));
    m_stepBack = make(QStringLiteral("simStepBackAction"), QStringLiteral("go-previous"), tr("Step Back"),
                      QKeySequence(Qt::SHIFT | Qt::Key_F10));
    m_reset = make(QStringLiteral("simResetAction"), QStringLiteral("view-refresh"), tr("Reset"), {});
    m_nextTimer = make(QStringLiteral("simNextTimerAction"), QStringLiteral("appointment-soon"), tr("Next Timer"), {});
    m_advance = make(QStringLiteral("simAdvanceAction"), QStringLiteral("go-last"), tr("Advance By…"), {});
    m_signal = make(QStringLiteral("simSignalAction"), {}, tr("Broadcast Signal…"), {});
    m_message = make(QStringLiteral("simMessageAction"), {}, tr("Send Message…"), {});

    connect(m_start, &QAction::triggered, this, [this] { startChosen(); });
    connect(m_play, &QAction::toggled, this, [this](bool on) {
        if (!m_session || on == m_session->isPlaying())
            return;
        if (on)
            m_session->play();
        else
            m_session->pause();
    });
    connect(m_step, &QAction::triggered, this, [this] {
        if (m_session && !m_session->step())
            report(tr("Nothing moves without time passing or outside help: use Next Timer, Advance By or a trigger."));
    });
    connect(m_stepBack, &QAction::triggered, this, [this] {
        if (m_session && m_session->stepBack(m_backCount->value()) == 0)
            report(tr("There is nothing to step back to."));
    });
    connect(m_reset, &QAction::triggered, this, [this] {
        if (m_session)
            m_session->reset();
    });
    connect(m_nextTimer, &QAction::triggered, this, [this] {
        if (m_session && !m_session->nextTimer())
            report(tr("No timer is waiting."));
    });
    connect(m_advance, &QAction::triggered, this, [this] { askAdvance(); });
    connect(m_signal, &QAction::triggered, this, [this] { askSignal(); });
    connect(m_message, &QAction::triggered, this, [this] { askMessage(); });
    createDecisionActions();
    createScenarioActions();

    m_toolBar = new QToolBar(tr("Simulation"), m_window);
    m_toolBar->setObjectName(QStringLiteral("simulationToolBar"));
    m_startBox = new QComboBox;
    m_startBox->setObjectName(QStringLiteral("simStartEvent"));
    m_startBox->setToolTip(tr("The start event a new instance starts at"));
    m_startVars = new QLineEdit;
    m_startVars->setObjectName(QStringLiteral("simStartVariables"));
    m_startVars->setPlaceholderText(tr("Variables, e.g. {amount: 100}"));
    m_startVars->setMaximumWidth(220);
    m_backCount = new QSpinBox;
    m_backCount->setObjectName(QStringLiteral("simStepBackCount"));
    m_backCount->setRange(1, 1'000'000);
    m_backCount->setToolTip(tr("How many actions Step Back undoes"));
    m_speed = new QDoubleSpinBox;
    m_speed->setObjectName(QStringLiteral("simSpeed"));
    m_speed->setRange(0, 1000);
    m_speed->setValue(2);
    m_speed->setSuffix(tr(" steps/s"));
    m_speed->setSpecialValueText(tr("fastest"));
    m_speed->setToolTip(tr("Animation speed while playing"));
    connect(m_speed, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_session)
            m_session->setSpeed(v);
    });

    m_tokensOf = new QComboBox;
    m_tokensOf->setObjectName(QStringLiteral("simTokenFilter"));
    m_tokensOf->setToolTip(tr("Show the tokens of every instance, or of one"));
    m_tokensOf->addItem(tr("Tokens: all instances"), 0);
    connect(m_tokensOf, &QComboBox::currentIndexChanged, this, [this] {
        if (m_overlay)
            m_overlay->setInstanceFilter(m_tokensOf->currentData().toInt());
    });

    m_toolBar->addWidget(m_startBox);
    m_toolBar->addWidget(m_startVars);
    m_toolBar->addAction(m_start);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_play);
    m_toolBar->addWidget(m_speed);
    m_toolBar->addAction(m_step);
    m_toolBar->addAction(m_stepBack);
    m_toolBar->addWidget(m_backCount);
    m_toolBar->addAction(m_reset);
    m_toolBar->addWidget(m_tokensOf);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_nextTimer);
    m_toolBar->addAction(m_advance);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_message);
    m_toolBar->addAction(m_signal);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_ask);
    m_toolBar->addAction(m_decide);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_record);
    m_window->addToolBar(Qt::TopToolBarArea, m_toolBar);
    m_toolBar->hide();
}

void SimulationController::setToolsEnabled(bool on)
{
    for (QAction* a : {m_start, m_play, m_step, m_stepBack, m_reset, m_nextTimer, m_advance, m_signal, m_message, m_ask, m_record})
        a->setEnabled(on);
    m_decide->setEnabled(false);
}

void SimulationController::setView(DocumentView* view)
{
    if (view == m_view)
        return;
    leave();
    m_view = view;
    m_toggle->setEnabled(view && view->currentCanvas());
    // Saved window settings (from a session closed while simulating) may have shown them.
    m_toolBar->hide();
    m_dock->hide();
}

bool SimulationController::enter(QString* error)
{
    if (isActive())
        return true;
    if (!m_view || !m_view->currentCanvas()) {
        if (error)
            *error = tr("There is no diagram to simulate: open a BPMN file with a diagram first.");
        return false;
    }
    core::Diagnostics diagnostics;
    auto process = engine::CompiledProcess::compile(m_view->document(), {}, &diagnostics);
    if (!process || process->starts().empty()) {
        QString why;
        for (const auto& d : diagnostics)
            if (d.isError()) {
                why = QString::fromStdString(d.message);
                break;
            }
        if (error)
            *error = tr("This document cannot be simulated%1. Fix the problems listed in the Problems panel and try again.")
                         .arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why);
        return false;
    }

    m_savedState = m_window->saveState();
    // Editing gestures and the editor refuse changes until the simulation ends.
    m_view->editor().setReadOnly(true);
    m_session = std::make_unique<sim::SimulationSession>(std::move(process));
    // Virtual time starts at the next full hour of today (UTC), a readable point in time.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_session->setStartTime(core::TimePoint(std::chrono::milliseconds(now - now % 3'600'000 + 3'600'000)));
    m_session->setSpeed(m_speed->value());
    m_session->setAskAtGateways(m_ask->isChecked());
    connect(m_session.get(), &sim::SimulationSession::stepped, this, [this](const QVector<sim::LogEntry>& events) {
        refresh();
        animateSteps(events);
    });
    connect(m_session.get(), &sim::SimulationSession::restored, this, [this] {
        if (m_overlay)
            m_overlay->stopAnimation(); // stepping back jumps
        refresh();
    });
    connect(m_session.get(), &sim::SimulationSession::clockChanged, this, [this] { updateClock(); });
    connect(m_session.get(), &sim::SimulationSession::playingChanged, this, [this](bool on) { m_play->setChecked(on); });
    connect(m_session.get(), &sim::SimulationSession::incident, this, [this](const sim::IncidentInfo& i) {
        report(tr("Incident at %1: %2").arg(i.element, i.explanation));
    });
    connect(m_session.get(), &sim::SimulationSession::breakpointHit, this, [this](int instance, const QString& id) {
        report(tr("Paused: instance %1 reached the breakpoint at %2.").arg(instance).arg(labelOf(id)));
    });
    connect(m_session.get(), &sim::SimulationSession::finished, this,
            [this](int id) { report(tr("Instance %1 finished.").arg(id)); });
    connect(m_session.get(), &sim::SimulationSession::decisionNeeded, this, [this](const sim::PendingDecision& d) {
        showDecision();
        report(tr("Instance %1 waits for a decision at %2 (%3): click a highlighted flow or use Decide….")
                   .arg(d.instance)
                   .arg(labelOf(d.gateway), d.reason));
    });

    m_startBox->clear();
    const auto& proc = m_session->process();
    for (auto i : proc.starts()) {
        const auto& n = proc.node(i);
        const QString id = QString::fromStdString(n.id);
        m_startBox->addItem(n.name.empty() ? id : QStringLiteral("%1 (%2)").arg(QString::fromStdString(n.name), id), id);
    }

    connect(m_view, &QObject::destroyed, this, [this] { leave(); });
    connect(m_view, &DocumentView::contentChanged, this, [this] {
        ensureOverlay();
        refreshScenarios(); // undo and redo of scenario changes
    });
    m_canvas = m_view->currentCanvas();
    m_savedMenuPolicy = m_canvas->contextMenuPolicy();
    attachOverlay();
    connect(m_view, &DocumentView::currentDiagramChanged, this, [this] {
        if (!isActive() || m_view->currentCanvas() == m_canvas)
            return;
        if (m_canvas) {
            delete m_overlay;
            m_canvas->viewport()->removeEventFilter(this);
            m_canvas->setContextMenuPolicy(m_savedMenuPolicy);
            disconnect(m_canvas, nullptr, this, nullptr);
        }
        m_overlay = nullptr;
        m_canvas = m_view->currentCanvas();
        if (m_canvas) {
            m_savedMenuPolicy = m_canvas->contextMenuPolicy();
            attachOverlay();
        }
    });

    m_panel->setSession(m_session.get());
    refreshScenarios();
    m_toolBar->show();
    // The panel takes the room of the bottom docks (tabbed with them) rather than a sliver beside.
    for (QDockWidget* other : m_window->findChildren<QDockWidget*>())
        if (other != m_dock && other->isVisible() && !other->isFloating() &&
            m_window->dockWidgetArea(other) == Qt::BottomDockWidgetArea) {
            m_window->tabifyDockWidget(other, m_dock);
            break;
        }
    m_dock->show();
    m_dock->raise();
    m_clock->show();
    setToolsEnabled(true);
    m_toggle->setChecked(true);
    updateClock();
    emit activeChanged(true);
    return true;
}

void SimulationController::attachOverlay()
{
    m_overlay = new TokenOverlay(m_canvas);
    m_canvas->setContextMenuPolicy(Qt::CustomContextMenu);
    m_canvas->viewport()->installEventFilter(this);
    connect(m_canvas, &QWidget::customContextMenuRequested, this, &SimulationController::showCanvasMenu);
    refresh();
}

void SimulationController::ensureOverlay()
{
    if (!isActive() || !m_canvas || m_overlay)
        return;
    m_overlay = new TokenOverlay(m_canvas);
    refresh();
}

int SimulationController::animationMsFor(double speed)
{
    // Most of the time between two steps, at most 0.6 s; too short to see below 40 ms.
    if (speed <= 0)
        return 0;
    const int ms = std::min(600, static_cast<int>(800.0 / speed));
    return ms < 40 ? 0 : ms;
}

int SimulationController::animationMs() const
{
    return m_session ? animationMsFor(m_session->speed()) : 0;
}

void SimulationController::animateSteps(const QVector<sim::LogEntry>& events)
{
    if (!m_overlay || !m_session)
        return;
    const int ms = animationMs();
    if (ms <= 0) {
        m_overlay->stopAnimation();
        return;
    }
    const auto& proc = m_session->process();
    QVector<TokenOverlay::Move> moves;
    using TK = engine::TraceEvent::Kind;
    for (const sim::LogEntry& e : events) {
        const int colour = sim::SimulationSession::colourOf(e.instance);
        if (e.event.kind == TK::FlowTaken && e.event.flow >= 0) {
            moves.push_back({QString::fromStdString(proc.flow(e.event.flow).id), e.instance, colour});
        } else if (e.event.node != engine::kNoNode) {
            // A message leaves along the node's message flows as the node sends it: as it is left,
            // or for an end event, reached.
            const auto& n = proc.node(e.event.node);
            const bool sends = e.event.kind == (n.kind == engine::NodeKind::EndEvent ? TK::ElementEntered : TK::ElementLeft);
            if (sends)
                for (const auto& mf : n.messageFlows)
                    moves.push_back({QString::fromStdString(mf.flowId), e.instance, colour});
        }
    }
    m_overlay->animate(moves, ms);
}

void SimulationController::leave()
{
    if (!isActive())
        return;
    m_session->pause();
    if (m_canvas) {
        delete m_overlay;
        m_canvas->viewport()->removeEventFilter(this);
        m_canvas->setContextMenuPolicy(m_savedMenuPolicy);
        disconnect(m_canvas, nullptr, this, nullptr);
    }
    if (m_view) {
        disconnect(m_view, nullptr, this, nullptr);
        m_view->editor().setReadOnly(false);
    }
    m_overlay = nullptr;
    m_canvas = nullptr;
    m_recording = false;
    {
        const QSignalBlocker quiet(m_record);
        m_record->setChecked(false);
        m_record->setText(tr("Record"));
    }
    m_panel->setSession(nullptr);
    m_session.reset();
    while (m_tokensOf->count() > 1)
        m_tokensOf->removeItem(m_tokensOf->count() - 1);
    m_startBox->clear();
    setToolsEnabled(false);
    m_toolBar->hide();
    m_dock->hide();
    m_clock->hide();
    m_window->restoreState(m_savedState);
    m_play->setChecked(false);
    m_toggle->setChecked(false);
    emit activeChanged(false);
}

void SimulationController::refresh()
{
    if (!m_session)
        return;
    const int wanted = m_session->instanceCount() + 1;
    while (m_tokensOf->count() > wanted)
        m_tokensOf->removeItem(m_tokensOf->count() - 1);
    while (m_tokensOf->count() < wanted)
        m_tokensOf->addItem(tr("Tokens: instance %1").arg(m_tokensOf->count()), m_tokensOf->count());
    if (m_overlay) {
        m_overlay->setInstanceFilter(m_tokensOf->currentData().toInt());
        m_overlay->setView(m_session->tokenView(), m_session->incidents());
        m_overlay->setBreakpoints(m_session->breakpoints());
    }
    showDecision();
    m_panel->refresh();
    updateClock();
}

void SimulationController::updateClock()
{
    if (!m_session)
        return;
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(m_session->clock().time_since_epoch().count(), Qt::UTC);
    m_clock->setText(tr("Virtual time: %1").arg(t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))));
}

void SimulationController::report(const QString& text)
{
    m_window->statusBar()->showMessage(text, 8000);
    emit message(text);
}

bool SimulationController::parseVariables(const QString& text, core::Variables* vars, QString* error)
{
    *vars = {};
    if (text.trimmed().isEmpty())
        return true;
    auto compiled = core::Expression::compile(text.toStdString(), core::Dialect::Feel);
    if (!compiled) {
        *error = tr("The variables are not FEEL: %1. Write a context such as {amount: 100, name: \"Ada\"}.")
                     .arg(QString::fromStdString(compiled.error.message));
        return false;
    }
    auto value = compiled->evaluate(core::Variables{});
    if (!value || !value->isContext()) {
        *error = tr("The variables must be a context such as {amount: 100, name: \"Ada\"}.");
        return false;
    }
    for (const auto& [name, v] : value->asContext())
        vars->set(name, v);
    return true;
}

int SimulationController::startChosen()
{
    core::Variables vars;
    QString error;
    if (!parseVariables(m_startVars->text(), &vars, &error)) {
        report(error);
        return 0;
    }
    return start(m_startBox->currentData().toString(), vars);
}

int SimulationController::start(const QString& startEventId, const core::Variables& vars)
{
    if (!m_session)
        return 0;
    const int id = m_session->start(startEventId, vars);
    if (id == 0)
        report(tr("%1 is not a start event of the process.").arg(startEventId));
    refresh();
    return id;
}

bool SimulationController::advanceBy(std::chrono::milliseconds d)
{
    if (!m_session || d.count() <= 0)
        return false;
    m_session->advanceBy(d);
    return true;
}

bool SimulationController::completeTask(const QString& elementId, const core::Variables& vars)
{
    if (!m_session)
        return false;
    const bool ok = m_session->completeTask(0, elementId, vars);
    if (!ok)
        report(tr("No instance waits at %1 to be completed.").arg(elementId));
    return ok;
}

bool SimulationController::failActivity(const QString& elementId, const QString& errorCode)
{
    if (!m_session)
        return false;
    const bool ok = m_session->failActivity(0, elementId, errorCode);
    if (!ok)
        report(tr("No instance is at %1 to fail.").arg(elementId));
    return ok;
}

bool SimulationController::sendMessage(const QString& messageName, const core::Variables& vars)
{
    if (!m_session)
        return false;
    const bool ok = m_session->sendMessage(0, messageName, vars);
    if (!ok)
        report(tr("No instance waits for the message %1.").arg(messageName));
    return ok;
}

int SimulationController::broadcastSignal(const QString& signalName)
{
    if (!m_session)
        return 0;
    const int n = m_session->broadcastSignal(signalName);
    report(tr("The signal %1 reached %n instance(s).", nullptr, n).arg(signalName));
    return n;
}

bool SimulationController::trigger(const QString& elementId)
{
    if (!m_session)
        return false;
    const bool ok = m_session->trigger(0, elementId);
    if (!ok)
        report(tr("Nothing waits at %1 for a trigger.").arg(elementId));
    return ok;
}

QMenu* SimulationController::elementMenu(const QString& elementId, QWidget* parent)
{
    auto* menu = new QMenu(parent);
    if (!m_session)
        return menu;
    const auto& proc = m_session->process();
    const engine::Node* node = nullptr;
    for (const auto& n : proc.nodes())
        if (QString::fromStdString(n.id) == elementId) {
            node = &n;
            break;
        }
    if (!node)
        return menu;
    QAction* breakAt = menu->addAction(tr("Breakpoint"), this, [this, elementId](bool on) { setBreakpoint(elementId, on); });
    breakAt->setObjectName(QStringLiteral("simBreakpointItem"));
    breakAt->setCheckable(true);
    breakAt->setChecked(m_session->hasBreakpoint(elementId));
    breakAt->setToolTip(tr("Pause playing when a token reaches this element"));
    addGatewayItems(menu, elementId);
    menu->addSeparator();
    const QString type = QString::fromStdString(node->bpmnType);
    if (type.endsWith(QLatin1String("Task")) || type == QLatin1String("task") || type == QLatin1String("subProcess") ||
        type == QLatin1String("callActivity")) {
        menu->addAction(tr("Complete with Variables…"), this, [this, elementId] { askComplete(elementId); })
            ->setObjectName(QStringLiteral("simCompleteItem"));
        menu->addAction(tr("Fail with Error Code…"), this, [this, elementId] { askFail(elementId); })
            ->setObjectName(QStringLiteral("simFailItem"));
    }
    if (type.contains(QLatin1String("Event")) || type == QLatin1String("receiveTask"))
        menu->addAction(tr("Trigger"), this, [this, elementId] { trigger(elementId); })
            ->setObjectName(QStringLiteral("simTriggerItem"));
    const QString code = QString::fromStdString(node->code);
    if (!code.isEmpty() && node->trigger == engine::Trigger::Message)
        menu->addAction(tr("Send Message \"%1\"").arg(code), this, [this, code] { sendMessage(code); });
    if (!code.isEmpty() && node->trigger == engine::Trigger::Signal)
        menu->addAction(tr("Broadcast Signal \"%1\"").arg(code), this, [this, code] { broadcastSignal(code); });
    return menu;
}

void SimulationController::setBreakpoint(const QString& elementId, bool on)
{
    if (!m_session)
        return;
    m_session->setBreakpoint(elementId, on);
    if (m_overlay)
        m_overlay->setBreakpoints(m_session->breakpoints());
}

void SimulationController::showCanvasMenu(const QPoint& pos)
{
    if (!m_canvas || !m_session)
        return;
    QString id;
    for (QGraphicsItem* item : m_canvas->items(pos))
        if (item->type() == ElementItem::Type) {
            id = static_cast<ElementItem*>(item)->elementId();
            break;
        }
    if (id.isEmpty())
        return;
    std::unique_ptr<QMenu> menu(elementMenu(id, m_canvas));
    if (!menu->isEmpty())
        menu->exec(m_canvas->viewport()->mapToGlobal(pos));
}

void SimulationController::askAdvance()
{
    bool ok = false;
    const QString text = QInputDialog::getText(m_window, tr("Advance By"), tr("Duration (ISO 8601, e.g. PT5M or P1DT2H):"),
                                               QLineEdit::Normal, QStringLiteral("PT5M"), &ok);
    if (!ok)
        return;
    const auto parsed = core::iso8601::parseDuration(text.trimmed().toStdString());
    const auto length = parsed ? parsed.value->fixedLength() : std::nullopt;
    if (!length || length->count() <= 0) {
        report(tr("%1 is no positive duration without years or months; write it like PT5M or P2D.").arg(text));
        return;
    }
    advanceBy(*length);
}

void SimulationController::askSignal()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("Broadcast Signal"), tr("Signal name:"), QLineEdit::Normal, {}, &ok);
    if (ok && !name.isEmpty())
        broadcastSignal(name);
}

void SimulationController::askMessage()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("Send Message"), tr("Message name:"), QLineEdit::Normal, {}, &ok);
    if (ok && !name.isEmpty())
        sendMessage(name);
}

void SimulationController::askFail(const QString& elementId)
{
    bool ok = false;
    const QString code =
        QInputDialog::getText(m_window, tr("Fail Activity"), tr("Error code thrown by %1:").arg(elementId), QLineEdit::Normal, {}, &ok);
    if (ok && !code.isEmpty())
        failActivity(elementId, code);
}

void SimulationController::askComplete(const QString& elementId)
{
    bool ok = false;
    const QString text = QInputDialog::getText(m_window, tr("Complete Task"),
                                               tr("Variables to set (a FEEL context, e.g. {approved: true}):"),
                                               QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    core::Variables vars;
    QString error;
    if (!parseVariables(text, &vars, &error)) {
        report(error);
        return;
    }
    completeTask(elementId, vars);
}

} // namespace runway::app
