// SPDX-License-Identifier: GPL-3.0-or-later
#include "WrappingLabel.h"

#include <QEvent>

namespace lipa {

namespace {

constexpr qsizetype kWidthsKept = 32; // a window's layouts ask about a handful of widths

} // namespace

WrappingLabel::WrappingLabel(QWidget* parent)
    : QLabel(parent)
{
    setWordWrap(true);
}

int WrappingLabel::heightForWidth(int width) const
{
    if (text() != m_measuredText || m_heights.size() > kWidthsKept) {
        m_heights.clear();
        m_measuredText = text();
    }
    if (const auto known = m_heights.constFind(width); known != m_heights.cend())
        return *known;
    const int height = QLabel::heightForWidth(width);
    m_heights.insert(width, height);
    return height;
}

void WrappingLabel::changeEvent(QEvent* event)
{
    // What the text is measured in changed: every height is stale.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange ||
        event->type() == QEvent::ContentsRectChange)
        m_heights.clear();
    QLabel::changeEvent(event);
}

} // namespace lipa
