// MainWindow: files changed on disk by another program. Each open file is watched (FileWatch);
// when what it holds changes, the user is asked, without blocking, whether to reload it. Runway's
// own saves are acknowledged to the watch and ask nothing.
#include "MainWindow.h"

#include "FileWatch.h"
#include "runway/modeler/canvas/DocumentView.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>

namespace runway::app {

namespace {
const char* const kFileProperty = "runwayChangedFile";
}

void MainWindow::createFileWatch()
{
    m_fileWatch = new FileWatch(this);
    connect(m_fileWatch, &FileWatch::changedOnDisk, this, &MainWindow::changedOnDisk);
    m_diskChangePrompt = [this](const QString& file, bool modified) {
        // One question per file: a second change while it is open is answered by the same one.
        for (const QMessageBox* open : findChildren<QMessageBox*>())
            if (open->property(kFileProperty).toString() == file)
                return;
        auto* box =
            new QMessageBox(QMessageBox::Question, tr("File Changed on Disk"),
                            tr("%1 was changed on disk by another program.").arg(QDir::toNativeSeparators(file)),
                            QMessageBox::NoButton, this);
        box->setProperty(kFileProperty, file);
        box->setInformativeText(modified ? tr("Reload it? The changes you made in Runway and did not save would be "
                                              "lost; Ignore keeps them (saving then replaces the other program's "
                                              "version).")
                                         : tr("Reload it to see the new version?"));
        QPushButton* reload =
            box->addButton(modified ? tr("&Reload and Discard My Changes") : tr("&Reload"), QMessageBox::AcceptRole);
        box->addButton(tr("&Ignore"), QMessageBox::RejectRole);
        box->setDefaultButton(modified ? nullptr : reload);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::NonModal); // the window stays usable while it waits
        connect(box, &QMessageBox::buttonClicked, this, [this, file, reload](QAbstractButton* button) {
            if (button == reload)
                reloadFile(file);
        });
        box->show();
    };
}

void MainWindow::changedOnDisk(const QString& file)
{
    const int index = tabOfFile(file);
    if (index < 0)
        return;
    auto* view = qobject_cast<modeler::canvas::DocumentView*>(m_tabs->widget(index));
    statusBar()->showMessage(tr("%1 was changed on disk by another program.").arg(QFileInfo(file).fileName()));
    m_diskChangePrompt(file, view && view->isModified());
}

bool MainWindow::reloadFile(const QString& file)
{
    const int index = tabOfFile(file);
    if (index < 0)
        return false;
    return load(file, index); // in place; the old document and its recovery files go
}

void MainWindow::unwatchUnlessOpen(const QString& file)
{
    if (!file.isEmpty() && tabOfFile(file) < 0)
        m_fileWatch->unwatch(file);
}

} // namespace runway::app
