// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace lipa {

// Where start-up's time goes: with LIPA_TILL_STARTUP_TRACE=1 in the environment, each step prints on stderr
// the milliseconds since the first step (main's first line) and since the step before. Off, a step costs
// one branch. For scripts/bench and the note of issue 17; never anything the till decides by.
void startupStep(const char* what);

} // namespace lipa
