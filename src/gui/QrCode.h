// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QString>

namespace lipa::QrCode {

// The QR code of the text (a checkout's address) as an image of one pixel per module, black on white,
// with the four-module quiet zone around it that phone cameras need; scale it by whole numbers only.
// Null when the text cannot be encoded (too long).
QImage image(const QString& text);

} // namespace lipa::QrCode
