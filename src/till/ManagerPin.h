// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"

#include <QString>

#include <chrono>

namespace lipa {

// The optional manager PIN that guards Settings and the CSV export. Only a salted
// PBKDF2 hash is kept; after a few wrong PINs each further try waits longer, so a PIN cannot be found by
// trying them all at the counter. The count of wrong tries and the end of the wait are kept in the
// settings file, so that restarting the till neither gives fresh tries nor ends the wait.
class ManagerPin {
public:
    // A PIN is 4 to 8 digits: typed on a till's keypad, remembered by a manager.
    static bool isAcceptable(const QString& pin);
    // "pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>", with a fresh random salt.
    static QString hash(const QString& pin);
    // The same with another work factor: tests that check many PINs use a cheap one, so that a slow
    // (sanitizer) build spends its time on what is tested, not on PBKDF2. matches() reads it from the value.
    static QString hash(const QString& pin, int iterations);
    // Whether pin is the one stored (in constant time). False for a stored value that is not a hash.
    static bool matches(const QString& pin, const QString& stored);

    enum class Verdict { Accepted, Wrong, LockedOut };
    struct Attempt {
        Verdict verdict = Verdict::Wrong;
        std::chrono::seconds wait{0}; // LockedOut: how long until the next try; Wrong: the wait it caused
    };

    // stored: the hash from the settings, empty when no PIN is set (then every check is Accepted).
    // triesFile: the settings file, where the wrong tries are kept across restarts; empty: in memory only.
    ManagerPin(Clock& clock, QString stored, QString triesFile = {});

    bool isSet() const { return !m_stored.isEmpty(); }
    Attempt check(const QString& pin);
    // How long until a PIN may be tried again (zero when it may now).
    std::chrono::seconds lockedFor() const;
    int failuresInARow() const { return m_failures; }

private:
    void readTries();
    void keepTries(std::chrono::seconds wait);

    Clock& m_clock;
    QString m_stored;
    QString m_triesFile;
    int m_failures = 0;
    std::chrono::milliseconds m_lockedUntil{0}; // the clock's monotonic time
};

} // namespace lipa
