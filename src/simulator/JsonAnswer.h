// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MiniHttpServer.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace lipa::sim {

// A JSON answer, as IntaSend's API gives them.
HttpResponse json(const QJsonObject& body, int status = 200);
// IntaSend's validation error shape (400): {"type": …, "errors": [{"code", "detail", "attr"}]}.
HttpResponse validationError(const QString& attr, const QString& detail);
// A push's or checkout's JSON body into *body, or IntaSend's refusal of it: not JSON, no valid public key,
// or a currency other than KES.
std::optional<HttpResponse> refusedPaymentBody(const QByteArray& bytes, QJsonObject* body);

} // namespace lipa::sim
