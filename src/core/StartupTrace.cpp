// SPDX-License-Identifier: GPL-3.0-or-later
#include "StartupTrace.h"

#include <QElapsedTimer>
#include <QtGlobal>

#include <cstdio>

namespace lipa {

void startupStep(const char* what)
{
    static const bool enabled = qEnvironmentVariableIntValue("LIPA_TILL_STARTUP_TRACE") != 0;
    if (!enabled)
        return;
    static QElapsedTimer since;
    static qint64 last = 0;
    if (!since.isValid())
        since.start();
    const qint64 now = since.nsecsElapsed();
    std::fprintf(stderr, "lipa-till: startup %8.2f ms (+%6.2f) %s\n", double(now) / 1e6,
                 double(now - last) / 1e6, what);
    last = now;
}

} // namespace lipa
