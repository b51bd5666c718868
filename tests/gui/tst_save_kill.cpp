// A process killed in the middle of a save leaves the previous file intact. A child process
// (runway_safety_helper) saves a large document over the old one through DocumentView::saveAs,
// the app's Save, and is killed with SIGKILL at several moments: while it serialises, and while
// the temporary file is open and being written. Afterwards the target holds exactly the old bytes
// (or, for a kill after the rename, the complete new ones: never anything in between) and reads
// back; no temporary file can be taken for it. At least one kill must have landed mid-write with
// the old file surviving. A run left alone proves the save itself works (the new document).
#include "tst_save_kill_fixtures.h"

#include "MainWindow.h"
#include "runway/core/BpmnReader.h"
#include "runway/modeler/canvas/DocumentView.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <unistd.h>

#include <optional>

#include "RunwayTest.h"

namespace {

constexpr qsizetype kPaddingBytes = 48 * 1024 * 1024;

QByteArray oldDocument()
{
    const QByteArray line = "Padding so that writing the file takes a while. ";
    QByteArray padding;
    padding.reserve(kPaddingBytes + line.size());
    while (padding.size() < kPaddingBytes)
        padding += line;
    return QByteArray(fixtures::kPaddedProcess).replace("%1", padding);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Whether process pid has a file in folder open (the save's temporary file).
bool hasFileOpenIn(qint64 pid, const QString& folder)
{
    const QString fdDir = QStringLiteral("/proc/%1/fd").arg(pid);
    const QString prefix = folder + QLatin1Char('/');
    for (const QString& fd : QDir(fdDir).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
        char target[4096];
        const QByteArray link = QFile::encodeName(fdDir + QLatin1Char('/') + fd);
        const ssize_t n = ::readlink(link.constData(), target, sizeof target - 1);
        if (n > 0 && QString::fromLocal8Bit(target, n).startsWith(prefix))
            return true;
    }
    return false;
}

std::string nameOfTask(const QString& path)
{
    auto read = runway::core::BpmnReader::readFile(path.toStdString());
    if (!read.document || !read.document->findById("Task_A"))
        return "<unreadable>";
    return std::string(read.document->findById("Task_A")->name());
}

} // namespace

class TestSaveKill : public QObject {
    Q_OBJECT

    struct Run {
        bool killed = false;
        bool writing = false; ///< the temporary file was open when the kill was sent
        QByteArray out;
    };

    /// Starts the helper saving over target; kills it when told to (-1: when it says "saving";
    /// >= 0: that many ms after its temporary file appears; none: lets it finish).
    Run saveAndKill(const QString& target, std::optional<int> killAfterMs)
    {
        Run run;
        QProcess child;
        child.start(QStringLiteral(RUNWAY_SAFETY_HELPER),
                    {QStringLiteral("save"), target, QStringLiteral("Task_A"), QStringLiteral("New name")});
        if (!child.waitForStarted())
            return run;
        QElapsedTimer clock;
        clock.start();
        while (!run.out.contains("saving") && child.state() == QProcess::Running && clock.elapsed() < 120000) {
            child.waitForReadyRead(50);
            run.out += child.readAllStandardOutput();
        }
        if (killAfterMs) {
            const QString folder = QFileInfo(target).absolutePath();
            if (*killAfterMs >= 0) {
                // Spin until the save's file is open, then give the write a head start.
                while (!hasFileOpenIn(child.processId(), folder) && child.state() == QProcess::Running &&
                       clock.elapsed() < 120000) {
                }
                if (*killAfterMs > 0)
                    QThread::msleep(*killAfterMs);
            }
            run.writing = hasFileOpenIn(child.processId(), folder);
            run.killed = child.state() == QProcess::Running;
            child.kill(); // SIGKILL: nothing runs in the child after this
        }
        child.waitForFinished(120000);
        run.out += child.readAllStandardOutput();
        if (child.exitStatus() == QProcess::NormalExit && child.exitCode() != 0)
            qWarning("helper: %s", child.readAllStandardError().constData());
        return run;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!QFileInfo(QStringLiteral("/proc/self/fd")).isDir())
            QSKIP("needs /proc to see when the child has its temporary file open (Linux)");
    }

    void killedSaveLeavesTheOldFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(QStringLiteral("big.bpmn"));
        const QByteArray old = oldDocument();
        QVERIFY(old.size() > kPaddingBytes);

        // Left alone, the helper saves the new document: the kills below interrupt a real save.
        {
            QFile f(target);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(old) == old.size());
        }
        const Run finished = saveAndKill(target, std::nullopt);
        QVERIFY2(finished.out.contains("saved"), finished.out.constData());
        QCOMPARE(nameOfTask(target), std::string("New name"));
        const QByteArray saved = readAll(target);
        QVERIFY(saved != old);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("big.bpmn")});

        // Killed at several moments: serialising (-1), and 0, 2, 5, 10 ms into writing its file.
        int midWrite = 0;
        for (int killAfter : {-1, 0, 2, 5, 10}) {
            QFile f(target);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(old) == old.size());
            f.close();
            const Run run = saveAndKill(target, killAfter);
            const QByteArray now = readAll(target);
            qInfo("kill %d ms: killed %d, temporary file open %d, target %s", killAfter, run.killed, run.writing,
                  now == old     ? "old"
                  : now == saved ? "new"
                                 : "OTHER");
            // Never anything but one of the two complete documents: the old one byte for byte, or
            // (a kill that came after the rename, while the file was still being closed) the new one.
            QVERIFY2(now == old || now == saved, qPrintable(QStringLiteral("kill at %1 ms").arg(killAfter)));
            QVERIFY(run.killed);
            if (run.writing && now == old)
                ++midWrite;    // killed with the new file half written: the old one survived
            if (killAfter < 0) // killed while serialising, before any file was opened
                QVERIFY2(now == old && !run.writing, qPrintable(QStringLiteral("kill while serialising")));
            QCOMPARE(nameOfTask(target), std::string(now == old ? "Old name" : "New name"));
            // No temporary file can be taken for the document: the only .bpmn is the target.
            QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.bpmn")}, QDir::Files),
                     QStringList{QStringLiteral("big.bpmn")});
            const QStringList all = QDir(dir.path()).entryList(QDir::Files);
            if (all.size() > 1)
                qInfo("left behind by the kill: %s", qPrintable(all.join(QLatin1Char(' '))));
        }
        // Most kills land while the file is written (48 MB); at least one must have.
        QVERIFY2(midWrite > 0, "no kill landed while the file was being written");

        // The app opens it as the old document.
        runway::app::MainWindow w;
        QFile f(target);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(old) == old.size());
        f.close();
        const Run last = saveAndKill(target, 0);
        QVERIFY(last.killed);
        QVERIFY(w.openFile(target));
        QVERIFY(w.currentView());
        QCOMPARE(std::string(w.currentView()->document().findById("Task_A")->name()),
                 std::string(readAll(target) == old ? "Old name" : "New name"));
    }
};

QTEST_MAIN(TestSaveKill)
#include "tst_save_kill.moc"
