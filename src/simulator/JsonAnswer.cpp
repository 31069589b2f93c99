// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonAnswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

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

std::optional<HttpResponse> refusedPaymentBody(const QByteArray& bytes, QJsonObject* body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("JSON parse error")}}, 400);
    *body = document.object();
    if (!body->value(QStringLiteral("public_key")).toString().startsWith(QStringLiteral("ISPubKey_")))
        return validationError(QStringLiteral("public_key"),
                               QStringLiteral("A valid public key is required."));
    if (body->value(QStringLiteral("currency")).toString() != u"KES")
        return validationError(QStringLiteral("currency"), QStringLiteral("Currency must be KES."));
    return std::nullopt;
}

} // namespace lipa::sim
