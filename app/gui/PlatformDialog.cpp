#include "PlatformDialog.h"

#include "DeployExport.h"
#include "runway/core/modeling/PlatformFields.h"
#include "runway/modeler/canvas/Editor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QVBoxLayout>

namespace runway::app {

using core::deploy::Engine;
using core::deploy::Platform;

PlatformDialog::PlatformDialog(const Platform& current, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Execution Platform"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The engine this model is made for. Runway checks the model against its rules, and "
                                "the properties show its settings. Camunda Modeler reads the same choice."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_engine = new QComboBox;
    m_engine->setObjectName(QStringLiteral("engine"));
    m_engine->addItem(tr("Camunda 8"), static_cast<int>(Engine::Camunda8));
    m_engine->addItem(tr("Camunda 7"), static_cast<int>(Engine::Camunda7));
    m_engine->addItem(tr("Plain BPMN 2.0 (no engine)"), static_cast<int>(Engine::Bpmn));
    m_version = new QComboBox;
    m_version->setObjectName(QStringLiteral("version"));
    form->addRow(tr("&Engine:"), m_engine);
    form->addRow(tr("&Version:"), m_version);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_engine, &QComboBox::currentIndexChanged, this, [this] {
        const auto engine = static_cast<Engine>(m_engine->currentData().toInt());
        fillVersions(engine, engine == Engine::Camunda8   ? Platform::camunda8()
                             : engine == Engine::Camunda7 ? Platform::camunda7()
                                                          : Platform{});
    });
    setPlatform(current);
}

void PlatformDialog::setPlatform(const Platform& platform)
{
    const int i = m_engine->findData(static_cast<int>(platform.engine));
    {
        const QSignalBlocker block(m_engine);
        m_engine->setCurrentIndex(i);
    }
    fillVersions(platform.engine, platform);
}

void PlatformDialog::fillVersions(Engine engine, const Platform& select)
{
    m_version->clear();
    const QList<Platform> targets = engine == Engine::Bpmn ? QList<Platform>() : supportedTargets(engine);
    for (const Platform& p : targets) {
        m_version->addItem(QString::fromStdString(p.executionPlatformVersion()), QVariant::fromValue(p.minor));
        if (p == select)
            m_version->setCurrentIndex(m_version->count() - 1);
    }
    m_version->setEnabled(engine != Engine::Bpmn);
}

Platform PlatformDialog::platform() const
{
    const auto engine = static_cast<Engine>(m_engine->currentData().toInt());
    if (engine == Engine::Bpmn)
        return {};
    const int minor = m_version->currentData().toInt();
    return engine == Engine::Camunda8 ? Platform::camunda8(minor) : Platform::camunda7(minor);
}

bool editExecutionPlatform(QWidget* parent, modeler::canvas::Editor& editor)
{
    PlatformDialog dialog(Platform::ofDocument(editor.document()), parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const Platform chosen = dialog.platform();
    core::modeling::Edit edit = core::modeling::setExecutionPlatform(editor.modeling(), chosen);
    const std::string error = edit.error;
    if (editor.apply(
            std::move(edit),
            PlatformDialog::tr("Set Execution Platform to %1").arg(QString::fromStdString(chosen.displayName()))))
        return true;
    QMessageBox::warning(parent, PlatformDialog::tr("Execution Platform"),
                         error.empty() ? PlatformDialog::tr("The model cannot be changed while the simulation runs. "
                                                            "Leave simulation mode (F9) first.")
                                       : QString::fromStdString(error));
    return false;
}

} // namespace runway::app
