// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

namespace lipa {

// The transaction list's table in a size that reads across the counter: a payment a row, its state as
// an icon and a word, and column widths worked out from the font rather than measured from the rows.
class PaymentTableView : public QTableView {
    Q_OBJECT
public:
    explicit PaymentTableView(QWidget* parent = nullptr);

    // Sets the model (a PaymentListModel) and sizes its columns.
    void setModel(QAbstractItemModel* model) override;
};

} // namespace lipa
