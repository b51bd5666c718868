// MainWindow: deployability. The File menu's exports for Camunda 8, Camunda 7 and plain BPMN, and
// the status-bar line naming the engine whose rules the problems panel applied (DeployExport.h
// does the work).
#include "AppSettings.h"
#include "DeployExport.h"
#include "MainWindow.h"
#include "PlatformDialog.h"
#include "runway/modeler/canvas/DocumentView.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>

namespace runway::app {

using core::deploy::Engine;
using core::deploy::Platform;

namespace {
const QString kDeployDirectoryKey = QStringLiteral("lastDirectory");
}

void MainWindow::addDeployActions(QMenu* file)
{
    const struct {
        Engine engine;
        QString text;
        QString tip;
    } exports[] = {
        {Engine::Camunda8, tr("Export for Camunda &8\u2026"),
         tr("Convert a copy for Camunda 8 and write it if Camunda 8 would deploy it")},
        {Engine::Camunda7, tr("Export for Camunda &7\u2026"),
         tr("Convert a copy for Camunda 7 and write it if Camunda 7 would deploy it")},
        {Engine::Bpmn, tr("Export as &Plain BPMN\u2026"),
         tr("Write a copy without the engine mark, if it passes the structural checks")},
    };
    m_deployActions << file->addAction(tr("Execution &Platform\u2026"), this, [this] {
        if (auto* view = currentView())
            editExecutionPlatform(this, view->editor());
    });
    for (const auto& e : exports) {
        auto* action = new QAction(e.text, this);
        action->setStatusTip(e.tip);
        const Engine engine = e.engine;
        connect(action, &QAction::triggered, this, [this, engine] { exportForTargetWithDialog(engine); });
        file->addAction(action);
        m_deployActions << action;
    }
}

void MainWindow::updatePlatform()
{
    const core::Document* doc = document();
    for (QAction* a : std::as_const(m_deployActions))
        a->setEnabled(doc != nullptr);
    if (!doc) {
        m_platformLabel->clear();
        return;
    }
    const QString name = QString::fromStdString(Platform::ofDocument(*doc).displayName());
    m_platformLabel->setText(tr("Checked for %1").arg(name));
    m_platformLabel->setToolTip(
        tr("The problems list the structural checks and the rules of %1, the engine the file names").arg(name));
}

DeployExportResult MainWindow::exportForTarget(const Platform& target, const QString& path)
{
    const core::Document* doc = document();
    if (!doc) {
        DeployExportResult none;
        none.target = target;
        none.error = tr("There is no model to export. Open a file first.");
        statusBar()->showMessage(none.error);
        return none;
    }
    DeployExportResult result = exportForPlatform(*doc, target, QFileInfo(path).absoluteFilePath());
    statusBar()->showMessage(
        result.written
            ? tr("Exported %1 for %2").arg(QFileInfo(path).fileName(), QString::fromStdString(target.displayName()))
            : result.error,
        result.written ? 5000 : 0);
    return result;
}

void MainWindow::exportForTargetWithDialog(Engine engine)
{
    const core::Document* doc = document();
    if (!doc)
        return;
    const std::optional<Platform> target = askDeployTarget(this, *doc, engine);
    if (!target)
        return;
    QSettings settings(settingsOrganization(), settingsApplication());
    QString directory = settings.value(kDeployDirectoryKey).toString();
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString base = QFileInfo(tabName(m_tabs->currentIndex())).completeBaseName();
    const QString suffix = engine == Engine::Camunda8   ? QStringLiteral("-camunda8")
                           : engine == Engine::Camunda7 ? QStringLiteral("-camunda7")
                                                        : QStringLiteral("-bpmn");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export for %1").arg(QString::fromStdString(target->displayName())),
                                     QDir(directory).filePath(base + suffix + QStringLiteral(".bpmn")),
                                     tr("BPMN 2.0 files (*.bpmn *.bpmn2 *.xml);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(kDeployDirectoryKey, QFileInfo(path).absolutePath());
    showDeployExportResult(this, exportForTarget(*target, path), path);
}

} // namespace runway::app
