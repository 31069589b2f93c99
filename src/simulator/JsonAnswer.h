// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MiniHttpServer.h"

#include <QJsonObject>
#include <QString>

namespace lipa::sim {

// A JSON answer, as IntaSend's API gives them.
HttpResponse json(const QJsonObject& body, int status = 200);
// IntaSend's validation error shape (400): {"type": …, "errors": [{"code", "detail", "attr"}]}.
HttpResponse validationError(const QString& attr, const QString& detail);

} // namespace lipa::sim
