#include "runway/modeler/canvas/LabelEditor.h"

#include "GestureSupport.h"
#include "runway/core/Di.h"
#include "runway/core/modeling/Modeling.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPlainTextEdit>

namespace runway::modeler::canvas {

using notation::Symbol;

namespace {

enum class LabelKind { None, External, Inside };

LabelKind labelKind(const notation::NotationItem& item)
{
    switch (item.symbol) {
    case Symbol::Event:
    case Symbol::Gateway:
    case Symbol::DataObject:
    case Symbol::DataStore:
    case Symbol::SequenceFlow:
    case Symbol::MessageFlow: return LabelKind::External;
    case Symbol::Activity:
    case Symbol::Participant:
    case Symbol::Lane:
    case Symbol::TextAnnotation: return LabelKind::Inside;
    default: return LabelKind::None;
    }
}

const notation::NotationPainter& layoutPainter()
{
    static const notation::NotationPainter painter;
    return painter;
}

/// Where the editor goes, in scene coordinates: over the label as drawn, or where it would be drawn.
QRectF labelRect(const notation::NotationItem& item, LabelKind kind)
{
    QRectF r = layoutPainter().labelLayout(item).rect;
    if (kind == LabelKind::Inside) {
        // Names inside shapes get the shape's room (pools and lanes: their header band).
        if (item.symbol == Symbol::Participant || item.symbol == Symbol::Lane)
            return item.horizontal
                       ? QRectF(item.bounds.left(), item.bounds.top(), 150, std::min(item.bounds.height(), 80.0))
                       : QRectF(item.bounds.left(), item.bounds.top(), item.bounds.width(), 30);
        return item.bounds.adjusted(2, 2, -2, -2);
    }
    if (r.isEmpty()) {
        const QPointF anchor = item.isEdge() ? item.waypoints.boundingRect().center()
                                             : QPointF(item.bounds.center().x(), item.bounds.bottom() + 14);
        r = QRectF(anchor.x() - 50, anchor.y() - 10, 100, 20);
    }
    if (r.width() < 100)
        r.adjust(-(100 - r.width()) / 2, 0, (100 - r.width()) / 2, 0);
    return r;
}

/// A collapsed sub-process (or call activity) that has a plane of its own: a double-click drills down.
bool drillsDown(const DiagramCanvas& canvas, const notation::NotationItem& item)
{
    if (item.symbol != Symbol::Activity || item.expanded || item.activityKind == notation::ActivityKind::Task ||
        !canvas.editor())
        return false;
    const core::Document& doc = canvas.editor()->document();
    for (const core::Element* d : doc.diFor(item.id.toStdString()))
        if (d->type == core::BpmnType::BPMNPlane)
            return true;
    return false;
}

} // namespace

/// The editor's keys and focus: Enter commits, Escape cancels, leaving commits.
class LabelEditorFilter : public QObject {
public:
    explicit LabelEditorFilter(LabelEditor& owner) : m_owner(owner) {}
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::KeyPress) {
            auto* key = static_cast<QKeyEvent*>(event);
            const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
            if (key->key() == Qt::Key_Escape) {
                m_owner.close(false);
                return true;
            }
            if (enter && !(key->modifiers() & Qt::ShiftModifier)) {
                m_owner.close(true);
                return true;
            }
        } else if (event->type() == QEvent::FocusOut) {
            m_owner.close(true);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    LabelEditor& m_owner;
};

LabelEditor::LabelEditor(DiagramCanvas& canvas) : CanvasGesture(canvas)
{
}

LabelEditor::~LabelEditor()
{
    m_closing = true; // the canvas (and the editor, its child) are going: nothing to commit into
    delete m_editor.data();
    delete m_filter;
}

LabelEditor* LabelEditor::of(const DiagramCanvas& canvas)
{
    for (const auto& g : canvas.gestures())
        if (auto* l = dynamic_cast<LabelEditor*>(g.get()))
            return l;
    return nullptr;
}

bool LabelEditor::open(const QString& id)
{
    if (isOpen())
        close(true);
    const ElementItem* item = canvas().itemFor(id);
    core::Element* element = support::element(canvas(), id);
    if (!item || !element || !support::canEdit(canvas()))
        return false;
    const LabelKind kind = labelKind(item->item());
    if (kind == LabelKind::None)
        return false;
    // The text as the model has it (a text annotation's text is its label).
    const QString current = item->item().label;
    QRect where = canvas().mapFromScene(labelRect(item->item(), kind)).boundingRect();
    QWidget* vp = canvas().viewport();
    if (!m_filter)
        m_filter = new LabelEditorFilter(*this);
    if (kind == LabelKind::External) {
        auto* line = new QLineEdit(current, vp);
        line->setAlignment(Qt::AlignCenter);
        line->selectAll();
        where.setHeight(std::max(where.height(), line->sizeHint().height()));
        m_editor = line;
    } else {
        auto* box = new QPlainTextEdit(vp);
        box->setPlainText(current);
        box->selectAll();
        box->setTabChangesFocus(true);
        box->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        box->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        where.setHeight(std::max(where.height(), 2 * box->fontMetrics().height() + 8));
        m_editor = box;
    }
    m_editor->setObjectName(QStringLiteral("labelEditor"));
    m_editor->setGeometry(where);
    m_editor->installEventFilter(m_filter);
    m_id = id;
    m_editor->show();
    m_editor->setFocus(Qt::OtherFocusReason);
    support::showStatus(&canvas(), tr("Enter: done, Shift+Enter: new line, Escape: cancel."));
    return true;
}

QString LabelEditor::text() const
{
    if (auto* line = qobject_cast<QLineEdit*>(m_editor.data()))
        return line->text();
    if (auto* box = qobject_cast<QPlainTextEdit*>(m_editor.data()))
        return box->toPlainText();
    return {};
}

void LabelEditor::close(bool commit)
{
    if (!isOpen() || m_closing)
        return;
    m_closing = true;
    const QString newText = text();
    const QString id = m_id;
    QWidget* editor = m_editor;
    m_editor.clear();
    m_id.clear();
    editor->removeEventFilter(m_filter);
    editor->hide();
    editor->deleteLater();
    canvas().setFocus(Qt::OtherFocusReason);
    support::showStatus(&canvas(), {});
    if (commit) {
        const ElementItem* item = canvas().itemFor(id);
        core::Element* element = support::element(canvas(), id);
        if (element && item && item->item().label != newText)
            canvas().editor()->apply(canvas().editor()->modeling().setName(element, newText.toStdString()),
                                     tr("Rename"));
    }
    m_closing = false;
}

bool LabelEditor::key(QKeyEvent* event)
{
    if (event->key() != Qt::Key_F2 || event->modifiers() != Qt::NoModifier)
        return false;
    const QStringList selected = canvas().selectedElementIds();
    return selected.size() == 1 && open(selected.front());
}

bool LabelEditor::doubleClick(QMouseEvent* event, QPointF at)
{
    if (event->button() != Qt::LeftButton || !support::canEdit(canvas()))
        return false;
    // The element whose shape or external label is under the mouse.
    ElementItem* under = support::itemAt(canvas(), at);
    if (!under)
        for (const notation::NotationItem& item : canvas().notationScene().items)
            if (labelKind(item) == LabelKind::External && labelRect(item, LabelKind::External).contains(at)) {
                under = canvas().itemFor(item.id);
                break;
            }
    if (!under || drillsDown(canvas(), under->item()))
        return false;
    return open(under->elementId());
}

} // namespace runway::modeler::canvas
