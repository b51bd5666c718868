#pragma once

#include "runway/core/Diagnostic.h"
#include "runway/core/Document.h"
#include "runway/core/deploy/Platform.h"

#include <QHash>
#include <QSet>
#include <QMainWindow>

#include <functional>
#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTimer;
class QUndoGroup;
class QModelIndex;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace runway::modeler {
class ProcessTreeModel;
}
namespace runway::modeler::canvas {
class DiagramCanvas;
class DocumentView;
}

namespace runway::app {

class Autosave;
class FileWatch;
class FindElement;
class Palette;
class ProblemsPanel;
class PropertiesPanel;
struct DeployExportResult;
class RecentFiles;
class SimulationController;

/// Runway's main window: open documents in tabs, each a DocumentView (its diagrams on a canvas,
/// one tab per diagram, drill-down into sub-processes); docks for the outline of the current
/// document (modeler::ProcessTreeModel), the selected element's properties, and the problems found
/// in it.
///
/// Opening a file never shows a modal dialog (only File > Open asks for a name), so tests and the
/// command line drive the same path: openFile(). A file that cannot be read gets a tab that says
/// why, with file and line; the Problems dock lists every reason.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// What to do with unsaved changes before a document closes.
    enum class UnsavedChoice { Save, Discard, Cancel };
    using UnsavedPrompt = std::function<UnsavedChoice(const QString& documentName)>;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Reads and shows path (a file, or a Qt resource such as ":/examples/airline-checkin.bpmn") in
    /// a tab of its own; a file already open is brought to the front. Returns false when it could
    /// not be read; its tab then shows only the reasons.
    bool openFile(const QString& path);
    /// A new document: one process with one start event, and its diagram.
    void newDocument();
    /// Saves the current document to its file (Save As when it has none or it is a resource).
    bool save();
    /// Saves the current document to path, atomically; no dialog.
    bool saveAs(const QString& path);
    /// Exports the current diagram (SVG, PNG or PDF by the extension); no dialog.
    bool exportDiagram(const QString& path, QString* error = nullptr);
    /// Exports a converted copy of the current document for target to path (MainWindowDeploy.cpp);
    /// writes only when target would deploy it. No dialog: File > Export for ... asks, then calls it.
    DeployExportResult exportForTarget(const core::deploy::Platform& target, const QString& path);
    /// "Checked for Camunda 8.6": which engine's rules the problems panel applied.
    QLabel* platformLabel() const { return m_platformLabel; }
    /// Closes the current tab, asking first when it has unsaved changes. False when cancelled.
    bool closeFile();
    bool closeTab(int index);
    /// Replaces the question asked before unsaved changes are lost (tests answer it themselves).
    void setUnsavedPrompt(UnsavedPrompt prompt) { m_unsavedPrompt = std::move(prompt); }

    /// The file of the current tab (absolute), shown or last tried; empty when none.
    QString currentFile() const;
    /// The document of the current tab, or null (nothing open, or the file could not be read).
    const core::Document* document() const;
    modeler::canvas::DocumentView* currentView() const;
    modeler::canvas::DiagramCanvas* currentCanvas() const;
    QTabWidget* documentTabs() const { return m_tabs; }
    int documentCount() const;
    modeler::ProcessTreeModel* processModel() const { return m_model.get(); }
    QTreeView* processView() const { return m_view; }
    ProblemsPanel* problemsPanel() const { return m_problems; }
    QDockWidget* problemsDock() const { return m_problemsDock; }
    PropertiesPanel* propertiesPanel() const { return m_properties; }
    QDockWidget* propertiesDock() const { return m_propertiesDock; }
    QDockWidget* outlineDock() const { return m_outlineDock; }
    /// What is shown instead of a document: the welcome text, or why the current file could not be read.
    QLabel* placeholder() const;
    QLabel* summaryLabel() const { return m_summary; }
    QStringList recentFiles() const;
    QMenu* recentMenu() const { return m_recentMenu; }
    /// Selects and reveals an element of the current document on the canvas and in the outline.
    void selectElement(const QString& id);

    /// The simulation mode (View > Simulate): its toolbar, dock and actions.
    SimulationController* simulation() const { return m_simulation; }

    /// The bundled example, as a Qt resource path.
    static QString exampleFile();

    // Saving without loss (RecoveryOffer.cpp): autosave, and the offer to restore what a Runway
    // that did not close normally left in the recovery folder.
    enum class RecoveryChoice { Restore, Discard, Later };
    using RecoveryPrompt = std::function<RecoveryChoice(const QStringList& documents)>;
    /// Replaces the question asked by offerRecovery() (tests answer it themselves).
    void setRecoveryPrompt(RecoveryPrompt prompt) { m_recoveryPrompt = std::move(prompt); }
    /// Asks whether to restore the documents left by Runways that are gone; returns how many were
    /// restored (each opens modified, titled by its own file). main() calls it at start.
    int offerRecovery();
    Autosave* autosave() const { return m_autosave; }
    /// Called when another program changed an open file (FileWatchPrompt.cpp); modified: the
    /// document has unsaved changes that reloading would discard. The default asks without
    /// blocking (Reload / Ignore); Reload calls reloadFile(). Tests answer it themselves.
    using DiskChangePrompt = std::function<void(const QString& file, bool modified)>;
    void setDiskChangePrompt(DiskChangePrompt prompt) { m_diskChangePrompt = std::move(prompt); }
    /// Reads file again into its tab without asking (unsaved changes in it are lost).
    bool reloadFile(const QString& file);
    FileWatch* fileWatch() const { return m_fileWatch; }

    // Editing tools (MainWindowTools.cpp): the palette, Edit > Rename and Find Element, Help >
    // Keyboard Shortcuts.
    Palette* palette() const { return m_palette; }
    QDockWidget* paletteDock() const { return m_paletteDock; }
    QAction* findAction() const { return m_findAction; }
    /// Edit > Rename (F2): edits the selected element's label on the canvas.
    QAction* renameAction() const { return m_renameAction; }
    QAction* shortcutsAction() const { return m_shortcutsAction; }
    /// The Find Element dialog (created on first use; null before).
    FindElement* findElement() const { return m_findElement; }
    /// Shows the Find Element dialog (Ctrl+F).
    void showFindElement();
    /// Shows Help > Keyboard Shortcuts: every action of the window that has a shortcut.
    void showShortcuts();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct TabInfo {
        QString file;       ///< absolute path or resource; empty for a new document
        QString untitled;   ///< the name of a new document ("Untitled 1")
        bool failed = false;
        core::Diagnostics readerDiagnostics; ///< what the reader said
        core::Diagnostics diagnostics;       ///< the reader's and the Validator's
    };

    void createActions();
    void createMenus();
    void createDocks();
    void createSimulation();
    void createEditingTools(); // MainWindowTools.cpp
    void openWithDialog();
    bool saveWithDialog();
    void exportWithDialog();
    void reload();
    void about();
    void updateWelcome();
    void updateTitle();
    void updateSummary();
    void updateActions();
    void currentTabChanged();
    void showProperties(const QString& id);
    void currentRowChanged(const QModelIndex& current);
    void rowActivated(const QModelIndex& index);
    void readSettings();
    void writeSettings() const;
    int tabOfFile(const QString& file) const;
    /// Reads file into a new tab, or into tab `replace` (>= 0) in place of what it showed.
    bool load(const QString& file, int replace);
    int addDocumentTab(std::unique_ptr<core::Document> doc, TabInfo info, int replace);
    int addFailedTab(TabInfo info, int replace);
    void placeTab(QWidget* page, const TabInfo& info, int replace);
    QString tabName(int index) const;
    void refreshTabText(int index);
    bool maybeSave(int index);
    bool saveTabAs(int index, const QString& path);
    bool saveTabWithDialog(int index);
    TabInfo* info(QWidget* page);
    const TabInfo* info(QWidget* page) const;
    void revalidate(QWidget* page);
    /// Checks the page again a moment after the last of a burst of changes (typing, nudging):
    /// validating a large model and rebuilding the outline and the problems list on every
    /// keystroke would make each edit as slow as opening the file.
    void scheduleRevalidation(QWidget* page);
    void revalidatePending();
    /// The outline, problems, summary and platform label of the current document.
    void refreshDocumentPanels();
    // Deployability (MainWindowDeploy.cpp): the File menu's exports and the checked platform.
    void addDeployActions(QMenu* file);
    void exportForTargetWithDialog(core::deploy::Engine engine);
    void updatePlatform();
    // Saving without loss (RecoveryOffer.cpp; restoring in MainWindowFiles.cpp).
    void createSafety();
    void cleanUpOnQuit();
    bool restoreRecovered(const QString& recoveryFile, const QString& file);
    void createFileWatch();
    void changedOnDisk(const QString& file);
    void unwatchUnlessOpen(const QString& file);
    Autosave* m_autosave = nullptr;
    RecoveryPrompt m_recoveryPrompt;
    FileWatch* m_fileWatch = nullptr;
    DiskChangePrompt m_diskChangePrompt;
    // Editing (MainWindowEdit.cpp): the Edit menu's cut/copy/paste, delete, align, auto-layout.
    void addEditActions(QMenu* edit);
    void updateEditActions();

    QHash<QWidget*, TabInfo> m_info;
    QSet<QWidget*> m_revalidatePending;
    QTimer* m_revalidateTimer = nullptr;
    std::unique_ptr<modeler::ProcessTreeModel> m_model; // the outline of the current document
    int m_untitledCount = 0;
    QString m_lastSaveError; ///< why the last save failed ("what, and what to do")
    UnsavedPrompt m_unsavedPrompt;

    QStackedWidget* m_stack = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_welcome = nullptr;
    QStackedWidget* m_outlineStack = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_noOutline = nullptr;
    QDockWidget* m_outlineDock = nullptr;
    PropertiesPanel* m_properties = nullptr;
    QDockWidget* m_propertiesDock = nullptr;
    ProblemsPanel* m_problems = nullptr;
    QDockWidget* m_problemsDock = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QLabel* m_platformLabel = nullptr;
    QList<QAction*> m_deployActions; ///< File > Export for Camunda 8 / Camunda 7 / plain BPMN
    RecentFiles* m_recent = nullptr;
    SimulationController* m_simulation = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    /// Every document's undo stack; the active one is the current tab's.
    QUndoGroup* m_undoGroup = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QList<QAction*> m_editChangeActions; ///< disabled while the document is read-only
    QList<QAction*> m_editOtherActions;  ///< copy, select all
    QMetaObject::Connection m_editReadOnlyConnection;

    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_openExampleAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_reloadAction = nullptr;
    QAction* m_closeAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_actualSizeAction = nullptr;
    QAction* m_fitAction = nullptr;
    QAction* m_minimapAction = nullptr;
    QAction* m_backAction = nullptr;
    QAction* m_expandAction = nullptr;
    QAction* m_collapseAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_aboutQtAction = nullptr;

    // MainWindowTools.cpp
    Palette* m_palette = nullptr;
    QDockWidget* m_paletteDock = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_renameAction = nullptr;
    QAction* m_shortcutsAction = nullptr;
    FindElement* m_findElement = nullptr;
};

} // namespace runway::app
