// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes as IntaSend's invoice list, a refund request or the refund list. Must not crash, hang or trip
// a sanitizer; what the parsers return is checked against the document, read here independently.

#include "FuzzCheck.h"
#include "records.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace lipa;

namespace {

volatile qint64 g_sink = 0;

// The list's items as the document holds them: {"results": […]} or a bare array.
std::optional<QJsonArray> itemsIn(const QJsonDocument& document)
{
    if (document.isArray())
        return document.array();
    if (document.isObject() && document.object().value(QLatin1String("results")).isArray())
        return document.object().value(QLatin1String("results")).toArray();
    return std::nullopt;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // Not copied: libFuzzer's buffer is exactly the input's size, so an overread is caught.
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(body.constData(), body.size()));
    const std::optional<QJsonArray> items = itemsIn(document);

    const Result<wire::InvoicePage> page = wire::parseInvoicePage(body);
    // A list parses exactly when the document has one, and every item is either read or reported: a
    // look that skipped an item must know it did.
    LIPA_FUZZ_CHECK(page.isOk() == items.has_value());
    if (page) {
        LIPA_FUZZ_CHECK(page->invoices.size() + page->unreadable.size() == items->size());
        for (const wire::Invoice& invoice : page->invoices) {
            LIPA_FUZZ_CHECK(!invoice.invoiceId.isEmpty());
            LIPA_FUZZ_CHECK(!invoice.charges || invoice.charges->cents() >= 0);
            LIPA_FUZZ_CHECK(!invoice.netAmount || invoice.netAmount->cents() >= 0);
            g_sink = g_sink + invoice.apiRef.size() + invoice.rawState.size();
        }
        LIPA_FUZZ_CHECK(page->count >= -1);
        // A next link is only ever the document's own text.
        LIPA_FUZZ_CHECK(page->next.isEmpty() ||
                        page->next == document.object().value(QLatin1String("next")).toString().trimmed());
    }

    const Result<wire::Chargeback> chargeback = wire::parseChargeback(body);
    if (chargeback) {
        LIPA_FUZZ_CHECK(document.isObject());
        LIPA_FUZZ_CHECK(!chargeback->id.isEmpty());
        const QString raw = document.object().value(QLatin1String("status")).toString();
        LIPA_FUZZ_CHECK(chargeback->rawStatus == raw);
        if (chargeback->status) {
            const QString word = raw.trimmed().toUpper();
            switch (*chargeback->status) {
            case wire::ChargebackStatus::Pending:
                LIPA_FUZZ_CHECK(word == QLatin1String("PENDING"));
                break;
            case wire::ChargebackStatus::Cancelled:
                LIPA_FUZZ_CHECK(word == QLatin1String("CANCELLED") || word == QLatin1String("CANCELED"));
                break;
            case wire::ChargebackStatus::Disputed:
                LIPA_FUZZ_CHECK(word == QLatin1String("DISPUTED"));
                break;
            case wire::ChargebackStatus::Overdue:
                LIPA_FUZZ_CHECK(word == QLatin1String("OVERDUE"));
                break;
            case wire::ChargebackStatus::Completed:
                LIPA_FUZZ_CHECK(word == QLatin1String("COMPLETE") || word == QLatin1String("COMPLETED"));
                break;
            }
        }
        LIPA_FUZZ_CHECK(!chargeback->amount || chargeback->amount->cents() >= 0);
    }

    const Result<QList<wire::Chargeback>> chargebacks = wire::parseChargebackList(body);
    LIPA_FUZZ_CHECK(chargebacks.isOk() == items.has_value());
    if (chargebacks)
        LIPA_FUZZ_CHECK(chargebacks->size() <= items->size());
    return 0;
}
