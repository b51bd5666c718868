#include "ProblemsPanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QHeaderView>
#include <QPainter>
#include <QStyle>

namespace runway::app {

namespace {
QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}
} // namespace

ProblemsPanel::ProblemsPanel(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("problemsPanel"));
    setColumnCount(3);
    setHeaderLabels({tr("Location"), tr("Problem"), tr("Code")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setWordWrap(false);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(LocationColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(CodeColumn, QHeaderView::ResizeToContents);

    auto* copy = new QAction(tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &ProblemsPanel::copySelection);
    addAction(copy);
    setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString id = item->data(LocationColumn, ElementIdRole).toString();
        emit elementActivated(id, item->data(LocationColumn, LineRole).toInt());
    });
}

void ProblemsPanel::setDiagnostics(const core::Diagnostics& diagnostics)
{
    m_diagnostics = diagnostics;
    clear();
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    QList<QTreeWidgetItem*> items;
    items.reserve(static_cast<qsizetype>(diagnostics.size()));
    for (const core::Diagnostic& d : diagnostics) {
        // A resource path (":/examples/x.bpmn") and a file path both show by their last part.
        QString where = QFileInfo(qs(d.file)).fileName();
        if (d.line > 0)
            where += QLatin1Char(':') + QString::number(d.line);
        QString message = qs(d.message);
        if (!d.elementId.empty())
            message = QStringLiteral("'%1': %2").arg(qs(d.elementId), message);
        auto* item = new QTreeWidgetItem({where, message, qs(d.code)});
        item->setIcon(LocationColumn, d.isError() ? errorIcon : warningIcon);
        item->setData(LocationColumn, LineRole, d.line);
        item->setData(LocationColumn, ElementIdRole, qs(d.elementId));
        item->setData(LocationColumn, IsErrorRole, d.isError());
        item->setData(LocationColumn, CodeRole, qs(d.code));
        const QString full = qs(d.format());
        item->setToolTip(LocationColumn, full);
        item->setToolTip(MessageColumn, full);
        item->setToolTip(CodeColumn, full);
        // Screen readers hear the severity the icon shows.
        item->setData(LocationColumn, Qt::AccessibleTextRole,
                      (d.isError() ? tr("Error at %1") : tr("Warning at %1")).arg(where));
        items.append(item);
    }
    addTopLevelItems(items);
}

int ProblemsPanel::errorCount() const
{
    return static_cast<int>(std::count_if(m_diagnostics.begin(), m_diagnostics.end(),
                                          [](const core::Diagnostic& d) { return d.isError(); }));
}

int ProblemsPanel::warningCount() const
{
    return static_cast<int>(m_diagnostics.size()) - errorCount();
}

QString ProblemsPanel::toText(bool selectedOnly) const
{
    QStringList lines;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = topLevelItem(i);
        if (selectedOnly && !item->isSelected())
            continue;
        if (static_cast<std::size_t>(i) < m_diagnostics.size())
            lines << qs(m_diagnostics[static_cast<std::size_t>(i)].format());
    }
    return lines.join(QLatin1Char('\n'));
}

void ProblemsPanel::setEmptyText(const QString& text)
{
    m_emptyText = text;
    viewport()->update();
}

void ProblemsPanel::paintEvent(QPaintEvent* event)
{
    QTreeWidget::paintEvent(event);
    if (topLevelItemCount() > 0 || m_emptyText.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
    painter.drawText(viewport()->rect().adjusted(12, 12, -12, -12), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                     m_emptyText);
}

void ProblemsPanel::copySelection() const
{
    const QString text = toText(!selectedItems().isEmpty());
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

} // namespace runway::app
