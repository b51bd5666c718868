// MainWindow: the File menu's work. Opening into tabs, new documents, saving, exporting, closing
// with a question about unsaved changes, reloading, and files dropped on the window.
#include "MainWindow.h"

#include "AppSettings.h"
#include "Autosave.h"
#include "DeployExport.h"
#include "FileWatch.h"
#include "ProblemsPanel.h"
#include "RecentFiles.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/modeling/Layout.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"
#include "runway/modeler/notation/Export.h"

#include <QCoreApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoGroup>

namespace runway::app {

using modeler::canvas::DiagramCanvas;
using modeler::canvas::DocumentView;

namespace {

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
        r.diagnostics.push_back({core::Diagnostic::Severity::Error, path.toStdString(), 0, {}, "file-unreadable",
                                 "cannot open the file: " + file.errorString().toStdString()});
        return r;
    }
    const QByteArray bytes = file.readAll();
    return core::BpmnReader::readBytes(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                       path.toStdString());
}

/// A file without a diagram, or whose diagram leaves out flow nodes or sequence flows, is laid out
/// afresh (left to right, core::modeling::autoLayout) as the first undo step of its editor: undoing
/// it gives back the file as read. True when it was laid out.
bool layOutIfNeeded(DocumentView& view)
{
    if (!core::modeling::needsLayout(view.document()))
        return false;
    modeler::canvas::Editor& editor = view.editor();
    return editor.apply(core::modeling::autoLayout(editor.modeling()),
                        QCoreApplication::translate("runway::app::MainWindow", "Auto-Layout"));
}

/// What File > New starts from: one process, one start event, and the diagram that shows it.
const char* const kNewDocument =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
    " xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\""
    " xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\""
    " xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\""
    " id=\"Definitions_1\" targetNamespace=\"http://bpmn.io/schema/bpmn\" exporter=\"Runway\">\n"
    "  <bpmn:process id=\"Process_1\" isExecutable=\"true\">\n"
    "    <bpmn:startEvent id=\"StartEvent_1\" />\n"
    "  </bpmn:process>\n"
    "  <bpmndi:BPMNDiagram id=\"BPMNDiagram_1\">\n"
    "    <bpmndi:BPMNPlane id=\"BPMNPlane_1\" bpmnElement=\"Process_1\">\n"
    "      <bpmndi:BPMNShape id=\"StartEvent_1_di\" bpmnElement=\"StartEvent_1\">\n"
    "        <dc:Bounds x=\"180\" y=\"160\" width=\"36\" height=\"36\" />\n"
    "      </bpmndi:BPMNShape>\n"
    "    </bpmndi:BPMNPlane>\n"
    "  </bpmndi:BPMNDiagram>\n"
    "</bpmn:definitions>\n";

} // namespace

QString MainWindow::tabName(int index) const
{
    const TabInfo* tab = info(m_tabs->widget(index));
    if (!tab)
        return {};
    return tab->file.isEmpty() ? tab->untitled : QFileInfo(tab->file).fileName();
}

void MainWindow::refreshTabText(int index)
{
    auto* view = qobject_cast<DocumentView*>(m_tabs->widget(index));
    const TabInfo* tab = info(m_tabs->widget(index));
    QString text = tabName(index);
    if (view && view->isModified())
        text += QStringLiteral(" *");
    else if (tab && tab->failed)
        text = tr("%1 (not loaded)").arg(text);
    m_tabs->setTabText(index, text);
    m_tabs->setTabToolTip(index, tab && !tab->file.isEmpty() ? QDir::toNativeSeparators(tab->file) : text);
}

int MainWindow::tabOfFile(const QString& file) const
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (const TabInfo* tab = info(m_tabs->widget(i)); tab && tab->file == file)
            return i;
    return -1;
}

void MainWindow::placeTab(QWidget* page, const TabInfo& tabInfo, int replace)
{
    m_info.insert(page, tabInfo);
    int index = 0;
    if (replace >= 0) {
        QWidget* old = m_tabs->widget(replace);
        if (auto* oldView = qobject_cast<DocumentView*>(old))
            m_autosave->forget(oldView); // replaced (Reload): its changes were given up
        m_tabs->insertTab(replace, page, QString());
        m_tabs->removeTab(replace + 1);
        m_info.remove(old);
        index = replace;
        m_tabs->setCurrentIndex(index);
        old->deleteLater();
    } else {
        index = m_tabs->addTab(page, QString());
        m_tabs->setCurrentIndex(index);
    }
    refreshTabText(index);
    currentTabChanged(); // also when the index stayed the same (a tab replaced in place)
}

int MainWindow::addDocumentTab(std::unique_ptr<core::Document> doc, TabInfo tabInfo, int replace)
{
    auto* view = new DocumentView(std::move(doc), tabInfo.file);
    m_undoGroup->addStack(view->editor().undoStack());
    connect(view, &DocumentView::modifiedChanged, this, [this, view] {
        refreshTabText(m_tabs->indexOf(view));
        updateTitle();
    });
    connect(view, &DocumentView::selectedElementChanged, this, [this, view](const QString& id) {
        if (view == currentView())
            showProperties(id);
    });
    connect(view, &DocumentView::currentDiagramChanged, this, [this, view] {
        if (view != currentView())
            return;
        if (DiagramCanvas* c = view->currentCanvas())
            c->setMinimapEnabled(m_minimapAction->isChecked());
        updateActions();
    });
    connect(view, &DocumentView::zoomChanged, this, [this] { updateActions(); });
    connect(view, &DocumentView::contentChanged, this, [this, view] { scheduleRevalidation(view); });
    view->setProblems(tabInfo.diagnostics);
    m_autosave->track(view, tabInfo.file, tabInfo.untitled);
    placeTab(view, tabInfo, replace);
    return m_tabs->indexOf(view);
}

int MainWindow::addFailedTab(TabInfo tabInfo, int replace)
{
    // The reader's first error says what and where; the Problems dock has them all.
    QString reason;
    for (const core::Diagnostic& d : tabInfo.diagnostics) {
        if (!d.isError())
            continue;
        reason = QString::fromStdString(d.message);
        if (d.line > 0)
            reason = tr("Line %1: %2").arg(d.line).arg(reason);
        break;
    }
    QLabel* label = new QLabel(tr("%1 could not be read.\n\n%2\n\nThe Problems list below has the details.")
                                   .arg(QDir::toNativeSeparators(tabInfo.file), reason));
    label->setObjectName(QStringLiteral("loadError"));
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMargin(24);
    placeTab(label, tabInfo, replace);
    return m_tabs->indexOf(label);
}

void MainWindow::revalidate(QWidget* page)
{
    TabInfo* tab = info(page);
    auto* view = qobject_cast<DocumentView*>(page);
    if (!tab || !view)
        return;
    tab->diagnostics = tab->readerDiagnostics;
    const core::Diagnostics found = checkModel(view->document()).diagnostics;
    tab->diagnostics.insert(tab->diagnostics.end(), found.begin(), found.end());
    view->setProblems(tab->diagnostics);
    if (page == m_tabs->currentWidget())
        refreshDocumentPanels();
}

bool MainWindow::openFile(const QString& path)
{
    const QString file = isResource(path) ? path : QFileInfo(path).absoluteFilePath();
    const int existing = tabOfFile(file);
    if (existing >= 0 && !info(m_tabs->widget(existing))->failed) {
        // Already open: brought to the front, as it is (Reload reads it again).
        m_tabs->setCurrentIndex(existing);
        if (!isResource(file))
            m_recent->add(file);
        return true;
    }
    return load(file, existing);
}

bool MainWindow::load(const QString& file, int replace)
{
    core::ReadResult result = readModel(file);
    TabInfo tab;
    tab.file = file;
    tab.readerDiagnostics = result.diagnostics;
    tab.diagnostics = std::move(result.diagnostics);
    if (!isResource(file))
        m_fileWatch->watch(file); // what it holds now is what is shown (or why it is not)
    if (result.document) {
        const core::Diagnostics found = checkModel(*result.document).diagnostics;
        tab.diagnostics.insert(tab.diagnostics.end(), found.begin(), found.end());
        const int index = addDocumentTab(std::move(result.document), std::move(tab), replace);
        if (!isResource(file))
            m_recent->add(file);
        // Laid out through the view's editor (the view follows the new diagram; the problems are
        // checked again): the document shows modified, and Undo shows the file as it was read.
        if (auto* view = qobject_cast<DocumentView*>(m_tabs->widget(index)); view && layOutIfNeeded(*view)) {
            statusBar()->showMessage(tr("%1 had no complete diagram: it was laid out automatically. Save to keep "
                                        "the layout.")
                                         .arg(QFileInfo(file).fileName()));
        } else {
            statusBar()->showMessage(tr("Opened %1").arg(QFileInfo(file).fileName()), 5000);
        }
        return true;
    }
    tab.failed = true;
    addFailedTab(std::move(tab), replace);
    statusBar()->showMessage(tr("Could not read %1").arg(QFileInfo(file).fileName()));
    return false;
}

void MainWindow::newDocument()
{
    core::ReadResult result = core::BpmnReader::readBytes(kNewDocument, "new.bpmn");
    Q_ASSERT(result.document);
    TabInfo tab;
    tab.untitled = tr("Untitled %1").arg(++m_untitledCount);
    result.document->setFileName(tab.untitled.toStdString());
    addDocumentTab(std::move(result.document), std::move(tab), -1);
}

bool MainWindow::restoreRecovered(const QString& recoveryFile, const QString& file)
{
    // Read as the document it stands for: messages name its own file, not the recovery folder.
    QFile in(recoveryFile);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = in.readAll();
    TabInfo tab;
    tab.file = file;
    if (file.isEmpty())
        tab.untitled = tr("Untitled %1").arg(++m_untitledCount);
    const QString name = file.isEmpty() ? tab.untitled : file;
    core::ReadResult result = core::BpmnReader::readBytes(
        std::string_view(bytes.constData(), std::size_t(bytes.size())), name.toStdString());
    if (!result.document)
        return false;
    tab.readerDiagnostics = result.diagnostics;
    tab.diagnostics = std::move(result.diagnostics);
    const core::Diagnostics found = checkModel(*result.document).diagnostics;
    tab.diagnostics.insert(tab.diagnostics.end(), found.begin(), found.end());
    const int index = addDocumentTab(std::move(result.document), std::move(tab), -1);
    if (!file.isEmpty() && !isResource(file))
        m_fileWatch->watch(file);
    auto* view = qobject_cast<DocumentView*>(m_tabs->widget(index));
    // Not what its file holds: modified until saved, and autosaved again by this instance at once.
    view->setModified(true);
    m_autosave->writeNow(view);
    return true;
}

bool MainWindow::saveTabAs(int index, const QString& path)
{
    auto* view = qobject_cast<DocumentView*>(m_tabs->widget(index));
    TabInfo* tab = info(view);
    if (!view || !tab)
        return false;
    const QString file = QFileInfo(path).absoluteFilePath();
    m_lastSaveError.clear();
    if (!view->saveAs(file, &m_lastSaveError)) {
        statusBar()->showMessage(m_lastSaveError);
        return false;
    }
    const QString previous = std::exchange(tab->file, file);
    m_fileWatch->acknowledge(file); // our own write: not a change by another program
    if (previous != file)
        unwatchUnlessOpen(previous);
    m_autosave->rename(view, file, tab->untitled);
    m_recent->add(file);
    refreshTabText(index);
    if (index == m_tabs->currentIndex()) {
        updateTitle();
        updateActions();
    }
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(file).fileName()), 5000);
    return true;
}

bool MainWindow::saveAs(const QString& path)
{
    return saveTabAs(m_tabs->currentIndex(), path);
}

bool MainWindow::saveTabWithDialog(int index)
{
    const TabInfo* tab = info(m_tabs->widget(index));
    if (!tab)
        return false;
    QSettings settings(settingsOrganization(), settingsApplication());
    QString directory = settings.value(kLastDirectoryKey).toString();
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString name = tab->file.isEmpty() ? tab->untitled + QStringLiteral(".bpmn") : QFileInfo(tab->file).fileName();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save BPMN File"), QDir(directory).filePath(name),
                                                      tr("BPMN 2.0 files (*.bpmn *.bpmn2 *.xml);;All files (*)"));
    if (path.isEmpty())
        return false;
    settings.setValue(kLastDirectoryKey, QFileInfo(path).absolutePath());
    if (saveTabAs(index, path))
        return true;
    QMessageBox::warning(this, tr("Save Failed"), m_lastSaveError);
    return false;
}

bool MainWindow::saveWithDialog()
{
    return saveTabWithDialog(m_tabs->currentIndex());
}

bool MainWindow::save()
{
    const int index = m_tabs->currentIndex();
    const TabInfo* tab = info(m_tabs->widget(index));
    if (!tab || !currentView())
        return false;
    if (tab->file.isEmpty() || isResource(tab->file))
        return saveTabWithDialog(index);
    return saveTabAs(index, tab->file);
}

bool MainWindow::exportDiagram(const QString& path, QString* error)
{
    DocumentView* view = currentView();
    DiagramCanvas* canvas = currentCanvas();
    QString message;
    const auto format = modeler::notation::formatForPath(path);
    bool ok = false;
    if (!canvas)
        message = tr("There is no diagram to export. Open a file with a diagram first.");
    else if (!format)
        message = tr("%1: unknown image format. Use a name ending in .svg, .png or .pdf.").arg(path);
    else
        ok = modeler::notation::exportScene(canvas->notationScene(), view->painter(), path, *format, {}, &message);
    if (error)
        *error = message;
    statusBar()->showMessage(ok ? tr("Exported %1").arg(QFileInfo(path).fileName()) : message, ok ? 5000 : 0);
    return ok;
}

void MainWindow::exportWithDialog()
{
    const TabInfo* tab = info(m_tabs->currentWidget());
    if (!tab || !currentCanvas())
        return;
    QSettings settings(settingsOrganization(), settingsApplication());
    QString directory = settings.value(kLastDirectoryKey).toString();
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        directory = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString base = tab->file.isEmpty() || isResource(tab->file) ? tabName(m_tabs->currentIndex())
                                                                       : QFileInfo(tab->file).completeBaseName();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Diagram"), QDir(directory).filePath(QFileInfo(base).completeBaseName() + QStringLiteral(".svg")),
        tr("SVG image (*.svg);;PNG image (*.png);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportDiagram(path, &error))
        QMessageBox::warning(this, tr("Export Failed"), error);
}

bool MainWindow::maybeSave(int index)
{
    auto* view = qobject_cast<DocumentView*>(m_tabs->widget(index));
    if (!view || !view->isModified())
        return true;
    switch (m_unsavedPrompt(tabName(index))) {
    case UnsavedChoice::Save: {
        const TabInfo* tab = info(view);
        if (tab->file.isEmpty() || isResource(tab->file))
            return saveTabWithDialog(index);
        if (saveTabAs(index, tab->file))
            return true;
        QMessageBox::warning(this, tr("Save Failed"), m_lastSaveError);
        return false;
    }
    case UnsavedChoice::Discard:
        return true;
    case UnsavedChoice::Cancel:
        break;
    }
    return false;
}

bool MainWindow::closeTab(int index)
{
    if (index < 0 || index >= m_tabs->count() || !maybeSave(index))
        return false;
    QWidget* page = m_tabs->widget(index);
    if (auto* view = qobject_cast<DocumentView*>(page))
        m_autosave->forget(view); // saved, or its changes discarded: nothing to recover
    const QString file = info(page) ? info(page)->file : QString();
    m_tabs->removeTab(index);
    m_info.remove(page);
    delete page;
    unwatchUnlessOpen(file);
    currentTabChanged();
    return true;
}

bool MainWindow::closeFile()
{
    return closeTab(m_tabs->currentIndex());
}

void MainWindow::openWithDialog()
{
    QSettings settings(settingsOrganization(), settingsApplication());
    QString directory = settings.value(kLastDirectoryKey).toString();
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open BPMN File"), directory,
                                                            tr("BPMN 2.0 files (*.bpmn *.bpmn2 *.xml);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(kLastDirectoryKey, QFileInfo(paths.first()).absolutePath());
    for (const QString& path : paths)
        openFile(path);
}

void MainWindow::reload()
{
    const int index = m_tabs->currentIndex();
    const TabInfo* tab = info(m_tabs->widget(index));
    if (!tab || tab->file.isEmpty() || !maybeSave(index))
        return;
    load(tab->file, index); // replaces the tab in place
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
    for (const QUrl& url : urls)
        if (url.isLocalFile())
            openFile(url.toLocalFile());
}

} // namespace runway::app
