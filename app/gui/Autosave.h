// Autosave: every modified document is written to the recovery folder shortly after the last
// change, so a crash or a kill loses at most the last few seconds of work. See docs/recovery.md.
#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

class QLockFile;

namespace runway::modeler::canvas {
class DocumentView;
}

namespace runway::app {

/// The recovery folder: $RUNWAY_RECOVERY_DIR when set, else <AppDataLocation>/recovery.
QString defaultRecoveryFolder();

/// What the JSON sidecar next to a recovery file says about it.
struct RecoverySidecar {
    QString file;     ///< the document's own file (absolute or a Qt resource); empty when untitled
    QString untitled; ///< "Untitled 1" for a document never saved
    QDateTime saved;  ///< when the recovery file was written (UTC)
    qint64 pid = 0;   ///< the process that wrote it
    QString instance; ///< the writing instance; its lock is <instance>.lock in the same folder

    QByteArray toJson() const;
    /// False when bytes are not a sidecar of this format (the reason in error).
    static bool fromJson(const QByteArray& bytes, RecoverySidecar* out, QString* error);
};

/// Writes modified documents to the recovery folder after an idle interval: <key>.bpmn (the
/// document as BpmnWriter writes it) and <key>.json (a RecoverySidecar), both atomically
/// (QSaveFile). The files of a document go when it becomes unmodified again (saved, or undone back
/// to its saved state) or is forgotten (closed without saving). Each running instance holds a
/// QLockFile (<instance>.lock) in the folder for as long as it runs, so that the next start can
/// tell a crashed instance's files (lock stale or gone) from a running one's.
class Autosave : public QObject {
    Q_OBJECT
public:
    explicit Autosave(QObject* parent = nullptr);
    /// Lets go of the lock; the recovery files stay (only cleanUp(), a normal quit, removes them).
    ~Autosave() override;

    /// Uses folder (created when missing) and takes this instance's lock in it, moving what was
    /// written so far. False (and error() says why) when the folder cannot be used; documents are
    /// then not autosaved.
    bool setFolder(const QString& folder);
    QString folder() const { return m_folder; }
    QString error() const { return m_error; }
    /// This instance's id (a UUID): its lock file is <id>.lock.
    QString instanceId() const { return m_instance; }
    /// Milliseconds of quiet after the last change before documents are written (default 2000).
    void setIdleInterval(int ms);
    int idleInterval() const { return m_timer.interval(); }

    /// Starts watching view: after each change, if it is modified, it is written after the interval.
    void track(modeler::canvas::DocumentView* view, const QString& file, const QString& untitled);
    /// The document now has another file (Save As).
    void rename(modeler::canvas::DocumentView* view, const QString& file, const QString& untitled);
    /// Stops watching view and deletes its recovery files (closed without saving, or reloaded).
    void forget(modeler::canvas::DocumentView* view);
    /// Writes every modified document that changed since it was last written, now.
    int writePending();
    /// Writes view now if it is modified (whether or not it changed since).
    bool writeNow(modeler::canvas::DocumentView* view);
    /// The recovery file (.bpmn) of view, or empty when none is on disk.
    QString recoveryFile(const modeler::canvas::DocumentView* view) const;
    /// A normal quit: deletes this instance's recovery files and lets go of its lock.
    void cleanUp();

signals:
    /// Documents were written to the recovery folder (count of them).
    void written(int count);
    /// A recovery file could not be written: what and why.
    void failed(const QString& message);

private:
    struct Entry {
        QString key; ///< file base name in the folder
        QString file, untitled;
        bool pending = false; ///< changed since last written
        bool onDisk = false;
    };
    void changed(modeler::canvas::DocumentView* view);
    void modifiedChanged(modeler::canvas::DocumentView* view, bool modified);
    bool write(modeler::canvas::DocumentView* view, Entry& entry);
    void removeFiles(Entry& entry);
    QString pathOf(const Entry& entry, const char* suffix) const;

    QHash<modeler::canvas::DocumentView*, Entry> m_entries;
    QTimer m_timer;
    QElapsedTimer m_pendingSince; ///< the oldest unwritten change: writing waits at most 10 intervals
    std::unique_ptr<QLockFile> m_lock;
    QString m_folder;
    QString m_error;
    QString m_instance;
    int m_serial = 0;
};

} // namespace runway::app
