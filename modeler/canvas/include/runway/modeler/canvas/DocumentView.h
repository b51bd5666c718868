// One open document: its diagrams in tabs (one per BPMNDiagram), drill-down into the plane of a
// collapsed sub-process and back, saving, and the "modified" state that follows the Document's
// change notifications.
#pragma once

#include "runway/core/ChangeSet.h"
#include "runway/core/Diagnostic.h"
#include "runway/core/Document.h"
#include "runway/modeler/notation/NotationPainter.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QStackedWidget;
class QTabBar;
class QToolButton;

namespace runway::modeler::canvas {

class DiagramCanvas;
class Editor;

class DocumentView : public QWidget, private core::DocumentObserver {
    Q_OBJECT
public:
    /// Takes the document; filePath is empty for a new, never saved document.
    DocumentView(std::unique_ptr<core::Document> document, const QString& filePath, QWidget* parent = nullptr);
    ~DocumentView() override;

    core::Document& document() const { return *m_document; }
    /// The document's editor: modeling facade, undo stack, read-only lock.
    Editor& editor() const { return *m_editor; }
    QString filePath() const { return m_filePath; }
    void setFilePath(const QString& path) { m_filePath = path; }
    /// Modified: the undo stack is away from its clean state (every change goes through editor()),
    /// or setModified(true) was called since the last save.
    bool isModified() const { return m_modified; }
    /// False marks the current state as saved (the undo stack's clean state); true marks it changed.
    void setModified(bool modified);

    /// Writes the document as BPMN 2.0 XML to path, atomically (QSaveFile: the file is replaced only
    /// when everything was written). On success the view takes path as its file and is unmodified.
    bool saveAs(const QString& path, QString* error);

    int diagramCount() const { return int(m_diagrams.size()); }
    int currentDiagram() const;
    /// Shows diagram i (a tab), creating its canvas the first time.
    void showDiagram(int i);
    const core::Element* diagramAt(int i) const { return m_diagrams.at(std::size_t(i)); }
    QString diagramTitle(int i) const;
    /// The canvas of the diagram shown, or null when the document has no diagram.
    DiagramCanvas* currentCanvas() const;
    QTabBar* diagramTabs() const { return m_tabs; }
    QToolButton* backButton() const { return m_back; }
    const notation::NotationPainter& painter() const { return m_painter; }

    /// The diagram showing the plane of element id (a collapsed sub-process), or -1.
    int planeDiagramOf(const QString& id) const;
    /// Opens the plane of element id, remembering where we came from. False when it has none.
    bool drillDown(const QString& id);
    /// Back to the diagram before the last drill-down. False when there is none.
    bool goBack();
    bool canGoBack() const { return !m_history.empty(); }

    /// Selects and centres the element, switching to a diagram that shows it when the current one
    /// does not. False when no diagram shows it.
    bool revealElement(const QString& id);
    QString selectedElementId() const;

    /// The problems to show as badges on the elements.
    void setProblems(const core::Diagnostics& diagnostics);
    const core::Diagnostics& problems() const { return m_problems; }

signals:
    void modifiedChanged(bool modified);
    void selectedElementChanged(const QString& id);
    void currentDiagramChanged(int index);
    /// The document changed (through the Document's mutation API).
    void contentChanged();
    /// The zoom of the canvas shown changed.
    void zoomChanged(qreal zoom);

private:
    void documentChanged(const core::ChangeSet& changes) override;
    /// Diagrams were added or removed: tabs and canvases made again from the document.
    void resetDiagrams();
    void setModifiedState(bool modified);
    DiagramCanvas* canvasFor(int i);
    void updateBreadcrumb();

    std::unique_ptr<core::Document> m_document;
    std::unique_ptr<Editor> m_editor;
    bool m_changedOutsideStack = false;
    notation::NotationPainter m_painter;
    QString m_filePath;
    bool m_modified = false;
    core::Diagnostics m_problems;
    std::vector<const core::Element*> m_diagrams;
    std::vector<DiagramCanvas*> m_canvases; // null until first shown
    std::vector<int> m_history;
    bool m_navigating = false; ///< a tab change made by showDiagram(), not by the user

    QTabBar* m_tabs = nullptr;
    QToolButton* m_back = nullptr;
    QLabel* m_breadcrumb = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_empty = nullptr;
};

} // namespace runway::modeler::canvas
