// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonAnswer.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace lipa::sim {

HttpResponse json(const QJsonObject& body, int status)
{
    return HttpResponse{status, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", {}};
}

HttpResponse validationError(const QString& attr, const QString& detail)
{
    const QJsonObject error{{QStringLiteral("code"), QStringLiteral("invalid")},
                            {QStringLiteral("detail"), detail},
                            {QStringLiteral("attr"), attr}};
    const QJsonObject body{{QStringLiteral("type"), QStringLiteral("validation_error")},
                           {QStringLiteral("errors"), QJsonArray{error}}};
    return json(body, 400);
}

} // namespace lipa::sim
