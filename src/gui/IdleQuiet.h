// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace lipa {

// An idle till must not wake up. Qt's pixmap cache (where the style keeps what it has drawn: the search
// field's clear button, frames, gradients) starts a 30-second timer at its first insertion to trim itself,
// and that timer woke the sleeping till once after every burst of painting: the only wake-up left at idle
// (issue 17, traced with gdb). The cache is emptied, which stops its timer, each time the event loop is
// about to sleep; a repaint draws those few pixmaps again (bench_history's slowest screen says what it
// costs).
void keepIdleQuiet();

} // namespace lipa
