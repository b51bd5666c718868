// Saving without loss: autosave of modified documents to the recovery folder, and the offer to
// restore them after a Runway that did not close normally (a window gone without closing, and a
// real child process killed with SIGKILL).
#include "Autosave.h"
#include "FileWatch.h"
#include "MainWindow.h"
#include "Recovery.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/modeling/Layout.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include <cstdio>
#include <memory>

#include "RunwayTest.h"

using runway::app::Autosave;
using runway::app::MainWindow;
using runway::modeler::canvas::DocumentView;

namespace {

const char* const kTask = "Task_SendBoardingPass";

QString examplePath()
{
    return QStringLiteral(RUNWAY_SOURCE_DIR "/resources/examples/airline-checkin.bpmn");
}

/// The name of element id in the BPMN file at path, or "<unreadable>".
std::string nameIn(const QString& path, const char* id)
{
    auto read = runway::core::BpmnReader::readFile(path.toStdString());
    if (!read.document || !read.document->findById(id))
        return "<unreadable>";
    return std::string(read.document->findById(id)->name());
}

bool rename(DocumentView* view, const char* id, const char* name)
{
    auto& editor = view->editor();
    return editor.apply(editor.modeling().setName(editor.element(QString::fromLatin1(id)), name),
                        QStringLiteral("Rename"));
}

/// The recovery folder's documents and sidecars (not the lock files).
QStringList recoveryFiles(const QString& folder)
{
    return QDir(folder).entryList({QStringLiteral("*.bpmn"), QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Writes path in place, as a program that does not save atomically would.
bool writeInPlace(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

/// Writes a new file and renames it over path, as most editors save.
bool replaceByRename(const QString& path, const QByteArray& bytes)
{
    const QString temp = path + QStringLiteral(".new");
    return writeInPlace(temp, bytes) &&
           std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) == 0;
}

std::string nameOf(const DocumentView* view, const char* id)
{
    const runway::core::Element* e = view ? view->document().findById(id) : nullptr;
    return e ? std::string(e->name()) : "<none>";
}

QJsonObject sidecarOf(const QString& recoveryFile)
{
    QFile f(recoveryFile.left(recoveryFile.size() - 5) + QStringLiteral(".json"));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

} // namespace

class TestRecovery : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_folder; ///< the recovery folder of this test function
    QString m_file;   ///< a copy of the example to edit

    std::unique_ptr<MainWindow> window()
    {
        auto w = std::make_unique<MainWindow>();
        w->autosave()->setIdleInterval(50);
        return w;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_folder = m_dir->filePath(QStringLiteral("recovery"));
        qputenv("RUNWAY_RECOVERY_DIR", m_folder.toLocal8Bit());
        m_file = m_dir->filePath(QStringLiteral("checkin.bpmn"));
        QVERIFY(QFile::copy(examplePath(), m_file));
        QFile::setPermissions(m_file, QFile::ReadOwner | QFile::WriteOwner);
    }

    void cleanup()
    {
        qunsetenv("RUNWAY_RECOVERY_DIR");
        m_dir.reset();
    }

    void folderComesFromTheEnvironmentAndIsLocked()
    {
        auto w = window();
        QCOMPARE(w->autosave()->folder(), m_folder);
        QVERIFY(QFileInfo(m_folder).isDir());
        QVERIFY(QFileInfo::exists(QDir(m_folder).filePath(w->autosave()->instanceId() + QStringLiteral(".lock"))));
        QVERIFY(recoveryFiles(m_folder).isEmpty());
    }

    void modifiedDocumentIsAutosavedAfterIdle()
    {
        auto w = window();
        QVERIFY(w->openFile(m_file));
        DocumentView* view = w->currentView();
        QVERIFY(w->autosave()->recoveryFile(view).isEmpty()); // unmodified: nothing written
        QTest::qWait(150);
        QVERIFY(recoveryFiles(m_folder).isEmpty());

        QVERIFY(rename(view, kTask, "Boarding pass by SMS"));
        QTRY_VERIFY(!w->autosave()->recoveryFile(view).isEmpty());
        const QString saved = w->autosave()->recoveryFile(view);
        QCOMPARE(QFileInfo(saved).dir().absolutePath(), m_folder);
        QCOMPARE(nameIn(saved, kTask), std::string("Boarding pass by SMS"));
        QCOMPARE(nameIn(m_file, kTask), std::string("Send boarding pass")); // the file itself untouched
        const QJsonObject sidecar = sidecarOf(saved);
        QCOMPARE(sidecar.value(QStringLiteral("file")).toString(), m_file);
        QCOMPARE(sidecar.value(QStringLiteral("pid")).toInteger(), QCoreApplication::applicationPid());
        QCOMPARE(sidecar.value(QStringLiteral("instance")).toString(), w->autosave()->instanceId());
        QVERIFY(QDateTime::fromString(sidecar.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs).isValid());
        QCOMPARE(recoveryFiles(m_folder).size(), 2);

        // Later changes are written again, after the next pause.
        QVERIFY(rename(view, kTask, "Boarding pass by e-mail"));
        QTRY_COMPARE(nameIn(saved, kTask), std::string("Boarding pass by e-mail"));

        // Undone back to the saved state: nothing to recover any more. Redo: written again.
        view->editor().undoStack()->undo();
        view->editor().undoStack()->undo();
        QVERIFY(!view->isModified());
        QVERIFY(recoveryFiles(m_folder).isEmpty());
        view->editor().undoStack()->redo();
        QTRY_VERIFY(!w->autosave()->recoveryFile(view).isEmpty());
        QCOMPARE(nameIn(w->autosave()->recoveryFile(view), kTask), std::string("Boarding pass by SMS"));

        // Saved: removed.
        QVERIFY(w->save());
        QVERIFY(recoveryFiles(m_folder).isEmpty());
        QCOMPARE(nameIn(m_file, kTask), std::string("Boarding pass by SMS"));
        QTest::qWait(150);
        QVERIFY(recoveryFiles(m_folder).isEmpty());
    }

    void untitledDocumentsAndDiscardedChanges()
    {
        auto w = window();
        w->newDocument();
        DocumentView* untitled = w->currentView();
        QVERIFY(rename(untitled, "StartEvent_1", "Order received"));
        QVERIFY(w->openFile(m_file));
        DocumentView* file = w->currentView();
        QVERIFY(rename(file, kTask, "Thrown away"));
        QTRY_COMPARE(recoveryFiles(m_folder).size(), 4);
        QCOMPARE(sidecarOf(w->autosave()->recoveryFile(untitled)).value(QStringLiteral("untitled")).toString(),
                 QStringLiteral("Untitled 1"));
        QVERIFY(sidecarOf(w->autosave()->recoveryFile(untitled)).value(QStringLiteral("file")).toString().isEmpty());
        QCOMPARE(nameIn(w->autosave()->recoveryFile(untitled), "StartEvent_1"), std::string("Order received"));

        // Closed with Discard: its recovery files go, the other document's stay.
        const QString untitledFile = w->autosave()->recoveryFile(untitled);
        w->setUnsavedPrompt([](const QString&) { return MainWindow::UnsavedChoice::Discard; });
        QVERIFY(w->closeFile());
        QCOMPARE(recoveryFiles(m_folder).size(), 2);
        QVERIFY(QFileInfo::exists(untitledFile));
        // A normal quit (the window closed, every question answered) leaves nothing, not even the lock.
        QVERIFY(w->close());
        QVERIFY(QDir(m_folder).entryList(QDir::Files).isEmpty());
    }

    void crashedWindowIsOfferedAndRestored()
    {
        auto first = window();
        QVERIFY(first->openFile(m_file));
        QVERIFY(rename(first->currentView(), kTask, "Boarding pass by SMS"));
        QTRY_COMPARE(recoveryFiles(m_folder).size(), 2);

        // A second Runway while the first still runs: the first's files are not offered (its lock holds).
        QStringList offered;
        auto answer = MainWindow::RecoveryChoice::Restore;
        auto prompt = [&](const QStringList& documents) {
            offered = documents;
            return answer;
        };
        {
            auto second = window();
            second->setRecoveryPrompt(prompt);
            QCOMPARE(second->offerRecovery(), 0);
            QVERIFY(offered.isEmpty());
            QCOMPARE(second->documentCount(), 0);
        }
        QCOMPARE(recoveryFiles(m_folder).size(), 2);

        // The first goes away without closing (no normal quit): its files stay, its lock is gone.
        first.reset();
        QCOMPARE(recoveryFiles(m_folder).size(), 2);

        // "Later": nothing opened, the files stay and are offered again.
        auto later = window();
        answer = MainWindow::RecoveryChoice::Later;
        later->setRecoveryPrompt(prompt);
        QCOMPARE(later->offerRecovery(), 0);
        QCOMPARE(offered.size(), 1);
        QCOMPARE(later->documentCount(), 0);
        QCOMPARE(recoveryFiles(m_folder).size(), 2);
        later.reset();

        auto next = window();
        answer = MainWindow::RecoveryChoice::Restore;
        offered.clear();
        next->setRecoveryPrompt(prompt);
        QCOMPARE(next->offerRecovery(), 1);
        QCOMPARE(offered.size(), 1);
        QVERIFY2(offered.first().startsWith(QStringLiteral("checkin.bpmn (%1)").arg(QDir::toNativeSeparators(m_file))),
                 qPrintable(offered.first()));
        // Restored: modified, titled by its own file, with the change.
        QCOMPARE(next->documentCount(), 1);
        DocumentView* view = next->currentView();
        QVERIFY(view->isModified());
        QCOMPARE(next->currentFile(), m_file);
        QCOMPARE(next->documentTabs()->tabText(0), QStringLiteral("checkin.bpmn *"));
        QCOMPARE(std::string(view->document().findById(kTask)->name()), std::string("Boarding pass by SMS"));
        // The old instance's files are gone; this instance autosaved it under its own name.
        const QString own = next->autosave()->recoveryFile(view);
        QVERIFY(!own.isEmpty());
        QCOMPARE(recoveryFiles(m_folder), QStringList({QFileInfo(own).completeBaseName() + QStringLiteral(".bpmn"),
                                                       QFileInfo(own).completeBaseName() + QStringLiteral(".json")}));
        // Offered once only.
        offered.clear();
        QCOMPARE(next->offerRecovery(), 0);
        QVERIFY(offered.isEmpty());

        // Save writes to its own file, and the recovery files go.
        QVERIFY(next->save());
        QCOMPARE(nameIn(m_file, kTask), std::string("Boarding pass by SMS"));
        QVERIFY(!view->isModified());
        QVERIFY(recoveryFiles(m_folder).isEmpty());
    }

    void discardDeletesTheRecoveryFiles()
    {
        auto first = window();
        first->newDocument();
        QVERIFY(rename(first->currentView(), "StartEvent_1", "Order received"));
        QVERIFY(first->openFile(m_file));
        QVERIFY(rename(first->currentView(), kTask, "Boarding pass by SMS"));
        QTRY_COMPARE(recoveryFiles(m_folder).size(), 4);
        first.reset();

        auto next = window();
        QStringList offered;
        next->setRecoveryPrompt([&](const QStringList& documents) {
            offered = documents;
            return MainWindow::RecoveryChoice::Discard;
        });
        QCOMPARE(next->offerRecovery(), 0);
        QCOMPARE(offered.size(), 2);
        QVERIFY(offered.filter(QStringLiteral("Untitled 1")).size() == 1);
        QCOMPARE(next->documentCount(), 0);
        QVERIFY(recoveryFiles(m_folder).isEmpty());
        QCOMPARE(nameIn(m_file, kTask), std::string("Send boarding pass"));
    }

    void defaultQuestionListsTheDocuments()
    {
        auto first = window();
        first->newDocument();
        QVERIFY(rename(first->currentView(), "StartEvent_1", "Order received"));
        QVERIFY(first->openFile(m_file));
        QVERIFY(rename(first->currentView(), kTask, "Boarding pass by SMS"));
        QTRY_COMPARE(recoveryFiles(m_folder).size(), 4);
        first.reset();

        // The question the app asks: answered here by clicking Restore in the message box.
        auto next = window();
        next->show();
        QVERIFY(QTest::qWaitForWindowExposed(next.get()));
        QString text, details;
        QTimer::singleShot(0, next.get(), [&] {
            QTRY_VERIFY(qobject_cast<QMessageBox*>(QApplication::activeModalWidget()));
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            text = box->text();
            details = box->informativeText();
            for (QAbstractButton* b : box->buttons())
                if (b->text().remove(QLatin1Char('&')) == QStringLiteral("Restore"))
                    b->click();
        });
        QCOMPARE(next->offerRecovery(), 2);
        QCOMPARE(text, QStringLiteral("Runway did not close normally. Restore 2 documents?"));
        QVERIFY2(details.contains(QStringLiteral("Untitled 1")) && details.contains(QDir::toNativeSeparators(m_file)),
                 qPrintable(details));
        QCOMPARE(next->documentCount(), 2);
        QCOMPARE(next->statusBar()->currentMessage(),
                 QStringLiteral("Restored 2 documents; save them to keep the changes."));
        // The untitled one comes back untitled, with its change.
        QStringList tabs;
        for (int i = 0; i < next->documentTabs()->count(); ++i)
            tabs << next->documentTabs()->tabText(i);
        QVERIFY2(tabs.contains(QStringLiteral("Untitled 1 *")) && tabs.contains(QStringLiteral("checkin.bpmn *")),
                 qPrintable(tabs.join(QLatin1Char(','))));
    }

    void killedProcessIsOffered()
    {
        // A real crash: a child process autosaves, then is killed (SIGKILL). Its lock file stays
        // behind, naming a process that is gone.
        QProcess child;
        child.start(QStringLiteral(RUNWAY_SAFETY_HELPER),
                    {QStringLiteral("autosave"), m_folder, m_file, QString::fromLatin1(kTask),
                     QStringLiteral("Saved by the crash")});
        QVERIFY(child.waitForStarted());
        QByteArray out;
        auto said = [&](const char* what) {
            out += child.readAllStandardOutput();
            return out.contains(what) || child.state() == QProcess::NotRunning;
        };
        QTRY_VERIFY_WITH_TIMEOUT(said("autosaved"), 30000);
        QCOMPARE(child.state(), QProcess::Running);
        auto w = window();
        QStringList offered;
        w->setRecoveryPrompt([&](const QStringList& documents) {
            offered = documents;
            return MainWindow::RecoveryChoice::Restore;
        });
        QCOMPARE(w->offerRecovery(), 0); // still running: its files are its own
        QVERIFY(offered.isEmpty());

        child.kill();
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        const QStringList locks = QDir(m_folder).entryList({QStringLiteral("*.lock")}, QDir::Files);
        QCOMPARE(locks.size(), 2); // the dead child's and the window's

        QCOMPARE(w->offerRecovery(), 1);
        QCOMPARE(offered.size(), 1);
        QCOMPARE(std::string(w->currentView()->document().findById(kTask)->name()), std::string("Saved by the crash"));
        QVERIFY(w->currentView()->isModified());
        QCOMPARE(w->currentFile(), m_file);
        // The dead child's lock was cleared away with its files.
        const QStringList ownLock{w->autosave()->instanceId() + QStringLiteral(".lock")};
        QCOMPARE(QDir(m_folder).entryList({QStringLiteral("*.lock")}, QDir::Files), ownLock);

        // A killed Runway that had nothing to recover leaves only its lock: cleared away too.
        out.clear();
        child.start(QStringLiteral(RUNWAY_SAFETY_HELPER),
                    {QStringLiteral("autosave"), m_folder, m_file, QString::fromLatin1(kTask), QStringLiteral("x")});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(said("autosaved"), 30000);
        child.kill();
        QVERIFY(child.waitForFinished());
        // Its documents go (as if it had had none); the restored document's own files stay.
        const QString ownKey = QFileInfo(w->autosave()->recoveryFile(w->currentView())).completeBaseName();
        QVERIFY(!ownKey.isEmpty());
        for (const QString& name : recoveryFiles(m_folder))
            if (QFileInfo(name).completeBaseName() != ownKey)
                QVERIFY(QFile::remove(QDir(m_folder).filePath(name)));
        QCOMPARE(recoveryFiles(m_folder).size(), 2);
        QCOMPARE(QDir(m_folder).entryList({QStringLiteral("*.lock")}, QDir::Files).size(), 2);
        offered.clear();
        QCOMPARE(w->offerRecovery(), 0);
        QVERIFY(offered.isEmpty());
        QCOMPARE(QDir(m_folder).entryList({QStringLiteral("*.lock")}, QDir::Files), ownLock);
    }

    void damagedSidecarIsLeftAlone()
    {
        // Untrusted input: a sidecar that is not one, and one naming a path outside the folder.
        QVERIFY(QDir().mkpath(m_folder));
        auto put = [&](const QString& name, const QByteArray& bytes) {
            QFile f(QDir(m_folder).filePath(name));
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
        };
        QVERIFY(put(QStringLiteral("a.bpmn"), "<not-bpmn/>"));
        QVERIFY(put(QStringLiteral("a.json"), "{ not json"));
        QVERIFY(put(QStringLiteral("b.bpmn"), "<x/>"));
        QVERIFY(put(QStringLiteral("b.json"),
                    R"({"format":"runway-recovery-1","instance":"../../etc/passwd","file":"","untitled":"U"})"));
        runway::app::Recovery recovery(m_folder, QStringLiteral("own"));
        QVERIFY(recovery.scan().isEmpty());
        QCOMPARE(recovery.problems().size(), 2);
        QVERIFY(recovery.problems().at(0).contains(QStringLiteral("a.json")));
        QCOMPARE(recoveryFiles(m_folder).size(), 4);

        // A readable sidecar whose document is not BPMN: offered, cannot be restored, kept.
        QVERIFY(put(
            QStringLiteral("b.json"),
            R"({"format":"runway-recovery-1","instance":"6f1c5c8e-7a43-4c1e-9a57-1f6b1f6f0001","file":"","untitled":"U"})"));
        auto w = window();
        w->setRecoveryPrompt([](const QStringList&) { return MainWindow::RecoveryChoice::Restore; });
        QCOMPARE(w->offerRecovery(), 0);
        QCOMPARE(w->documentCount(), 0);
        QVERIFY(QFileInfo::exists(QDir(m_folder).filePath(QStringLiteral("b.bpmn"))));
    }

    void fileChangedOnDiskIsOffered()
    {
        auto w = window();
        w->fileWatch()->setSettleDelay(50);
        QList<QPair<QString, bool>> asked;
        w->setDiskChangePrompt([&](const QString& file, bool modified) { asked.append({file, modified}); });
        QVERIFY(w->openFile(m_file));
        const QByteArray original = readAll(m_file);

        // Runway's own save (a rename over the file) asks nothing.
        QVERIFY(rename(w->currentView(), kTask, "Saved by Runway"));
        QVERIFY(w->save());
        QTest::qWait(400);
        QVERIFY(asked.isEmpty());

        // Another program writes it in place: asked (unmodified); Reload shows the new content.
        QByteArray other = readAll(m_file);
        QVERIFY(other.contains("Saved by Runway"));
        other.replace("Saved by Runway", "Written elsewhere");
        QVERIFY(writeInPlace(m_file, other));
        QTRY_COMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).first, m_file);
        QCOMPARE(asked.at(0).second, false);
        QCOMPARE(nameOf(w->currentView(), kTask), std::string("Saved by Runway")); // nothing reloaded unasked
        QVERIFY(w->reloadFile(m_file));
        QCOMPARE(w->documentCount(), 1);
        QCOMPARE(nameOf(w->currentView(), kTask), std::string("Written elsewhere"));
        QVERIFY(!w->currentView()->isModified());

        // The same bytes written again: nothing changed, nothing asked.
        QVERIFY(writeInPlace(m_file, other));
        QTest::qWait(400);
        QCOMPARE(asked.size(), 1);

        // Replaced by a rename, as editors save, while the document has unsaved changes: asked,
        // and told that reloading would discard them.
        QVERIFY(rename(w->currentView(), kTask, "Unsaved here"));
        other.replace("Written elsewhere", "Replaced elsewhere");
        QVERIFY(replaceByRename(m_file, other));
        QTRY_COMPARE(asked.size(), 2);
        QCOMPARE(asked.at(1).second, true);
        // Ignored: the changes stay, and the new file is watched (a later change in place is noticed).
        QCOMPARE(nameOf(w->currentView(), kTask), std::string("Unsaved here"));
        other.replace("Replaced elsewhere", "Third version");
        QVERIFY(writeInPlace(m_file, other));
        QTRY_COMPARE(asked.size(), 3);

        // Closed: no longer watched.
        w->setUnsavedPrompt([](const QString&) { return MainWindow::UnsavedChoice::Discard; });
        QVERIFY(w->closeFile());
        QVERIFY(!w->fileWatch()->isWatched(m_file));
        QVERIFY(writeInPlace(m_file, original));
        QTest::qWait(400);
        QCOMPARE(asked.size(), 3);
    }

    void changedOnDiskQuestionDoesNotBlock()
    {
        auto w = window();
        w->fileWatch()->setSettleDelay(50);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QVERIFY(w->openFile(m_file));
        QByteArray other = readAll(m_file);
        other.replace("Send boarding pass", "Changed elsewhere");
        QVERIFY(replaceByRename(m_file, other));
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = w->findChild<QMessageBox*>()) != nullptr);
        QVERIFY(box->isVisible());
        QVERIFY(!box->isModal());
        QVERIFY(box->text().contains(QDir::toNativeSeparators(m_file)));
        // A second change while it is open: still one question.
        other.replace("Changed elsewhere", "Changed again");
        QVERIFY(writeInPlace(m_file, other));
        QTest::qWait(300);
        QCOMPARE(w->findChildren<QMessageBox*>().size(), 1);
        QPushButton* reload = nullptr;
        for (QAbstractButton* b : box->buttons())
            if (b->text().remove(QLatin1Char('&')) == QStringLiteral("Reload"))
                reload = qobject_cast<QPushButton*>(b);
        QVERIFY(reload);
        reload->click();
        QCOMPARE(nameOf(w->currentView(), kTask), std::string("Changed again"));
        QTRY_VERIFY(w->findChildren<QMessageBox*>().isEmpty());
    }

    void fileWithoutOrWithBrokenDiagramIsLaidOutOnOpen()
    {
        using runway::core::modeling::needsLayout;
        const QByteArray complete = readAll(m_file);
        // Without any diagram: the example with its BPMNDiagram cut out.
        const qsizetype from = complete.indexOf("<bpmndi:BPMNDiagram");
        const QByteArray end = "</bpmndi:BPMNDiagram>";
        const qsizetype to = complete.lastIndexOf(end) + end.size();
        QVERIFY(from > 0 && to > from);
        const QString noDiagram = m_dir->filePath(QStringLiteral("no-diagram.bpmn"));
        QVERIFY(writeInPlace(noDiagram, complete.left(from) + complete.mid(to)));
        // With a broken one: the shape of one task left out.
        QByteArray broken = complete;
        const qsizetype shape = broken.indexOf("<bpmndi:BPMNShape id=\"Task_SendBoardingPass_di\"");
        const QByteArray shapeEnd = "</bpmndi:BPMNShape>";
        QVERIFY(shape > 0);
        broken.remove(shape, broken.indexOf(shapeEnd, shape) + shapeEnd.size() - shape);
        const QString brokenDiagram = m_dir->filePath(QStringLiteral("broken-diagram.bpmn"));
        QVERIFY(writeInPlace(brokenDiagram, broken));

        auto w = window();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        // A complete diagram is shown as it is.
        QVERIFY(w->openFile(m_file));
        QVERIFY(!w->currentView()->isModified());

        for (const QString& file : {noDiagram, brokenDiagram}) {
            QVERIFY(needsLayout(*runway::core::BpmnReader::readFile(file.toStdString()).document));
            QVERIFY(w->openFile(file));
            DocumentView* view = w->currentView();
            QVERIFY2(!needsLayout(view->document()), qPrintable(file)); // every flow node and flow drawn
            QVERIFY(view->isModified());
            QVERIFY2(w->statusBar()->currentMessage().contains(QStringLiteral("laid out automatically")),
                     qPrintable(w->statusBar()->currentMessage()));
            QVERIFY(w->currentCanvas());
            for (const char* id : {"Task_SendBoardingPass", "Task_CheckInPassenger", "EndEvent_CheckedIn"})
                QVERIFY2(w->currentCanvas()->showsElement(QString::fromLatin1(id)), id);
            // The layout is the first undo step: undone, the document is the file as read (and
            // unmodified, no canvas left without its diagram); redone, laid out and modified again.
            QUndoStack* undo = view->editor().undoStack();
            QCOMPARE(undo->count(), 1);
            QCOMPARE(undo->index(), 1);
            const std::string laidOut = runway::core::BpmnWriter::toString(view->document());
            undo->undo();
            QCOMPARE(
                runway::core::BpmnWriter::toString(view->document()),
                runway::core::BpmnWriter::toString(*runway::core::BpmnReader::readFile(file.toStdString()).document));
            QVERIFY(needsLayout(view->document()));
            QVERIFY(!view->isModified());
            undo->redo();
            QCOMPARE(runway::core::BpmnWriter::toString(view->document()), laidOut);
            QVERIFY(view->isModified());
            QVERIFY(w->currentCanvas());
            for (const char* id : {"Task_SendBoardingPass", "Task_CheckInPassenger", "EndEvent_CheckedIn"})
                QVERIFY2(w->currentCanvas()->showsElement(QString::fromLatin1(id)), id);
            // Saved, the file has the layout.
            QVERIFY(w->save());
            QVERIFY(!needsLayout(*runway::core::BpmnReader::readFile(file.toStdString()).document));
        }
    }
};

QTEST_MAIN(TestRecovery)
#include "tst_recovery.moc"
