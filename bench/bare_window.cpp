// The floor for start-up and memory: a bare QMainWindow with an empty QTableView, nothing else.
// Exits after the first pass of the event loop, like lipa-till --quit-after-ready.

#include <QApplication>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>

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
    if (!app.arguments().contains(QStringLiteral("--stay")))
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    return QApplication::exec();
}
