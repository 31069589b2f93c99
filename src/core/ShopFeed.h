// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"
#include "Shift.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUuid>

namespace lipa {

// Who a till is in the shop database: a UUID made at its first start (till/id), its name (till/name)
// and the branch of a chain whose branches share one database (shop/branch, may be empty).
struct TillIdentity {
    QUuid id;
    QString name;
    QString branch;
};

// One recorded change of a payment's state, as the journal has it, on its way to the shop database.
struct FeedEvent {
    qint64 eventId = 0; // the journal's event number: with the till's id, its key in the shop database
    QString localRef;
    QDateTime at;        // UTC
    QString fromState;   // state key (stateKey()); empty for the event that records the creation
    QString toState;     // state key
    QString remoteState; // IntaSend's raw state, if the change came from IntaSend
    QString detail;
};

// A slice of the journal's outbox: everything recorded after `afterSeq` up to and including `lastSeq`,
// in the order it was recorded. The shop database applies a batch in one transaction, idempotently
// (keys are the till's id with the journal's numbers), and remembers lastSeq for the till, so a batch
// sent twice (a crash after the server's commit, before the till heard of it) changes nothing.
struct OutboxBatch {
    qint64 afterSeq = 0;
    qint64 lastSeq = 0;
    QString lastToken;       // the random token of the item at lastSeq (see Outbox::tokenAt)
    QList<Payment> payments; // the current row of every payment the events touch
    QList<FeedEvent> events;
    QList<Shift> shifts; // shifts opened or closed (with their Z report) in the slice
    bool isEmpty() const { return lastSeq <= afterSeq; }
};

} // namespace lipa

Q_DECLARE_METATYPE(lipa::TillIdentity)
Q_DECLARE_METATYPE(lipa::OutboxBatch)
