// Editing a label in place: F2 on the selected element, or a double-click on an element or its
// label, opens an editor over the label: a one-line field for labels outside their shape (events,
// gateways, data, flows), a text box for names inside it (tasks, sub-processes, pools, lanes,
// annotations). Enter (or Ctrl+Enter) commits one setName, Shift+Enter starts a new line in a text
// box, Escape cancels, and leaving the editor commits. A double-click on a collapsed sub-process
// that has a plane of its own is left to the canvas (it drills down).
#pragma once

#include "runway/modeler/canvas/CanvasGesture.h"

#include <QCoreApplication>
#include <QPointer>
#include <QString>

class QWidget;

namespace runway::modeler::canvas {

class LabelEditor : public CanvasGesture {
    Q_DECLARE_TR_FUNCTIONS(runway::modeler::canvas::LabelEditor)

public:
    explicit LabelEditor(DiagramCanvas& canvas);
    ~LabelEditor() override;
    static LabelEditor* of(const DiagramCanvas& canvas);

    /// Opens the editor over the element's label. False when it has no editable label, or in read-only mode.
    bool open(const QString& id);
    bool isOpen() const { return !m_editor.isNull(); }
    /// The open editor (a QLineEdit or a QPlainTextEdit), or null.
    QWidget* editorWidget() const { return m_editor; }
    QString elementId() const { return m_id; }
    /// Ends editing: with commit, the text becomes the element's name (one undo step when it changed).
    void close(bool commit);

    bool key(QKeyEvent* event) override;
    bool doubleClick(QMouseEvent* event, QPointF at) override;

private:
    QString text() const;
    QPointer<QWidget> m_editor;
    QString m_id;
    bool m_closing = false;
    friend class LabelEditorFilter;
    QObject* m_filter = nullptr;
};

} // namespace runway::modeler::canvas
