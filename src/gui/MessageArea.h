// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Palette.h"

#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;

namespace lipa {

// The messages above the charge form, at most one of each kind: how the till runs (with Open Settings
// when Settings can be opened), what stands in the way of payments now, and something that just
// happened (until the cashier dismisses it). Hidden while it has nothing to say.
class MessageArea : public QWidget {
    Q_OBJECT
public:
    explicit MessageArea(QWidget* parent = nullptr);

    // Shows text as the message of that kind, in place of the one shown; empty text clears it.
    // whileOpen: the payment a warning holds for only while it is open ("still checking"); it goes when
    // that payment is final (paymentFinished).
    void showMessage(Palette::MessageKind kind, const QString& text, const QString& whileOpen = {});
    void clearMessage(Palette::MessageKind kind);
    QString message(Palette::MessageKind kind) const;
    // The payment has reached a final state: a warning that held only while it was open goes.
    void paymentFinished(const QString& localRef);
    // Offers Open Settings under the information message.
    void offerSettings(bool offered);

Q_SIGNALS:
    void settingsRequested();

private:
    QWidget* frameOf(Palette::MessageKind kind) const;
    QLabel* textOf(Palette::MessageKind kind) const;
    void updateVisibility();

    QFrame* m_information = nullptr;
    QLabel* m_informationText = nullptr;
    QPushButton* m_settingsButton = nullptr;
    QLabel* m_trouble = nullptr;
    QFrame* m_warning = nullptr;
    QLabel* m_warningText = nullptr;
    QString m_warningWhileOpen; // the payment the warning shown is about, if it holds only while it is open
};

} // namespace lipa
