// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace lipa {

// Big buttons for a touch till: digits, 00, backspace, Next (Tab) and Charge (Enter). Each press types
// into the field that has the keyboard focus, exactly as the key would; the buttons never take the
// focus themselves, so the cursor stays where the cashier is typing.
class NumericKeypad : public QWidget {
    Q_OBJECT
public:
    explicit NumericKeypad(QWidget* parent = nullptr);

private:
    void press(int key, const QString& text);
};

} // namespace lipa
