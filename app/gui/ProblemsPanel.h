#pragma once

#include "runway/core/Diagnostic.h"

#include <QTreeWidget>

namespace runway::app {

/// The problems found in the open file: what the reader, the Validator and the rules of the file's
/// engine (Camunda 8 or 7, see DeployExport.h) reported, one row each, "file:line" beside the
/// message and its code ("c8-task-type-missing"), errors marked apart from warnings. Ctrl+C (the platform's Copy)
/// copies the selected rows in the compiler form editors understand ("file:line: error: ...").
class ProblemsPanel : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { LocationColumn, MessageColumn, CodeColumn };
    enum Role {
        LineRole = Qt::UserRole + 1, ///< int: 1-based line, 0 when unknown
        ElementIdRole,               ///< QString: the element concerned, may be empty
        IsErrorRole,                 ///< bool
        CodeRole,                    ///< QString: the stable code ("duplicate-id", "c8-task-type-missing")
    };

    explicit ProblemsPanel(QWidget* parent = nullptr);

    void setDiagnostics(const core::Diagnostics& diagnostics);
    const core::Diagnostics& diagnostics() const { return m_diagnostics; }
    int errorCount() const;
    int warningCount() const;
    /// The rows in compiler form, one a line; only the selected ones when selectedOnly.
    QString toText(bool selectedOnly) const;
    /// Shown, greyed, in place of the rows when there are none ("No problems found in x.bpmn").
    void setEmptyText(const QString& text);
    QString emptyText() const { return m_emptyText; }

signals:
    /// A row naming an element was activated (double-click, Enter).
    void elementActivated(const QString& elementId, int line);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void copySelection() const;

    core::Diagnostics m_diagnostics;
    QString m_emptyText;
};

} // namespace runway::app
