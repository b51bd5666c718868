// FileWatch: notices when another program changes a file that is open in Runway.
#pragma once

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace runway::app {

/// Watches open files (QFileSystemWatcher) and says when one's content is no longer what Runway
/// last read or wrote. What counts is the content (a SHA-1 of the bytes), not the time stamp: a
/// file written again with the same bytes, or Runway's own save (acknowledge()), says nothing.
///
/// Editors and Runway itself save by writing another file and renaming it over the old one, which
/// ends the watch on the old one; the folders are watched too, so the file is watched again as soon
/// as it is back. Changes are checked after a short settling delay, so a program writing in several
/// steps is reported once.
class FileWatch : public QObject {
    Q_OBJECT
public:
    explicit FileWatch(QObject* parent = nullptr);

    /// Starts watching file (absolute), taking what it holds now as known.
    void watch(const QString& file);
    void unwatch(const QString& file);
    /// Runway wrote file itself: what it holds now is known, and nothing is reported for it.
    void acknowledge(const QString& file);
    bool isWatched(const QString& file) const { return m_known.contains(file); }
    /// Milliseconds to wait for a change to settle before comparing (default 250).
    void setSettleDelay(int ms) { m_settle.setInterval(ms); }

signals:
    /// file now holds something else than Runway last read or wrote (and it exists).
    void changedOnDisk(const QString& file);

private:
    void touched(const QString& file);
    void folderTouched(const QString& folder);
    void checkPending();
    void addPaths(const QString& file);

    QFileSystemWatcher m_watcher;
    QHash<QString, QByteArray> m_known; ///< file -> SHA-1 of what Runway last read or wrote
    QSet<QString> m_pending;
    QTimer m_settle;
};

/// SHA-1 of the file's bytes; empty when it cannot be read.
QByteArray fileDigest(const QString& file);

} // namespace runway::app
