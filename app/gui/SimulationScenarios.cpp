// The simulation's scenarios: recording the walk (toolbar Record/Stop, a name prompt) into the
// document through its editor, one undo step each, and the Scenarios tab: replay with the verdict
// (the first failed expectation named), rename, delete, and editing the expectations as JSON.
#include "ScenarioJson.h"
#include "ScenarioPanel.h"
#include "SimulationController.h"

#include "runway/core/engine/CompiledProcess.h"
#include "runway/core/engine/ScenarioStore.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"
#include "runway/sim/SimulationSession.h"

#include <QAction>
#include <QInputDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QSignalBlocker>

namespace runway::app {

namespace engine = core::engine;
using engine::ScenarioStore;

void SimulationController::createScenarioActions()
{
    m_record = new QAction(QIcon::fromTheme(QStringLiteral("media-record")), tr("Record"), this);
    m_record->setObjectName(QStringLiteral("simRecordAction"));
    m_record->setCheckable(true);
    m_record->setToolTip(tr("Record a walk from a fresh start; press again to stop and store it as a scenario in the file"));
    connect(m_record, &QAction::toggled, this, [this](bool on) {
        if (on)
            startRecording();
        else if (m_recording)
            stopRecordingWithPrompt();
    });
    m_scenarios = new ScenarioPanel;
    connect(m_scenarios, &ScenarioPanel::replayRequested, this, [this](const QString& name) { replayScenario(name); });
    connect(m_scenarios, &ScenarioPanel::renameRequested, this, [this](const QString& name) { askRename(name); });
    connect(m_scenarios, &ScenarioPanel::deleteRequested, this, [this](const QString& name) { askDelete(name); });
    connect(m_scenarios, &ScenarioPanel::editRequested, this, [this](const QString& name) { editExpectations(name); });
}

void SimulationController::startRecording()
{
    if (!m_session)
        return;
    // A scenario walks from the start: reset, and record the presets as its first choices.
    QVector<QPair<QString, QStringList>> presets;
    for (const auto& n : m_session->process().nodes()) {
        const QString id = QString::fromStdString(n.id);
        if (QStringList flows = m_session->presetFor(id); !flows.isEmpty())
            presets.push_back({id, flows});
    }
    m_session->reset();
    for (const auto& [gateway, flows] : presets)
        m_session->presetChoice(gateway, flows);
    m_recording = true;
    const QSignalBlocker quiet(m_record);
    m_record->setChecked(true);
    m_record->setText(tr("Stop Recording"));
    report(tr("Recording: start an instance and walk the process; press Stop Recording to store the walk as a scenario."));
}

void SimulationController::stopRecordingWithPrompt()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("Store Scenario"), tr("Scenario name:"), QLineEdit::Normal,
                                               tr("scenario %1").arg(scenarioNames().size() + 1), &ok)
                             .trimmed();
    QString error;
    if (ok && recordScenario(name, &error))
        return;
    // Cancelled, or nothing to store yet: keep recording.
    const QSignalBlocker quiet(m_record);
    m_record->setChecked(true);
    if (!error.isEmpty())
        report(error);
}

bool SimulationController::recordScenario(const QString& name, QString* error)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!m_session || !m_view)
        return fail(tr("There is no simulation to record."));
    if (name.trimmed().isEmpty())
        return fail(tr("A scenario needs a name: type one and store it again."));
    if (m_session->recordedSteps().empty())
        return fail(tr("Nothing was recorded: start an instance and walk the process first."));
    std::string why;
    const engine::Scenario s = m_session->scenario(name.trimmed());
    core::ChangeSet changes = ScenarioStore::put(m_view->editor().document(), s, &why);
    if (changes.empty())
        return fail(tr("The scenario could not be stored: %1.").arg(QString::fromStdString(why)));
    m_recording = false;
    {
        const QSignalBlocker quiet(m_record);
        m_record->setChecked(false);
        m_record->setText(tr("Record"));
    }
    applyChange(std::move(changes), tr("Record Scenario"));
    m_scenarios->selectScenario(name.trimmed());
    report(tr("Stored the scenario \"%1\" in the file; save the file to keep it.").arg(name.trimmed()));
    return true;
}

bool SimulationController::applyChange(core::ChangeSet changes, const QString& text)
{
    // The document is locked while simulating; a scenario is data beside the diagram, so the lock
    // lifts for this one undo step.
    auto& editor = m_view->editor();
    const bool locked = editor.isReadOnly();
    editor.setReadOnly(false);
    core::modeling::Edit edit;
    edit.changes = std::move(changes);
    const bool ok = editor.apply(std::move(edit), text);
    editor.setReadOnly(locked);
    refreshScenarios();
    return ok;
}

QStringList SimulationController::scenarioNames() const
{
    QStringList out;
    if (!m_view || !m_session)
        return out;
    for (const auto& stored : ScenarioStore::list(m_view->document()))
        if (stored.processId == m_session->process().id())
            out << QString::fromStdString(stored.name);
    return out;
}

void SimulationController::refreshScenarios()
{
    m_scenarios->setScenarios(scenarioNames());
}

std::optional<engine::Scenario> SimulationController::storedScenario(const QString& name, QString* error) const
{
    if (!m_view || !m_session)
        return std::nullopt;
    core::Diagnostics problems;
    const auto all = ScenarioStore::load(m_view->document(), &problems);
    const std::string wanted = name.toStdString();
    for (const auto& s : all)
        if (s.name == wanted && (s.process.empty() || s.process == m_session->process().id()))
            return s;
    if (error) {
        *error = tr("There is no scenario \"%1\" for this process.").arg(name);
        for (const auto& d : problems)
            if (d.isError() && d.message.find(wanted) != std::string::npos)
                *error = tr("The scenario \"%1\" cannot be read: %2").arg(name, QString::fromStdString(d.message));
    }
    return std::nullopt;
}

SimulationController::ReplayOutcome SimulationController::replayScenario(const QString& name)
{
    ReplayOutcome out;
    QString error;
    const auto s = storedScenario(name, &error);
    if (!s) {
        out.text = error;
        m_scenarios->setResult(false, error);
        report(error);
        return out;
    }
    // The verdict: the scenario run as runway-cli test runs it, on the document as it is.
    core::Diagnostics diagnostics;
    auto process = engine::CompiledProcess::compile(m_view->document(), s->process, &diagnostics);
    if (!process) {
        out.text = tr("FAIL %1: the process cannot be compiled; see the Problems panel.").arg(name);
    } else {
        const auto result = engine::runScenario(*s, process);
        out.ran = true;
        out.passed = result.passed;
        out.text = result.passed ? tr("PASS %1").arg(name)
                                 : tr("FAIL %1: %2").arg(name, QString::fromStdString(result.failure));
    }
    // The walk, shown on the canvas and in the log.
    m_session->loadScenario(*s);
    for (int guard = 0; guard < 100'000 && m_session->replayNext(); ++guard) {
    }
    m_scenarios->setResult(out.passed, out.text);
    report(out.text);
    return out;
}

bool SimulationController::renameScenario(const QString& from, const QString& to, QString* error)
{
    const QString name = to.trimmed();
    auto s = storedScenario(from, error);
    if (!s)
        return false;
    if (name.isEmpty() || name == from || scenarioNames().contains(name)) {
        if (error)
            *error = name.isEmpty() ? tr("A scenario needs a name.")
                                    : tr("There is already a scenario \"%1\"; pick another name.").arg(name);
        return false;
    }
    s->name = name.toStdString();
    auto& doc = m_view->editor().document();
    std::string why;
    doc.beginEdit(); // one change: remove and store again under the new name
    ScenarioStore::remove(doc, from.toStdString(), m_session->process().id());
    ScenarioStore::put(doc, *s, &why);
    core::ChangeSet changes = doc.endEdit();
    applyChange(std::move(changes), tr("Rename Scenario"));
    m_scenarios->selectScenario(name);
    return true;
}

bool SimulationController::deleteScenario(const QString& name)
{
    if (!m_view || !m_session)
        return false;
    core::ChangeSet changes = ScenarioStore::remove(m_view->editor().document(), name.toStdString(), m_session->process().id());
    if (changes.empty())
        return false;
    applyChange(std::move(changes), tr("Delete Scenario"));
    m_scenarios->clearResult();
    return true;
}

QString SimulationController::scenarioExpectations(const QString& name) const
{
    const auto s = storedScenario(name, nullptr);
    return s ? scenariojson::expectations(*s) : QString();
}

bool SimulationController::setScenarioExpectations(const QString& name, const QString& json, QString* error)
{
    const auto s = storedScenario(name, error);
    if (!s)
        return false;
    QString why;
    const auto changed = scenariojson::withExpectations(*s, json, &why);
    if (!changed) {
        if (error)
            *error = why;
        return false;
    }
    std::string storeError;
    core::ChangeSet changes = ScenarioStore::put(m_view->editor().document(), *changed, &storeError);
    if (changes.empty())
        return true; // nothing changed
    applyChange(std::move(changes), tr("Edit Scenario Expectations"));
    m_scenarios->selectScenario(name);
    return true;
}

void SimulationController::askRename(const QString& name)
{
    bool ok = false;
    const QString to =
        QInputDialog::getText(m_window, tr("Rename Scenario"), tr("New name of \"%1\":").arg(name), QLineEdit::Normal, name, &ok);
    QString error;
    if (ok && to != name && !renameScenario(name, to, &error))
        report(error);
}

void SimulationController::askDelete(const QString& name)
{
    if (QMessageBox::question(m_window, tr("Delete Scenario"),
                              tr("Delete the scenario \"%1\" from the file? Undo brings it back.").arg(name)) ==
        QMessageBox::Yes)
        deleteScenario(name);
}

void SimulationController::editExpectations(const QString& name)
{
    ScenarioExpectationsDialog dialog(name, scenarioExpectations(name),
                                      [this, name](const QString& text, QString* error) {
                                          return setScenarioExpectations(name, text, error);
                                      },
                                      m_window);
    dialog.exec();
}

} // namespace runway::app
