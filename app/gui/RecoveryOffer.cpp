// MainWindow: saving without loss. The autosave of modified documents, the offer at start to
// restore what a Runway that did not close normally left behind, and the clean-up of a normal quit.
// See docs/recovery.md.
#include "MainWindow.h"

#include "Autosave.h"
#include "Recovery.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace runway::app {

void MainWindow::createSafety()
{
    m_autosave = new Autosave(this);
    if (!m_autosave->setFolder(defaultRecoveryFolder()))
        statusBar()->showMessage(m_autosave->error());
    connect(m_autosave, &Autosave::failed, this, [this](const QString& message) { statusBar()->showMessage(message); });
    createFileWatch();

    m_recoveryPrompt = [this](const QStringList& documents) {
        QMessageBox box(QMessageBox::Warning, tr("Restore Documents"),
                        documents.size() == 1
                            ? tr("Runway did not close normally. Restore 1 document?")
                            : tr("Runway did not close normally. Restore %1 documents?").arg(documents.size()),
                        QMessageBox::NoButton, this);
        box.setInformativeText(
            tr("Changes autosaved before it stopped:\n\u2022 %1").arg(documents.join(QStringLiteral("\n\u2022 "))));
        QPushButton* restore = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
        QPushButton* discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        box.addButton(tr("&Later"), QMessageBox::RejectRole);
        box.setDefaultButton(restore);
        box.exec();
        return box.clickedButton() == restore   ? RecoveryChoice::Restore
               : box.clickedButton() == discard ? RecoveryChoice::Discard
                                                : RecoveryChoice::Later;
    };
}

void MainWindow::cleanUpOnQuit()
{
    m_autosave->cleanUp();
}

int MainWindow::offerRecovery()
{
    Recovery recovery(m_autosave->folder(), m_autosave->instanceId());
    const QList<RecoverableDocument> found = recovery.scan();
    for (const QString& problem : recovery.problems())
        qWarning("runway: recovery: %s", qPrintable(problem));
    if (found.isEmpty())
        return 0;
    QStringList names;
    for (const RecoverableDocument& doc : found)
        names << doc.describe();
    const RecoveryChoice choice = m_recoveryPrompt(names);
    if (choice == RecoveryChoice::Later)
        return 0; // kept: offered again at the next start
    int restored = 0;
    QStringList failed;
    for (const RecoverableDocument& doc : found) {
        if (choice == RecoveryChoice::Discard) {
            Recovery::remove(doc);
        } else if (restoreRecovered(doc.recoveryFile, doc.sidecar.file)) {
            Recovery::remove(doc); // this instance's autosave holds it now
            ++restored;
        } else {
            failed << doc.describe(); // kept, for another try or by hand
        }
    }
    // No dialog here: main() shows the window right after, and tests drive this without one.
    if (!failed.isEmpty())
        statusBar()->showMessage(
            tr("Could not read back %1; the recovery files were left in %2.")
                .arg(failed.join(QStringLiteral("; ")), QDir::toNativeSeparators(m_autosave->folder())));
    else if (restored > 0)
        statusBar()->showMessage(restored == 1
                                     ? tr("Restored 1 document; save it to keep the changes.")
                                     : tr("Restored %1 documents; save them to keep the changes.").arg(restored));
    return restored;
}

} // namespace runway::app
