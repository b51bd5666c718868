#include "PropertiesPanel.h"

#include "runway/core/Semantics.h"

#include <QHeaderView>
#include <QPainter>

namespace runway::app {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QTreeWidgetItem* addRow(QTreeWidgetItem* parent, const QString& name, const QString& value)
{
    auto* row = new QTreeWidgetItem(parent, {name, value});
    row->setToolTip(PropertiesPanel::ValueColumn, value);
    return row;
}

/// An extension element, its attributes and its text, and the same for its children.
void addForeign(QTreeWidgetItem* parent, const core::Element* e, int depth)
{
    auto* row = new QTreeWidgetItem(parent, {qs(e->qname), {}});
    for (const core::Attribute& a : e->attrs)
        addRow(row, QStringLiteral("@") + qs(a.qname), qs(a.value));
    const QString text = QString::fromStdString(e->textContent()).trimmed();
    if (!text.isEmpty()) {
        row->setText(PropertiesPanel::ValueColumn, text.left(200));
        row->setToolTip(PropertiesPanel::ValueColumn, text);
    }
    if (depth < 16) // files are untrusted: a deep tree is shown only so far
        for (const core::Element* child : e->children())
            addForeign(row, child, depth + 1);
}

} // namespace

PropertiesPanel::PropertiesPanel(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("propertiesPanel"));
    setColumnCount(2);
    setHeaderLabels({tr("Property"), tr("Value")});
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setEditTriggers(NoEditTriggers);
    setSelectionMode(SingleSelection);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
}

void PropertiesPanel::showElement(const core::Document* doc, const core::Element* element)
{
    clear();
    m_elementId.clear();
    if (!doc || !element) {
        viewport()->update();
        return;
    }
    m_elementId = qs(element->id());
    QTreeWidgetItem* root = invisibleRootItem();
    addRow(root, tr("Id"), m_elementId);
    addRow(root, tr("Type"), qs(element->local()));
    addRow(root, tr("Name"), qs(element->name()));
    const QString documentation = QString::fromStdString(core::sem::documentation(element));
    if (!documentation.isEmpty())
        addRow(root, tr("Documentation"), documentation);
    if (element->line > 0)
        addRow(root, tr("Line"), QString::number(element->line));

    auto* attributes = new QTreeWidgetItem(root, {tr("Attributes"), QString::number(element->attrs.size())});
    for (const core::Attribute& a : element->attrs)
        addRow(attributes, qs(a.qname), qs(a.value));
    attributes->setExpanded(true);

    int extensions = 0;
    for (const core::Element* child : element->children()) {
        if (child->local() != "extensionElements")
            continue;
        auto* group = new QTreeWidgetItem(root, {tr("Extension elements"), {}});
        for (const core::Element* ext : child->children()) {
            addForeign(group, ext, 0);
            ++extensions;
        }
        group->setText(ValueColumn, QString::number(extensions));
        group->setExpanded(true);
    }
}

QString PropertiesPanel::value(const QString& name) const
{
    for (int i = 0; i < topLevelItemCount(); ++i)
        if (topLevelItem(i)->text(NameColumn) == name)
            return topLevelItem(i)->text(ValueColumn);
    return {};
}

void PropertiesPanel::paintEvent(QPaintEvent* event)
{
    QTreeWidget::paintEvent(event);
    if (topLevelItemCount() > 0)
        return;
    QPainter p(viewport());
    p.setPen(palette().color(QPalette::Disabled, QPalette::Text));
    p.drawText(viewport()->rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
               tr("Select an element on the canvas to see its properties."));
}

} // namespace runway::app
