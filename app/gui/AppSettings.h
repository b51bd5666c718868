#pragma once

#include <QString>

namespace runway::app {

/// Where the app keeps its settings: QSettings(organization(), application()). Everything the app
/// remembers (window geometry and state, recent files, the last folder) is under these names.
/// Tests call QStandardPaths::setTestModeEnabled(true) first, which moves the file out of the
/// user's configuration.
inline QString settingsOrganization()
{
    return QStringLiteral("Runway");
}
inline QString settingsApplication()
{
    return QStringLiteral("Runway");
}

} // namespace runway::app
