// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>
#include <QString>

#include <functional>

namespace lipa {

// A question before an action that cannot be taken back (a second charge, a resend, going LIVE).
struct Question {
    QMessageBox::Icon icon = QMessageBox::Warning;
    QString dialogName; // object names, for tests and accessibility tools
    QString title;
    QString text; // plain text: it may quote IntaSend
    QString doText;
    QString doName;
    QString dontText;
    QString dontName;
    // Only for a harmless step that is the usual answer (reading IntaSend's records before a Z report):
    // Enter then means "do"; Esc still means "don't".
    bool enterActs = false;
};

// Opens the question (window-modal, without blocking) and calls act() if the cashier chose to act, else
// declined(). Enter and Esc both mean "don't" (unless enterActs): a key held down must never be the
// answer. Returns the question's box (deleted when it closes), for a question whose facts may change while
// it is open.
QMessageBox* askFirst(QWidget* parent, const Question& question, std::function<void()> act,
                      std::function<void()> declined = {});

} // namespace lipa
