// SPDX-License-Identifier: GPL-3.0-or-later
#include "CustomerDisplaySetting.h"

namespace lipa {

std::optional<CustomerDisplaySetting> CustomerDisplaySetting::parse(const QString& text)
{
    const QString value = text.trimmed().toLower();
    if (value == u"off")
        return CustomerDisplaySetting{};
    if (value == u"window")
        return CustomerDisplaySetting{Where::Window, 0};
    if (value.startsWith(u"screen:")) {
        bool ok = false;
        const int screen = value.mid(7).toInt(&ok);
        if (ok && screen >= 1 && screen <= 16)
            return CustomerDisplaySetting{Where::Screen, screen};
    }
    return std::nullopt;
}

} // namespace lipa
