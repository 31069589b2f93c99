// SPDX-License-Identifier: GPL-3.0-or-later
#include "QrCode.h"

#include <qrencode.h>

#include <memory>

namespace lipa::QrCode {

QImage image(const QString& text)
{
    constexpr int kQuietZone = 4;
    const QByteArray utf8 = text.toUtf8();
    // Error correction M: a screen seen at an angle or a smudged display still scans.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code)
        return {};
    const int width = code->width;
    QImage image(width + 2 * kQuietZone, width + 2 * kQuietZone, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    for (int y = 0; y < width; ++y) {
        uchar* line = image.scanLine(y + kQuietZone);
        for (int x = 0; x < width; ++x) {
            if (code->data[y * width + x] & 1) // the low bit: a dark module
                line[x + kQuietZone] = 0;
        }
    }
    return image;
}

} // namespace lipa::QrCode
