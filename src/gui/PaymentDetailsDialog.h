// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"

#include <QDialog>

class QFormLayout;
class QPushButton;
class QTableWidget;

namespace lipa {

class Journal;
class Till;

// Everything the journal knows about one payment: its fields, every recorded change with its time and
// IntaSend's raw state, and Check now while it can still change. Follows the payment live.
class PaymentDetailsDialog : public QDialog {
    Q_OBJECT
public:
    PaymentDetailsDialog(const Journal& journal, Till& till, const QString& localRef,
                         QWidget* parent = nullptr);

private:
    void reload();

    const Journal& m_journal;
    Till& m_till;
    QString m_localRef;
    QFormLayout* m_fields = nullptr;
    QTableWidget* m_events = nullptr;
    QPushButton* m_checkButton = nullptr;
};

} // namespace lipa
