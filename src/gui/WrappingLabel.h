// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QLabel>

namespace lipa {

// A word-wrapped label that remembers its height for the widths it has been asked about. While a window's
// layouts settle they ask a wrapped label's heightForWidth() again and again, and QLabel lays its text out
// afresh each time (a whole QTextDocument for rich text): at start-up the left column's few labels were
// laid out 520 times, a fifth of the till's start-up instructions (callgrind, issue 17).
class WrappingLabel : public QLabel {
    Q_OBJECT
public:
    explicit WrappingLabel(QWidget* parent = nullptr);

    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    mutable QString m_measuredText; // the text the heights are for
    mutable QHash<int, int> m_heights;
};

} // namespace lipa
