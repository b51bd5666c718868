#include "PlatformFieldsEditor.h"

#include "runway/modeler/canvas/Editor.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace runway::app {

using core::deploy::Engine;
using core::deploy::Platform;
using core::modeling::FieldKind;
using core::modeling::FieldSpec;
using core::modeling::FieldValue;
using modeler::canvas::Editor;

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString choiceText(std::string_view choice)
{
    if (choice.empty())
        return PlatformFieldsEditor::tr("(none)");
    if (choice == "class")
        return PlatformFieldsEditor::tr("Java class");
    if (choice == "expression")
        return PlatformFieldsEditor::tr("Expression");
    if (choice == "delegateExpression")
        return PlatformFieldsEditor::tr("Delegate expression");
    if (choice == "external")
        return PlatformFieldsEditor::tr("External (topic)");
    return qs(choice);
}

} // namespace

PlatformFieldsEditor::PlatformFieldsEditor(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel;
    m_heading->setObjectName(QStringLiteral("platformHeading"));
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);
    auto* formHolder = new QWidget;
    m_form = new QFormLayout(formHolder);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addWidget(formHolder);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("platformError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    layout->addWidget(m_error);
    layout->addStretch(1);
    setElement(nullptr, nullptr);
}

PlatformFieldsEditor::~PlatformFieldsEditor() = default;

void PlatformFieldsEditor::setElement(Editor* editor, core::Element* element)
{
    // The same element again (the canvas re-selects it after a change typed here): keep the
    // widgets, so the field being typed in keeps its focus and cursor.
    if (editor && element && editor == m_editor && qs(element->id()) == m_elementId && !m_rows.empty()) {
        refresh();
        return;
    }
    for (const auto& c : std::as_const(m_editorConnections))
        disconnect(c);
    m_editorConnections.clear();
    m_editor = editor;
    m_elementId = element && editor ? qs(element->id()) : QString();
    if (m_editor) {
        // Every change of the document goes through the undo stack: pushes, undo and redo.
        m_editorConnections << connect(m_editor->undoStack(), &QUndoStack::indexChanged, this,
                                       &PlatformFieldsEditor::refresh);
        m_editorConnections << connect(m_editor, &Editor::readOnlyChanged, this, &PlatformFieldsEditor::updateReadOnly);
    }
    m_error->clear();
    m_error->hide();
    rebuild();
}

core::Element* PlatformFieldsEditor::element() const
{
    return m_editor ? m_editor->element(m_elementId) : nullptr;
}

QStringList PlatformFieldsEditor::fieldKeys() const
{
    QStringList keys;
    for (const Row& r : m_rows)
        keys << qs(r.spec->key);
    return keys;
}

QWidget* PlatformFieldsEditor::fieldWidget(const QString& key) const
{
    for (const Row& r : m_rows)
        if (qs(r.spec->key) == key)
            return r.widget;
    return nullptr;
}

QString PlatformFieldsEditor::lastError() const
{
    return m_error->text();
}

void PlatformFieldsEditor::clearForm()
{
    m_rows.clear();
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
}

void PlatformFieldsEditor::rebuild()
{
    clearForm();
    core::Element* el = element();
    if (!el) {
        m_engine = Engine::Bpmn;
        m_heading->setText(tr("Select an element to see its engine settings."));
        return;
    }
    const Platform platform = Platform::ofDocument(m_editor->document());
    m_engine = platform.engine;
    if (m_engine == Engine::Bpmn) {
        m_heading->setText(tr("The file is plain BPMN. Choose File > Execution Platform\u2026 to target Camunda 8 or "
                              "Camunda 7 and edit the engine settings."));
        return;
    }
    const auto fields = core::modeling::platformFields(el, m_engine);
    const QString engineName = qs(platform.displayName());
    m_heading->setText(fields.empty() ? tr("This element has no %1 settings.").arg(engineName)
                                      : tr("%1 settings").arg(engineName));
    std::string_view group;
    for (const FieldSpec* spec : fields) {
        if (spec->group != group) {
            group = spec->group;
            auto* heading = new QLabel(QStringLiteral("<b>%1</b>").arg(qs(group).toHtmlEscaped()));
            m_form->addRow(heading);
        }
        Row row;
        row.spec = spec;
        row.widget = createWidget(*spec);
        row.container = row.widget;
        if (spec->kind == FieldKind::KeyValueList) {
            row.container = row.widget->parentWidget();
            m_form->addRow(row.container);
        } else if (spec->kind == FieldKind::Bool) {
            m_form->addRow(QString(), row.widget);
        } else {
            m_form->addRow(qs(spec->label), row.widget);
        }
        m_rows.push_back(row);
        showValue(row, core::modeling::readPlatformField(m_editor->document(), el, spec->key));
    }
    updateReadOnly();
}

QWidget* PlatformFieldsEditor::createWidget(const FieldSpec& spec)
{
    const QString key = qs(spec.key);
    const QString tip = tr("Stored as %1").arg(qs(spec.storage));
    QWidget* w = nullptr;
    switch (spec.kind) {
    case FieldKind::Text:
    case FieldKind::Feel:
    case FieldKind::Integer: {
        auto* edit = new QLineEdit;
        if (spec.kind == FieldKind::Feel)
            edit->setPlaceholderText(tr("=FEEL expression"));
        else if (spec.kind == FieldKind::Integer)
            edit->setPlaceholderText(spec.defaultValue.empty() ? tr("a whole number") : qs(spec.defaultValue));
        connect(edit, &QLineEdit::textEdited, this, [this, s = &spec](const QString& text) {
            FieldValue v;
            v.text = text.toStdString();
            commit(*s, v, true);
        });
        w = edit;
        break;
    }
    case FieldKind::Bool: {
        auto* box = new QCheckBox(qs(spec.label));
        connect(box, &QCheckBox::clicked, this, [this, s = &spec](bool on) {
            FieldValue v;
            v.text = on ? "true" : "false";
            commit(*s, v, false);
        });
        w = box;
        break;
    }
    case FieldKind::Choice: {
        auto* combo = new QComboBox;
        for (std::string_view c : spec.choices)
            combo->addItem(choiceText(c), qs(c));
        connect(combo, &QComboBox::activated, this, [this, s = &spec, combo](int index) {
            FieldValue v;
            v.text = combo->itemData(index).toString().toStdString();
            commit(*s, v, false);
        });
        w = combo;
        break;
    }
    case FieldKind::KeyValueList: {
        auto* holder = new QWidget;
        auto* box = new QVBoxLayout(holder);
        box->setContentsMargins(0, 0, 0, 0);
        auto* table = new QTableWidget(0, 2, holder);
        table->setHorizontalHeaderLabels({qs(spec.keyLabel), qs(spec.valueLabel)});
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        table->verticalHeader()->hide();
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setSelectionMode(QAbstractItemView::SingleSelection);
        table->setMinimumHeight(90);
        connect(table, &QTableWidget::itemChanged, this, [this, s = &spec, table] {
            if (!m_refreshing)
                commit(*s, tableValue(table), false);
        });
        auto* buttons = new QHBoxLayout;
        auto* add = new QPushButton(tr("Add"));
        add->setObjectName(key + QStringLiteral("/add"));
        auto* remove = new QPushButton(tr("Remove"));
        remove->setObjectName(key + QStringLiteral("/remove"));
        connect(add, &QPushButton::clicked, this, [this, s = &spec, table] {
            FieldValue v = tableValue(table);
            v.rows.emplace_back();
            commit(*s, v, false);
            if (table->rowCount() == static_cast<int>(v.rows.size()))
                table->editItem(table->item(table->rowCount() - 1, 0));
        });
        connect(remove, &QPushButton::clicked, this, [this, s = &spec, table] {
            const int row = table->currentRow();
            FieldValue v = tableValue(table);
            if (row < 0 || row >= static_cast<int>(v.rows.size()))
                return;
            v.rows.erase(v.rows.begin() + row);
            commit(*s, v, false);
        });
        buttons->addWidget(add);
        buttons->addWidget(remove);
        buttons->addStretch(1);
        box->addWidget(table);
        box->addLayout(buttons);
        table->setAccessibleName(qs(spec.label)); // the group heading above shows the same
        w = table;
        break;
    }
    }
    w->setObjectName(key);
    w->setToolTip(tip);
    return w;
}

FieldValue PlatformFieldsEditor::tableValue(const QTableWidget* table) const
{
    FieldValue v;
    for (int r = 0; r < table->rowCount(); ++r) {
        auto cell = [&](int c) { return table->item(r, c) ? table->item(r, c)->text().toStdString() : std::string(); };
        v.rows.emplace_back(cell(0), cell(1));
    }
    return v;
}

void PlatformFieldsEditor::showValue(const Row& row, const FieldValue& value)
{
    const QString text = QString::fromStdString(value.text);
    if (auto* edit = qobject_cast<QLineEdit*>(row.widget)) {
        if (edit->text() != text)
            edit->setText(text); // keeps focus: the widget is not rebuilt
    } else if (auto* box = qobject_cast<QCheckBox*>(row.widget)) {
        box->setChecked(value.text == "true");
    } else if (auto* combo = qobject_cast<QComboBox*>(row.widget)) {
        const int i = combo->findData(text);
        if (i >= 0)
            combo->setCurrentIndex(i);
    } else if (auto* table = qobject_cast<QTableWidget*>(row.widget)) {
        // A cell being edited has its editor (a child of the viewport) focused: left alone.
        const QWidget* focus = QApplication::focusWidget();
        if ((focus && table->viewport()->isAncestorOf(focus)) || tableValue(table) == value)
            return;
        m_refreshing = true;
        table->setRowCount(static_cast<int>(value.rows.size()));
        for (int r = 0; r < static_cast<int>(value.rows.size()); ++r) {
            table->setItem(r, 0, new QTableWidgetItem(QString::fromStdString(value.rows[r].first)));
            table->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(value.rows[r].second)));
        }
        m_refreshing = false;
    }
}

void PlatformFieldsEditor::refresh()
{
    core::Element* el = element();
    Engine engine = Engine::Bpmn;
    std::vector<const FieldSpec*> fields;
    if (el) {
        engine = Platform::ofDocument(m_editor->document()).engine;
        fields = core::modeling::platformFields(el, engine);
    }
    bool same = el && engine == m_engine && fields.size() == m_rows.size();
    for (std::size_t i = 0; same && i < fields.size(); ++i)
        same = fields[i] == m_rows[i].spec;
    if (!same) {
        rebuild();
        return;
    }
    for (const Row& row : m_rows)
        showValue(row, core::modeling::readPlatformField(m_editor->document(), el, row.spec->key));
}

void PlatformFieldsEditor::commit(const FieldSpec& spec, const FieldValue& value, bool typing)
{
    core::Element* el = element();
    if (!m_editor || !el)
        return;
    QString error;
    bool ok = false;
    if (m_editor->isReadOnly()) {
        error = tr("The model cannot be changed while the simulation runs.");
    } else {
        core::modeling::Edit edit = core::modeling::writePlatformField(m_editor->modeling(), el, spec.key, value);
        error = QString::fromStdString(edit.error);
        ok = m_editor->apply(std::move(edit), tr("Set %1").arg(qs(spec.label)), typing ? Editor::MergeTyping : -1,
                             qs(spec.key) + QLatin1Char(':') + m_elementId);
    }
    m_error->setText(ok ? QString() : error);
    m_error->setVisible(!ok);
    // A refused typed value stays in its field, with the reason below; anything else shows the
    // document as it is.
    if (ok || !typing)
        refresh();
}

void PlatformFieldsEditor::updateReadOnly()
{
    const bool readOnly = !m_editor || m_editor->isReadOnly();
    for (const Row& row : m_rows)
        row.container->setEnabled(!readOnly);
}

} // namespace runway::app
