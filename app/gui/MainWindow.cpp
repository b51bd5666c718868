#include "MainWindow.h"

#include "AppSettings.h"
#include "PlatformFieldsEditor.h"
#include "ProblemsPanel.h"
#include "PropertiesPanel.h"
#include "RecentFiles.h"
#include "SimulationController.h"
#include "runway/modeler/ProcessTreeModel.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QUndoGroup>

#include <utility>

#ifndef RUNWAY_VERSION
#define RUNWAY_VERSION "unknown"
#endif
#ifndef RUNWAY_LICENSE
#define RUNWAY_LICENSE "see the LICENSE file that comes with Runway"
#endif

namespace runway::app {

using modeler::ProcessTreeModel;
using modeler::canvas::DiagramCanvas;
using modeler::canvas::DocumentView;

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kMinimapKey = QStringLiteral("view/minimap");

QLabel* makeMessageLabel(const QString& objectName)
{
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMargin(24);
    return label;
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/runway.svg")));
    setAcceptDrops(true);

    m_revalidateTimer = new QTimer(this);
    m_revalidateTimer->setSingleShot(true);
    m_revalidateTimer->setInterval(300); // after a burst of edits; see scheduleRevalidation()
    connect(m_revalidateTimer, &QTimer::timeout, this, &MainWindow::revalidatePending);

    m_welcome = makeMessageLabel(QStringLiteral("placeholder"));
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("documentTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int i) { closeTab(i); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { currentTabChanged(); });

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_zoomLabel = new QLabel;
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    m_platformLabel = new QLabel;
    m_platformLabel->setObjectName(QStringLiteral("platformLabel"));
    statusBar()->addPermanentWidget(m_platformLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    statusBar()->addPermanentWidget(m_summary);

    m_recent = new RecentFiles(this);
    connect(m_recent, &RecentFiles::openRequested, this, [this](const QString& path) { openFile(path); });

    m_unsavedPrompt = [this](const QString& name) {
        const auto answer = QMessageBox::warning(
            this, tr("Unsaved Changes"), tr("%1 has changes that are not saved. Save them before closing?").arg(name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save      ? UnsavedChoice::Save
               : answer == QMessageBox::Discard ? UnsavedChoice::Discard
                                                : UnsavedChoice::Cancel;
    };

    createDocks();
    createActions();
    createMenus();
    createEditingTools();
    createSimulation();
    createSafety(); // autosave and the changed-on-disk watch (RecoveryOffer.cpp)
    updateWelcome();
    currentTabChanged();
    readSettings();
}

MainWindow::~MainWindow()
{
    m_simulation->leave();
    // The outline view lives until QWidget's destructor; let go of the model before it goes.
    m_view->setModel(nullptr);
    // Documents go before the docks that show parts of them; no tab becomes current on the way.
    m_tabs->blockSignals(true);
    while (m_tabs->count() > 0) {
        QWidget* page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        m_info.remove(page);
        delete page;
    }
}

QString MainWindow::exampleFile()
{
    return QStringLiteral(":/examples/airline-checkin.bpmn");
}

QStringList MainWindow::recentFiles() const
{
    return m_recent->files();
}

void MainWindow::createDocks()
{
    m_view = new QTreeView;
    m_view->setObjectName(QStringLiteral("processView"));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);
    connect(m_view, &QTreeView::activated, this, &MainWindow::rowActivated);
    m_noOutline = makeMessageLabel(QStringLiteral("noOutline"));
    m_outlineStack = new QStackedWidget;
    m_outlineStack->addWidget(m_noOutline);
    m_outlineStack->addWidget(m_view);
    m_outlineDock = new QDockWidget(tr("Outline"), this);
    m_outlineDock->setObjectName(QStringLiteral("outlineDock"));
    m_outlineDock->setWidget(m_outlineStack);
    addDockWidget(Qt::LeftDockWidgetArea, m_outlineDock);

    m_properties = new PropertiesPanel;
    m_propertiesDock = new QDockWidget(tr("Properties"), this);
    m_propertiesDock->setObjectName(QStringLiteral("propertiesDock"));
    m_propertiesDock->setWidget(m_properties);
    addDockWidget(Qt::RightDockWidgetArea, m_propertiesDock);
    // The engine settings (Camunda 8 / 7 fields) of the element shown, as a section of the panel.
    auto* platformFields = new PlatformFieldsEditor;
    platformFields->setObjectName(QStringLiteral("platformFields"));
    m_properties->addSection(platformFields);
    connect(m_properties, &PropertiesPanel::elementShown, platformFields,
            [platformFields](modeler::canvas::Editor* editor, const QString& id) {
                platformFields->setElement(editor, editor ? editor->element(id) : nullptr);
            });
    // An id changed in the panel: the canvas lost the selection with the old id; select the new one.
    connect(m_properties, &PropertiesPanel::idChanged, this, [this](const QString&, const QString& newId) {
        if (DiagramCanvas* canvas = currentCanvas())
            canvas->selectElement(newId, false);
    });

    m_problems = new ProblemsPanel;
    connect(m_problems, &ProblemsPanel::elementActivated, this, [this](const QString& id) { selectElement(id); });
    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
}

// The simulation mode: its toggle in the View menu; its toolbar, dock and clock come with it.
// While it runs, the document cannot be edited.
void MainWindow::createSimulation()
{
    m_simulation = new SimulationController(this);
    if (auto* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"))) {
        view->addSeparator();
        view->addAction(m_simulation->toggleAction());
        view->addAction(m_simulation->dock()->toggleViewAction());
    }
    connect(m_simulation, &SimulationController::activeChanged, this, [this](bool on) {
        m_properties->setEnabled(!on);
        m_reloadAction->setEnabled(!on && m_tabs->currentWidget() && info(m_tabs->currentWidget()) &&
                                   !info(m_tabs->currentWidget())->file.isEmpty());
    });
}

void MainWindow::createActions()
{
    m_newAction = new QAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New"), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setStatusTip(tr("Start a new diagram with one process and its start event"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newDocument);

    m_openAction = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open\u2026"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a BPMN 2.0 file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openWithDialog);

    m_openExampleAction = new QAction(tr("Open &Example"), this);
    m_openExampleAction->setStatusTip(tr("Open the bundled example, an automatic airline check-in"));
    connect(m_openExampleAction, &QAction::triggered, this, [this] { openFile(exampleFile()); });

    m_saveAction = new QAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, [this] {
        // save() itself asks nothing (tests and scripts call it); the menu says when it failed.
        m_lastSaveError.clear();
        if (!save() && !m_lastSaveError.isEmpty())
            QMessageBox::warning(this, tr("Save Failed"), m_lastSaveError);
    });
    m_saveAsAction = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("Save &As\u2026"), this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveWithDialog);
    m_exportAction = new QAction(tr("&Export Diagram\u2026"), this);
    m_exportAction->setStatusTip(tr("Save the diagram shown as an SVG, PNG or PDF image"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportWithDialog);

    m_reloadAction = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Reload"), this);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setStatusTip(tr("Read the file again from disk"));
    connect(m_reloadAction, &QAction::triggered, this, &MainWindow::reload);

    m_closeAction = new QAction(QIcon::fromTheme(QStringLiteral("document-close")), tr("&Close"), this);
    m_closeAction->setShortcut(QKeySequence::Close);
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeFile);

    m_quitAction = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    auto onCanvas = [this](void (DiagramCanvas::*f)()) {
        return [this, f] {
            if (DiagramCanvas* c = currentCanvas())
                (c->*f)();
        };
    };
    m_zoomInAction = new QAction(QIcon::fromTheme(QStringLiteral("zoom-in")), tr("Zoom &In"), this);
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomInAction, &QAction::triggered, this, onCanvas(&DiagramCanvas::zoomIn));
    m_zoomOutAction = new QAction(QIcon::fromTheme(QStringLiteral("zoom-out")), tr("Zoom &Out"), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, this, onCanvas(&DiagramCanvas::zoomOut));
    m_actualSizeAction = new QAction(QIcon::fromTheme(QStringLiteral("zoom-original")), tr("&Actual Size"), this);
    m_actualSizeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_actualSizeAction, &QAction::triggered, this, onCanvas(&DiagramCanvas::zoomToActualSize));
    m_fitAction = new QAction(QIcon::fromTheme(QStringLiteral("zoom-fit-best")), tr("&Fit to Window"), this);
    m_fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_fitAction, &QAction::triggered, this, onCanvas(&DiagramCanvas::fitToWindow));
    m_minimapAction = new QAction(tr("&Minimap"), this);
    m_minimapAction->setCheckable(true);
    m_minimapAction->setChecked(QSettings(settingsOrganization(), settingsApplication()).value(kMinimapKey, true).toBool());
    connect(m_minimapAction, &QAction::toggled, this, [this](bool on) {
        QSettings(settingsOrganization(), settingsApplication()).setValue(kMinimapKey, on);
        if (DiagramCanvas* c = currentCanvas())
            c->setMinimapEnabled(on);
    });
    m_backAction = new QAction(QIcon::fromTheme(QStringLiteral("go-up")), tr("&Back to Parent Diagram"), this);
    m_backAction->setStatusTip(tr("Leave the sub-process drilled into (double-click a collapsed sub-process to enter it)"));
    connect(m_backAction, &QAction::triggered, this, [this] {
        if (DocumentView* v = currentView())
            v->goBack();
    });

    m_expandAction = new QAction(tr("&Expand All"), this);
    connect(m_expandAction, &QAction::triggered, m_view, &QTreeView::expandAll);
    m_collapseAction = new QAction(tr("C&ollapse All"), this);
    connect(m_collapseAction, &QAction::triggered, m_view, &QTreeView::collapseAll);

    m_undoGroup = new QUndoGroup(this);
    m_undoAction = m_undoGroup->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_undoAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    m_redoAction = m_undoGroup->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcuts(QKeySequence::Redo);
    m_redoAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));

    m_aboutAction = new QAction(tr("&About Runway"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    // Filled when shown, not from the signal of one of its own actions ("Clear Menu").
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] { m_recent->fillMenu(m_recentMenu); });
    m_recent->fillMenu(m_recentMenu);
    file->addAction(m_openExampleAction);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addAction(m_exportAction);
    addDeployActions(file);
    file->addSeparator();
    file->addAction(m_reloadAction);
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    addEditActions(m_editMenu);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_actualSizeAction);
    view->addAction(m_fitAction);
    view->addAction(m_minimapAction);
    view->addSeparator();
    view->addAction(m_backAction);
    view->addSeparator();
    view->addAction(m_expandAction);
    view->addAction(m_collapseAction);
    view->addSeparator();
    view->addAction(m_outlineDock->toggleViewAction());
    view->addAction(m_propertiesDock->toggleViewAction());
    view->addAction(m_problemsDock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

int MainWindow::documentCount() const
{
    return m_tabs->count();
}

DocumentView* MainWindow::currentView() const
{
    return qobject_cast<DocumentView*>(m_tabs->currentWidget());
}

DiagramCanvas* MainWindow::currentCanvas() const
{
    const DocumentView* v = currentView();
    return v ? v->currentCanvas() : nullptr;
}

const core::Document* MainWindow::document() const
{
    const DocumentView* v = currentView();
    return v ? &v->document() : nullptr;
}

QString MainWindow::currentFile() const
{
    const TabInfo* i = info(m_tabs->currentWidget());
    return i ? i->file : QString();
}

QLabel* MainWindow::placeholder() const
{
    if (auto* failed = qobject_cast<QLabel*>(m_tabs->currentWidget()))
        return failed;
    return m_welcome;
}

MainWindow::TabInfo* MainWindow::info(QWidget* page)
{
    auto it = m_info.find(page);
    return it == m_info.end() ? nullptr : &it.value();
}

const MainWindow::TabInfo* MainWindow::info(QWidget* page) const
{
    auto it = m_info.constFind(page);
    return it == m_info.constEnd() ? nullptr : &it.value();
}

void MainWindow::currentTabChanged()
{
    QWidget* page = m_tabs->currentWidget();
    DocumentView* view = currentView();
    m_simulation->setView(view);
    m_undoGroup->setActiveStack(view ? view->editor().undoStack() : nullptr);
    m_stack->setCurrentWidget(page ? static_cast<QWidget*>(m_tabs) : m_welcome);
    refreshDocumentPanels();

    if (view) {
        if (DiagramCanvas* c = view->currentCanvas())
            c->setMinimapEnabled(m_minimapAction->isChecked());
        showProperties(view->selectedElementId());
    } else {
        m_properties->showElement(nullptr, {});
    }
    updateTitle();
    updateActions();
}

void MainWindow::refreshDocumentPanels()
{
    QWidget* page = m_tabs->currentWidget();
    const TabInfo* tab = info(page);
    DocumentView* view = currentView();

    // The outline follows the current document; the view lets go of the old model first.
    std::unique_ptr<ProcessTreeModel> model;
    if (view)
        model = std::make_unique<ProcessTreeModel>(view->document());
    QItemSelectionModel* oldSelection = m_view->selectionModel();
    m_view->setModel(model.get());
    delete oldSelection;
    m_model = std::move(model);
    if (m_model) {
        connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this](const QModelIndex& current) { currentRowChanged(current); });
        m_view->expandAll();
        m_view->resizeColumnToContents(ProcessTreeModel::NameColumn);
        m_view->setColumnWidth(ProcessTreeModel::NameColumn, m_view->columnWidth(ProcessTreeModel::NameColumn) + 24);
        m_outlineStack->setCurrentWidget(m_view);
    } else {
        m_noOutline->setText(tab ? tr("No outline: the file could not be read.") : tr("No file is open."));
        m_outlineStack->setCurrentWidget(m_noOutline);
    }

    const core::Diagnostics diagnostics = tab ? tab->diagnostics : core::Diagnostics{};
    m_problems->setDiagnostics(diagnostics);
    m_problems->setEmptyText(tab ? tr("No problems found in %1.").arg(tabName(m_tabs->currentIndex())) : QString());
    m_problemsDock->setWindowTitle(diagnostics.empty() ? tr("Problems") : tr("Problems (%1)").arg(diagnostics.size()));
    if (tab && tab->failed && m_problems->errorCount() > 0)
        m_problemsDock->show();
    updateSummary();
    updatePlatform();
}

void MainWindow::scheduleRevalidation(QWidget* page)
{
    m_revalidatePending.insert(page);
    m_revalidateTimer->start();
}

void MainWindow::revalidatePending()
{
    const QSet<QWidget*> pages = std::exchange(m_revalidatePending, {});
    for (QWidget* page : pages)
        if (m_tabs->indexOf(page) >= 0)
            revalidate(page);
}

void MainWindow::updateActions()
{
    const bool hasTab = m_tabs->count() > 0;
    DocumentView* view = currentView();
    const bool hasCanvas = currentCanvas() != nullptr;
    m_reloadAction->setEnabled(hasTab && !(info(m_tabs->currentWidget()) && info(m_tabs->currentWidget())->file.isEmpty()));
    m_closeAction->setEnabled(hasTab);
    m_saveAction->setEnabled(view != nullptr);
    m_saveAsAction->setEnabled(view != nullptr);
    m_exportAction->setEnabled(hasCanvas);
    for (QAction* a : {m_zoomInAction, m_zoomOutAction, m_actualSizeAction, m_fitAction})
        a->setEnabled(hasCanvas);
    m_backAction->setEnabled(view && view->canGoBack());
    const DiagramCanvas* c = currentCanvas();
    m_zoomLabel->setText(c ? tr("%1 %").arg(qRound(c->zoom() * 100)) : QString());
}

void MainWindow::updateWelcome()
{
    const QString shortcut = QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText);
    m_welcome->setText(
        tr("No file is open.\n\nOpen a BPMN 2.0 file with File \u25b8 Open (%1), drop one here, or try File \u25b8 "
           "Open Example.")
            .arg(shortcut));
}

void MainWindow::about()
{
    const QString text = tr("<h3>Runway %1</h3>"
                            "<p>A desktop BPMN 2.0 modeler and simulator.</p>"
                            "<p>License: %2.</p>"
                            "<p>Built with Qt %3; running on Qt %4.</p>")
                             .arg(QStringLiteral(RUNWAY_VERSION), QStringLiteral(RUNWAY_LICENSE).toHtmlEscaped(),
                                  QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()));
    QMessageBox::about(this, tr("About Runway"), text);
}

void MainWindow::updateTitle()
{
    const int index = m_tabs->currentIndex();
    const TabInfo* tab = info(m_tabs->currentWidget());
    const DocumentView* view = currentView();
    if (!tab)
        setWindowTitle(tr("Runway"));
    else if (tab->failed)
        setWindowTitle(tr("%1 (not loaded) \u2014 Runway").arg(tabName(index)));
    else
        setWindowTitle(tr("%1[*] \u2014 Runway").arg(tabName(index)));
    setWindowModified(view && view->isModified());
}

void MainWindow::updateSummary()
{
    const TabInfo* tab = info(m_tabs->currentWidget());
    if (!tab) {
        m_summary->clear();
        return;
    }
    QStringList parts;
    if (m_model) {
        parts << tr("Processes: %1").arg(m_model->processCount());
        if (m_model->participantCount() > 0)
            parts << tr("Pools: %1").arg(m_model->participantCount());
        parts << tr("Flow nodes: %1").arg(m_model->totalCounts().total());
    } else {
        parts << tr("Not loaded");
    }
    parts << tr("Errors: %1").arg(m_problems->errorCount()) << tr("Warnings: %1").arg(m_problems->warningCount());
    m_summary->setText(parts.join(QStringLiteral(" \u00b7 ")));
}

void MainWindow::showProperties(const QString& id)
{
    DocumentView* view = currentView();
    m_properties->showElement(view ? &view->editor() : nullptr, view ? id : QString());
}

void MainWindow::selectElement(const QString& id)
{
    if (id.isEmpty())
        return;
    if (DocumentView* view = currentView()) {
        view->revealElement(id);
        showProperties(id);
    }
    if (!m_model)
        return;
    const QModelIndex index = m_model->indexOfElement(id);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void MainWindow::currentRowChanged(const QModelIndex& current)
{
    if (!m_model || !current.isValid()) {
        statusBar()->clearMessage();
        return;
    }
    const QModelIndex nameIndex = current.siblingAtColumn(ProcessTreeModel::NameColumn);
    const QString name = nameIndex.data().toString();
    const QString id = nameIndex.data(ProcessTreeModel::ElementIdRole).toString();
    const int line = nameIndex.data(ProcessTreeModel::SourceLineRole).toInt();
    QString message = id.isEmpty() || id == name ? name : tr("%1 (%2)").arg(name, id);
    if (line > 0 && m_model->kind(nameIndex) != ProcessTreeModel::ItemKind::FlowNodeSummary)
        message = tr("%1, line %2").arg(message).arg(line);
    statusBar()->showMessage(message);
}

void MainWindow::rowActivated(const QModelIndex& index)
{
    // A pool leads to the process it holds; any other row to its element on the canvas.
    if (!m_model || !index.isValid())
        return;
    const QModelIndex nameIndex = index.siblingAtColumn(ProcessTreeModel::NameColumn);
    const QString id = m_model->elementId(nameIndex);
    if (m_model->kind(nameIndex) != ProcessTreeModel::ItemKind::Participant) {
        if (DocumentView* view = currentView(); view && !id.isEmpty()) {
            view->revealElement(id);
            showProperties(id);
        }
        return;
    }
    const core::Document* doc = document();
    const core::Element* participant = doc->findById(id.toStdString());
    if (!participant)
        return;
    if (const core::Element* process = doc->resolve(participant->attr("processRef")))
        selectElement(QString::fromStdString(std::string(process->id())));
}

void MainWindow::readSettings()
{
    QSettings settings(settingsOrganization(), settingsApplication());
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        QSize size(1280, 800);
        if (const QScreen* screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableSize() * 0.9);
        resize(size);
    }
    if (!restoreState(settings.value(kStateKey).toByteArray())) {
        // The canvas gets the room at first.
        resizeDocks({m_problemsDock}, {140}, Qt::Vertical);
        resizeDocks({m_outlineDock, m_propertiesDock}, {240, 260}, Qt::Horizontal);
    }
}

void MainWindow::writeSettings() const
{
    QSettings settings(settingsOrganization(), settingsApplication());
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Every document with unsaved changes is asked about; Cancel keeps the window open.
    for (int i = m_tabs->count() - 1; i >= 0; --i) {
        if (!maybeSave(i)) {
            event->ignore();
            return;
        }
    }
    writeSettings();
    cleanUpOnQuit(); // a normal quit: nothing left to recover (RecoveryOffer.cpp)
    event->accept();
}

} // namespace runway::app
