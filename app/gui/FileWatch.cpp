#include "FileWatch.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace runway::app {

QByteArray fileDigest(const QString& file)
{
    QFile f(file);
    QCryptographicHash hash(QCryptographicHash::Sha1);
    if (!f.open(QIODevice::ReadOnly) || !hash.addData(&f))
        return {};
    return hash.result();
}

FileWatch::FileWatch(QObject* parent) : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(250);
    connect(&m_settle, &QTimer::timeout, this, &FileWatch::checkPending);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &FileWatch::touched);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &FileWatch::folderTouched);
}

void FileWatch::addPaths(const QString& file)
{
    // The folder too: a file replaced by a rename stops being watched, its folder does not.
    const QString folder = QFileInfo(file).absolutePath();
    if (!m_watcher.directories().contains(folder))
        m_watcher.addPath(folder);
    // Watched afresh: after a replacement the old watch may still be listed, on the old file.
    if (m_watcher.files().contains(file))
        m_watcher.removePath(file);
    if (QFileInfo::exists(file))
        m_watcher.addPath(file);
}

void FileWatch::watch(const QString& file)
{
    m_known.insert(file, fileDigest(file));
    m_pending.remove(file);
    addPaths(file);
}

void FileWatch::unwatch(const QString& file)
{
    if (!m_known.remove(file))
        return;
    m_pending.remove(file);
    m_watcher.removePath(file);
    const QString folder = QFileInfo(file).absolutePath();
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it)
        if (QFileInfo(it.key()).absolutePath() == folder)
            return; // another watched file is in the same folder
    m_watcher.removePath(folder);
}

void FileWatch::acknowledge(const QString& file)
{
    if (!m_known.contains(file))
        return watch(file);
    m_known.insert(file, fileDigest(file));
    addPaths(file); // our own save replaced it by a rename
}

void FileWatch::touched(const QString& file)
{
    if (!m_known.contains(file))
        return;
    m_pending.insert(file);
    m_settle.start();
}

void FileWatch::folderTouched(const QString& folder)
{
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        // A file of that folder may have been replaced, or removed and put back: compared again
        // (what did not change says nothing).
        if (QFileInfo(it.key()).absolutePath() == folder) {
            m_pending.insert(it.key());
            m_settle.start();
        }
    }
}

void FileWatch::checkPending()
{
    const QSet<QString> pending = std::exchange(m_pending, {});
    for (const QString& file : pending) {
        auto it = m_known.find(file);
        if (it == m_known.end())
            continue;
        if (!QFileInfo::exists(file))
            continue; // gone for now (a rename under way, or deleted): the folder watch says when it is back
        addPaths(file);
        const QByteArray now = fileDigest(file);
        if (now.isEmpty() || now == *it)
            continue;
        *it = now; // reported once; Ignore keeps what is open
        emit changedOnDisk(file);
    }
}

} // namespace runway::app
