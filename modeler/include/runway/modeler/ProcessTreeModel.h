#pragma once

#include "runway/core/Document.h"

#include <QAbstractItemModel>

#include <string>
#include <vector>

namespace runway::modeler {

/// A process's flow nodes, counted by kind. Nodes inside sub-processes count too.
struct FlowNodeCounts {
    int tasks = 0;          ///< every kind of task (task, service, user, send, ...)
    int subProcesses = 0;   ///< sub-processes, transactions and ad-hoc sub-processes
    int callActivities = 0; ///< call activities
    int gateways = 0;
    int events = 0; ///< start, intermediate, boundary and end events
    int other = 0;  ///< flow nodes of no kind above (choreography activities)

    int total() const { return tasks + subProcesses + callActivities + gateways + events + other; }
    bool operator==(const FlowNodeCounts&) const = default;
};

/// Counts the flow nodes under container (a process or sub-process), recursing into sub-processes.
FlowNodeCounts countFlowNodes(const core::Element& container);

/// The outline of a BPMN file, for a tree view: what the file holds, at a glance.
///
/// Top-level rows are the processes (name, else id; executable or not) and then the participants
/// of the collaborations (pool name -> the process it holds). Under a process: one row with its
/// flow nodes counted by kind, then its lanes, nested as the lane sets nest them.
///
/// Items refer to elements by id and look them up when asked, so the model holds no element data.
/// The document must outlive the model; the model never changes it. The outline is built when
/// the model is made; call reload() after the document changed.
class ProcessTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, DetailsColumn, ColumnCount };
    enum class ItemKind { Process, Participant, Lane, FlowNodeSummary };
    enum Role {
        ElementIdRole = Qt::UserRole + 1, ///< QString: the id of the element the row shows
        ItemKindRole,                     ///< int: an ItemKind
        SourceLineRole,                   ///< int: the element's line in the file, 0 when unknown
    };

    explicit ProcessTreeModel(const core::Document& document, QObject* parent = nullptr);
    ~ProcessTreeModel() override;

    const core::Document& document() const { return m_doc; }
    /// Rebuilds the outline from the document.
    void reload();

    /// The name-column index of the first row showing the element with this id, or invalid.
    QModelIndex indexOfElement(const QString& id) const;
    QString elementId(const QModelIndex& index) const;
    ItemKind kind(const QModelIndex& index) const;
    int processCount() const;
    int participantCount() const;
    /// The flow nodes of every process in the document, added up.
    FlowNodeCounts totalCounts() const { return m_total; }
    /// "Tasks: 5, Gateways: 2, Events: 4, Sub-processes: 1" (translated).
    static QString describe(const FlowNodeCounts& counts);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        ItemKind kind = ItemKind::Process;
        std::string id;                           ///< the element shown (the process, for a summary row)
        const core::Element* anonymous = nullptr; ///< only for an element without id
        int parent = -1;                          ///< index in m_nodes, -1 for a top-level row
        int row = 0;                              ///< row under its parent
        std::vector<int> children;
        FlowNodeCounts counts; ///< summary rows only
    };

    void build();
    int addNode(Node node, int parent);
    void addLanes(const core::Element& laneSet, int parent);
    const core::Element* element(const Node& node) const;
    const Node* node(const QModelIndex& index) const;
    QString label(const core::Element* e, const Node& node) const;
    QString details(const core::Element* e, const Node& node) const;
    QString processLabel(const core::Element* process) const;

    const core::Document& m_doc;
    std::vector<Node> m_nodes;
    std::vector<int> m_topLevel;
    FlowNodeCounts m_total;
};

} // namespace runway::modeler
