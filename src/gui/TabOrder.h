// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <initializer_list>

class QWidget;

namespace lipa {

// Makes Tab visit the sections of window in the order given, and each section's controls in the order
// they were made. For a window whose parts are made in another order than Tab should visit them (a
// Designer form first, the widgets it holds afterwards). The window must not have a focus proxy yet.
void chainTabOrder(QWidget* window, std::initializer_list<QWidget*> sections);

} // namespace lipa
