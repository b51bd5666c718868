#pragma once

#include "runway/core/Value.h"

#include <QAbstractTableModel>

namespace runway::sim {

class SimulationSession;

/// The variables of one instance: name and value (as FEEL writes it). The value column is
/// editable: the text is read as a FEEL literal or expression (evaluated on no variables, so it
/// cannot read anything) and set through the session (undoable like any action).
class VariablesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Value, ColumnCount };
    explicit VariablesModel(SimulationSession* session);

    void setInstance(int id);
    int instance() const { return m_instance; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    /// Sets (or adds) a variable from FEEL text; false, with *error, when the text is no value.
    bool setVariable(const QString& name, const QString& feelText, QString* error = nullptr);

    void refresh();

private:
    SimulationSession* m_session;
    int m_instance = 1;
    std::vector<std::pair<std::string, core::Value>> m_rows;
};

} // namespace runway::sim
