// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lipa {

// The data folder and the till's files in it (the journal, the settings, the key file, the lock) hold
// phone numbers, amounts, the PIN's hash and perhaps the keys: only the till's user may read them,
// whatever the umask, and none of them may be a symbolic link that would send a write somewhere else.
// Each function answers with the reason, in the cashier's words and without the path, or an empty string.
namespace PrivateFiles {

// Creates the folder and any missing parents with mode 0700, and takes the group's and others'
// permissions off a folder that exists.
QString makeFolder(const QString& path);
// Why path cannot be one of the till's files: it is a symbolic link (even a dangling one), or it is
// something other than a regular file. Empty when it is a regular file or is not there at all.
QString refusal(const QString& path);
// Makes path a private file: refused when refusal() says so; created empty with mode 0600, without
// following a link, when it is missing and create is set; else the group's and others' permissions are
// taken off it.
QString makeFile(const QString& path, bool create = true);

// While one lives, every file and folder this process creates gets no permissions for the group or
// others (umask 077): for the files Qt creates on the till's behalf (QSettings' lock and temporary
// files, QLockFile).
class OwnerOnlyCreation {
public:
    OwnerOnlyCreation();
    ~OwnerOnlyCreation();
    OwnerOnlyCreation(const OwnerOnlyCreation&) = delete;
    OwnerOnlyCreation& operator=(const OwnerOnlyCreation&) = delete;

private:
    unsigned int m_previous = 0;
};

} // namespace PrivateFiles

} // namespace lipa
