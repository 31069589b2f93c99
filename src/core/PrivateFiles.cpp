// SPDX-License-Identifier: GPL-3.0-or-later
#include "PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace lipa::PrivateFiles {

namespace {

QString linkRefusal()
{
    return QCoreApplication::translate(
        "lipa::PrivateFiles",
        "it is a symbolic link. Lipa Till does not follow links in its data folder, so that nothing it "
        "writes can end up somewhere else; remove the link");
}

QString notAFile()
{
    return QCoreApplication::translate("lipa::PrivateFiles", "it is not a regular file");
}

#ifdef Q_OS_UNIX
QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Takes the group's and others' permissions (and any execute or set-id bits) off an open file or folder,
// keeping what its owner has (up to mask).
QString narrow(int fd, mode_t mask)
{
    struct stat status = {};
    if (::fstat(fd, &status) != 0)
        return systemError(errno);
    const mode_t mode = status.st_mode & 07777;
    if (mode != (mode & mask) && ::fchmod(fd, mode & mask) != 0)
        return systemError(errno);
    return {};
}
#endif

} // namespace

QString refusal(const QString& path)
{
    const QFileInfo info(path);
    if (info.isSymLink())
        return linkRefusal();
    if (info.exists() && !info.isFile())
        return notAFile();
    return {};
}

QString makeFolder(const QString& path)
{
    {
        // Made private from the start: with a umask of 0 mkpath would make them writable by everyone.
        OwnerOnlyCreation ownerOnly;
        if (!QDir().mkpath(path))
            return QCoreApplication::translate("lipa::PrivateFiles", "it cannot be created");
    }
#ifdef Q_OS_UNIX
    // A folder that already existed (made by an earlier version, or by hand) loses what others had.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return systemError(errno);
    const QString problem = narrow(fd, S_IRWXU);
    ::close(fd);
    return problem;
#else
    return {};
#endif
}

QString makeFile(const QString& path, bool create)
{
    if (const QString refused = refusal(path); !refused.isEmpty())
        return refused;
#ifdef Q_OS_UNIX
    const QByteArray name = QFile::encodeName(path);
    // O_NOFOLLOW: a link planted since refusal() looked is refused too, never followed. O_NONBLOCK: a
    // planted FIFO does not hang the till (it is then refused as not a regular file).
    constexpr int kOpen = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;
    bool created = false;
    int fd = -1;
    if (create) {
        fd = ::open(name.constData(), kOpen | O_CREAT | O_EXCL, S_IRUSR | S_IWUSR);
        created = fd >= 0;
    }
    if (fd < 0 && (!create || errno == EEXIST))
        fd = ::open(name.constData(), kOpen);
    if (fd < 0) {
        if (errno == ENOENT && !create)
            return {};
        return errno == ELOOP ? linkRefusal() : systemError(errno);
    }
    QString problem;
    struct stat status = {};
    if (::fstat(fd, &status) != 0)
        problem = systemError(errno);
    else if (!S_ISREG(status.st_mode))
        problem = notAFile();
    else if (created && ::fchmod(fd, S_IRUSR | S_IWUSR) != 0) // exactly 0600, whatever the umask
        problem = systemError(errno);
    else if (!created)
        problem = narrow(fd, S_IRUSR | S_IWUSR);
    ::close(fd);
    return problem;
#else
    QFile file(path);
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!file.exists()) {
        if (!create)
            return {};
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly))
            return file.errorString();
        return {};
    }
    if (!file.setPermissions(file.permissions() &
                             (ownerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser)))
        return file.errorString();
    return {};
#endif
}

OwnerOnlyCreation::OwnerOnlyCreation()
{
#ifdef Q_OS_UNIX
    m_previous = ::umask(S_IRWXG | S_IRWXO);
#endif
}

OwnerOnlyCreation::~OwnerOnlyCreation()
{
#ifdef Q_OS_UNIX
    ::umask(static_cast<mode_t>(m_previous));
#endif
}

} // namespace lipa::PrivateFiles
