// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>

namespace lipa {

// The F1 sheet: every key the till answers to, in the words of the cashier's job. Window-modal, deleted
// when closed.
class ShortcutSheet : public QMessageBox {
    Q_OBJECT
public:
    explicit ShortcutSheet(QWidget* parent);
};

} // namespace lipa
