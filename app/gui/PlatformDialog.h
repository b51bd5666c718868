// File > Execution Platform…: the engine a file is made for (Camunda 8, Camunda 7 or plain BPMN)
// and its version, written as Camunda Modeler does (modeler:executionPlatform and
// modeler:executionPlatformVersion), as one undo step.
#pragma once

#include "runway/core/deploy/Platform.h"

#include <QDialog>

class QComboBox;

namespace runway::modeler::canvas {
class Editor;
}

namespace runway::app {

class PlatformDialog : public QDialog {
    Q_OBJECT
public:
    PlatformDialog(const core::deploy::Platform& current, QWidget* parent = nullptr);

    /// The engine and version chosen.
    core::deploy::Platform platform() const;
    /// Chooses an engine (the version list follows) and, for Camunda, a version.
    void setPlatform(const core::deploy::Platform& platform);

private:
    void fillVersions(core::deploy::Engine engine, const core::deploy::Platform& select);

    QComboBox* m_engine = nullptr;  ///< object name "engine"
    QComboBox* m_version = nullptr; ///< object name "version"
};

/// Asks for the execution platform of the editor's document and applies it as one undo step.
/// False when cancelled or refused (read-only while simulating; a message says why).
bool editExecutionPlatform(QWidget* parent, modeler::canvas::Editor& editor);

} // namespace runway::app
