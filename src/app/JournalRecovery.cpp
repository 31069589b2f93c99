// SPDX-License-Identifier: GPL-3.0-or-later
#include "JournalRecovery.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPushButton>

#include <cstdio>

namespace lipa {

namespace {

// Offscreen (tests, scripts) nobody could read or answer a dialog.
bool nobodyToAsk()
{
    return QGuiApplication::platformName() == u"offscreen";
}

} // namespace

void printReason(const QString& message)
{
    std::fprintf(stderr, "lipa-till: %s\n", qUtf8Printable(message));
    std::fflush(stderr);
}

void reportFatal(const QString& message)
{
    printReason(message);
    if (!nobodyToAsk()) // stderr has said it otherwise
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Lipa Till cannot start"),
                              message);
}

std::unique_ptr<Journal> JournalRecovery::open(const QString& dataDir, EnvironmentKind kind)
{
    const QString path = QDir(dataDir).filePath(Journal::fileName(environmentKey(kind)));
    // A journal moved aside as damaged, and no new one yet: the cashier chose to stop last time (or
    // could not be asked). Never start an empty journal over it without asking again.
    const QStringList damaged = QDir(dataDir).entryList(
        {Journal::fileName(environmentKey(kind)) + QStringLiteral(".damaged-*")}, QDir::Files);
    if (!QFile::exists(path) && !damaged.isEmpty()) {
        const QString message =
            QCoreApplication::translate("main", "The journal was found damaged earlier and was "
                                                "moved to %1. There is no journal now.")
                .arg(QDir::toNativeSeparators(QDir(dataDir).filePath(damaged.last())));
        if (nobodyToAsk()) {
            reportFatal(
                message + u' ' +
                QCoreApplication::translate("main", "Start the till on a screen to begin a new journal."));
            return nullptr;
        }
        const auto answer =
            QMessageBox::question(nullptr, QCoreApplication::translate("main", "No journal"),
                                  message + QStringLiteral("\n\n") +
                                      QCoreApplication::translate("main", "Start a new, empty journal now?"));
        if (answer != QMessageBox::Yes) {
            printReason(message + QStringLiteral(" No new journal was started."));
            return nullptr;
        }
    }
    Journal::OpenError error;
    std::unique_ptr<Journal> journal = Journal::open(path, &error);
    if (journal)
        return journal;
    if (error.kind != Journal::OpenError::Kind::Corrupt || error.movedAsideTo.isEmpty()) {
        reportFatal(error.message);
        return nullptr;
    }
    printReason(error.message);
    if (nobodyToAsk())
        return nullptr; // keep the damaged file aside and stop
    QMessageBox question(QMessageBox::Warning, QCoreApplication::translate("main", "The journal is damaged"),
                         error.message + QStringLiteral("\n\n") +
                             QCoreApplication::translate("main",
                                                         "Start a new, empty journal now? The damaged file "
                                                         "stays where it is for the shop's records."));
    QPushButton* startNew = question.addButton(QCoreApplication::translate("main", "Start a new journal"),
                                               QMessageBox::AcceptRole);
    question.addButton(QCoreApplication::translate("main", "Quit"), QMessageBox::RejectRole);
    question.exec();
    if (question.clickedButton() != startNew) {
        printReason(QStringLiteral("no new journal was started."));
        return nullptr;
    }
    journal = Journal::open(path, &error);
    if (!journal)
        reportFatal(error.message);
    return journal;
}

} // namespace lipa
