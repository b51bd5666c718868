#include "runway/sim/EventLogModel.h"

#include "runway/sim/SimulationSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace runway::sim {

namespace {

QString csvField(QString s)
{
    // A spreadsheet would run a cell starting with = + - @ as a formula: names in a .bpmn are
    // untrusted, so such a cell starts with an apostrophe (the usual defence).
    if (!s.isEmpty() && QStringLiteral("=+-@").contains(s.front()))
        s.prepend(QLatin1Char('\''));
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')) ||
        s.contains(QLatin1Char('\r')) || s.contains(QLatin1Char('\'')))
        return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}

} // namespace

EventLogModel::EventLogModel(SimulationSession* session) : QAbstractTableModel(session), m_session(session) {}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const LogEntry& EventLogModel::entry(int row) const { return m_session->log()[m_rows[static_cast<std::size_t>(row)]]; }

QString EventLogModel::cell(const LogEntry& e, int column) const
{
    const auto& p = m_session->process();
    switch (column) {
    case Time: return QString::fromStdString(core::iso8601::formatUtc(e.event.time));
    case Instance: return QString::number(e.instance);
    case Event: return QString::fromUtf8(engine::toString(e.event.kind).data(), static_cast<qsizetype>(engine::toString(e.event.kind).size()));
    case Element:
        if (e.event.node != engine::kNoNode)
            return QString::fromStdString(p.node(e.event.node).id);
        return e.event.flow >= 0 ? QString::fromStdString(p.flow(e.event.flow).id) : QString();
    case Name: return e.event.node != engine::kNoNode ? QString::fromStdString(p.node(e.event.node).name) : QString();
    case Detail: return QString::fromStdString(e.event.detail);
    default: return {};
    }
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto& e = entry(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return cell(e, index.column());
    if (role == ElementIdRole)
        return cell(e, Element);
    if (role == InstanceRole)
        return e.instance;
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Instance: return tr("Instance");
    case Event: return tr("Event");
    case Element: return tr("Element");
    case Name: return tr("Name");
    case Detail: return tr("Detail");
    default: return {};
    }
}

bool EventLogModel::matches(const LogEntry& e) const
{
    if (m_instance && e.instance != m_instance)
        return false;
    if (!m_kinds.isEmpty() && !m_kinds.contains(e.event.kind))
        return false;
    if (m_text.isEmpty())
        return true;
    for (int c : {Element, Name, Detail})
        if (cell(e, c).contains(m_text, Qt::CaseInsensitive))
            return true;
    return false;
}

void EventLogModel::setFilter(int instance, const QSet<engine::TraceEvent::Kind>& kinds, const QString& text)
{
    beginResetModel();
    m_instance = instance;
    m_kinds = kinds;
    m_text = text;
    m_rows.clear();
    m_seen = 0;
    const auto& log = m_session->log();
    for (; m_seen < log.size(); ++m_seen)
        if (matches(log[m_seen]))
            m_rows.push_back(m_seen);
    endResetModel();
}

void EventLogModel::appended(std::size_t from)
{
    const auto& log = m_session->log();
    if (from < m_seen)
        truncated(from);
    std::vector<std::size_t> fresh;
    for (; m_seen < log.size(); ++m_seen)
        if (matches(log[m_seen]))
            fresh.push_back(m_seen);
    if (fresh.empty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
    m_rows.insert(m_rows.end(), fresh.begin(), fresh.end());
    endInsertRows();
}

void EventLogModel::truncated(std::size_t size)
{
    m_seen = std::min(m_seen, size);
    const auto keep = static_cast<std::size_t>(
        std::lower_bound(m_rows.begin(), m_rows.end(), size) - m_rows.begin());
    if (keep == m_rows.size())
        return;
    beginRemoveRows({}, static_cast<int>(keep), static_cast<int>(m_rows.size()) - 1);
    m_rows.resize(keep);
    endRemoveRows();
}

QString EventLogModel::toCsv() const
{
    QString out = QStringLiteral("time,instance,event,element,name,detail\r\n");
    for (int r = 0; r < rowCount(); ++r) {
        const auto& e = entry(r);
        for (int c = 0; c < ColumnCount; ++c)
            out += (c ? QStringLiteral(",") : QString()) + csvField(cell(e, c));
        out += QStringLiteral("\r\n");
    }
    return out;
}

QString EventLogModel::toJson() const
{
    static const char* keys[] = {"time", "instance", "event", "element", "name", "detail"};
    QJsonArray rows;
    for (int r = 0; r < rowCount(); ++r) {
        const auto& e = entry(r);
        QJsonObject o;
        for (int c = 0; c < ColumnCount; ++c)
            o.insert(QLatin1String(keys[c]), c == Instance ? QJsonValue(e.instance) : QJsonValue(cell(e, c)));
        rows.append(o);
    }
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented));
}

} // namespace runway::sim
