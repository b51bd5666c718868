#include "DecisionDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace runway::app {

DecisionDialog::DecisionDialog(const sim::PendingDecision& decision, const QString& gatewayLabel,
                               const QVector<Choice>& choices, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("decisionDialog"));
    setWindowTitle(tr("Decision at %1").arg(gatewayLabel));
    auto* intro = new QLabel(decision.inclusive
                                 ? tr("Instance %1 waits at %2 (%3). Pick the flows its tokens take:")
                                 : tr("Instance %1 waits at %2 (%3). Pick the flow its token takes:"));
    // Names come from the file: shown as plain text, never as markup.
    intro->setTextFormat(Qt::PlainText);
    intro->setText(intro->text().arg(decision.instance).arg(gatewayLabel, decision.reason));
    intro->setWordWrap(true);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("decisionFlows"));
    m_list->setSelectionMode(decision.inclusive ? QAbstractItemView::MultiSelection : QAbstractItemView::SingleSelection);
    for (const Choice& c : choices) {
        auto* item = new QListWidgetItem(label(c), m_list);
        item->setData(Qt::UserRole, c.flow);
        item->setToolTip(c.flow);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Take"));
    ok->setEnabled(false);
    connect(m_list, &QListWidget::itemSelectionChanged, this, [this, ok] { ok->setEnabled(!selectedFlows().isEmpty()); });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem*) { accept(); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
}

QStringList DecisionDialog::selectedFlows() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->isSelected())
            out << m_list->item(i)->data(Qt::UserRole).toString();
    return out;
}

QString DecisionDialog::label(const Choice& c)
{
    QString text = c.name.isEmpty() ? c.flow : c.name;
    if (!c.condition.isEmpty())
        text += QStringLiteral(" — ") + c.condition;
    else if (c.isDefault)
        text += QStringLiteral(" — ") + tr("(default flow)");
    return text;
}

} // namespace runway::app
