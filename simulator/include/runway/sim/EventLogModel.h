#pragma once

#include "runway/sim/SessionTypes.h"

#include <QAbstractTableModel>
#include <QSet>

namespace runway::sim {

class SimulationSession;

/// The session's event log as a table: time (virtual, ISO 8601), instance, event, element id,
/// element name, detail. Filters by instance, event kinds and text (in element id, name or detail);
/// exports the rows shown as CSV (RFC 4180) or JSON. Element names come from untrusted files:
/// everything is escaped, nothing is interpreted.
class EventLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Instance, Event, Element, Name, Detail, ColumnCount };
    /// The row's element id, for "click to select the element".
    static constexpr int ElementIdRole = Qt::UserRole + 1;
    static constexpr int InstanceRole = Qt::UserRole + 2;

    explicit EventLogModel(SimulationSession* session);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    /// instance 0: all; kinds empty: all; text empty: all.
    void setFilter(int instance, const QSet<engine::TraceEvent::Kind>& kinds, const QString& text);
    /// The log entry a row shows.
    const LogEntry& entry(int row) const;

    QString toCsv() const;
    QString toJson() const;

    // The session tells the model about new and removed log entries.
    void appended(std::size_t from);
    void truncated(std::size_t size);

private:
    bool matches(const LogEntry& e) const;
    QString cell(const LogEntry& e, int column) const;

    SimulationSession* m_session;
    std::vector<std::size_t> m_rows; ///< log indexes shown
    std::size_t m_seen = 0;          ///< log entries looked at
    int m_instance = 0;
    QSet<engine::TraceEvent::Kind> m_kinds;
    QString m_text;
};

} // namespace runway::sim
