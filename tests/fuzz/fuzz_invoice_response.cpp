// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes as the body of an IntaSend push or status response. Must not crash, hang or trip a sanitizer;
// a parsed invoice must keep the promises wire.h makes, and every field is read so none of it is skipped.

#include "FuzzCheck.h"
#include "wire.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace lipa;

namespace {

volatile qint64 g_sink = 0;

qint64 msecsOf(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : -1;
}

qint64 touch(const wire::Invoice& invoice)
{
    qint64 sum = invoice.invoiceId.size() + invoice.rawState.size() + invoice.currency.size() +
                 invoice.provider.size() + invoice.account.size() + invoice.apiRef.size() +
                 invoice.mpesaReference.size() + invoice.failedReason.size() + invoice.failedCode.size();
    sum += invoice.state ? static_cast<qint64>(*invoice.state) : -1;
    if (invoice.value)
        sum += invoice.value->cents() + invoice.value->toDisplayString().size();
    sum ^= msecsOf(invoice.createdAt) ^ msecsOf(invoice.updatedAt);
    sum += wire::cashierFailureMessage(invoice.failedCode, invoice.failedReason).size();
    return sum;
}

// What the document says, read here without the parser's helpers: the invariants below compare the
// parser's answer with these, not with its own functions.
struct Expected {
    QJsonObject invoice;
    bool found = false;
};

Expected expectedFrom(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    Expected expected;
    if (document.isObject() && document.object().value(QLatin1String("invoice")).isObject()) {
        expected.invoice = document.object().value(QLatin1String("invoice")).toObject();
        expected.found = true;
    }
    return expected;
}

// Whether the id came from the document: invoice_id, else id, as text or as a whole number.
bool idComesFrom(const QString& id, const QJsonObject& invoice)
{
    for (const char* name : {"invoice_id", "id"}) {
        const QJsonValue value = invoice.value(QLatin1String(name));
        if (value.isString() && value.toString().trimmed() == id)
            return true;
        if (value.isDouble() && QString::number(value.toDouble(), 'f', 0) == id)
            return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // Not copied: libFuzzer's buffer is exactly the input's size, so an overread is caught.
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const Result<wire::Invoice> result = wire::parseInvoiceResponse(body);
    if (!result) {
        LIPA_FUZZ_CHECK(!result.error().isEmpty());
        return 0;
    }

    const wire::Invoice& invoice = *result;
    const Expected expected = expectedFrom(body);
    // Only a JSON object with an invoice object parses, and everything comes from that invoice.
    LIPA_FUZZ_CHECK(expected.found);
    // "A missing invoice or a missing/non-text id is an error."
    LIPA_FUZZ_CHECK(!invoice.invoiceId.isEmpty());
    LIPA_FUZZ_CHECK(idComesFrom(invoice.invoiceId, expected.invoice));
    // The raw state is the document's, exactly; the state is one of IntaSend's documented words for it.
    LIPA_FUZZ_CHECK(invoice.rawState == expected.invoice.value(QLatin1String("state")).toString());
    if (invoice.state) {
        const QString word = invoice.rawState.trimmed().toUpper();
        switch (*invoice.state) {
        case wire::RemoteState::Pending:
            LIPA_FUZZ_CHECK(word == QLatin1String("PENDING"));
            break;
        case wire::RemoteState::Processing:
            LIPA_FUZZ_CHECK(word == QLatin1String("PROCESSING"));
            break;
        case wire::RemoteState::Retry:
            LIPA_FUZZ_CHECK(word == QLatin1String("RETRY"));
            break;
        case wire::RemoteState::Complete:
            LIPA_FUZZ_CHECK(word == QLatin1String("COMPLETE") || word == QLatin1String("COMPLETED"));
            break;
        case wire::RemoteState::Failed:
            LIPA_FUZZ_CHECK(word == QLatin1String("FAILED"));
            break;
        }
    }
    // A reference or an M-Pesa code the document does not hold is never made up.
    const QJsonValue apiRef = expected.invoice.value(QLatin1String("api_ref"));
    LIPA_FUZZ_CHECK(apiRef.isString() ? invoice.apiRef == apiRef.toString()
                                      : apiRef.isDouble() || invoice.apiRef.isEmpty());
    const QJsonValue mpesa = expected.invoice.value(QLatin1String("mpesa_reference"));
    LIPA_FUZZ_CHECK(mpesa.isString() ? invoice.mpesaReference == mpesa.toString().trimmed()
                                     : mpesa.isDouble() || invoice.mpesaReference.isEmpty());
    // Money::parseDecimal takes digits only, so an amount is never negative.
    LIPA_FUZZ_CHECK(!invoice.value || invoice.value->cents() >= 0);
    g_sink = touch(invoice);
    return 0;
}
