#include "Recovery.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>
#include <QUuid>

#include <algorithm>

namespace runway::app {

namespace {
constexpr qint64 kMaxSidecarBytes = 64 * 1024; // a sidecar is a few hundred bytes
}

QString RecoverableDocument::describe() const
{
    QString name = sidecar.file.isEmpty() ? sidecar.untitled
                                          : QStringLiteral("%1 (%2)").arg(QFileInfo(sidecar.file).fileName(),
                                                                          QDir::toNativeSeparators(sidecar.file));
    if (sidecar.saved.isValid())
        name = QCoreApplication::translate("Recovery", "%1, autosaved %2")
                   .arg(name, QLocale().toString(sidecar.saved.toLocalTime(), QLocale::ShortFormat));
    return name;
}

Recovery::Recovery(const QString& folder, const QString& ownInstance) : m_folder(folder), m_ownInstance(ownInstance)
{
}

Recovery::~Recovery()
{
    // A taken-over lock is deleted when it is let go of; one whose files are still there (Later)
    // is simply absent next time, which again means "owner gone".
    m_locks.clear();
}

bool Recovery::ownerGone(const QString& instance)
{
    if (m_checked.contains(instance))
        return !m_running.contains(instance);
    m_checked << instance;
    auto lock = std::make_unique<QLockFile>(QDir(m_folder).filePath(instance + QStringLiteral(".lock")));
    lock->setStaleLockTime(0); // only a dead owner (or a lock file without one) counts as gone
    if (!lock->tryLock(0)) {
        m_running << instance;
        return false;
    }
    m_locks.push_back(std::move(lock));
    return true;
}

QList<RecoverableDocument> Recovery::scan()
{
    QList<RecoverableDocument> found;
    m_problems.clear();
    const QDir dir(m_folder);
    const QFileInfoList sidecars = dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QFileInfo& info : sidecars) {
        RecoverableDocument doc;
        doc.sidecarFile = info.absoluteFilePath();
        doc.recoveryFile = dir.filePath(info.completeBaseName() + QStringLiteral(".bpmn"));
        if (!QFileInfo::exists(doc.recoveryFile))
            continue; // being written, or half removed: never offered alone
        QFile file(doc.sidecarFile);
        QString error;
        if (info.size() > kMaxSidecarBytes || !file.open(QIODevice::ReadOnly)) {
            error = info.size() > kMaxSidecarBytes ? QStringLiteral("too large") : file.errorString();
        } else if (RecoverySidecar::fromJson(file.readAll(), &doc.sidecar, &error)) {
            if (doc.sidecar.instance == m_ownInstance || !ownerGone(doc.sidecar.instance))
                continue; // still in use by a running Runway
            found << doc;
            continue;
        }
        m_problems << QCoreApplication::translate("Recovery", "%1: %2; the file was left in place.")
                          .arg(QDir::toNativeSeparators(doc.sidecarFile), error);
    }
    // Locks of instances that are gone and left no documents (they had no unsaved changes): taken
    // over too, so that they are deleted with the others.
    for (const QFileInfo& info : dir.entryInfoList({QStringLiteral("*.lock")}, QDir::Files)) {
        const QString instance = info.completeBaseName();
        if (instance != m_ownInstance && !QUuid::fromString(instance).isNull())
            ownerGone(instance);
    }
    std::stable_sort(found.begin(), found.end(), [](const RecoverableDocument& a, const RecoverableDocument& b) {
        return a.sidecar.saved < b.sidecar.saved;
    });
    return found;
}

void Recovery::remove(const RecoverableDocument& doc)
{
    QFile::remove(doc.sidecarFile);
    QFile::remove(doc.recoveryFile);
}

} // namespace runway::app
