// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JournalConnection.h"
#include "Outbox.h"
#include "Payment.h"
#include "PaymentFilter.h"
#include "ReconciliationLog.h"
#include "RefundLog.h"
#include "SaleLog.h"
#include "ShiftLog.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QSqlQuery;

namespace lipa {

// One recorded change of a payment's state, kept for audits.
struct PaymentEvent {
    QString localRef;
    QDateTime at;                     // UTC
    std::optional<PaymentState> from; // none for the row that records the payment's creation
    PaymentState to = PaymentState::Sending;
    QString remoteState; // IntaSend's raw state, if the change came from IntaSend
    QString detail;      // receipt code, failure code and reason, or why the till decided it
};

// What a set of payments adds up to, counted by the state table's groups (paid ones also by how the
// money was taken).
struct Totals {
    int paidCount = 0;
    Money paidSum;
    int pendingCount = 0;   // Sending, Pending, Processing: waiting for the customer
    int attentionCount = 0; // Unknown, Expired: the cashier must look
    int failedCount = 0;    // Failed, Rejected
    int cashCount = 0;      // settled in cash instead of M-Pesa
    Money cashSum;

    // Counts `count` payments in this state, adding up to `sum`.
    void add(PaymentState state, int count, Money sum);
    Totals& operator+=(const Totals& other);
};

// The durable record of every payment and every state change: the shop's record of the day.
//
// A SQLite file in the data directory, in WAL mode, held exclusively by one till. A payment is written,
// and synced to disk, before its request goes on the wire; every later change updates the payment and
// appends an event in one transaction. Nothing is ever deleted. The schema carries a version
// (PRAGMA user_version) and is upgraded by ordered migrations, all in one transaction (JournalSchema).
class Journal {
public:
    static constexpr int kSchemaVersion = 10;
    static QString fileName(const QString& environmentKey);

    struct OpenError {
        enum class Kind { None, Locked, Corrupt, NewerVersion, ReadOnly, DiskFull, Other };
        Kind kind = Kind::None;
        QString message;      // for the cashier and the log
        QString movedAsideTo; // Corrupt: where the damaged file now is (it is never deleted)
    };

    // Opens the journal at path, creating it if there is none. Returns null, with *error filled in, when
    // it cannot be used; a damaged file is moved aside (never deleted) and reported, not replaced.
    static std::unique_ptr<Journal> open(const QString& path, OpenError* error);
    // A journal that lives only as long as the object: for tests and throwaway runs.
    static std::unique_ptr<Journal> openInMemory();
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    // Records a new payment, synced to disk, and sets its sequence. False (lastError() says why) if it
    // could not be recorded: its request must then not be sent.
    // With newSale, the payment is the first part of that sale, and the sale is recorded with it in the
    // same transaction (its id is set).
    bool addPayment(Payment& payment, Sale* newSale = nullptr);
    // Records a change: the payment's row and an event describing the change, in one transaction.
    bool updatePayment(const Payment& payment, const QString& detail);

    std::optional<Payment> find(const QString& localRef) const;
    // Every attempt of every part of a sale, oldest first.
    QList<Payment> partsOf(const QString& saleRef, bool* ok = nullptr) const;
    // Payments matching the filter, newest first, with a sequence below beforeSequence (keyset paging:
    // the cost does not grow with how far back the page is).
    // *ok (if given) is false when the journal could not be read: an empty page is then not the end.
    QList<Payment> page(const PaymentFilter& filter, qint64 beforeSequence, int limit,
                        bool* ok = nullptr) const;
    // The payments with these sequences, in no particular order (the list's rows it had let go of and
    // must show again). At most a few hundred at a time.
    QList<Payment> withSequences(const QList<qint64>& sequences, bool* ok = nullptr) const;
    // Every payment that can still change: not Complete, Failed, Rejected or Cash.
    QList<Payment> unfinished() const;
    // What a till picks up at start-up: payments that may still charge the customer
    // (StateTraits::mayStillCharge), and Expired and Cash ones created since expiredSince. Old Expired
    // payments, which pile up over the years, are left to the "Needs checking" filter.
    QList<Payment> toResume(const QDateTime& expiredSince) const;
    // The newest payment to this phone for this amount that may still charge the customer
    // (StateTraits::mayStillCharge). What a second charge of the same sale would duplicate.
    // Expired ones created since expiredSince count too: the customer may still have paid late.
    std::optional<Payment> latestOpen(const PhoneNumber& phone, Money amount,
                                      const QDateTime& expiredSince = {}) const;
    // The attempt that was sent again in place of this one, if any.
    std::optional<Payment> replacementOf(const QString& localRef) const;
    // When the oldest payment still in progress (StateTraits::inProgress) was created; invalid
    // when there is none.
    QDateTime oldestInProgress() const;
    QList<PaymentEvent> events(const QString& localRef) const;
    // Read from the hour totals (hour_totals, kept by triggers) for a state group and a time range, so the
    // cost does not follow the journal's size; a search is summed over the rows its index finds.
    Totals totals(const PaymentFilter& filter) const;
    Totals totals(const QDateTime& from, const QDateTime& to) const;
    // The totals of one calendar day in the till's time zone (today's, for the totals panel).
    Totals totalsOfDay(const QDate& localDay) const
    {
        return totals(localDay.startOfDay().toUTC(), localDay.addDays(1).startOfDay().toUTC());
    }
    qint64 paymentCount() const;
    // Every payment created in [from, to), oldest first (a shift's or a day's worth: hundreds, not millions).
    QList<Payment> paymentsBetween(const QDateTime& from, const QDateTime& to, bool* ok = nullptr) const;
    // The same a slice at a time, oldest first: up to limit payments that come after `after` (by creation
    // time, then sequence), or from the start when after is null. For days of thousands.
    QList<Payment> paymentsBetween(const QDateTime& from, const QDateTime& to, const Payment* after,
                                   int limit, bool* ok = nullptr) const;
    // Sales made before `from` that were settled in cash between `from` and `to` and are still cash
    // sales: the cash went into the drawer then, not when the sale was made.
    QList<Payment> settledInCashLater(const QDateTime& from, const QDateTime& to, bool* ok = nullptr) const;

    // The shifts, kept in the same file and on the same connection (their failures are lastError() too).
    ShiftLog& shifts() { return m_shifts; }
    const ShiftLog& shifts() const { return m_shifts; }
    // Refund requests, and reconciliations with IntaSend's records: the same file and connection too.
    RefundLog& refunds() { return m_refunds; }
    const RefundLog& refunds() const { return m_refunds; }
    ReconciliationLog& reconciliations() { return m_reconciliations; }
    // Sales taken in several payments.
    SaleLog& sales() { return m_sales; }
    const SaleLog& sales() const { return m_sales; }
    const ReconciliationLog& reconciliations() const { return m_reconciliations; }

    // What the shop database has not seen yet: every change in the order it was recorded.
    const Outbox& outbox() const { return m_outbox; }
    // Called after every write, perhaps before its transaction commits (see JournalConnection::setOnWrite).
    void setOnWrite(std::function<void()> onWrite) { m_connection.setOnWrite(std::move(onWrite)); }

    QString path() const { return m_path; }
    QString lastError() const { return m_connection.lastError(); }
    // The name of the journal's QSqlDatabase connection, for tests and benchmarks only
    // (tests/support/JournalTesting): the till never reaches past the journal into its database.
    QString connectionName() const { return m_connection.name(); }

private:
    explicit Journal(QString connectionName, QString path);
    // Runs a prepared SELECT of PaymentRow::columns() and reads every payment it finds; *ok says whether
    // it ran.
    QList<Payment> readPayments(QSqlQuery& query, const char* what, bool* ok) const;
    // The filter's totals summed over the payments it matches (a search, or the part of an hour at
    // either end of a range).
    Totals summedTotals(const PaymentFilter& filter) const;
    // The totals of the whole hours [fromHour, toHour) in the states of this group.
    Totals hourTotals(qint64 fromHour, qint64 toHour, StateGroup group) const;
    bool insertEvent(qint64 paymentId, const QDateTime& at, std::optional<PaymentState> from, PaymentState to,
                     const QString& remoteState, const QString& detail);

    JournalConnection m_connection;
    ShiftLog m_shifts{m_connection}; // after m_connection: it works on it
    RefundLog m_refunds{m_connection};
    ReconciliationLog m_reconciliations{m_connection};
    SaleLog m_sales{m_connection};
    Outbox m_outbox{m_connection};
    QString m_path;
};

} // namespace lipa
