// The editing side of one open document: the Modeling facade (every change goes through it), the
// QUndoStack with one command per gesture, and the read-only lock that simulation mode sets. The
// canvas, the palette, the context pad and the properties panel all edit through one Editor, so
// undo sees every change, and the window's modified mark follows the stack's clean state.
#pragma once

#include "runway/core/Document.h"
#include "runway/core/modeling/Modeling.h"

#include <QObject>
#include <QUndoCommand>

#include <memory>

class QUndoStack;

namespace runway::modeler::canvas {

/// One undo step: the change set of a facade operation. The change is already applied when the
/// command is pushed, so its first redo() does nothing; later ones re-apply it. Commands with
/// the same id() and merge key (one text field of one element, say) merge into one step while the
/// user types.
class EditCommand : public QUndoCommand {
public:
    EditCommand(core::Document& doc, core::ChangeSet changes, const QString& text, int mergeId = -1,
                QString mergeKey = {});
    void undo() override;
    void redo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand* other) override;
    const core::ChangeSet& changes() const { return m_changes; }

private:
    core::Document& m_doc;
    core::ChangeSet m_changes;
    int m_mergeId;
    QString m_mergeKey;
    bool m_applied = true;
};

class Editor : public QObject {
    Q_OBJECT
public:
    /// Merge ids for EditCommand: typing in one field of one element is one undo step.
    enum MergeId { MergeTyping = 1, MergeNudge = 2 };

    explicit Editor(core::Document& doc, QObject* parent = nullptr);
    ~Editor() override;

    core::Document& document() const { return m_doc; }
    core::modeling::Modeling& modeling() { return *m_modeling; }
    QUndoStack* undoStack() const { return m_undo; }

    /// Pushes a facade operation's result as one undo step named text. A refused edit (its error
    /// set) changes nothing and emits refused(); an empty one pushes nothing. Returns edit.ok().
    /// In read-only mode the edit is undone at once and refused.
    bool apply(core::modeling::Edit edit, const QString& text, int mergeId = -1, const QString& mergeKey = {});

    /// Read-only: simulation mode. Views must not start gestures; apply() refuses.
    bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);

    /// The element with that id, or null.
    core::Element* element(const QString& id) const;

    /// The application-wide clipboard of copied elements (shared by every document).
    static core::modeling::Clipboard& clipboard();

signals:
    /// An edit was refused: why, in a sentence for the status bar.
    void refused(const QString& why);
    void readOnlyChanged(bool readOnly);
    /// A command was pushed (after it was applied).
    void edited(const QString& text);

private:
    core::Document& m_doc;
    std::unique_ptr<core::modeling::Modeling> m_modeling;
    QUndoStack* m_undo;
    bool m_readOnly = false;
};

} // namespace runway::modeler::canvas
