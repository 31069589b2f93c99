// SPDX-License-Identifier: GPL-3.0-or-later
#include "AskFirst.h"

#include <QPushButton>

namespace lipa {

QMessageBox* askFirst(QWidget* parent, const Question& question, std::function<void()> act,
                      std::function<void()> declined)
{
    auto* box = new QMessageBox(question.icon, question.title, question.text, QMessageBox::NoButton, parent);
    box->setObjectName(question.dialogName);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* yes = box->addButton(question.doText, QMessageBox::AcceptRole);
    yes->setObjectName(question.doName);
    QPushButton* no = box->addButton(question.dontText, QMessageBox::RejectRole);
    no->setObjectName(question.dontName);
    box->setDefaultButton(question.enterActs ? yes : no);
    box->setEscapeButton(no);
    QObject::connect(box, &QMessageBox::finished, parent,
                     [box, yes, act = std::move(act), declined = std::move(declined)] {
                         if (box->clickedButton() == yes)
                             act();
                         else if (declined)
                             declined();
                     });
    box->open();
    return box;
}

} // namespace lipa
