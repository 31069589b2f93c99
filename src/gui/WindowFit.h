// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRect>
#include <QSize>

class QWidget;

namespace lipa {

// Where the till's window opens, so that everything on it can be reached on any screen: never larger than
// the screen's free area, maximized on a small counter terminal (1024×600 or less) or where no window manager
// would let a cashier move or resize it, and full screen when a kiosk asks (till/fullscreen).
namespace WindowFit {

struct Placement {
    enum class State { Normal, Maximized, FullScreen };
    QRect geometry; // the window's client area, inside `available` (the screen for FullScreen)
    State state = State::Normal;
};

// The largest screen still maximized: the all-in-one terminals sold for counters.
inline constexpr QSize kSmallScreen{1024, 600};

// Pure: the window's place for the size it would like on a screen with this free area.
Placement place(QSize wanted, const QRect& screen, const QRect& available, bool hasWindowManager,
                bool fullScreen);

// Whether a window manager runs. Qt does not say; a program started by xinit on a kiosk has no desktop
// session, so an X11 display with none of the variables a desktop session sets is taken to have none.
bool hasWindowManager();

// Shows the window placed by place() on its screen.
void show(QWidget& window, bool fullScreen);

} // namespace WindowFit

} // namespace lipa
