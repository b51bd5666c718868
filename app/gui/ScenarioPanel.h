// The Scenarios tab of the simulation panel: the scenarios stored in the document for the process
// simulated, with Replay (the result, pass or the first failed expectation, shows below), Rename,
// Delete and Edit Expectations. It only shows and asks; the SimulationController does the work.
// ScenarioExpectationsDialog is the small JSON editor of one scenario's expectations.
#pragma once

#include <QDialog>
#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace runway::app {

class ScenarioPanel : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioPanel(QWidget* parent = nullptr);

    /// Shows these scenario names, keeping the current one when it is still there.
    void setScenarios(const QStringList& names);
    QStringList scenarios() const;
    QString currentScenario() const;
    bool selectScenario(const QString& name);
    /// The outcome of the last replay: passed, or the failure (one line).
    void setResult(bool passed, const QString& text);
    void clearResult();

    QListWidget* list() const { return m_list; }
    QLabel* resultLabel() const { return m_result; }
    QPushButton* replayButton() const { return m_replay; }
    QPushButton* renameButton() const { return m_rename; }
    QPushButton* deleteButton() const { return m_delete; }
    QPushButton* editButton() const { return m_edit; }

signals:
    void replayRequested(const QString& name);
    void renameRequested(const QString& name);
    void deleteRequested(const QString& name);
    void editRequested(const QString& name);

private:
    void updateButtons();

    QListWidget* m_list;
    QLabel* m_result;
    QPushButton* m_replay;
    QPushButton* m_rename;
    QPushButton* m_delete;
    QPushButton* m_edit;
};

class ScenarioExpectationsDialog : public QDialog {
    Q_OBJECT
public:
    /// validate(text, &error) says whether text can be stored; OK stays open, showing the error,
    /// until it can.
    using Validator = std::function<bool(const QString& text, QString* error)>;
    ScenarioExpectationsDialog(const QString& scenario, const QString& json, Validator validate,
                               QWidget* parent = nullptr);

    QPlainTextEdit* editor() const { return m_text; }
    QLabel* errorLabel() const { return m_error; }
    QString text() const;

public slots:
    void accept() override;

private:
    Validator m_validate;
    QPlainTextEdit* m_text;
    QLabel* m_error;
};

} // namespace runway::app
