// SPDX-License-Identifier: GPL-3.0-or-later
#include "Journal.h"
#include "KeyStore.h"
#include "ManagerPin.h"
#include "ManualClock.h"
#include "Settings.h"
#include "StartupPlan.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace lipa;

// The data folder and the till's files in it are its user's alone, whatever the umask, and a link
// planted in place of one of them is refused: nothing is read or written through it.
class TestFileModes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void everythingTheTillMakesIsOwnerOnly_data();
    void everythingTheTillMakesIsOwnerOnly();
    void looseFilesFromEarlierRunsAreNarrowed();
    void linkInPlaceOfAFileIsRefused_data();
    void linkInPlaceOfAFileIsRefused();
    void danglingLinkInPlaceOfTheJournalMakesNothing();

private:
    static int modeOf(const QString& path);
    static QByteArray contentsOf(const QString& path);
    static bool write(const QString& path, const QByteArray& contents, int mode);
    Result<StartupPlan> read(const QString& dataDir) const;

    std::unique_ptr<QTemporaryDir> m_root;
    mode_t m_umask = 022;
};

void TestFileModes::initTestCase()
{
    qputenv("LIPA_TILL_KEYRING", "file"); // a test never writes to a real keyring
}

void TestFileModes::init()
{
    m_umask = ::umask(022);
    ::umask(m_umask);
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
}

void TestFileModes::cleanup()
{
    ::umask(m_umask);
    m_root.reset();
}

int TestFileModes::modeOf(const QString& path)
{
    struct stat status = {};
    if (::lstat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return static_cast<int>(status.st_mode & 07777);
}

QByteArray TestFileModes::contentsOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}

bool TestFileModes::write(const QString& path, const QByteArray& contents, int mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(contents) != contents.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)) == 0;
}

Result<StartupPlan> TestFileModes::read(const QString& dataDir) const
{
    return StartupPlan::read({QStringLiteral("lipa-till"), QStringLiteral("--data-dir"), dataDir});
}

void TestFileModes::everythingTheTillMakesIsOwnerOnly_data()
{
    QTest::addColumn<int>("umask");
    QTest::newRow("umask 022") << 022;
    QTest::newRow("umask 000") << 0;
}

void TestFileModes::everythingTheTillMakesIsOwnerOnly()
{
    QFETCH(int, umask);
    ::umask(static_cast<mode_t>(umask));
    // A data folder that is not there yet, nor its parents (as on a till's first start).
    const QString parent = m_root->filePath(QStringLiteral("share/LipaTill"));
    const QString dataDir = parent + QStringLiteral("/lipa-till");
    Result<StartupPlan> plan = read(dataDir);
    QVERIFY2(plan, qPrintable(plan.error()));
    QCOMPARE(modeOf(dataDir), 0700);
    QCOMPARE(modeOf(parent), 0700);
    QCOMPARE(modeOf(m_root->filePath(QStringLiteral("share"))), 0700);

    // The settings, with the manager PIN and its wrong tries.
    Settings settings;
    settings.managerPinHash = ManagerPin::hash(QStringLiteral("4321"));
    QString error;
    QVERIFY2(settings.save(plan->iniPath(), &error), qPrintable(error));
    QCOMPARE(modeOf(plan->iniPath()), 0600);
    test::ManualClock clock;
    ManagerPin pin(clock, settings.managerPinHash, plan->iniPath());
    pin.check(QStringLiteral("1111"));
    QCOMPARE(modeOf(plan->iniPath()), 0600);

    // The journal and the write-ahead log beside it.
    const QString journalPath = QDir(dataDir).filePath(Journal::fileName(QStringLiteral("demo")));
    Journal::OpenError openError;
    std::unique_ptr<Journal> journal = Journal::open(journalPath, &openError);
    QVERIFY2(journal, qPrintable(openError.message));
    Payment payment;
    payment.localRef = QStringLiteral("mode-check");
    payment.amount = Money::fromShillings(10);
    payment.phone = PhoneNumber::parse(QStringLiteral("0712345678")).value();
    payment.createdAt = clock.now();
    payment.updatedAt = clock.now();
    QVERIFY(journal->addPayment(payment));
    QCOMPARE(modeOf(journalPath), 0600);
    QVERIFY(QFile::exists(journalPath + QStringLiteral("-wal")));
    QCOMPARE(modeOf(journalPath + QStringLiteral("-wal")), 0600);
    if (QFile::exists(journalPath + QStringLiteral("-shm")))
        QCOMPARE(modeOf(journalPath + QStringLiteral("-shm")), 0600);

    // The key file of a till with no keyring.
    KeyStore keys(dataDir);
    QString saved = QStringLiteral("not answered");
    keys.save(EnvironmentKind::Sandbox,
              {QStringLiteral("ISPubKey_test_mode"), QStringLiteral("ISSecretKey_test_m")}, &keys,
              [&saved](const QString& why) { saved = why; });
    QCOMPARE(saved, QString());
    QCOMPARE(modeOf(keys.filePath()), 0600);

    // The lock that keeps a second till off the folder.
    const FolderLock lock = plan->lockDataFolder();
    QVERIFY2(lock.lock, qPrintable(lock.error));
    QCOMPARE(modeOf(plan->lockPath()), 0600);

    // Nothing else in the folder is readable by others (QSettings' and SQLite's own files included).
    for (const QFileInfo& file :
         QDir(dataDir).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        QVERIFY2((modeOf(file.filePath()) & 077) == 0, qPrintable(file.fileName()));
}

void TestFileModes::looseFilesFromEarlierRunsAreNarrowed()
{
    // A folder and files an earlier version left readable by everyone.
    const QString dataDir = m_root->filePath(QStringLiteral("old"));
    QVERIFY(QDir().mkpath(dataDir));
    QVERIFY(::chmod(QFile::encodeName(dataDir).constData(), 0755) == 0);
    const QString ini = QDir(dataDir).filePath(Settings::fileName());
    QVERIFY(write(ini, "[till]\nname=Counter 1\n", 0644));
    Journal::OpenError openError;
    const QString journalPath = QDir(dataDir).filePath(QStringLiteral("journal.sqlite"));
    QVERIFY(Journal::open(journalPath, &openError));
    QVERIFY(::chmod(QFile::encodeName(journalPath).constData(), 0644) == 0);

    Result<StartupPlan> plan = read(dataDir);
    QVERIFY2(plan, qPrintable(plan.error()));
    QCOMPARE(plan->settings.tillName, QStringLiteral("Counter 1"));
    QCOMPARE(modeOf(dataDir), 0700);
    QString error;
    QVERIFY2(plan->settings.save(ini, &error), qPrintable(error));
    QCOMPARE(modeOf(ini), 0600);
    QVERIFY2(Journal::open(journalPath, &openError), qPrintable(openError.message));
    QCOMPARE(modeOf(journalPath), 0600);
}

void TestFileModes::linkInPlaceOfAFileIsRefused_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("journal") << QStringLiteral("journal.sqlite");
    QTest::newRow("journal's write-ahead log") << QStringLiteral("journal.sqlite-wal");
    QTest::newRow("settings") << QStringLiteral("lipa-till.ini");
    QTest::newRow("key file") << QStringLiteral("lipa-till-keys.ini");
    QTest::newRow("lock") << QStringLiteral("lipa-till.lock");
}

void TestFileModes::linkInPlaceOfAFileIsRefused()
{
    QFETCH(QString, file);
    const QString dataDir = m_root->filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(dataDir));
    Result<StartupPlan> plan = read(dataDir);
    QVERIFY2(plan, qPrintable(plan.error()));

    // Someone else's file, and a link to it where the till keeps one of its own.
    const QString target = m_root->filePath(QStringLiteral("someone-elses-file"));
    const QByteArray original = "[demo]\npublic_key=ISPubKey_test_theirs\n";
    QVERIFY(write(target, original, 0644));
    const QString link = QDir(dataDir).filePath(file);
    QVERIFY(QFile::link(target, link));

    const auto refused = [](const QString& why) { return why.contains(QStringLiteral("symbolic link")); };
    if (file.startsWith(QStringLiteral("journal"))) {
        Journal::OpenError error;
        QVERIFY(!Journal::open(QDir(dataDir).filePath(QStringLiteral("journal.sqlite")), &error));
        QVERIFY2(refused(error.message), qPrintable(error.message));
        QVERIFY(error.message.contains(QDir::toNativeSeparators(link)));
    } else {
        // Refused at start-up, with the file named...
        const Result<StartupPlan> again = read(dataDir);
        QVERIFY(!again);
        QVERIFY2(refused(again.error()) && again.error().contains(QDir::toNativeSeparators(link)),
                 qPrintable(again.error()));
        // ...and by whatever would write it later.
        QString error;
        if (file == Settings::fileName()) {
            QVERIFY(!Settings{}.save(link, &error));
            QVERIFY2(refused(error), qPrintable(error));
            test::ManualClock clock;
            ManagerPin pin(clock, ManagerPin::hash(QStringLiteral("4321")), link);
            pin.check(QStringLiteral("1111")); // its wrong try is not written through the link
        } else if (file == QStringLiteral("lipa-till-keys.ini")) {
            KeyStore keys(dataDir);
            keys.save(EnvironmentKind::Demo, {QStringLiteral("ISPubKey_test_mine"), {}}, &keys,
                      [&error](const QString& why) { error = why; });
            QVERIFY2(refused(error), qPrintable(error));
            IntaSendKeys loaded{QStringLiteral("unset"), {}};
            keys.load(EnvironmentKind::Demo, &keys,
                      [&loaded](const IntaSendKeys& answer) { loaded = answer; });
            QCOMPARE(loaded.publicKey, QString()); // not read through the link either
        } else {
            const FolderLock lock = plan->lockDataFolder();
            QVERIFY(!lock.lock);
            QVERIFY(!lock.heldByAnotherTill);
            QVERIFY2(refused(lock.error), qPrintable(lock.error));
            QVERIFY(QFileInfo(link).isSymLink()); // not removed as a stale lock either
        }
    }
    QCOMPARE(contentsOf(target), original);
    QCOMPARE(modeOf(target), 0644);
    QVERIFY(!QFile::exists(target + QStringLiteral("-wal")));
}

void TestFileModes::danglingLinkInPlaceOfTheJournalMakesNothing()
{
    const QString dataDir = m_root->filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(dataDir));
    const QString target = m_root->filePath(QStringLiteral("elsewhere/new-file"));
    QVERIFY(QDir().mkpath(QFileInfo(target).path()));
    QVERIFY(QFile::link(target, QDir(dataDir).filePath(QStringLiteral("journal.sqlite"))));
    Journal::OpenError error;
    QVERIFY(!Journal::open(QDir(dataDir).filePath(QStringLiteral("journal.sqlite")), &error));
    QVERIFY2(error.message.contains(QStringLiteral("symbolic link")), qPrintable(error.message));
    QVERIFY(!QFile::exists(target)); // SQLite would have created it through the link
}

QTEST_GUILESS_MAIN(TestFileModes)
#include "tst_filemodes.moc"
