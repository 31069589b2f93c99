// SPDX-License-Identifier: GPL-3.0-or-later
#include "EscPos.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

namespace lipa {

namespace {

constexpr char ESC = '\x1b';
constexpr char GS = '\x1d';

QByteArray cmd(std::initializer_list<char> bytes)
{
    return QByteArray(bytes.begin(), static_cast<qsizetype>(bytes.size()));
}

char alignCode(EscPosJob::Align align)
{
    switch (align) {
    case EscPosJob::Align::Left:
        return 0;
    case EscPosJob::Align::Center:
        return 1;
    case EscPosJob::Align::Right:
        return 2;
    }
    return 0;
}

// Splits text into lines of at most `width` characters at spaces; a word longer than that is cut.
QList<QByteArray> wrap(const QByteArray& text, int width)
{
    QList<QByteArray> lines;
    QByteArray current;
    for (const QByteArray& word : text.split(' ')) {
        QByteArray rest = word;
        while (rest.size() > width) {
            if (!current.isEmpty()) {
                lines.append(current);
                current.clear();
            }
            lines.append(rest.left(width));
            rest = rest.mid(width);
        }
        if (current.isEmpty())
            current = rest;
        else if (current.size() + 1 + rest.size() <= width)
            current += ' ' + rest;
        else {
            lines.append(current);
            current = rest;
        }
    }
    if (!current.isEmpty() || lines.isEmpty())
        lines.append(current);
    return lines;
}

} // namespace

std::optional<EscPosTarget> EscPosTarget::parse(const QString& text)
{
    const QString value = text.trimmed();
    EscPosTarget target;
    if (value.startsWith(u"usb:")) {
        target.kind = Kind::Usb;
        target.device = value.mid(4);
        if (!target.device.startsWith(u'/'))
            return std::nullopt;
        return target;
    }
    if (value.startsWith(u"serial:")) {
        target.kind = Kind::Serial;
        const QString rest = value.mid(7);
        const qsizetype colon = rest.lastIndexOf(u':');
        bool ok = false;
        target.baud = colon > 0 ? rest.mid(colon + 1).toInt(&ok) : 0;
        target.device = rest.left(colon);
        if (!ok || target.baud < 1200 || target.baud > 921600 || !target.device.startsWith(u'/'))
            return std::nullopt;
        return target;
    }
    if (value.startsWith(u"tcp://")) {
        const QUrl url(value, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() ||
            (url.path() != u"" && url.path() != u"/"))
            return std::nullopt;
        target.kind = Kind::Tcp;
        target.host = url.host();
        const int port = url.port(9100);
        if (port < 1 || port > 65535)
            return std::nullopt;
        target.port = static_cast<quint16>(port);
        return target;
    }
    return std::nullopt;
}

QString EscPosTarget::describe() const
{
    switch (kind) {
    case Kind::Usb:
    case Kind::Serial:
        return QCoreApplication::translate("lipa::EscPos", "the receipt printer on %1").arg(device);
    case Kind::Tcp:
        return QCoreApplication::translate("lipa::EscPos", "the receipt printer at %1:%2")
            .arg(host)
            .arg(port);
    }
    return {};
}

EscPosJob::EscPosJob(int columns)
    : m_columns(std::max(16, columns))
{
    m_bytes += cmd({ESC, '@'});       // initialise: the printer's own defaults
    m_bytes += cmd({ESC, 't', '\0'}); // code page PC437, which encode() keeps to
}

QByteArray EscPosJob::encode(const QString& text)
{
    QByteArray out;
    out.reserve(text.size());
    // Letters with accents lose them (é → e + ´); what is left outside ASCII is named here or becomes '?'.
    for (const QChar c : text.normalized(QString::NormalizationForm_KD)) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u < 0x7f)
            out += static_cast<char>(u);
        else if (c.category() == QChar::Mark_NonSpacing)
            continue;
        else if (u == u'•' || u == u'·' || u == u'×')
            out += u == u'×' ? 'x' : '*';
        else if (u == u'—' || u == u'–' || u == u'−')
            out += '-';
        else if (u == u'’' || u == u'‘')
            out += '\'';
        else if (u == u'“' || u == u'”')
            out += '"';
        else if (u == u'…')
            out += "...";
        else if (c.isSpace())
            out += ' ';
        else
            out += '?';
    }
    return out;
}

void EscPosJob::line(const QByteArray& encoded, Align align, bool bold, bool large)
{
    m_bytes += cmd({ESC, 'a', alignCode(align)});
    if (bold)
        m_bytes += cmd({ESC, 'E', '\1'});
    if (large)
        m_bytes += cmd({GS, '!', '\x11'}); // double width and height
    m_bytes += encoded;
    if (large)
        m_bytes += cmd({GS, '!', '\0'});
    if (bold)
        m_bytes += cmd({ESC, 'E', '\0'});
    m_bytes += '\n';
}

void EscPosJob::text(const QString& text, Align align, bool bold, bool large)
{
    const int width = large ? m_columns / 2 : m_columns;
    for (const QByteArray& part : wrap(encode(text).trimmed(), width))
        line(part, align, bold, large);
}

void EscPosJob::pair(const QString& left, const QString& right, bool bold)
{
    const QByteArray l = encode(left).trimmed();
    const QByteArray r = encode(right).trimmed();
    if (l.size() + 1 + r.size() <= m_columns) {
        line(l + QByteArray(m_columns - l.size() - r.size(), ' ') + r, Align::Left, bold, false);
        return;
    }
    for (const QByteArray& part : wrap(l, m_columns))
        line(part, Align::Left, bold, false);
    for (const QByteArray& part : wrap(r, m_columns))
        line(QByteArray(m_columns - part.size(), ' ') + part, Align::Left, bold, false);
}

void EscPosJob::rule()
{
    line(QByteArray(m_columns, '-'), Align::Left, false, false);
}

void EscPosJob::feed(int lines)
{
    m_bytes += cmd({ESC, 'd', static_cast<char>(std::clamp(lines, 0, 255))});
}

void EscPosJob::cut()
{
    m_bytes += cmd({GS, 'V', 'B', '\3'}); // feed 3 lines, then a partial cut
}

void EscPosJob::openDrawer()
{
    // ESC p m t1 t2: pin 2 (m = 0), on for 25 × 2 ms, off for 250 × 2 ms: what drawers sold with these
    // printers expect.
    m_bytes += cmd({ESC, 'p', '\0', '\x19', '\xfa'});
}

} // namespace lipa
