// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"

#include <QString>

namespace lipa {

class Journal;

// The other attempts of the same sale (the same phone and amount, or a resend of this payment): a
// payment must not be sent again, or settled in cash, while another attempt may still charge the
// customer. Each function says why in the cashier's words, or returns an empty string.
namespace SaleAttempts {

// Why this sale must not be sent again while another attempt of it is open; empty when none is.
QString otherOpen(const Journal& journal, const Payment& payment);
// As otherOpen, and also when the payment itself was sent again: why the sale must not be settled on
// this attempt.
QString openElsewhere(const Journal& journal, const Payment& payment);
// Why a part of a sale taken in parts must not be sent again or settled any more: its sale is closed (paid
// in full, or closed short by a manager). Empty for an open sale, or a payment that is not a part.
QString saleClosed(const Journal& journal, const Payment& payment);
// Why this attempt at a part of a sale must not be sent again or settled in cash: another attempt at the
// same part was paid (an expired one approved late, say), or the attempt asks for more than is left to pay
// on the sale. Empty otherwise, and for a payment that is not a part.
QString partSettled(const Journal& journal, const Payment& payment);

} // namespace SaleAttempts

} // namespace lipa
