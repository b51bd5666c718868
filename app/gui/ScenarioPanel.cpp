#include "ScenarioPanel.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace runway::app {

ScenarioPanel::ScenarioPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("scenarioPanel"));
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("scenarioList"));
    m_list->setToolTip(tr("Scenarios stored in this file for the process simulated; double-click one to replay it"));
    m_replay = new QPushButton(tr("Replay"));
    m_replay->setObjectName(QStringLiteral("scenarioReplay"));
    m_rename = new QPushButton(tr("Rename…"));
    m_rename->setObjectName(QStringLiteral("scenarioRename"));
    m_delete = new QPushButton(tr("Delete"));
    m_delete->setObjectName(QStringLiteral("scenarioDelete"));
    m_edit = new QPushButton(tr("Edit Expectations…"));
    m_edit->setObjectName(QStringLiteral("scenarioEdit"));
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("scenarioResult"));
    m_result->setTextFormat(Qt::PlainText); // failures quote element ids and values from the file
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QVBoxLayout;
    for (QPushButton* b : {m_replay, m_rename, m_delete, m_edit})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto* top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top, 1);
    layout->addWidget(m_result);

    auto current = [this] { return currentScenario(); };
    connect(m_replay, &QPushButton::clicked, this, [this, current] { emit replayRequested(current()); });
    connect(m_rename, &QPushButton::clicked, this, [this, current] { emit renameRequested(current()); });
    connect(m_delete, &QPushButton::clicked, this, [this, current] { emit deleteRequested(current()); });
    connect(m_edit, &QPushButton::clicked, this, [this, current] { emit editRequested(current()); });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) { emit replayRequested(item->text()); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { updateButtons(); });
    updateButtons();
}

void ScenarioPanel::setScenarios(const QStringList& names)
{
    const QString keep = currentScenario();
    m_list->clear();
    m_list->addItems(names);
    if (!selectScenario(keep) && !names.isEmpty())
        m_list->setCurrentRow(0);
    updateButtons();
}

QStringList ScenarioPanel::scenarios() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

QString ScenarioPanel::currentScenario() const
{
    return m_list->currentItem() ? m_list->currentItem()->text() : QString();
}

bool ScenarioPanel::selectScenario(const QString& name)
{
    const auto found = m_list->findItems(name, Qt::MatchExactly);
    if (name.isEmpty() || found.isEmpty())
        return false;
    m_list->setCurrentItem(found.front());
    return true;
}

void ScenarioPanel::setResult(bool passed, const QString& text)
{
    m_result->setText(text);
    m_result->setStyleSheet(passed ? QStringLiteral("color: #1b5e20; font-weight: bold")
                                   : QStringLiteral("color: #b71c1c; font-weight: bold"));
}

void ScenarioPanel::clearResult()
{
    m_result->clear();
    m_result->setStyleSheet({});
}

void ScenarioPanel::updateButtons()
{
    const bool any = m_list->currentItem() != nullptr;
    for (QPushButton* b : {m_replay, m_rename, m_delete, m_edit})
        b->setEnabled(any);
}

ScenarioExpectationsDialog::ScenarioExpectationsDialog(const QString& scenario, const QString& json, Validator validate,
                                                       QWidget* parent)
    : QDialog(parent), m_validate(std::move(validate))
{
    setObjectName(QStringLiteral("scenarioExpectationsDialog"));
    setWindowTitle(tr("Expectations of %1").arg(scenario));
    auto* intro = new QLabel(tr("One JSON object per expectation, checked in order (members: waitingAt, passed, "
                                "notPassed, ended, completed, incident, clock, variables)."));
    intro->setWordWrap(true);
    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("expectationsText"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlainText(json);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("expectationsError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c"));
    m_error->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ScenarioExpectationsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, m_error, &QWidget::hide);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, 420);
}

QString ScenarioExpectationsDialog::text() const
{
    return m_text->toPlainText();
}

void ScenarioExpectationsDialog::accept()
{
    QString error;
    if (m_validate && !m_validate(text(), &error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace runway::app
