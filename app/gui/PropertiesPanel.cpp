// The properties panel's frame: which element it shows, following the document's changes, the
// editing helper every field goes through, the general fields (id, name, documentation), and the
// read-only "All attributes" tree. The fields of each element type are in PropertiesSections.cpp.
#include "PropertiesPanel.h"

#include "runway/core/Semantics.h"
#include "runway/modeler/canvas/Editor.h"

#include <QApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QScopedValueRollback>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

namespace runway::app {

using modeler::canvas::Editor;

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QTreeWidgetItem* addRow(QTreeWidgetItem* parent, const QString& name, const QString& value)
{
    auto* row = new QTreeWidgetItem(parent, {name, value});
    row->setToolTip(1, value);
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
        row->setText(1, text.left(200));
        row->setToolTip(1, text);
    }
    if (depth < 16) // files are untrusted: a deep tree is shown only so far
        for (const core::Element* child : e->children())
            addForeign(row, child, depth + 1);
}

bool attached(const core::Document& doc, const core::Element* e)
{
    while (e->parent)
        e = e->parent;
    return e == doc.root();
}

/// Sets a line edit's text from the document, keeping the cursor where it was.
void loadText(QLineEdit* edit, const QString& text)
{
    if (edit->text() == text)
        return;
    const int cursor = edit->cursorPosition();
    edit->setText(text);
    edit->setCursorPosition(std::min(cursor, int(text.size())));
}

} // namespace

QString readableType(std::string_view local)
{
    QString out;
    for (const QChar c : qs(local)) {
        if (c.isUpper() && !out.isEmpty())
            out += QLatin1Char(' ') + c.toLower();
        else
            out += out.isEmpty() ? c.toUpper() : c;
    }
    return out;
}

PropertiesPanel::PropertiesPanel(QWidget* parent) : QScrollArea(parent)
{
    setObjectName(QStringLiteral("propertiesPanel"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);

    m_page = new QWidget;
    auto* layout = new QVBoxLayout(m_page);
    layout->setContentsMargins(6, 6, 6, 6);

    m_hint = new QLabel(tr("Select an element on the canvas to see its properties."));
    m_hint->setObjectName(QStringLiteral("propertiesHint"));
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_hint, 1);

    m_header = new QLabel;
    m_header->setObjectName(QStringLiteral("propertiesHeader"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    layout->addWidget(m_header);
    m_readOnlyNote = new QLabel(tr("Read-only while the simulation runs."));
    m_readOnlyNote->setObjectName(QStringLiteral("readOnlyNote"));
    m_readOnlyNote->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_readOnlyNote);

    m_formLayout = new QVBoxLayout;
    m_formLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_formLayout);

    // Platform sections (Camunda fields, ...) are added here by addSection(), below the type's
    // fields and above "All attributes"; they stay for every element.
    m_sections = new QWidget;
    m_sections->setObjectName(QStringLiteral("propertiesSections"));
    m_sectionsLayout = new QVBoxLayout(m_sections);
    m_sectionsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_sections);

    m_attributesTitle = new QLabel(tr("All attributes"));
    QFont bold = m_attributesTitle->font();
    bold.setBold(true);
    m_attributesTitle->setFont(bold);
    layout->addWidget(m_attributesTitle);
    m_attributes = new QTreeWidget;
    m_attributes->setObjectName(QStringLiteral("attributesTree"));
    m_attributes->setColumnCount(2);
    m_attributes->setHeaderLabels({tr("Attribute"), tr("Value")});
    m_attributes->setRootIsDecorated(false); // only with extension elements (loadAttributes)
    m_attributes->setUniformRowHeights(true);
    m_attributes->setAlternatingRowColors(true);
    m_attributes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attributes->setMinimumHeight(160);
    m_attributes->header()->setStretchLastSection(true);
    m_attributes->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    layout->addWidget(m_attributes, 1);

    setWidget(m_page);
    clearForm();
}

PropertiesPanel::~PropertiesPanel()
{
    setEditor(nullptr);
}

void PropertiesPanel::setEditor(Editor* editor)
{
    if (editor == m_editor && (!editor || m_observed == &editor->document()))
        return;
    if (m_editor) {
        m_editor->disconnect(this);
        if (m_observed)
            m_observed->removeObserver(this);
    }
    m_observed = nullptr;
    m_editor = editor;
    if (!editor)
        return;
    m_observed = &editor->document();
    m_observed->addObserver(this);
    // The editor goes before its document (DocumentView owns both): stop observing while it is still there.
    connect(editor, &QObject::destroyed, this, [this] {
        if (m_observed)
            m_observed->removeObserver(this);
        m_observed = nullptr;
        m_elementId.clear();
        clearForm();
    });
    connect(editor, &Editor::readOnlyChanged, this, [this] { updateReadOnly(); });
}

void PropertiesPanel::showElement(Editor* editor, const QString& id)
{
    setEditor(editor);
    core::Element* e = editor && !id.isEmpty() ? editor->element(id) : nullptr;
    if (!e) {
        m_elementId.clear();
        // The canvas drops its selection for a moment while it rebuilds after a change typed here:
        // the field being typed in must survive that, so the form goes a moment later unless the
        // element comes back.
        // The same holds for a field of an added section (the engine settings).
        QWidget* focus = QApplication::focusWidget();
        if (focus && ((m_form && m_form->isAncestorOf(focus)) || m_sections->isAncestorOf(focus))) {
            QTimer::singleShot(0, this, [this, later = QPointer<Editor>(editor)] {
                if (!m_elementId.isEmpty())
                    return;
                clearForm();
                emit elementShown(later, {});
            });
        } else {
            clearForm();
            emit elementShown(editor, {});
        }
        return;
    }
    const bool same = e == m_formFor && shapeKey(e) == m_formKey && m_form;
    m_elementId = id;
    if (same)
        refresh();
    else
        rebuild();
    emit elementShown(editor, id);
}

core::Element* PropertiesPanel::element() const
{
    if (!m_editor || m_elementId.isEmpty())
        return nullptr;
    return m_editor->element(m_elementId);
}

QString PropertiesPanel::shapeKey(const core::Element* e) const
{
    QString key = qs(e->local());
    for (const core::Element* d : core::sem::eventDefinitions(e))
        key += QLatin1Char('|') + qs(d->local());
    if (e->parent)
        key += QLatin1Char('<') + qs(e->parent->local()) + qs(e->parent->attr("triggeredByEvent"));
    if (e->isA(core::BpmnType::Activity) && m_editor) { // a default flow is offered from two outgoing flows
        int outgoing = 0;
        for (const core::Element* f : m_editor->modeling().connectionsOf(e))
            outgoing += f->type == core::BpmnType::SequenceFlow && m_editor->modeling().ends(f).first == e;
        key += outgoing >= 2 ? QStringLiteral("+") : QStringLiteral("-");
    }
    if (e->isA(core::BpmnType::SequenceFlow) && m_editor)
        if (const core::Element* source = m_editor->document().resolve(e->attr("sourceRef")))
            key += QLatin1Char('>') + qs(source->local());
    return key;
}

void PropertiesPanel::clearForm()
{
    m_fields.clear();
    m_values.clear();
    m_formFor = nullptr;
    m_formKey.clear();
    if (QWidget* old = std::exchange(m_form, nullptr)) {
        old->hide(); // its field with the focus says editingFinished now: m_form is null, so it edits nothing
        old->deleteLater(); // it may hold the widget whose signal got us here
    }
    m_attributes->clear();
    m_hint->show();
    m_header->hide();
    m_readOnlyNote->hide();
    m_sections->hide();
    m_attributesTitle->hide();
    m_attributes->hide();
}

void PropertiesPanel::rebuild()
{
    core::Element* e = element();
    clearForm();
    if (!e)
        return;
    m_formFor = e;
    m_formKey = shapeKey(e);
    m_form = new QWidget;
    m_form->setObjectName(QStringLiteral("propertiesForm"));
    auto* layout = new QVBoxLayout(m_form);
    layout->setContentsMargins(0, 0, 0, 0);
    m_formLayout->addWidget(m_form);

    buildGeneral(e);
    buildTimer(e);
    buildCondition(e);
    buildDefaultFlow(e);
    buildEventReference(e);
    buildInterrupting(e);
    buildLoop(e);
    buildCalledElement(e);

    m_form->show(); // now, not when the event loop gets to it: the fields are there for the caller
    m_hint->hide();
    m_header->show();
    m_sections->setVisible(m_sectionsLayout->count() > 0);
    m_attributesTitle->show();
    m_attributes->show();
    refresh();
}

void PropertiesPanel::refresh()
{
    core::Element* e = element();
    if (!e && m_formFor && m_editor && attached(m_editor->document(), m_formFor) && !m_formFor->id().empty()) {
        e = m_formFor; // its id changed (typed here, or undone)
        m_elementId = qs(e->id());
    }
    if (!e) {
        clearForm();
        return;
    }
    if (e != m_formFor || shapeKey(e) != m_formKey) { // a type change, an undone event definition, ...
        rebuild();
        return;
    }
    m_header->setText(QStringLiteral("<b>%1</b> &nbsp;%2").arg(readableType(e->local()), m_elementId.toHtmlEscaped()));
    m_values.clear();
    m_values.insert(QStringLiteral("Id"), m_elementId);
    m_values.insert(QStringLiteral("Type"), qs(e->local()));
    m_values.insert(QStringLiteral("Name"), qs(e->name()));
    const QString documentation = QString::fromStdString(core::sem::documentation(e));
    if (!documentation.isEmpty())
        m_values.insert(QStringLiteral("Documentation"), documentation);
    if (e->line > 0)
        m_values.insert(QStringLiteral("Line"), QString::number(e->line));
    m_values.insert(QStringLiteral("Attributes"), QString::number(e->attrs.size()));
    for (const Field& f : m_fields)
        if (f.widget != m_skip)
            f.load();
    loadAttributes(e);
    updateReadOnly();
}

void PropertiesPanel::documentChanged(const core::ChangeSet&)
{
    if (!m_elementId.isEmpty() || m_formFor)
        refresh();
}

void PropertiesPanel::updateReadOnly()
{
    const bool readOnly = m_editor && m_editor->isReadOnly();
    if (m_form)
        m_form->setEnabled(!readOnly);
    m_sections->setEnabled(!readOnly);
    m_readOnlyNote->setVisible(readOnly && m_form);
}

void PropertiesPanel::loadAttributes(const core::Element* e)
{
    m_attributes->clear();
    QTreeWidgetItem* root = m_attributes->invisibleRootItem();
    if (e->line > 0)
        addRow(root, tr("Line"), QString::number(e->line));
    for (const core::Attribute& a : e->attrs)
        addRow(root, qs(a.qname), qs(a.value));
    for (const core::Element* child : e->children()) {
        if (child->local() != "extensionElements")
            continue;
        auto* group = new QTreeWidgetItem(root, {tr("Extension elements"), {}});
        int extensions = 0;
        for (const core::Element* ext : child->children()) {
            addForeign(group, ext, 0);
            ++extensions;
        }
        group->setText(1, QString::number(extensions));
        group->setExpanded(true);
    }
    m_attributes->setRootIsDecorated(m_attributes->topLevelItemCount() > int(e->attrs.size()) + (e->line > 0));
}

QString PropertiesPanel::value(const QString& name) const
{
    return m_elementId.isEmpty() ? QString() : m_values.value(name);
}

void PropertiesPanel::addSection(QWidget* section)
{
    m_sectionsLayout->addWidget(section);
    m_sections->setVisible(m_form != nullptr);
}

QString PropertiesPanel::edit(QWidget* from, const QString& undoText, const QString& mergeKey,
                              const std::function<core::modeling::Edit(core::modeling::Modeling&)>& op)
{
    // A field of a form being replaced (it loses the focus when another element is selected, and
    // says editingFinished) edits nothing: its element is no longer the one shown.
    if (!m_form || !m_form->isAncestorOf(from))
        return {};
    if (!m_editor || m_editor->isReadOnly())
        return tr("The document is read-only while the simulation runs.");
    // The facade changes the document (and tells the panel) before the step is pushed.
    const QScopedValueRollback<QWidget*> skip(m_skip, from);
    core::modeling::Edit change = op(m_editor->modeling());
    const QString error = QString::fromStdString(change.error);
    m_editor->apply(std::move(change), undoText, mergeKey.isEmpty() ? -1 : Editor::MergeTyping,
                    mergeKey.isEmpty() ? QString() : mergeKey + QLatin1Char(':') + m_elementId);
    return error;
}

void PropertiesPanel::addField(QWidget* widget, std::function<void()> load)
{
    m_fields.push_back({widget, std::move(load)});
}

QFormLayout* PropertiesPanel::addGroup(const QString& title, const QString& objectName)
{
    auto* box = new QGroupBox(title);
    box->setObjectName(objectName);
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->layout()->addWidget(box);
    return form;
}

QLabel* PropertiesPanel::addMessage(QFormLayout* form, const QString& objectName)
{
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    form->addRow(QString(), label);
    return label;
}

void PropertiesPanel::showMessage(QLabel* label, const QString& text, bool error)
{
    label->setText(text);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, error ? QColor(0xc0, 0x1c, 0x28) : label->palette().color(QPalette::PlaceholderText));
    label->setPalette(p);
    label->setProperty("error", error);
    label->setVisible(!text.isEmpty());
}

// ---------------------------------------------------------------- general: id, name, documentation

void PropertiesPanel::buildGeneral(core::Element* e)
{
    QFormLayout* form = addGroup(tr("General"), QStringLiteral("generalGroup"));

    auto* id = new QLineEdit;
    id->setObjectName(QStringLiteral("idEdit"));
    id->setToolTip(tr("Unique in the file: a letter or '_' first, then letters, digits, '_', '-' or '.'. "
                      "References to it are renamed with it."));
    form->addRow(tr("Id"), id);
    QLabel* idMessage = addMessage(form, QStringLiteral("idMessage"));
    // Checked as typed, changed when the field is left (or Return): every reference is renamed.
    connect(id, &QLineEdit::textEdited, this, [this, idMessage](const QString& text) {
        QString problem = QString::fromStdString(core::modeling::idProblem(text.toStdString()));
        if (problem.isEmpty() && text != m_elementId && m_editor && m_editor->element(text))
            problem = tr("the id '%1' is already used in this file").arg(text);
        showMessage(idMessage, problem, true);
    });
    connect(id, &QLineEdit::editingFinished, this, [this, id, idMessage, e] {
        const QString oldId = m_elementId;
        const QString text = id->text();
        core::Element* el = element();
        if (text == oldId || oldId.isEmpty() || el != e || !m_form || !m_form->isAncestorOf(id))
            return; // unchanged, or a field of a form being replaced
        const QString error = edit(id, tr("Change id to %1").arg(text), {}, [&](core::modeling::Modeling& m) {
            return m.setId(el, text.toStdString());
        });
        showMessage(idMessage, error, true);
        if (error.isEmpty() && qs(el->id()) == text) {
            m_elementId = text;
            refresh();
            emit idChanged(oldId, text);
        }
    });
    addField(id, [this, id, idMessage] {
        loadText(id, m_elementId);
        showMessage(idMessage, {}, true);
    });

    auto* name = new QLineEdit;
    name->setObjectName(QStringLiteral("nameEdit"));
    form->addRow(e->type == core::BpmnType::TextAnnotation ? tr("Text") : tr("Name"), name);
    connect(name, &QLineEdit::textEdited, this, [this, name](const QString& text) {
        core::Element* el = element();
        edit(name, tr("Rename"), QStringLiteral("name"),
             [&](core::modeling::Modeling& m) { return m.setName(el, text.toStdString()); });
    });
    addField(name, [this, name] {
        core::Element* el = element();
        const core::Element* text = el->type == core::BpmnType::TextAnnotation
                                        ? el->childOfType(core::BpmnType::Text)
                                        : nullptr;
        loadText(name, text ? QString::fromStdString(text->textContent()) : qs(el->name()));
    });

    if (!e->isBpmn() || e->isA(core::BpmnType::BPMNDiagram))
        return;
    auto* doc = new QPlainTextEdit;
    doc->setObjectName(QStringLiteral("documentationEdit"));
    doc->setTabChangesFocus(true);
    doc->setFixedHeight(doc->fontMetrics().lineSpacing() * 4 + 12);
    form->addRow(tr("Documentation"), doc);
    connect(doc, &QPlainTextEdit::textChanged, this, [this, doc] {
        if (doc->property("loading").toBool())
            return;
        core::Element* el = element();
        const std::string text = doc->toPlainText().toStdString();
        edit(doc, tr("Edit documentation"), QStringLiteral("documentation"),
             [&](core::modeling::Modeling& m) { return m.setDocumentation(el, text); });
    });
    addField(doc, [this, doc] {
        const core::Element* d = element()->childOfType(core::BpmnType::Documentation);
        const QString text = d ? QString::fromStdString(d->textContent()) : QString();
        if (doc->toPlainText() == text)
            return;
        doc->setProperty("loading", true);
        QTextCursor cursor = doc->textCursor();
        const int at = cursor.position();
        doc->setPlainText(text);
        cursor = doc->textCursor();
        cursor.setPosition(std::min(at, int(text.size())));
        doc->setTextCursor(cursor);
        doc->setProperty("loading", false);
    });
}

} // namespace runway::app
