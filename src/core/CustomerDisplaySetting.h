// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace lipa {

// The setting till/customer_display: "off", "window" (a window of its own, moved where it can be seen), or
// "screen:N" (full screen on the N-th screen, counted from 1).
struct CustomerDisplaySetting {
    enum class Where { Off, Window, Screen };
    Where where = Where::Off;
    int screen = 0; // Screen: 1 for the first

    // Nothing when the text is none of those (any case, spaces around ignored).
    static std::optional<CustomerDisplaySetting> parse(const QString& text);
};

} // namespace lipa
