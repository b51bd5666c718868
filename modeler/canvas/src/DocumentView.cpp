#include "runway/modeler/canvas/DocumentView.h"

#include "runway/core/BpmnWriter.h"
#include "runway/core/Di.h"
#include "runway/modeler/canvas/CanvasGesture.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/Editor.h"

#include <QAction>
#include <QSignalBlocker>
#include <QHBoxLayout>
#include <QLabel>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTabBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace runway::modeler::canvas {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool isDiagram(const core::Element* e)
{
    return e->local() == "BPMNDiagram";
}

} // namespace

DocumentView::DocumentView(std::unique_ptr<core::Document> document, const QString& filePath, QWidget* parent)
    : QWidget(parent), m_document(std::move(document)), m_filePath(filePath)
{
    setObjectName(QStringLiteral("documentView"));
    m_editor = std::make_unique<Editor>(*m_document);
    m_document->addObserver(this);
    connect(m_editor->undoStack(), &QUndoStack::cleanChanged, this,
            [this](bool clean) { setModifiedState(!clean || m_changedOutsideStack); });
    for (const core::Element* d : m_document->diagrams())
        m_diagrams.push_back(d);
    m_canvases.assign(m_diagrams.size(), nullptr);

    m_back = new QToolButton;
    m_back->setObjectName(QStringLiteral("backButton"));
    m_back->setAutoRaise(true);
    m_back->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto* backAction = new QAction(QIcon::fromTheme(QStringLiteral("go-previous")), tr("Back"), this);
    backAction->setShortcut(QKeySequence::Back);
    backAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    backAction->setToolTip(tr("Back to the diagram before the last drill-down (%1)")
                               .arg(QKeySequence(QKeySequence::Back).toString(QKeySequence::NativeText)));
    connect(backAction, &QAction::triggered, this, [this] { goBack(); });
    addAction(backAction);
    m_back->setDefaultAction(backAction);
    m_breadcrumb = new QLabel;
    m_breadcrumb->setObjectName(QStringLiteral("breadcrumb"));
    m_breadcrumb->setTextFormat(Qt::PlainText);

    m_tabs = new QTabBar;
    m_tabs->setObjectName(QStringLiteral("diagramTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setExpanding(false);
    m_tabs->setShape(QTabBar::RoundedSouth); // under the canvas, as sheets in a workbook
    for (int i = 0; i < diagramCount(); ++i)
        m_tabs->addTab(diagramTitle(i));
    m_tabs->setVisible(diagramCount() > 1);

    m_stack = new QStackedWidget;
    m_empty = new QLabel(tr("This file has no diagram to show: it holds the model only. The outline shows what is "
                            "in it."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 0, 4, 0);
    bar->addWidget(m_back);
    bar->addWidget(m_breadcrumb, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_tabs);

    connect(m_tabs, &QTabBar::currentChanged, this, [this](int i) {
        if (!m_navigating)
            m_history.clear(); // the user chose a tab: the way back from a drill-down no longer applies
        if (i >= 0)
            showDiagram(i);
    });
    if (diagramCount() > 0)
        showDiagram(0);
    updateBreadcrumb();
}

DocumentView::~DocumentView()
{
    m_document->removeObserver(this);
    // Canvases refer to the document and the painter; they go before both.
    for (DiagramCanvas* c : m_canvases)
        delete c;
    m_editor.reset(); // its undo stack refers to the document
}

void DocumentView::setModified(bool modified)
{
    if (modified) {
        m_changedOutsideStack = true;
    } else {
        m_changedOutsideStack = false;
        m_editor->undoStack()->setClean();
    }
    setModifiedState(modified);
}

void DocumentView::setModifiedState(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

bool DocumentView::saveAs(const QString& path, QString* error)
{
    const std::string xml = core::BpmnWriter::toString(*m_document);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2. Choose another folder or file name.").arg(path, file.errorString());
        return false;
    }
    if (file.write(xml.data(), qint64(xml.size())) != qint64(xml.size()) || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2. The file was left as it was; free some space or choose another "
                        "place.")
                         .arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    m_filePath = path;
    m_document->setFileName(path.toStdString());
    setModified(false);
    return true;
}

int DocumentView::currentDiagram() const
{
    return diagramCount() == 0 ? -1 : m_tabs->currentIndex();
}

QString DocumentView::diagramTitle(int i) const
{
    const core::Element* d = diagramAt(i);
    if (!d->name().empty())
        return qs(d->name());
    if (const core::Element* shown = core::di::planeElement(*m_document, d); shown && !shown->name().empty())
        return qs(shown->name());
    if (!d->id().empty())
        return qs(d->id());
    return tr("Diagram %1").arg(i + 1);
}

DiagramCanvas* DocumentView::canvasFor(int i)
{
    if (!m_canvases[std::size_t(i)]) {
        auto* canvas = new DiagramCanvas(*m_document, diagramAt(i), m_painter);
        canvas->setEditor(m_editor.get());
        installEditingGestures(*canvas);
        canvas->setProblems(m_problems);
        connect(canvas, &DiagramCanvas::selectedElementChanged, this, &DocumentView::selectedElementChanged);
        connect(canvas, &DiagramCanvas::zoomChanged, this, &DocumentView::zoomChanged);
        connect(canvas, &DiagramCanvas::elementActivated, this, [this](const QString& id) { drillDown(id); });
        m_stack->addWidget(canvas);
        m_canvases[std::size_t(i)] = canvas;
        // The canvas fits the diagram to its size until the user zooms or pans.
        canvas->resize(m_stack->size());
    }
    return m_canvases[std::size_t(i)];
}

void DocumentView::showDiagram(int i)
{
    if (i < 0 || i >= diagramCount())
        return;
    DiagramCanvas* canvas = canvasFor(i);
    const bool changed = m_stack->currentWidget() != canvas;
    m_stack->setCurrentWidget(canvas);
    if (m_tabs->currentIndex() != i) {
        const bool navigating = m_navigating;
        m_navigating = true;
        m_tabs->setCurrentIndex(i); // re-enters through currentChanged, then does nothing
        m_navigating = navigating;
    }
    updateBreadcrumb();
    if (changed) {
        emit currentDiagramChanged(i);
        emit selectedElementChanged(canvas->selectedElementId());
    }
}

DiagramCanvas* DocumentView::currentCanvas() const
{
    return qobject_cast<DiagramCanvas*>(m_stack->currentWidget());
}

int DocumentView::planeDiagramOf(const QString& id) const
{
    const std::string key = id.toStdString();
    for (int i = 0; i < diagramCount(); ++i)
        if (const core::Element* shown = core::di::planeElement(*m_document, diagramAt(i)); shown && shown->id() == key)
            return i;
    return -1;
}

bool DocumentView::drillDown(const QString& id)
{
    const int target = planeDiagramOf(id);
    const int from = currentDiagram();
    if (target < 0 || target == from)
        return false;
    m_history.push_back(from);
    showDiagram(target);
    return true;
}

bool DocumentView::goBack()
{
    if (m_history.empty())
        return false;
    const int to = m_history.back();
    m_history.pop_back();
    showDiagram(to);
    return true;
}

void DocumentView::updateBreadcrumb()
{
    QStringList path;
    for (int i : m_history)
        path << diagramTitle(i);
    if (currentDiagram() >= 0)
        path << diagramTitle(currentDiagram());
    m_breadcrumb->setText(path.join(QStringLiteral(" \u25b8 ")));
    m_back->setVisible(canGoBack());
    m_breadcrumb->setVisible(canGoBack());
    m_back->defaultAction()->setEnabled(canGoBack());
}

bool DocumentView::revealElement(const QString& id)
{
    if (DiagramCanvas* c = currentCanvas(); c && c->showsElement(id))
        return c->selectElement(id);
    const std::string key = id.toStdString();
    for (const core::Element* di : m_document->diFor(key)) {
        const core::Element* up = di;
        while (up && !isDiagram(up))
            up = up->parent;
        for (int i = 0; up && i < diagramCount(); ++i) {
            if (diagramAt(i) != up)
                continue;
            showDiagram(i);
            if (currentCanvas()->selectElement(id))
                return true;
        }
    }
    return false;
}

QString DocumentView::selectedElementId() const
{
    const DiagramCanvas* c = currentCanvas();
    return c ? c->selectedElementId() : QString();
}

void DocumentView::setProblems(const core::Diagnostics& diagnostics)
{
    m_problems = diagnostics;
    for (DiagramCanvas* c : m_canvases)
        if (c)
            c->setProblems(diagnostics);
}

void DocumentView::resetDiagrams()
{
    const int current = currentDiagram();
    const QSignalBlocker block(m_tabs);
    while (m_tabs->count() > 0)
        m_tabs->removeTab(0);
    for (DiagramCanvas* c : m_canvases)
        if (c) {
            // Later: the edit that replaced the diagrams may come from this canvas's own gesture.
            m_stack->removeWidget(c);
            c->hide();
            c->deleteLater();
        }
    m_history.clear();
    m_diagrams.clear();
    for (const core::Element* d : m_document->diagrams())
        m_diagrams.push_back(d);
    m_canvases.assign(m_diagrams.size(), nullptr);
    for (int i = 0; i < diagramCount(); ++i)
        m_tabs->addTab(diagramTitle(i));
    m_tabs->setVisible(diagramCount() > 1);
    if (diagramCount() > 0) {
        const int i = std::clamp(current, 0, diagramCount() - 1);
        m_tabs->setCurrentIndex(i);
        showDiagram(i); // tells currentDiagramChanged
    } else {
        m_stack->setCurrentWidget(m_empty);
        emit currentDiagramChanged(-1);
    }
    updateBreadcrumb();
}

void DocumentView::documentChanged(const core::ChangeSet& changes)
{
    // Diagrams that came or went (auto-layout replaces them all): the tabs and canvases follow.
    for (const core::Change& c : changes.changes)
        if ((c.kind == core::Change::Kind::Inserted || c.kind == core::Change::Kind::Removed) &&
            c.element->type == core::BpmnType::BPMNDiagram) {
            resetDiagrams();
            emit contentChanged();
            return;
        }
    for (DiagramCanvas* c : m_canvases)
        if (c)
            c->applyChanges(changes);
    // The modified mark follows the undo stack (cleanChanged): every change goes through the
    // Editor, so undoing back to the saved state makes the document unmodified again.
    emit contentChanged();
}

} // namespace runway::modeler::canvas
