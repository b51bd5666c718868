#include "runway/modeler/ProcessTreeModel.h"

#include "runway/core/BpmnType.h"

#include <QFont>

namespace runway::modeler {

using core::BpmnType;
using core::Element;

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

void addCounts(const Element& container, FlowNodeCounts& c)
{
    for (const Element* e : container.children()) {
        if (!e->isA(BpmnType::FlowNode))
            continue;
        if (e->isA(BpmnType::Event))
            ++c.events;
        else if (e->isA(BpmnType::Gateway))
            ++c.gateways;
        else if (e->isA(BpmnType::SubProcess))
            ++c.subProcesses; // transactions and ad-hoc sub-processes derive from it
        else if (e->isA(BpmnType::CallActivity))
            ++c.callActivities;
        else if (e->isA(BpmnType::Task))
            ++c.tasks;
        else
            ++c.other;
        if (e->isA(BpmnType::SubProcess))
            addCounts(*e, c);
    }
}

int countFlowNodeRefs(const Element& lane)
{
    int n = 0;
    for (const Element* c : lane.children())
        if (c->ns == core::Ns::Model && c->local() == "flowNodeRef")
            ++n;
    return n;
}

} // namespace

FlowNodeCounts countFlowNodes(const Element& container)
{
    FlowNodeCounts c;
    addCounts(container, c);
    return c;
}

ProcessTreeModel::ProcessTreeModel(const core::Document& document, QObject* parent)
    : QAbstractItemModel(parent), m_doc(document)
{
    build();
}

ProcessTreeModel::~ProcessTreeModel() = default;

void ProcessTreeModel::reload()
{
    beginResetModel();
    build();
    endResetModel();
}

int ProcessTreeModel::addNode(Node node, int parent)
{
    const int index = static_cast<int>(m_nodes.size());
    node.parent = parent;
    auto& siblings = parent < 0 ? m_topLevel : m_nodes[static_cast<std::size_t>(parent)].children;
    node.row = static_cast<int>(siblings.size());
    siblings.push_back(index);
    m_nodes.push_back(std::move(node));
    return index;
}

void ProcessTreeModel::addLanes(const Element& laneSet, int parent)
{
    for (const Element* lane : laneSet.childrenOfType(BpmnType::Lane)) {
        Node n;
        n.kind = ItemKind::Lane;
        n.id = std::string(lane->id());
        n.anonymous = n.id.empty() ? lane : nullptr;
        const int laneNode = addNode(std::move(n), parent);
        for (const Element* child : lane->childrenOfType(BpmnType::LaneSet))
            addLanes(*child, laneNode);
    }
}

void ProcessTreeModel::build()
{
    m_nodes.clear();
    m_topLevel.clear();
    m_total = {};
    const Element* root = m_doc.root();
    if (!root)
        return;

    for (const Element* e : root->children()) {
        if (e->type != BpmnType::Process)
            continue;
        Node p;
        p.kind = ItemKind::Process;
        p.id = std::string(e->id());
        p.anonymous = p.id.empty() ? e : nullptr;
        const int processNode = addNode(p, -1);

        Node summary = p;
        summary.kind = ItemKind::FlowNodeSummary;
        summary.counts = countFlowNodes(*e);
        m_total.tasks += summary.counts.tasks;
        m_total.subProcesses += summary.counts.subProcesses;
        m_total.callActivities += summary.counts.callActivities;
        m_total.gateways += summary.counts.gateways;
        m_total.events += summary.counts.events;
        m_total.other += summary.counts.other;
        addNode(std::move(summary), processNode);

        for (const Element* laneSet : e->childrenOfType(BpmnType::LaneSet))
            addLanes(*laneSet, processNode);
    }

    // Pools after the processes: each names the process it holds (or none, a black box).
    for (const Element* c : root->children()) {
        if (!c->isA(BpmnType::Collaboration))
            continue;
        for (const Element* participant : c->childrenOfType(BpmnType::Participant)) {
            Node n;
            n.kind = ItemKind::Participant;
            n.id = std::string(participant->id());
            n.anonymous = n.id.empty() ? participant : nullptr;
            addNode(std::move(n), -1);
        }
    }
}

const Element* ProcessTreeModel::element(const Node& n) const
{
    if (n.anonymous)
        return n.anonymous;
    return m_doc.findById(n.id);
}

const ProcessTreeModel::Node* ProcessTreeModel::node(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const auto i = static_cast<std::size_t>(index.internalId());
    return i < m_nodes.size() ? &m_nodes[i] : nullptr;
}

QModelIndex ProcessTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const std::vector<int>* rows = &m_topLevel;
    if (parent.isValid()) {
        const Node* p = node(parent);
        if (!p || parent.column() != NameColumn)
            return {};
        rows = &p->children;
    }
    if (row >= static_cast<int>(rows->size()))
        return {};
    return createIndex(row, column, static_cast<quintptr>((*rows)[static_cast<std::size_t>(row)]));
}

QModelIndex ProcessTreeModel::parent(const QModelIndex& child) const
{
    const Node* n = node(child);
    if (!n || n->parent < 0)
        return {};
    const Node& p = m_nodes[static_cast<std::size_t>(n->parent)];
    return createIndex(p.row, NameColumn, static_cast<quintptr>(n->parent));
}

int ProcessTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_topLevel.size());
    if (parent.column() != NameColumn)
        return 0;
    const Node* n = node(parent);
    return n ? static_cast<int>(n->children.size()) : 0;
}

int ProcessTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QString ProcessTreeModel::processLabel(const Element* process) const
{
    if (!process)
        return {};
    if (!process->name().empty())
        return qs(process->name());
    if (!process->id().empty())
        return qs(process->id());
    return tr("(unnamed process)");
}

QString ProcessTreeModel::label(const Element* e, const Node& n) const
{
    if (n.kind == ItemKind::FlowNodeSummary)
        return tr("Flow nodes: %1").arg(n.counts.total());
    if (!e)
        return qs(n.id); // gone from the document since the outline was built
    if (!e->name().empty())
        return qs(e->name());
    if (!e->id().empty())
        return qs(e->id());
    switch (n.kind) {
    case ItemKind::Process: return tr("(unnamed process)");
    case ItemKind::Participant: return tr("(unnamed pool)");
    case ItemKind::Lane: return tr("(unnamed lane)");
    case ItemKind::FlowNodeSummary: break;
    }
    return {};
}

QString ProcessTreeModel::details(const Element* e, const Node& n) const
{
    switch (n.kind) {
    case ItemKind::FlowNodeSummary: return describe(n.counts);
    case ItemKind::Process: {
        const auto executable = e ? e->attr("isExecutable") : std::string_view();
        if (executable == "true")
            return tr("Process, executable");
        if (executable == "false")
            return tr("Process, not executable");
        return tr("Process");
    }
    case ItemKind::Participant: {
        const auto ref = e ? e->attr("processRef") : std::string_view();
        if (ref.empty())
            return tr("Pool without a process (black box)");
        const Element* process = m_doc.resolve(ref);
        if (!process)
            return tr("Pool \u2192 %1 (no such process)").arg(qs(ref));
        return tr("Pool \u2192 %1").arg(processLabel(process));
    }
    case ItemKind::Lane: return tr("Lane, flow nodes: %1").arg(e ? countFlowNodeRefs(*e) : 0);
    }
    return {};
}

QString ProcessTreeModel::describe(const FlowNodeCounts& c)
{
    QStringList parts{tr("Tasks: %1").arg(c.tasks), tr("Gateways: %1").arg(c.gateways), tr("Events: %1").arg(c.events),
                      tr("Sub-processes: %1").arg(c.subProcesses)};
    if (c.callActivities > 0)
        parts << tr("Call activities: %1").arg(c.callActivities);
    if (c.other > 0)
        parts << tr("Other: %1").arg(c.other);
    return parts.join(QStringLiteral(", "));
}

QVariant ProcessTreeModel::data(const QModelIndex& index, int role) const
{
    const Node* n = node(index);
    if (!n)
        return {};
    const Element* e = element(*n);
    switch (role) {
    case Qt::DisplayRole: return index.column() == NameColumn ? label(e, *n) : details(e, *n);
    case Qt::ToolTipRole: {
        if (n->kind == ItemKind::FlowNodeSummary)
            return tr("Flow nodes of this process, sub-processes included");
        QString tip = n->id.empty() ? tr("no id") : tr("id: %1").arg(qs(n->id));
        if (e && e->line > 0)
            tip += QLatin1Char('\n') + tr("line %1").arg(e->line);
        if (const Element* doc = e ? e->child(core::Ns::Model, "documentation") : nullptr) {
            QString text = QString::fromStdString(doc->textContent()).simplified();
            if (text.size() > 300)
                text = text.left(299) + QChar(0x2026);
            if (!text.isEmpty())
                tip += QStringLiteral("\n\n") + text;
        }
        return tip;
    }
    case Qt::FontRole:
        if (n->kind == ItemKind::Process && index.column() == NameColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case ElementIdRole: return qs(n->id);
    case ItemKindRole: return static_cast<int>(n->kind);
    case SourceLineRole: return e ? e->line : 0;
    default: return {};
    }
}

QVariant ProcessTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Element");
    case DetailsColumn: return tr("Details");
    default: return {};
    }
}

QModelIndex ProcessTreeModel::indexOfElement(const QString& id) const
{
    const std::string key = id.toStdString();
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].kind != ItemKind::FlowNodeSummary && m_nodes[i].id == key)
            return createIndex(m_nodes[i].row, NameColumn, static_cast<quintptr>(i));
    return {};
}

QString ProcessTreeModel::elementId(const QModelIndex& index) const
{
    const Node* n = node(index);
    return n ? qs(n->id) : QString();
}

ProcessTreeModel::ItemKind ProcessTreeModel::kind(const QModelIndex& index) const
{
    const Node* n = node(index);
    return n ? n->kind : ItemKind::Process;
}

int ProcessTreeModel::processCount() const
{
    int n = 0;
    for (int i : m_topLevel)
        n += m_nodes[static_cast<std::size_t>(i)].kind == ItemKind::Process;
    return n;
}

int ProcessTreeModel::participantCount() const
{
    return static_cast<int>(m_topLevel.size()) - processCount();
}

} // namespace runway::modeler
