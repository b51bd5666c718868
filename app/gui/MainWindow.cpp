#include "MainWindow.h"

#include "AppSettings.h"
#include "ProblemsPanel.h"
#include "RecentFiles.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/Validator.h"
#include "runway/modeler/ProcessTreeModel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTreeView>

#ifndef RUNWAY_VERSION
#define RUNWAY_VERSION "unknown"
#endif
#ifndef RUNWAY_LICENSE
#define RUNWAY_LICENSE "see the LICENSE file that comes with Runway"
#endif

namespace runway::app {

using modeler::ProcessTreeModel;

namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kLastDirectoryKey = QStringLiteral("lastDirectory");

bool isResource(const QString& path)
{
    return path.startsWith(QLatin1String(":/"));
}

/// Reads a file or a Qt resource. Files go through the reader's own file access, so the messages
/// are the same as runway-cli's; resources are read into memory first.
core::ReadResult readModel(const QString& path)
{
    if (!isResource(path))
        return core::BpmnReader::readFile(QFile::encodeName(path).toStdString());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        core::ReadResult r;
        r.diagnostics.push_back({core::Diagnostic::Severity::Error,
                                 path.toStdString(),
                                 0,
                                 {},
                                 "file-unreadable",
                                 "cannot open the file: " + file.errorString().toStdString()});
        return r;
    }
    const QByteArray bytes = file.readAll();
    return core::BpmnReader::readBytes(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                       path.toStdString());
}

QString displayName(const QString& path)
{
    return QFileInfo(path).fileName();
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/runway.svg")));
    setAcceptDrops(true);

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

    m_placeholder = new QLabel;
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_placeholder->setMargin(24);

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_view);
    setCentralWidget(m_stack);

    m_problems = new ProblemsPanel;
    connect(m_problems, &ProblemsPanel::elementActivated, this, [this](const QString& id) { selectElement(id); });
    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    statusBar()->addPermanentWidget(m_summary);

    m_recent = new RecentFiles(this);
    connect(m_recent, &RecentFiles::openRequested, this, [this](const QString& path) { openFile(path); });

    createActions();
    createMenus();
    showWelcome();
    readSettings();
}

MainWindow::~MainWindow()
{
    // The view lives until QWidget's destructor; let go of the model before it goes.
    m_view->setModel(nullptr);
}

QString MainWindow::exampleFile()
{
    return QStringLiteral(":/examples/airline-checkin.bpmn");
}

QStringList MainWindow::recentFiles() const
{
    return m_recent->files();
}

void MainWindow::createActions()
{
    m_openAction = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open\u2026"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a BPMN 2.0 file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openWithDialog);

    m_openExampleAction = new QAction(tr("Open &Example"), this);
    m_openExampleAction->setStatusTip(tr("Open the bundled example, an automatic airline check-in"));
    connect(m_openExampleAction, &QAction::triggered, this, [this] { openFile(exampleFile()); });

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

    m_expandAction = new QAction(tr("&Expand All"), this);
    connect(m_expandAction, &QAction::triggered, m_view, &QTreeView::expandAll);
    m_collapseAction = new QAction(tr("C&ollapse All"), this);
    connect(m_collapseAction, &QAction::triggered, m_view, &QTreeView::collapseAll);

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
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    // Filled when shown, not from the signal of one of its own actions ("Clear Menu").
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] { m_recent->fillMenu(m_recentMenu); });
    m_recent->fillMenu(m_recentMenu);
    file->addAction(m_openExampleAction);
    file->addSeparator();
    file->addAction(m_reloadAction);
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_expandAction);
    view->addAction(m_collapseAction);
    view->addSeparator();
    view->addAction(m_problemsDock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

bool MainWindow::openFile(const QString& path)
{
    const QString file = isResource(path) ? path : QFileInfo(path).absoluteFilePath();
    core::ReadResult result = readModel(file);
    core::Diagnostics diagnostics = std::move(result.diagnostics);
    if (result.document) {
        core::Diagnostics found = core::Validator::validate(*result.document);
        diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()),
                           std::make_move_iterator(found.end()));
    }

    // The outline refers to its document: the view lets go of the old one, then the old outline
    // goes, then the old document. A file that failed shows nothing of the file before it.
    std::unique_ptr<ProcessTreeModel> model;
    if (result.document)
        model = std::make_unique<ProcessTreeModel>(*result.document);
    QItemSelectionModel* oldSelection = m_view->selectionModel();
    m_view->setModel(model.get());
    delete oldSelection;
    m_model = std::move(model);
    m_document = std::move(result.document);
    m_file = file;
    m_failed = m_document == nullptr;

    m_problems->setDiagnostics(diagnostics);
    m_problems->setEmptyText(tr("No problems found in %1.").arg(displayName(file)));
    const int errors = m_problems->errorCount();
    m_problemsDock->setWindowTitle(diagnostics.empty() ? tr("Problems") : tr("Problems (%1)").arg(diagnostics.size()));

    if (m_document) {
        connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this](const QModelIndex& current) { currentRowChanged(current); });
        m_view->expandAll();
        m_view->resizeColumnToContents(ProcessTreeModel::NameColumn);
        m_view->setColumnWidth(ProcessTreeModel::NameColumn, m_view->columnWidth(ProcessTreeModel::NameColumn) + 24);
        m_stack->setCurrentWidget(m_view);
        if (!isResource(file))
            m_recent->add(file);
        statusBar()->showMessage(tr("Opened %1").arg(displayName(file)), 5000);
    } else {
        // The reader's first error says what and where; the Problems dock has them all.
        QString reason;
        for (const core::Diagnostic& d : diagnostics) {
            if (!d.isError())
                continue;
            reason = QString::fromStdString(d.message);
            if (d.line > 0)
                reason = tr("Line %1: %2").arg(d.line).arg(reason);
            break;
        }
        m_placeholder->setText(tr("%1 could not be read.\n\n%2\n\nThe Problems list below has the details.")
                                   .arg(QDir::toNativeSeparators(file), reason));
        m_stack->setCurrentWidget(m_placeholder);
        if (errors > 0)
            m_problemsDock->show();
        statusBar()->showMessage(tr("Could not read %1").arg(displayName(file)));
    }
    m_reloadAction->setEnabled(true);
    m_closeAction->setEnabled(true);
    updateTitle();
    updateSummary();
    return m_document != nullptr;
}

void MainWindow::closeFile()
{
    QItemSelectionModel* oldSelection = m_view->selectionModel();
    m_view->setModel(nullptr);
    delete oldSelection;
    m_model.reset();
    m_document.reset();
    m_file.clear();
    m_failed = false;
    m_problems->setDiagnostics({});
    m_problemsDock->setWindowTitle(tr("Problems"));
    showWelcome();
}

void MainWindow::showWelcome()
{
    m_problems->setEmptyText(QString());
    const QString shortcut = QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText);
    m_placeholder->setText(
        tr("No file is open.\n\nOpen a BPMN 2.0 file with File \u25b8 Open (%1), drop one here, or try File \u25b8 "
           "Open Example.")
            .arg(shortcut));
    m_stack->setCurrentWidget(m_placeholder);
    m_reloadAction->setEnabled(false);
    m_closeAction->setEnabled(false);
    updateTitle();
    updateSummary();
}

void MainWindow::openWithDialog()
{
    QSettings settings(settingsOrganization(), settingsApplication());
    QString directory = settings.value(kLastDirectoryKey).toString();
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getOpenFileName(this, tr("Open BPMN File"), directory,
                                                      tr("BPMN 2.0 files (*.bpmn *.bpmn2 *.xml);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(kLastDirectoryKey, QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::reload()
{
    if (!m_file.isEmpty())
        openFile(m_file);
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
    if (m_file.isEmpty())
        setWindowTitle(tr("Runway"));
    else if (m_failed)
        setWindowTitle(tr("%1 (not loaded) \u2014 Runway").arg(displayName(m_file)));
    else
        setWindowTitle(tr("%1 \u2014 Runway").arg(displayName(m_file)));
}

void MainWindow::updateSummary()
{
    if (m_file.isEmpty()) {
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

void MainWindow::selectElement(const QString& id)
{
    if (!m_model || id.isEmpty())
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
    // A pool leads to the process it holds.
    if (!m_model || !index.isValid())
        return;
    const QModelIndex nameIndex = index.siblingAtColumn(ProcessTreeModel::NameColumn);
    if (m_model->kind(nameIndex) != ProcessTreeModel::ItemKind::Participant)
        return;
    const core::Element* participant = m_document->findById(m_model->elementId(nameIndex).toStdString());
    if (!participant)
        return;
    if (const core::Element* process = m_document->resolve(participant->attr("processRef")))
        selectElement(QString::fromStdString(std::string(process->id())));
}

void MainWindow::readSettings()
{
    QSettings settings(settingsOrganization(), settingsApplication());
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        QSize size(1000, 680);
        if (const QScreen* screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableSize() * 0.9);
        resize(size);
    }
    if (!restoreState(settings.value(kStateKey).toByteArray()))
        resizeDocks({m_problemsDock}, {160}, Qt::Vertical); // the outline gets the room at first
}

void MainWindow::writeSettings() const
{
    QSettings settings(settingsOrganization(), settingsApplication());
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    writeSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    openFile(urls.first().toLocalFile());
}

} // namespace runway::app
