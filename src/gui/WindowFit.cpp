// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowFit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace lipa::WindowFit {

Placement place(QSize wanted, const QRect& screen, const QRect& available, bool hasWindowManager,
                bool fullScreen)
{
    if (fullScreen)
        return {screen, Placement::State::FullScreen};
    const bool small =
        available.width() <= kSmallScreen.width() || available.height() <= kSmallScreen.height();
    // Without a window manager nothing can move or resize the window: it takes the whole free area, which
    // is also what maximized means where there is one.
    if (small || !hasWindowManager)
        return {available, Placement::State::Maximized};
    QRect geometry({}, wanted.boundedTo(available.size()));
    geometry.moveCenter(available.center());
    return {geometry, Placement::State::Normal};
}

bool hasWindowManager()
{
    if (QGuiApplication::platformName() != u"xcb")
        return true; // Wayland compositors, Windows and macOS always manage windows
    for (const char* variable : {"XDG_CURRENT_DESKTOP", "XDG_SESSION_DESKTOP", "DESKTOP_SESSION",
                                 "GNOME_DESKTOP_SESSION_ID", "KDE_FULL_SESSION", "WINDOWMANAGER"}) {
        if (!qEnvironmentVariableIsEmpty(variable))
            return true;
    }
    return false;
}

void show(QWidget& window, bool fullScreen)
{
    const QScreen* screen = window.screen() ? window.screen() : QGuiApplication::primaryScreen();
    if (!screen) {
        window.show();
        return;
    }
    const Placement placement =
        place(window.size(), screen->geometry(), screen->availableGeometry(), hasWindowManager(), fullScreen);
    // The geometry first: where no window manager acts on "maximized", the window still covers the area.
    window.setGeometry(placement.geometry);
    switch (placement.state) {
    case Placement::State::Normal:
        window.show();
        break;
    case Placement::State::Maximized:
        window.showMaximized();
        break;
    case Placement::State::FullScreen:
        window.showFullScreen();
        break;
    }
}

} // namespace lipa::WindowFit
