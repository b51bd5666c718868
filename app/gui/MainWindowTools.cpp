// The editing tools of the main window: the palette dock, Edit > Rename (F2), Edit > Find Element
// (Ctrl+F) and Help > Keyboard Shortcuts.
#include "FindElement.h"
#include "MainWindow.h"
#include "Palette.h"
#include "ShortcutsDialog.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"
#include "runway/modeler/canvas/LabelEditor.h"

#include <QAction>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>

namespace runway::app {

void MainWindow::createEditingTools()
{
    m_palette = new Palette([this] { return currentCanvas(); });
    m_paletteDock = new QDockWidget(tr("Palette"), this);
    m_paletteDock->setObjectName(QStringLiteral("paletteDock"));
    m_paletteDock->setWidget(m_palette);
    addDockWidget(Qt::LeftDockWidgetArea, m_paletteDock);
    if (auto* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu")))
        view->addAction(m_paletteDock->toggleViewAction());

    m_renameAction = new QAction(tr("Re&name"), this);
    m_renameAction->setObjectName(QStringLiteral("renameAction"));
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    // F2 renames only while the focus is on a document (not in a field of a dock).
    m_renameAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_tabs->addAction(m_renameAction);
    connect(m_renameAction, &QAction::triggered, this, [this] {
        modeler::canvas::DiagramCanvas* canvas = currentCanvas();
        auto* labels = canvas ? modeler::canvas::LabelEditor::of(*canvas) : nullptr;
        const QStringList selected = canvas ? canvas->selectedElementIds() : QStringList();
        if (labels && selected.size() == 1)
            labels->open(selected.front());
    });

    m_findAction = new QAction(tr("&Find Element..."), this);
    m_findAction->setObjectName(QStringLiteral("findElementAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, &MainWindow::showFindElement);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_renameAction);
    m_editMenu->addAction(m_findAction);

    m_shortcutsAction = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    if (auto* help = menuBar()->findChild<QMenu*>(QStringLiteral("helpMenu")))
        help->insertAction(help->actions().value(0), m_shortcutsAction);

    // The palette is for documents that can be edited now (not in simulation mode); why an edit
    // was refused (a palette drop outside a pool, a rule) goes to the status bar.
    const auto updatePalette = [this] {
        const modeler::canvas::DocumentView* v = currentView();
        m_palette->setEnabled(v && !v->editor().isReadOnly());
    };
    updatePalette();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, updatePalette] {
        updatePalette();
        modeler::canvas::DocumentView* v = currentView();
        if (!v || v->editor().property("runwayToolsConnected").toBool())
            return;
        v->editor().setProperty("runwayToolsConnected", true);
        connect(&v->editor(), &modeler::canvas::Editor::refused, this,
                [this](const QString& why) { statusBar()->showMessage(why, 8000); });
        connect(&v->editor(), &modeler::canvas::Editor::readOnlyChanged, this, updatePalette);
    });
}

void MainWindow::showFindElement()
{
    if (!m_findElement) {
        m_findElement = new FindElement(this);
        connect(m_findElement, &FindElement::elementChosen, this, [this](const QString& id) {
            if (modeler::canvas::DocumentView* v = currentView())
                v->revealElement(id);
        });
    }
    m_findElement->setDocument(document());
    m_findElement->searchField()->clear();
    m_findElement->show();
    m_findElement->raise();
    m_findElement->activateWindow();
    m_findElement->searchField()->setFocus();
}

void MainWindow::showShortcuts()
{
    auto* dialog = findChild<ShortcutsDialog*>();
    if (!dialog)
        dialog = new ShortcutsDialog(this, this);
    dialog->refresh();
    dialog->show();
    dialog->raise();
}

} // namespace runway::app
