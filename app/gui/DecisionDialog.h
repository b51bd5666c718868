// The prompt for a decision at a gateway: the outgoing flows listed by name and condition, one
// picked (several at an inclusive or complex gateway). The simulation asks it when the person
// chooses "Decide…" instead of clicking a highlighted flow on the canvas.
#pragma once

#include "runway/sim/SessionTypes.h"

#include <QDialog>

class QListWidget;

namespace runway::app {

class DecisionDialog : public QDialog {
    Q_OBJECT
public:
    /// One outgoing flow as listed: its id, name and condition (either may be empty).
    struct Choice {
        QString flow, name, condition;
        bool isDefault = false;
    };

    DecisionDialog(const sim::PendingDecision& decision, const QString& gatewayLabel, const QVector<Choice>& choices,
                   QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }
    /// The flows picked, in model order.
    QStringList selectedFlows() const;
    /// How a flow is listed: "name — condition", "(default)", or the id when it has neither.
    static QString label(const Choice& c);

private:
    QListWidget* m_list;
};

} // namespace runway::app
