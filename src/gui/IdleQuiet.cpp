// SPDX-License-Identifier: GPL-3.0-or-later
#include "IdleQuiet.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QPixmapCache>

namespace lipa {

void keepIdleQuiet()
{
    QAbstractEventDispatcher* dispatcher =
        QAbstractEventDispatcher::instance(QCoreApplication::instance()->thread());
    if (!dispatcher)
        return;
    QObject::connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, dispatcher,
                     [] { QPixmapCache::clear(); });
}

} // namespace lipa
