#include "Autosave.h"

#include "runway/core/BpmnWriter.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

namespace runway::app {

using modeler::canvas::DocumentView;

namespace {

const QString kFormat = QStringLiteral("runway-recovery-1");
constexpr int kMaxWaitIntervals = 10; // a document edited without pause is still written this often

bool writeAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    *error = QCoreApplication::translate("Autosave", "Cannot write the recovery file %1: %2.")
                 .arg(QDir::toNativeSeparators(path), file.errorString());
    file.cancelWriting();
    return false;
}

} // namespace

QString defaultRecoveryFolder()
{
    const QString overridden = qEnvironmentVariable("RUNWAY_RECOVERY_DIR");
    if (!overridden.isEmpty())
        return QDir(overridden).absolutePath();
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("recovery"));
}

QByteArray RecoverySidecar::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), kFormat);
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("untitled"), untitled);
    o.insert(QStringLiteral("saved"), saved.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("pid"), pid);
    o.insert(QStringLiteral("instance"), instance);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

bool RecoverySidecar::fromJson(const QByteArray& bytes, RecoverySidecar* out, QString* error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QCoreApplication::translate("Autosave", "not JSON (%1)").arg(parse.errorString());
        return false;
    }
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != kFormat) {
        *error = QCoreApplication::translate("Autosave", "not a Runway recovery sidecar");
        return false;
    }
    out->file = o.value(QStringLiteral("file")).toString();
    out->untitled = o.value(QStringLiteral("untitled")).toString();
    out->saved = QDateTime::fromString(o.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs);
    out->pid = o.value(QStringLiteral("pid")).toInteger();
    out->instance = o.value(QStringLiteral("instance")).toString();
    // The instance names the lock file: nothing that could lead out of the folder.
    if (QUuid::fromString(out->instance).isNull()) {
        *error = QCoreApplication::translate("Autosave", "no valid instance id");
        return false;
    }
    return true;
}

Autosave::Autosave(QObject* parent) : QObject(parent), m_instance(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, [this] { writePending(); });
}

Autosave::~Autosave() = default;

bool Autosave::setFolder(const QString& folder)
{
    const QString path = QDir(folder).absolutePath();
    if (path == m_folder && m_lock)
        return true;
    // What this instance wrote into the old folder goes; it is written again into the new one.
    for (Entry& entry : m_entries) {
        removeFiles(entry);
        entry.pending = true;
    }
    m_lock.reset();
    m_folder = path;
    m_error.clear();
    if (!QDir().mkpath(path)) {
        m_error = tr("Cannot create the recovery folder %1; documents are not autosaved.")
                      .arg(QDir::toNativeSeparators(path));
        return false;
    }
    auto lock = std::make_unique<QLockFile>(QDir(path).filePath(m_instance + QStringLiteral(".lock")));
    lock->setStaleLockTime(0); // held for as long as the app runs; only a dead owner makes it stale
    if (!lock->tryLock(0)) {
        m_error =
            tr("Cannot lock the recovery folder %1; documents are not autosaved.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    m_lock = std::move(lock);
    if (!m_entries.isEmpty())
        m_timer.start();
    return true;
}

void Autosave::setIdleInterval(int ms)
{
    m_timer.setInterval(ms);
}

QString Autosave::pathOf(const Entry& entry, const char* suffix) const
{
    return QDir(m_folder).filePath(entry.key + QLatin1String(suffix));
}

void Autosave::track(DocumentView* view, const QString& file, const QString& untitled)
{
    if (m_entries.contains(view))
        return rename(view, file, untitled);
    Entry entry;
    const QByteArray seed = (m_instance + QLatin1Char(':') + QString::number(++m_serial)).toUtf8();
    entry.key = QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha1).toHex().left(20));
    entry.file = file;
    entry.untitled = untitled;
    m_entries.insert(view, entry);
    connect(view, &DocumentView::contentChanged, this, [this, view] { changed(view); });
    connect(view, &DocumentView::modifiedChanged, this, [this, view](bool m) { modifiedChanged(view, m); });
    // Destroyed without forget(): the app is going away without a normal quit; the files stay.
    // Watched through the editor, which goes first: the undo stack it takes along reports the
    // document clean on its way out, which must not count as "saved".
    connect(&view->editor(), &QObject::destroyed, this, [this, view] {
        m_entries.remove(view);
        disconnect(view, nullptr, this, nullptr);
    });
    if (view->isModified())
        changed(view);
}

void Autosave::rename(DocumentView* view, const QString& file, const QString& untitled)
{
    auto it = m_entries.find(view);
    if (it == m_entries.end())
        return;
    it->file = file;
    it->untitled = untitled;
    if (it->onDisk)
        changed(view); // the sidecar names the new file
}

void Autosave::forget(DocumentView* view)
{
    auto it = m_entries.find(view);
    if (it == m_entries.end())
        return;
    removeFiles(*it);
    m_entries.erase(it);
    disconnect(view, nullptr, this, nullptr);
    disconnect(&view->editor(), nullptr, this, nullptr);
}

void Autosave::changed(DocumentView* view)
{
    auto it = m_entries.find(view);
    if (it == m_entries.end() || !view->isModified())
        return;
    const bool first = std::none_of(m_entries.cbegin(), m_entries.cend(), [](const Entry& e) { return e.pending; });
    it->pending = true;
    if (first || !m_pendingSince.isValid())
        m_pendingSince.start();
    // Restarted on every change, but a document edited without a pause is still written.
    if (m_pendingSince.elapsed() < qint64(m_timer.interval()) * kMaxWaitIntervals || !m_timer.isActive())
        m_timer.start();
}

void Autosave::modifiedChanged(DocumentView* view, bool modified)
{
    auto it = m_entries.find(view);
    if (it == m_entries.end())
        return;
    if (modified) {
        changed(view);
    } else {
        // Saved, or undone back to the saved state: nothing to recover.
        it->pending = false;
        removeFiles(*it);
    }
}

int Autosave::writePending()
{
    int count = 0;
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (!it->pending)
            continue;
        if (!it.key()->isModified()) {
            it->pending = false;
            continue;
        }
        count += write(it.key(), *it) ? 1 : 0;
    }
    m_pendingSince.invalidate();
    if (count > 0)
        emit written(count);
    return count;
}

bool Autosave::writeNow(DocumentView* view)
{
    auto it = m_entries.find(view);
    if (it == m_entries.end() || !view->isModified())
        return false;
    const bool ok = write(view, *it);
    if (ok)
        emit written(1);
    return ok;
}

bool Autosave::write(DocumentView* view, Entry& entry)
{
    if (!m_lock)
        return false; // no usable folder (setFolder said why)
    const std::string xml = core::BpmnWriter::toString(view->document());
    RecoverySidecar sidecar;
    sidecar.file = entry.file;
    sidecar.untitled = entry.untitled;
    sidecar.saved = QDateTime::currentDateTimeUtc();
    sidecar.pid = QCoreApplication::applicationPid();
    sidecar.instance = m_instance;
    QString error;
    // The document first: a sidecar always describes a complete recovery file.
    if (!writeAtomically(pathOf(entry, ".bpmn"), QByteArray::fromStdString(xml), &error) ||
        !writeAtomically(pathOf(entry, ".json"), sidecar.toJson(), &error)) {
        emit failed(error);
        return false;
    }
    entry.pending = false;
    entry.onDisk = true;
    return true;
}

void Autosave::removeFiles(Entry& entry)
{
    if (!entry.onDisk)
        return;
    // The sidecar first: a recovery file without one is never offered.
    QFile::remove(pathOf(entry, ".json"));
    QFile::remove(pathOf(entry, ".bpmn"));
    entry.onDisk = false;
}

QString Autosave::recoveryFile(const DocumentView* view) const
{
    auto it = m_entries.constFind(const_cast<DocumentView*>(view));
    return it != m_entries.constEnd() && it->onDisk ? pathOf(*it, ".bpmn") : QString();
}

void Autosave::cleanUp()
{
    m_timer.stop();
    for (Entry& entry : m_entries) {
        removeFiles(entry);
        entry.pending = false;
    }
    m_lock.reset(); // unlocks and deletes <instance>.lock
}

} // namespace runway::app
