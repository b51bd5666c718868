// Recovery: finds the documents that an instance of Runway autosaved (Autosave) and did not clean
// up because it did not close normally, so the next start can offer them back.
#pragma once

#include "Autosave.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

class QLockFile;

namespace runway::app {

/// One document left in the recovery folder by an instance that is gone.
struct RecoverableDocument {
    QString recoveryFile; ///< <key>.bpmn: the document as it was last autosaved
    QString sidecarFile;  ///< <key>.json
    RecoverySidecar sidecar;
    /// "order.bpmn (/home/me/order.bpmn)" or "Untitled 2", and when it was autosaved.
    QString describe() const;
};

/// Scans a recovery folder. The files of an instance are recoverable when its lock
/// (<instance>.lock) is free: gone, or left by a process that no longer runs. Recovery takes
/// those locks itself while it is alive, so two instances starting together do not both restore
/// the same documents; a running instance's files are never touched.
class Recovery {
public:
    Recovery(const QString& folder, const QString& ownInstance);
    /// Deletes the lock files of the instances whose documents were all taken or discarded.
    ~Recovery();
    Recovery(const Recovery&) = delete;
    Recovery& operator=(const Recovery&) = delete;

    /// The recoverable documents, oldest first. Sidecars that cannot be read are skipped (and
    /// their files kept); problems() says which.
    QList<RecoverableDocument> scan();
    QStringList problems() const { return m_problems; }
    /// Deletes the files of a document (restored elsewhere, or discarded).
    static void remove(const RecoverableDocument& doc);

private:
    bool ownerGone(const QString& instance);

    QString m_folder;
    QString m_ownInstance;
    QStringList m_problems;
    QStringList m_checked, m_running;
    std::vector<std::unique_ptr<QLockFile>> m_locks; ///< stale owners' locks, taken over
};

} // namespace runway::app
