# SPDX-License-Identifier: GPL-3.0-or-later
# The named mutations scripts/mutants applies, one at a time, to a scratch copy of the tree. Each is a bug
# a later change could plausibly bring in; the suite must catch every one. A mutation is a list of
# (file, text to find, text to put instead); the text must be found exactly once, so a mutation that no
# longer fits the code is reported as stale instead of silently testing nothing.

MUTATIONS = {
    "journal-after-push": (
        "The journal write moved to just after the push is handed to the network (Till::send).",
        [("src/till/Till.cpp",
          """    // Journal before wire: if the write fails, nothing is sent.
    if (!m_journal.addPayment(payment)) {
        Q_EMIT notice(tr("The payment could not be recorded (%1), so it was not sent. Nothing was charged.")
                          .arg(m_journal.lastError()));
        return {};
    }
    Q_EMIT paymentRecorded(payment);""",
          "")
         ,("src/till/Till.cpp",
          """        onPushFinished(ref, result);
        callEnded();
    });""",
          """        onPushFinished(ref, result);
        callEnded();
    });
    if (!m_journal.addPayment(payment)) {
        Q_EMIT notice(tr("The payment could not be recorded (%1), so it was not sent. Nothing was charged.")
                          .arg(m_journal.lastError()));
        return {};
    }
    Q_EMIT paymentRecorded(payment);""")]),
    "no-key-redaction": (
        "The key redaction removed (Redactor::bytes returns what it was given).",
        [("src/intasend/Redact.cpp",
          """QByteArray Redactor::bytes(QByteArray text) const
{""",
          """QByteArray Redactor::bytes(QByteArray text) const
{
    return text;""")]),
    "short-csv-committed": (
        "A CSV export whose journal read fails midway commits the short file.",
        [("src/journal/CsvExport.cpp",
          "file.cancelWriting(); // a short file must not pass for the whole export\n            return -1;",
          "break;")]),
    "resume-pushes-again": (
        "resume() sends a payment left in Sending again, under its own reference.",
        [("src/till/Till.cpp",
          """            moveTo(payment, PaymentState::Unknown, QStringLiteral("till restarted while sending"));""",
          """            m_client.requestStkPush({payment.amount, payment.phone, payment.localRef, m_tillName}, this,
                                    [this, ref = payment.localRef](const CallResult& r) { onPushFinished(ref, r); });""")]),
    "resume-charges-again": (
        "resume() charges a payment left in Sending again, as a new payment (a new reference).",
        [("src/till/Till.cpp",
          """            moveTo(payment, PaymentState::Unknown, QStringLiteral("till restarted while sending"));""",
          """            moveTo(payment, PaymentState::Unknown, QStringLiteral("till restarted while sending"));
            charge(payment.amount, payment.phone);""")]),
    "foreign-answer-applied": (
        "An answer about another api_ref is applied to the payment asked about.",
        [("src/till/PaymentRules.cpp",
          "if (!invoice.apiRef.isEmpty() && invoice.apiRef != before.localRef) {",
          "if (false) {")]),
    "paid-twice-unflagged": (
        "A cash sale that M-Pesa then pays is not flagged as paid twice.",
        [("src/till/PaymentRules.cpp", "out.paidTwice = true;", "out.paidTwice = false;")]),
    "resend-without-last-check": (
        "Resend sends without the fresh clearance of a last check.",
        [("src/till/ResendDesk.cpp",
          "    else if (!fresh)\n",
          "    else if (!fresh && false)\n")]),
    "cash-on-replaced-attempt": (
        "Use cash settles an attempt that was sent again (the open one could still charge).",
        [("src/till/SaleAttempts.cpp",
          "if (const std::optional<Payment> newer = journal.replacementOf(payment.localRef))",
          "if (const std::optional<Payment> newer = std::nullopt)")]),
    "dont-charge-charges": (
        "\"Don't charge\" on the duplicate-sale question charges all the same.",
        [("src/gui/PaymentActions.cpp",
          "        [this] { m_form->focusAmount(); });",
          "        [this, amount, phone] { send(amount, phone); });")]),
    "never-expires": (
        "A payment whose customer never answers is never marked Expired.",
        [("src/till/PaymentRules.cpp", "    out.to = PaymentState::Expired;\n", "")]),
}
