#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace runway::app {

/// The recently opened files, most recent first, kept in the app's settings ("recentFiles").
/// Every change is saved at once, so another window or a crash loses nothing.
class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int MaxCount = 10;

    explicit RecentFiles(QObject* parent = nullptr);

    QStringList files() const { return m_files; }
    /// Puts path first (moving it up if it was there already).
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

    /// Fills menu with one action per file (numbered for the keyboard) and "Clear Menu".
    void fillMenu(QMenu* menu);

signals:
    void changed();
    void openRequested(const QString& path);

private:
    void save();

    QStringList m_files;
};

} // namespace runway::app
