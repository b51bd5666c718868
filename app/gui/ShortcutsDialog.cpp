#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace runway::app {

namespace {

QString plain(QString text)
{
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("...")))
        text.chop(3);
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text;
}

QString shortcutText(const QAction* a)
{
    QStringList keys;
    for (const QKeySequence& k : a->shortcuts())
        keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

// Adds the menu's actions that have shortcuts (and its submenus') under a group named after it.
void addMenu(QTreeWidget* table, QTreeWidgetItem* group, const QMenu* menu, QSet<const QAction*>& seen)
{
    for (QAction* a : menu->actions()) {
        if (a->menu()) {
            addMenu(table, group, a->menu(), seen);
            continue;
        }
        if (a->isSeparator() || a->shortcuts().isEmpty() || seen.contains(a))
            continue;
        seen.insert(a);
        new QTreeWidgetItem(group, {plain(a->text()), shortcutText(a)});
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QMainWindow* window, QWidget* parent)
    : QDialog(parent), m_window(window), m_table(new QTreeWidget)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_table->setColumnCount(2);
    m_table->setHeaderLabels({tr("Command"), tr("Shortcut")});
    m_table->setRootIsDecorated(false);
    m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(460, 520);
    refresh();
}

void ShortcutsDialog::refresh()
{
    m_table->clear();
    QSet<const QAction*> seen;
    for (QAction* top : m_window->menuBar()->actions()) {
        if (!top->menu())
            continue;
        auto* group = new QTreeWidgetItem(m_table, {plain(top->text())});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        addMenu(m_table, group, top->menu(), seen);
        if (group->childCount() == 0)
            delete group;
    }
    // Actions of the window that no menu shows (keyboard-only commands).
    QTreeWidgetItem* other = nullptr;
    for (QAction* a : m_window->findChildren<QAction*>()) {
        if (a->shortcuts().isEmpty() || seen.contains(a) || a->menu())
            continue;
        seen.insert(a);
        if (!other)
            other = new QTreeWidgetItem(m_table, {tr("Other")});
        new QTreeWidgetItem(other, {plain(a->text()), shortcutText(a)});
    }
    m_table->expandAll();
    m_table->resizeColumnToContents(1);
}

} // namespace runway::app
