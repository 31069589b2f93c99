// Any bytes as the body of an IntaSend push or status response. Must not crash, hang or trip a sanitizer;
// a parsed invoice must keep the promises wire.h makes, and every field is read so none of it is skipped.

#include "FuzzCheck.h"
#include "wire.h"

#include <QByteArray>

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
    // "A missing invoice or a missing/non-text id is an error."
    LIPA_FUZZ_CHECK(!invoice.invoiceId.isEmpty());
    // The state is what parseRemoteState makes of the raw text, nullopt for a state the client does not know.
    LIPA_FUZZ_CHECK(invoice.state == wire::parseRemoteState(invoice.rawState));
    // Money::parseDecimal takes digits only, so an amount is never negative.
    LIPA_FUZZ_CHECK(!invoice.value || invoice.value->cents() >= 0);
    g_sink = touch(invoice);
    return 0;
}
