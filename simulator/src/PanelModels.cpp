// The variables and instances panels' models.
#include "runway/sim/InstancesModel.h"
#include "runway/sim/SimulationSession.h"
#include "runway/sim/VariablesModel.h"

#include "runway/core/Expression.h"

namespace runway::sim {

// ---------------------------------------------------------------- variables

VariablesModel::VariablesModel(SimulationSession* session) : QAbstractTableModel(session), m_session(session) {}

void VariablesModel::setInstance(int id)
{
    m_instance = id;
    refresh();
}

void VariablesModel::refresh()
{
    beginResetModel();
    m_rows.clear();
    if (const auto* in = m_session->instance(m_instance))
        for (const auto& [k, v] : in->variables())
            m_rows.emplace_back(k, v);
    endResetModel();
}

int VariablesModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }
int VariablesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant VariablesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    const auto& [name, value] = m_rows[static_cast<std::size_t>(index.row())];
    return QString::fromStdString(index.column() == Name ? name : value.toString());
}

QVariant VariablesModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Name ? tr("Variable") : tr("Value");
}

Qt::ItemFlags VariablesModel::flags(const QModelIndex& index) const
{
    auto f = QAbstractTableModel::flags(index);
    return index.column() == Value ? f | Qt::ItemIsEditable : f;
}

bool VariablesModel::setVariable(const QString& name, const QString& feelText, QString* error)
{
    auto compiled = core::Expression::compile(feelText.toStdString(), core::Dialect::Feel);
    if (!compiled) {
        if (error)
            *error = QString::fromStdString(compiled.error.message);
        return false;
    }
    auto value = compiled->evaluate(core::Variables{});
    if (!value) {
        if (error)
            *error = QString::fromStdString(value.error.message);
        return false;
    }
    core::Variables vars;
    vars.set(name.toStdString(), *value);
    return m_session->setVariables(m_instance, vars);
}

bool VariablesModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.column() != Value || role != Qt::EditRole)
        return false;
    return setVariable(QString::fromStdString(m_rows[static_cast<std::size_t>(index.row())].first), value.toString());
}

// ---------------------------------------------------------------- instances

InstancesModel::InstancesModel(SimulationSession* session) : QAbstractTableModel(session), m_session(session) {}

void InstancesModel::refresh()
{
    if (m_rows == m_session->instanceCount()) {
        if (m_rows)
            emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = m_session->instanceCount();
    endResetModel();
}

int InstancesModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : m_rows; }
int InstancesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant InstancesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows || role != Qt::DisplayRole)
        return {};
    const int id = index.row() + 1;
    const auto* in = m_session->instance(id);
    if (!in)
        return {};
    switch (index.column()) {
    case Id: return id;
    case Colour: return SimulationSession::colourOf(id);
    case State:
        if (in->failed())
            return tr("incident");
        if (in->completed())
            return tr("completed");
        return in->state().agenda.empty() ? tr("waiting") : tr("running");
    case Clock: return QString::fromStdString(core::iso8601::formatUtc(in->clock()));
    case WaitingAt: {
        QStringList at;
        for (const auto& w : in->waitingAt())
            at << QString::fromStdString(w);
        return at.join(QStringLiteral(", "));
    }
    default: return {};
    }
}

QVariant InstancesModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id: return tr("Instance");
    case Colour: return tr("Colour");
    case State: return tr("State");
    case Clock: return tr("Clock");
    case WaitingAt: return tr("Tokens at");
    default: return {};
    }
}

} // namespace runway::sim
