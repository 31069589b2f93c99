// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace lipa {

// Where a raw ESC/POS printer is, from the setting printer/escpos.
struct EscPosTarget {
    enum class Kind { Usb, Serial, Tcp };
    Kind kind = Kind::Tcp;
    QString device; // Usb, Serial: "/dev/usb/lp0", "/dev/ttyUSB0"
    int baud = 0;   // Serial
    QString host;   // Tcp
    quint16 port = 0;

    // "usb:/dev/usb/lp0", "serial:/dev/ttyUSB0:9600", "tcp://192.168.1.50:9100" (port 9100 when left
    // out); nothing for anything else.
    static std::optional<EscPosTarget> parse(const QString& text);
    // As a cashier reads it in a message: "the printer at 192.168.1.50:9100", "… on /dev/usb/lp0".
    QString describe() const;
};

// The bytes of one ESC/POS job: text in lines of at most `columns` characters (32 on a 58 mm roll, 48 on
// 80 mm), in the printer's basic code page (PC437), so anything outside ASCII is written as its nearest
// ASCII ("•" as "*", "—" as "-", "é" as "e").
class EscPosJob {
public:
    enum class Align { Left, Center, Right };

    explicit EscPosJob(int columns);

    int columns() const { return m_columns; }
    // One line of text, wrapped at word boundaries to the width (long words are cut).
    void text(const QString& line, Align align = Align::Left, bool bold = false, bool large = false);
    // A label on the left and a value on the right of one line; on two when they do not fit.
    void pair(const QString& left, const QString& right, bool bold = false);
    // A line of dashes across the paper.
    void rule();
    void feed(int lines = 1);
    // Feeds the paper past the cutter and cuts it (partial cut: the slip hangs on for the cashier to tear).
    void cut();
    // The pulse that opens a cash drawer on the printer's drawer port (pin 2).
    void openDrawer();

    const QByteArray& bytes() const { return m_bytes; }
    // The text as the printer's code page has it.
    static QByteArray encode(const QString& text);

private:
    void line(const QByteArray& encoded, Align align, bool bold, bool large);

    int m_columns;
    QByteArray m_bytes;
};

// ESC/POS's real-time status (DLE EOT 4, the paper roll sensor): the request and what its answer means.
namespace EscPosStatus {
inline constexpr char kPaperRequest[] = {'\x10', '\x04', '\x04'};
// True when the printer's answer to kPaperRequest says the paper has run out.
inline bool paperOut(char answer)
{
    return (static_cast<unsigned char>(answer) & 0x60) == 0x60;
}
} // namespace EscPosStatus

} // namespace lipa
