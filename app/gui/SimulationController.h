// The simulation mode of the main window: a toggle that locks the document, starts a
// SimulationSession on the current document's main process and shows the simulation toolbar, the
// simulation dock (event log, variables, instances, triggers) and the virtual clock in the status
// bar; tokens are drawn by a TokenOverlay on the canvas shown. Leaving removes all of it and puts
// the window's toolbars and docks back as they were; the document is never touched.
#pragma once

#include "DecisionDialog.h"
#include "TokenOverlay.h"

#include "runway/core/ChangeSet.h"
#include "runway/core/Value.h"
#include "runway/core/engine/Scenario.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QDockWidget;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QMainWindow;
class QMenu;
class QSpinBox;
class QToolBar;

namespace runway::sim {
class SimulationSession;
}
namespace runway::modeler::canvas {
class DiagramCanvas;
class DocumentView;
}

namespace runway::app {

class SimulationDock;
class ScenarioPanel;

class SimulationController : public QObject {
    Q_OBJECT
public:
    /// Adds its (hidden) toolbar, dock and clock label to window.
    explicit SimulationController(QMainWindow* window);
    ~SimulationController() override;

    /// The document view simulations run on (the current tab); a change leaves the simulation.
    void setView(modeler::canvas::DocumentView* view);

    QAction* toggleAction() const { return m_toggle; }
    bool isActive() const { return m_session != nullptr; }
    /// Enters the simulation mode on the current view. False, with *error (what, and what to do),
    /// when there is nothing to simulate.
    bool enter(QString* error = nullptr);
    void leave();

    sim::SimulationSession* session() const { return m_session.get(); }
    TokenOverlay* overlay() const { return m_overlay; }
    QToolBar* toolBar() const { return m_toolBar; }
    SimulationDock* panel() const { return m_panel; }
    QDockWidget* dock() const { return m_dock; }
    QLabel* clockLabel() const { return m_clock; }
    QComboBox* startEventBox() const { return m_startBox; }
    QLineEdit* startVariablesEdit() const { return m_startVars; }
    QSpinBox* stepBackCountBox() const { return m_backCount; }
    QDoubleSpinBox* speedBox() const { return m_speed; }
    /// Whose tokens the canvas shows: all instances, or one (data: the id, 0 for all).
    QComboBox* tokenFilterBox() const { return m_tokensOf; }

    QAction* startAction() const { return m_start; }
    QAction* playAction() const { return m_play; }
    QAction* stepAction() const { return m_step; }
    QAction* stepBackAction() const { return m_stepBack; }
    QAction* resetAction() const { return m_reset; }
    QAction* nextTimerAction() const { return m_nextTimer; }
    QAction* advanceAction() const { return m_advance; }
    QAction* signalAction() const { return m_signal; }
    QAction* messageAction() const { return m_message; }
    QAction* askAction() const { return m_ask; }
    QAction* decideAction() const { return m_decide; }

    // What the actions and menus do, without their dialogs.
    /// Starts an instance at the start event chosen in the toolbar with the variables given there
    /// (a FEEL context such as {amount: 100}). 0 when it could not start (the status bar says why).
    int startChosen();
    int start(const QString& startEventId, const core::Variables& vars);
    bool advanceBy(std::chrono::milliseconds d);
    bool completeTask(const QString& elementId, const core::Variables& vars = {});
    bool failActivity(const QString& elementId, const QString& errorCode);
    bool sendMessage(const QString& messageName, const core::Variables& vars = {});
    int broadcastSignal(const QString& signalName);
    bool trigger(const QString& elementId);

    // Decisions at gateways (SimulationDecisions.cpp).
    /// Answers the pending decision with these flows. False (the status bar says why) when none is
    /// pending or a flow is not one of its candidates.
    bool decide(const QStringList& flows);
    /// The flow of the pending decision under a viewport point of the canvas (empty: none).
    QString decisionFlowAt(const QPoint& viewportPos) const;
    /// The pending decision's flows as the prompt lists them (name, condition, default).
    QVector<DecisionDialog::Choice> choicesFor(const sim::PendingDecision& d) const;
    /// From now on the gateway takes these flows (empty: its conditions again).
    void presetGateway(const QString& gatewayId, const QStringList& flows);

    /// Sets or clears the breakpoint at an element: playing pauses when a token reaches it.
    void setBreakpoint(const QString& elementId, bool on);

    // Scenarios (SimulationScenarios.cpp).
    QAction* recordAction() const { return m_record; }
    ScenarioPanel* scenarioPanel() const { return m_scenarios; }
    /// Starts recording a fresh walk: the session resets (presets and breakpoints stay, the presets
    /// as the scenario's first choices).
    void startRecording();
    bool isRecording() const { return m_recording; }
    /// Stops recording and stores the walk as a scenario named name in the document, as one undo
    /// step (the document shows modified; Save keeps it), replacing one of that name. False, with
    /// *error (what, and what to do), when nothing was recorded or the name is empty.
    bool recordScenario(const QString& name, QString* error = nullptr);
    /// The scenarios stored in the document for the process simulated, in file order.
    QStringList scenarioNames() const;
    struct ReplayOutcome {
        bool ran = false;    ///< false: no such scenario, or it could not be read (text says why)
        bool passed = false;
        QString text;        ///< "PASS name" or "FAIL name: step N: ..." (the first failed expectation)
    };
    /// Runs the stored scenario (the verdict), and walks it in the session to show it on the canvas.
    ReplayOutcome replayScenario(const QString& name);
    bool renameScenario(const QString& from, const QString& to, QString* error = nullptr);
    bool deleteScenario(const QString& name);
    /// A stored scenario's expectations as editable JSON (empty when there is no such scenario).
    QString scenarioExpectations(const QString& name) const;
    /// Replaces a stored scenario's expectations (one undo step). False, with *error, when the JSON
    /// is not a list of valid expectations.
    bool setScenarioExpectations(const QString& name, const QString& json, QString* error = nullptr);

    /// The context menu of an element in the simulation (the caller owns it): the triggers that apply.
    QMenu* elementMenu(const QString& elementId, QWidget* parent = nullptr);

    /// How long a token takes along a flow at a speed (steps per second; 0: fastest, no animation).
    static int animationMsFor(double speed);

    /// Reads a FEEL context ({a: 1, b: "x"}; empty text: no variables) into variables.
    static bool parseVariables(const QString& text, core::Variables* vars, QString* error);

signals:
    void activeChanged(bool active);
    /// Something the person should know (why an action did nothing, an incident...).
    void message(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void createDecisionActions();
    void addGatewayItems(QMenu* menu, const QString& gatewayId);
    void showDecision();
    void createScenarioActions();
    void refreshScenarios();
    std::optional<core::engine::Scenario> storedScenario(const QString& name, QString* error) const;
    bool applyChange(core::ChangeSet changes, const QString& text);
    void stopRecordingWithPrompt();
    void askRename(const QString& name);
    void askDelete(const QString& name);
    void editExpectations(const QString& name);
    void askDecision();
    QString labelOf(const QString& elementId) const;
    void setToolsEnabled(bool on);
    void attachOverlay();
    void refresh();
    /// The overlay back on the canvas after the canvas rebuilt its scene.
    void ensureOverlay();
    /// Tokens move along the flows these events took, over a time the speed sets.
    void animateSteps(const QVector<sim::LogEntry>& events);
    int animationMs() const;
    void updateClock();
    void report(const QString& text);
    void showCanvasMenu(const QPoint& pos);
    void askAdvance();
    void askSignal();
    void askMessage();
    void askFail(const QString& elementId);
    void askComplete(const QString& elementId);

    QMainWindow* m_window;
    QPointer<modeler::canvas::DocumentView> m_view;
    QPointer<modeler::canvas::DiagramCanvas> m_canvas;
    std::unique_ptr<sim::SimulationSession> m_session;
    /// On the canvas's scene; gone when the canvas rebuilds its items (a scenario stored).
    QPointer<TokenOverlay> m_overlay;
    QByteArray m_savedState; ///< the window's toolbars and docks before entering
    Qt::ContextMenuPolicy m_savedMenuPolicy = Qt::DefaultContextMenu;
    bool m_savedInteractive = true;

    QAction* m_toggle = nullptr;
    QAction* m_start = nullptr;
    QAction* m_play = nullptr;
    QAction* m_step = nullptr;
    QAction* m_stepBack = nullptr;
    QAction* m_reset = nullptr;
    QAction* m_nextTimer = nullptr;
    QAction* m_advance = nullptr;
    QAction* m_signal = nullptr;
    QAction* m_message = nullptr;
    QAction* m_ask = nullptr;
    QAction* m_decide = nullptr;
    QAction* m_record = nullptr;
    bool m_recording = false;
    ScenarioPanel* m_scenarios = nullptr;
    QToolBar* m_toolBar = nullptr;
    QComboBox* m_startBox = nullptr;
    QLineEdit* m_startVars = nullptr;
    QSpinBox* m_backCount = nullptr;
    QDoubleSpinBox* m_speed = nullptr;
    QComboBox* m_tokensOf = nullptr;
    QDockWidget* m_dock = nullptr;
    SimulationDock* m_panel = nullptr;
    QLabel* m_clock = nullptr;
};

} // namespace runway::app
