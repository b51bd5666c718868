#include "FindElement.h"

#include "runway/core/Document.h"
#include "runway/core/Metamodel.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace runway::app {

namespace {
QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
} // namespace

FindElement::FindElement(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("findElement"));
    setWindowTitle(tr("Find Element"));
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Name or id"));
    m_search->setClearButtonEnabled(true);
    m_list = new QListWidget;
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Show"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Find an element by its name or id:")));
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(420, 360);

    connect(m_search, &QLineEdit::textChanged, this, [this] { refilter(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { choose(); });
    connect(m_list, &QListWidget::itemActivated, this, [this] { choose(); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { choose(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Up and down in the search field move through the list.
    m_search->installEventFilter(this);
}

void FindElement::setDocument(const core::Document* doc)
{
    m_entries.clear();
    if (doc)
        for (const core::Element* e : doc->allElements()) {
            if (!e->isBpmn() || e->id().empty())
                continue;
            // Only what a diagram draws can be revealed.
            const auto di = doc->diFor(e->id());
            if (std::none_of(di.begin(), di.end(), [](const core::Element* d) {
                    return d->type == core::BpmnType::BPMNShape || d->type == core::BpmnType::BPMNEdge;
                }))
                continue;
            m_entries.push_back({qs(e->id()), qs(e->name()), qs(core::Metamodel::instance().type(e->type).name)});
        }
    refilter();
}

void FindElement::refilter()
{
    const QString text = m_search->text().trimmed();
    m_list->clear();
    for (const Entry& e : std::as_const(m_entries)) {
        if (!text.isEmpty() && !e.name.contains(text, Qt::CaseInsensitive) && !e.id.contains(text, Qt::CaseInsensitive))
            continue;
        const QString shown = e.name.isEmpty() ? QStringLiteral("%1 (%2)").arg(e.id, e.type)
                                               : QStringLiteral("%1 \u2014 %2 (%3)").arg(e.name, e.id, e.type);
        auto* item = new QListWidgetItem(shown, m_list);
        item->setData(Qt::UserRole, e.id);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

QStringList FindElement::matchingIds() const
{
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i)
        ids << m_list->item(i)->data(Qt::UserRole).toString();
    return ids;
}

void FindElement::choose()
{
    const QListWidgetItem* item = m_list->currentItem();
    if (!item)
        return;
    const QString id = item->data(Qt::UserRole).toString();
    accept();
    emit elementChosen(id);
}

bool FindElement::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Down || key == Qt::Key_Up) && m_list->count() > 0) {
            const int row = std::clamp(m_list->currentRow() + (key == Qt::Key_Down ? 1 : -1), 0, m_list->count() - 1);
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace runway::app
