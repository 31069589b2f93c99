// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace lipa {

// The one redaction step for anything IntaSend (or whatever answers in its place) sends back, applied
// before it is logged, stored in the journal, shown or handed on: a proxy, debug page or misconfigured
// server that echoes the request must not carry the keys with it.
class Redactor {
public:
    // keys: the keys this till uses (shorter than 8 characters: ignored, they cannot be told from text).
    explicit Redactor(QStringList keys = {});

    // Replaces with "[key]": the keys themselves, whole or URL-encoded; anything shaped like an IntaSend
    // key (ISSecretKey_…, ISPubKey_…, including a key cut short); a bearer token; and the value of a JSON
    // or form field whose name says it is a key, secret or token.
    QByteArray bytes(QByteArray text) const;
    QString text(const QString& text) const;

private:
    QList<QByteArray> m_keys; // each key, and its URL-encoded form where that differs
};

} // namespace lipa
