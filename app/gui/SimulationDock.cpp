#include "SimulationDock.h"

#include "runway/sim/EventLogModel.h"
#include "runway/sim/InstancesModel.h"
#include "runway/sim/SimulationSession.h"
#include "runway/sim/VariablesModel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace runway::app {

namespace {

using Kind = runway::sim::engine::TraceEvent::Kind;

/// The kind groups of the log's kind filter, in the order listed.
const QVector<QPair<const char*, QSet<Kind>>>& kindGroups()
{
    static const QVector<QPair<const char*, QSet<Kind>>> groups = {
        {QT_TRANSLATE_NOOP("runway::app::SimulationDock", "All events"), {}},
        {QT_TRANSLATE_NOOP("runway::app::SimulationDock", "Elements entered, left, cancelled"),
         {Kind::ElementEntered, Kind::ElementLeft, Kind::ElementCancelled}},
        {QT_TRANSLATE_NOOP("runway::app::SimulationDock", "Flows taken"), {Kind::FlowTaken}},
        {QT_TRANSLATE_NOOP("runway::app::SimulationDock", "Timers"), {Kind::TimerScheduled, Kind::TimerFired, Kind::TimerCancelled}},
        {QT_TRANSLATE_NOOP("runway::app::SimulationDock", "Messages and signals"),
         {Kind::MessageCaught, Kind::SignalThrown, Kind::SignalCaught}},
        {QT_TRANSLATE_NOOP("runway::app::SimulationDock", "Errors, escalations, compensation"),
         {Kind::ErrorThrown, Kind::ErrorCaught, Kind::EscalationThrown, Kind::EscalationCaught, Kind::CompensationStarted}},
        {QT_TRANSLATE_NOOP("runway::app::SimulationDock", "Incidents"), {Kind::Incident}},
        {QT_TRANSLATE_NOOP("runway::app::SimulationDock", "Instances and scopes"),
         {Kind::InstanceStarted, Kind::InstanceCompleted, Kind::ScopeCreated, Kind::ScopeCompleted}},
    };
    return groups;
}

QTableView* makeTable(const QString& name)
{
    auto* t = new QTableView;
    t->setObjectName(name);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
    return t;
}

} // namespace

SimulationDock::SimulationDock(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("simulationPanel"));
    m_tabs = new QTabWidget;

    // Event log.
    auto* logPage = new QWidget;
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("logFilter"));
    m_filter->setPlaceholderText(tr("Filter by element or detail"));
    m_filter->setClearButtonEnabled(true);
    m_logInstance = new QComboBox;
    m_logInstance->setObjectName(QStringLiteral("logInstanceFilter"));
    m_logInstance->setToolTip(tr("Show the events of one instance"));
    m_logInstance->addItem(tr("All instances"), 0);
    m_logKind = new QComboBox;
    m_logKind->setObjectName(QStringLiteral("logKindFilter"));
    m_logKind->setToolTip(tr("Show one kind of event"));
    for (int i = 0; i < kindGroups().size(); ++i)
        m_logKind->addItem(tr(kindGroups()[i].first), i);
    m_csv = new QPushButton(tr("Export CSV…"));
    m_json = new QPushButton(tr("Export JSON…"));
    auto* logBar = new QHBoxLayout;
    logBar->addWidget(m_logInstance);
    logBar->addWidget(m_logKind);
    logBar->addWidget(m_filter, 1);
    logBar->addWidget(m_csv);
    logBar->addWidget(m_json);
    m_log = makeTable(QStringLiteral("eventLogView"));
    m_log->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* logLayout = new QVBoxLayout(logPage);
    logLayout->setContentsMargins(2, 2, 2, 2);
    logLayout->addLayout(logBar);
    logLayout->addWidget(m_log);
    m_tabs->addTab(logPage, tr("Event Log"));

    // Variables of one instance.
    auto* varPage = new QWidget;
    m_instance = new QSpinBox;
    m_instance->setObjectName(QStringLiteral("variablesInstance"));
    m_instance->setRange(1, 1);
    auto* varBar = new QHBoxLayout;
    varBar->addWidget(new QLabel(tr("Instance:")));
    varBar->addWidget(m_instance);
    varBar->addStretch(1);
    m_variables = makeTable(QStringLiteral("variablesView"));
    auto* varLayout = new QVBoxLayout(varPage);
    varLayout->setContentsMargins(2, 2, 2, 2);
    varLayout->addLayout(varBar);
    varLayout->addWidget(m_variables);
    m_tabs->addTab(varPage, tr("Variables"));

    m_instances = makeTable(QStringLiteral("instancesView"));
    m_instances->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tabs->addTab(m_instances, tr("Instances"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_filter, &QLineEdit::textChanged, this, [this] { applyLogFilter(); });
    connect(m_logInstance, &QComboBox::currentIndexChanged, this, [this] { applyLogFilter(); });
    connect(m_logKind, &QComboBox::currentIndexChanged, this, [this] { applyLogFilter(); });
    connect(m_log, &QTableView::clicked, this, [this](const QModelIndex& index) {
        const QString id = index.data(sim::EventLogModel::ElementIdRole).toString();
        if (!id.isEmpty())
            emit elementClicked(id);
    });
    connect(m_instance, &QSpinBox::valueChanged, this, [this](int id) {
        if (m_session)
            m_session->variablesModel()->setInstance(id);
    });
    connect(m_csv, &QPushButton::clicked, this, [this] { exportWithDialog(false); });
    connect(m_json, &QPushButton::clicked, this, [this] { exportWithDialog(true); });
    setSession(nullptr);
}

void SimulationDock::setSession(sim::SimulationSession* session)
{
    m_session = session;
    m_log->setModel(session ? session->eventLog() : nullptr);
    m_variables->setModel(session ? session->variablesModel() : nullptr);
    m_instances->setModel(session ? session->instancesModel() : nullptr);
    m_filter->clear();
    m_logKind->setCurrentIndex(0);
    while (m_logInstance->count() > 1)
        m_logInstance->removeItem(m_logInstance->count() - 1);
    m_csv->setEnabled(session);
    m_json->setEnabled(session);
    refresh();
}

void SimulationDock::applyLogFilter()
{
    if (!m_session)
        return;
    const int group = std::clamp(m_logKind->currentIndex(), 0, int(kindGroups().size()) - 1);
    m_session->eventLog()->setFilter(m_logInstance->currentData().toInt(), kindGroups()[group].second, m_filter->text());
}

void SimulationDock::refresh()
{
    if (!m_session)
        return;
    // One entry per instance; a step back can remove some (the filter then shows all again).
    const int wanted = m_session->instanceCount() + 1;
    while (m_logInstance->count() > wanted)
        m_logInstance->removeItem(m_logInstance->count() - 1);
    while (m_logInstance->count() < wanted)
        m_logInstance->addItem(tr("Instance %1").arg(m_logInstance->count()), m_logInstance->count());
    m_instance->setMaximum(std::max(1, m_session->instanceCount()));
    m_session->variablesModel()->setInstance(m_instance->value());
    m_session->variablesModel()->refresh();
    m_session->instancesModel()->refresh();
}

bool SimulationDock::exportLog(const QString& path, bool json, QString* error) const
{
    if (!m_session)
        return false;
    QSaveFile file(path);
    const QByteArray bytes = (json ? m_session->eventLog()->toJson() : m_session->eventLog()->toCsv()).toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = tr("Could not write the event log to %1: %2. Choose another folder or file name.")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

void SimulationDock::exportWithDialog(bool json)
{
    const QString path = QFileDialog::getSaveFileName(this, json ? tr("Export Event Log as JSON") : tr("Export Event Log as CSV"),
                                                      json ? QStringLiteral("event-log.json") : QStringLiteral("event-log.csv"),
                                                      json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportLog(path, json, &error))
        QMessageBox::warning(this, tr("Export Event Log"), error);
}

} // namespace runway::app
