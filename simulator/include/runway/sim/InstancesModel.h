#pragma once

#include <QAbstractTableModel>

namespace runway::sim {

class SimulationSession;

/// The session's instances: id, colour index, state (running, waiting, completed, incident), the
/// instance's clock and where its tokens are.
class InstancesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Colour, State, Clock, WaitingAt, ColumnCount };
    explicit InstancesModel(SimulationSession* session);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    void refresh();

private:
    SimulationSession* m_session;
    int m_rows = 0;
};

} // namespace runway::sim
