// SPDX-License-Identifier: GPL-3.0-or-later
// The floor for start-up and memory: a bare QMainWindow with an empty QTableView, nothing else.
// Exits after the first pass of the event loop, like lipa-till --quit-after-ready.

#include <QApplication>
#include <QFile>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    QStandardItemModel model(0, 6);
    auto* view = new QTableView(&window);
    view->setModel(&model);
    window.setCentralWidget(view);
    window.resize(1100, 640);
    window.show();
    QTimer::singleShot(0, &app, &QCoreApplication::quit);
    const int status = QApplication::exec();
    if (app.arguments().contains(QStringLiteral("--rss"))) {
        QFile proc(QStringLiteral("/proc/self/status"));
        if (proc.open(QIODevice::ReadOnly)) {
            for (const QByteArray& line : proc.readAll().split('\n')) {
                if (line.startsWith("VmRSS:"))
                    std::printf("rss_kib=%s\n", line.mid(6).trimmed().split(' ').first().constData());
            }
        }
    }
    return status;
}
