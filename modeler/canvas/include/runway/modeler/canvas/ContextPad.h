// The context pad: small buttons beside the one selected element, as in bpmn.io: append a task,
// an intermediate event, an end event or an exclusive gateway (connected to it), connect it to
// another element (click, or drag from the button), change its type (a menu of the types the
// rules allow), add lanes to a pool or beside a lane, and delete it. A child of the canvas's
// viewport, it follows selection, zoom, scrolling and every edit, and hides in read-only mode.
#pragma once

#include <QHash>
#include <QWidget>

class QMenu;
class QToolButton;

namespace runway::modeler::canvas {

class DiagramCanvas;

class ContextPad : public QWidget {
    Q_OBJECT
public:
    enum class Action {
        AppendTask,
        AppendEvent,
        AppendEnd,
        AppendGateway,
        Connect,
        ChangeType,
        LaneAbove,   ///< a pool or lane: a lane above it (left of it in a vertical pool)
        LaneBelow,   ///< a pool or lane: a lane below it (right of it in a vertical pool)
        DivideLanes, ///< a pool without lanes: two lanes, the first holding what is there
        Delete
    };

    explicit ContextPad(DiagramCanvas& canvas);
    /// The pad of a canvas, or null.
    static ContextPad* of(const DiagramCanvas& canvas);

    /// The element the pad is for (empty when hidden).
    QString elementId() const { return m_id; }
    QToolButton* button(Action action) const { return m_buttons.value(action); }
    /// The change-type menu (filled when its button is clicked).
    QMenu* changeTypeMenu() const { return m_menu; }
    /// Shows the pad for the selection as it is now (or hides it).
    void refresh();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QToolButton* addButton(Action action, const QIcon& icon, const QString& tip);
    void trigger(Action action);
    void fillChangeTypeMenu();
    void place();

    DiagramCanvas& m_canvas;
    QString m_id;
    QHash<Action, QToolButton*> m_buttons;
    QMenu* m_menu = nullptr;
    QPoint m_connectPress;
    bool m_connectDragging = false;
};

} // namespace runway::modeler::canvas
