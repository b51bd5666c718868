#include "RecentFiles.h"

#include "AppSettings.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace runway::app {

namespace {
const QString kKey = QStringLiteral("recentFiles");
}

RecentFiles::RecentFiles(QObject* parent) : QObject(parent)
{
    QSettings settings(settingsOrganization(), settingsApplication());
    m_files = settings.value(kKey).toStringList();
    m_files.removeAll(QString());
    m_files.removeDuplicates();
    while (m_files.size() > MaxCount)
        m_files.removeLast();
}

void RecentFiles::add(const QString& path)
{
    if (path.isEmpty())
        return;
    m_files.removeAll(path);
    m_files.prepend(path);
    while (m_files.size() > MaxCount)
        m_files.removeLast();
    save();
}

void RecentFiles::remove(const QString& path)
{
    if (m_files.removeAll(path) > 0)
        save();
}

void RecentFiles::clear()
{
    if (m_files.isEmpty())
        return;
    m_files.clear();
    save();
}

void RecentFiles::save()
{
    QSettings settings(settingsOrganization(), settingsApplication());
    settings.setValue(kKey, m_files);
    emit changed();
}

void RecentFiles::fillMenu(QMenu* menu)
{
    menu->clear();
    int number = 0;
    for (const QString& path : std::as_const(m_files)) {
        ++number;
        const QString name = QFileInfo(path).fileName();
        // "&1 name" for the first nine, so the menu works from the keyboard; '&' in names escaped.
        QString text = QString(name).replace(QLatin1Char('&'), QStringLiteral("&&"));
        if (number < 10)
            text = QStringLiteral("&%1 %2").arg(number).arg(text);
        QAction* action = menu->addAction(text);
        action->setData(path);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    if (m_files.isEmpty()) {
        menu->addAction(tr("No Recent Files"))->setEnabled(false);
        return;
    }
    menu->addSeparator();
    connect(menu->addAction(tr("&Clear Menu")), &QAction::triggered, this, &RecentFiles::clear);
}

} // namespace runway::app
