#include "DeployExport.h"

#include "runway/core/BpmnWriter.h"
#include "runway/core/deploy/Convert.h"
#include "runway/core/deploy/Deployability.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>

namespace runway::app {

using core::deploy::Engine;
using core::deploy::Platform;

namespace {

/// The translation context of this file's strings.
class DeployExport {
    Q_DECLARE_TR_FUNCTIONS(runway::app::DeployExport)
};

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

ModelCheck checkModel(const core::Document& doc)
{
    ModelCheck check;
    std::string error;
    check.platform = Platform::ofDocument(doc, &error);
    check.diagnostics = core::deploy::lint(doc, check.platform);
    if (!error.empty()) {
        core::Diagnostic d;
        d.severity = core::Diagnostic::Severity::Warning;
        d.file = doc.fileName();
        d.line = doc.root() ? doc.root()->line : 0;
        d.code = "deploy-platform-unknown";
        d.message = error + "; checked as plain BPMN (set the platform, or export for a Camunda version)";
        check.diagnostics.insert(check.diagnostics.begin(), d);
    }
    return check;
}

DeployExportResult exportForPlatform(const core::Document& doc, const Platform& target, const QString& path)
{
    DeployExportResult result;
    result.target = target;
    core::deploy::Converted converted = core::deploy::convertedCopy(doc, target);
    result.report = std::move(converted.report);
    if (!converted.document) {
        result.error = DeployExport::tr("The model could not be copied for conversion; see the problems listed.");
        return result;
    }
    core::Document& copy = *converted.document;
    copy.setFileName(doc.fileName());
    result.problems = core::deploy::lint(copy, target);
    if (copy.diagrams().empty()) {
        core::Diagnostic d;
        d.file = doc.fileName();
        d.line = copy.root() ? copy.root()->line : 0;
        d.code = "export-no-diagram";
        d.message = "the file has no diagram (BPMN DI), so Camunda's tools cannot show it; draw it first";
        result.problems.push_back(d);
    }
    if (core::hasErrors(result.problems)) {
        result.error = DeployExport::tr(
                           "%1 would reject the model, so nothing was written. Fix the errors listed and export again.")
                           .arg(qs(target.displayName()));
        return result;
    }
    std::string writeError;
    if (!core::BpmnWriter::saveFile(copy, QFile::encodeName(path).toStdString(), &writeError)) {
        result.error =
            DeployExport::tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(path), qs(writeError));
        return result;
    }
    result.written = true;
    return result;
}

QList<Platform> supportedTargets(Engine engine)
{
    QList<Platform> list;
    if (engine == Engine::Camunda8)
        for (int m = Platform::kCamunda8MaxMinor; m >= Platform::kCamunda8MinMinor; --m)
            list << Platform::camunda8(m);
    else if (engine == Engine::Camunda7)
        for (int m = Platform::kCamunda7MaxMinor; m >= Platform::kCamunda7MinMinor; --m)
            list << Platform::camunda7(m);
    else
        list << Platform{};
    return list;
}

Platform defaultTarget(const core::Document& doc, Engine engine)
{
    const Platform own = Platform::ofDocument(doc);
    if (own.engine == engine)
        return own;
    return supportedTargets(engine).first();
}

std::optional<Platform> askDeployTarget(QWidget* parent, const core::Document& doc, Engine engine)
{
    if (engine == Engine::Bpmn)
        return Platform{};
    const QList<Platform> targets = supportedTargets(engine);
    const Platform preferred = defaultTarget(doc, engine);
    QStringList names;
    int current = 0;
    for (const Platform& p : targets) {
        if (p == preferred)
            current = static_cast<int>(names.size());
        names << qs(p.displayName());
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        parent,
        DeployExport::tr("Export for %1")
            .arg(engine == Engine::Camunda8 ? DeployExport::tr("Camunda 8") : DeployExport::tr("Camunda 7")),
        DeployExport::tr("Engine version to check and export for:"), names, current, false, &ok);
    if (!ok)
        return std::nullopt;
    return targets.value(static_cast<int>(names.indexOf(chosen)), preferred);
}

QString deployExportText(const DeployExportResult& result)
{
    QStringList lines;
    if (result.report.empty())
        lines << DeployExport::tr("Conversion report: nothing to convert.");
    else
        lines << DeployExport::tr("Conversion report for %1:").arg(qs(result.target.displayName()));
    for (const core::Diagnostic& d : result.report)
        lines << qs(d.format());
    lines << QString();
    if (result.problems.empty())
        lines << DeployExport::tr("%1 finds no problems.").arg(qs(result.target.displayName()));
    else
        lines << DeployExport::tr("Problems for %1:").arg(qs(result.target.displayName()));
    for (const core::Diagnostic& d : result.problems)
        lines << qs(d.format());
    return lines.join(QLatin1Char('\n'));
}

void showDeployExportResult(QWidget* parent, const DeployExportResult& result, const QString& path)
{
    QMessageBox box(result.written ? QMessageBox::Information : QMessageBox::Warning,
                    result.written ? DeployExport::tr("Exported") : DeployExport::tr("Export Failed"),
                    result.written ? DeployExport::tr("%1 was written for %2.")
                                         .arg(QDir::toNativeSeparators(path), qs(result.target.displayName()))
                                   : result.error,
                    QMessageBox::Ok, parent);
    box.setInformativeText(result.report.empty()
                               ? QString()
                               : DeployExport::tr("Some settings could not be carried over exactly; see the details."));
    box.setDetailedText(deployExportText(result));
    box.exec();
}

} // namespace runway::app
