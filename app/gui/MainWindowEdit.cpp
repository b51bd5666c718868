// The Edit menu's editing actions (after Undo and Redo): Cut, Copy, Paste, Duplicate, Delete,
// Select All, Align, Distribute and Auto-Layout. Each works on the current tab's canvas through its
// Editor (one undo step each); the ones that change the document are disabled while the editor is
// read-only (simulation mode). Their shortcuts act while the focus is in the documents' area, so a
// text field of the properties panel keeps Ctrl+C, Delete and the others for itself.
#include "MainWindow.h"

#include "runway/core/modeling/Layout.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoGroup>

namespace runway::app {

using modeler::canvas::DiagramCanvas;
using modeler::canvas::DocumentView;

void MainWindow::addEditActions(QMenu* edit)
{
    auto add = [&](QMenu* menu, const QString& text, const char* name, auto run, QKeySequence key = {},
                   bool changes = true) {
        auto* a = new QAction(text, this);
        a->setObjectName(QLatin1String(name));
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            m_tabs->addAction(a); // the shortcut acts while the focus is in a document
        }
        connect(a, &QAction::triggered, this, [this, run] {
            if (DiagramCanvas* c = currentCanvas())
                run(c);
        });
        menu->addAction(a);
        (changes ? m_editChangeActions : m_editOtherActions) << a;
        return a;
    };
    using core::modeling::Alignment;
    using core::modeling::Axis;

    edit->addSeparator();
    add(edit, tr("Cu&t"), "cutAction", [](DiagramCanvas* c) { c->cutSelection(); }, QKeySequence::Cut);
    add(edit, tr("&Copy"), "copyAction", [](DiagramCanvas* c) { c->copySelection(); }, QKeySequence::Copy, false);
    add(edit, tr("&Paste"), "pasteAction", [](DiagramCanvas* c) { c->pasteClipboard(); }, QKeySequence::Paste);
    add(edit, tr("D&uplicate"), "duplicateAction", [](DiagramCanvas* c) { c->duplicateSelection(); },
        QKeySequence(Qt::CTRL | Qt::Key_D));
    add(edit, tr("&Delete"), "deleteAction", [](DiagramCanvas* c) { c->deleteSelection(); }, QKeySequence::Delete);
    edit->addSeparator();
    add(edit, tr("Select &All"), "selectAllAction", [](DiagramCanvas* c) { c->selectAll(); }, QKeySequence::SelectAll,
        false);
    edit->addSeparator();

    QMenu* align = edit->addMenu(tr("A&lign"));
    align->setObjectName(QStringLiteral("alignMenu"));
    struct Way {
        QString text;
        const char* name;
        Alignment how;
    };
    const Way ways[] = {{tr("&Left"), "alignLeftAction", Alignment::Left},
                        {tr("&Center"), "alignCenterAction", Alignment::Center},
                        {tr("&Right"), "alignRightAction", Alignment::Right},
                        {tr("&Top"), "alignTopAction", Alignment::Top},
                        {tr("&Middle"), "alignMiddleAction", Alignment::Middle},
                        {tr("&Bottom"), "alignBottomAction", Alignment::Bottom}};
    for (const Way& w : ways) {
        if (w.how == Alignment::Top)
            align->addSeparator();
        const Alignment how = w.how;
        add(align, w.text, w.name, [how](DiagramCanvas* c) { c->alignSelection(how); });
    }
    QMenu* distribute = edit->addMenu(tr("Dis&tribute"));
    distribute->setObjectName(QStringLiteral("distributeMenu"));
    add(distribute, tr("&Horizontally"), "distributeHorizontallyAction",
        [](DiagramCanvas* c) { c->distributeSelection(Axis::Horizontal); });
    add(distribute, tr("&Vertically"), "distributeVerticallyAction",
        [](DiagramCanvas* c) { c->distributeSelection(Axis::Vertical); });
    edit->addSeparator();

    auto* layout = new QAction(tr("Auto-La&yout"), this);
    layout->setObjectName(QStringLiteral("autoLayoutAction"));
    layout->setStatusTip(tr("Lay the whole document out afresh, left to right (one undo step)"));
    connect(layout, &QAction::triggered, this, [this] {
        DocumentView* v = currentView();
        if (!v || v->editor().isReadOnly())
            return;
        modeler::canvas::Editor& ed = v->editor();
        ed.apply(core::modeling::autoLayout(ed.modeling()), tr("Auto-Layout"));
    });
    edit->addAction(layout);
    m_editChangeActions << layout;

    connect(edit, &QMenu::aboutToShow, this, &MainWindow::updateEditActions);
    connect(m_undoGroup, &QUndoGroup::activeStackChanged, this, [this] {
        // Follow the read-only state of the current document's editor.
        disconnect(m_editReadOnlyConnection);
        if (DocumentView* v = currentView())
            m_editReadOnlyConnection = connect(&v->editor(), &modeler::canvas::Editor::readOnlyChanged, this,
                                               &MainWindow::updateEditActions);
        updateEditActions();
    });
    updateEditActions();
}

void MainWindow::updateEditActions()
{
    DocumentView* v = currentView();
    const bool canvas = v && v->currentCanvas();
    const bool writable = v && !v->editor().isReadOnly();
    for (QAction* a : std::as_const(m_editChangeActions)) // auto-layout also draws a model without a diagram
        a->setEnabled(writable && (canvas || a->objectName() == QLatin1String("autoLayoutAction")));
    for (QAction* a : std::as_const(m_editOtherActions))
        a->setEnabled(canvas);
}

} // namespace runway::app
