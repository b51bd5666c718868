// The simulation panel: the time-stamped event log (filter by instance, kind of event and text,
// click a row to select its element, export CSV or JSON), the variables of one instance (view and edit) and the instances.
#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace runway::sim {
class SimulationSession;
}

namespace runway::app {

class SimulationDock : public QWidget {
    Q_OBJECT
public:
    explicit SimulationDock(QWidget* parent = nullptr);

    /// The session whose models are shown; null shows nothing.
    void setSession(sim::SimulationSession* session);

    QTableView* logView() const { return m_log; }
    QLineEdit* logFilter() const { return m_filter; }
    /// The log's instance filter: "All instances", then "Instance 1", ... (data: the id, 0 for all).
    QComboBox* logInstanceFilter() const { return m_logInstance; }
    /// The log's kind filter: all events, or one group of kinds (elements, flows, timers, ...).
    QComboBox* logKindFilter() const { return m_logKind; }
    QTableView* variablesView() const { return m_variables; }
    QSpinBox* variablesInstance() const { return m_instance; }
    QTableView* instancesView() const { return m_instances; }
    QTabWidget* tabs() const { return m_tabs; }

    /// Writes the log rows shown to path, as CSV or (json) JSON. False, with *error, when it
    /// could not be written.
    bool exportLog(const QString& path, bool json, QString* error = nullptr) const;
    /// Brings the variables and instances views up to date with the session.
    void refresh();

signals:
    /// A log row was clicked: its element.
    void elementClicked(const QString& id);

private:
    void exportWithDialog(bool json);
    void applyLogFilter();

    sim::SimulationSession* m_session = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_logInstance = nullptr;
    QComboBox* m_logKind = nullptr;
    QTableView* m_log = nullptr;
    QPushButton* m_csv = nullptr;
    QPushButton* m_json = nullptr;
    QSpinBox* m_instance = nullptr;
    QTableView* m_variables = nullptr;
    QTableView* m_instances = nullptr;
};

} // namespace runway::app
