// Any bytes as an IntaSend error body, and the same bytes split in two (at the first newline, else in the
// middle) as a failed payment's code and reason. Must not crash, hang or trip a sanitizer.

#include "FuzzCheck.h"
#include "wire.h"

#include <QByteArray>
#include <QString>

#include <algorithm>

using namespace lipa;

namespace {

volatile qsizetype g_sink = 0;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const char* begin = reinterpret_cast<const char*>(data);
    const char* end = begin + size;

    // Not copied: libFuzzer's buffer is exactly the input's size, so an overread is caught.
    const QString detail = wire::parseErrorBody(QByteArray::fromRawData(begin, qsizetype(size)));

    const char* newline = std::find(begin, end, '\n');
    const char* split = newline != end ? newline : begin + size / 2;
    const char* reasonBegin = newline != end ? newline + 1 : split;
    const QString code = QString::fromUtf8(begin, split - begin);
    const QString reason = QString::fromUtf8(reasonBegin, end - reasonBegin);
    const QString message = wire::cashierFailureMessage(code, reason);
    // The cashier always reads something: plain words for a known code, IntaSend's text, or "no reason
    // given".
    LIPA_FUZZ_CHECK(!message.trimmed().isEmpty());

    g_sink = detail.size() + message.size();
    return 0;
}
