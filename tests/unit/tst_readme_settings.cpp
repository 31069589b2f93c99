// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsSchema.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace lipa;

// The README's table of settings-file keys is what shops read: it says what the schema says.
class TestReadmeSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyKeyIsInBoth();
    void defaultsAgree();
    void rangesAndValuesAgree();

private:
    struct Row {
        QString key, defaultValue, range;
    };
    QMap<QString, Row> m_rows;
};

namespace {

// "`80mm`" → "80mm"; "(none: demo)", "(empty)" and "" say there is no default.
QString defaultFromReadme(const QString& cell)
{
    QString text = cell.trimmed();
    if (text.startsWith(u'('))
        return {};
    return text.remove(u'`');
}

// Every `value` in a cell, in order.
QStringList quotedValues(const QString& cell)
{
    QStringList values;
    static const QRegularExpression quoted(QStringLiteral("`([^`]*)`"));
    for (auto it = quoted.globalMatch(cell); it.hasNext();)
        values.append(it.next().captured(1));
    return values;
}

} // namespace

void TestReadmeSettings::initTestCase()
{
    QFile readme(QStringLiteral(LIPA_README_FILE));
    QVERIFY2(readme.open(QIODevice::ReadOnly | QIODevice::Text), LIPA_README_FILE);
    const QStringList lines = QString::fromUtf8(readme.readAll()).split(u'\n');
    const qsizetype heading = lines.indexOf(QStringLiteral("### Settings file keys"));
    QVERIFY2(heading >= 0, "the README has no \"### Settings file keys\" section");
    for (qsizetype i = heading + 1; i < lines.size() && !lines.at(i).startsWith(u'#'); ++i) {
        const QString& line = lines.at(i);
        if (!line.startsWith(QStringLiteral("| `")))
            continue; // prose, the header and its rule
        const QStringList cells = line.split(u'|');
        QVERIFY2(cells.size() >= 5, qPrintable(line));
        const Row row{cells.at(1).trimmed().remove(u'`'), defaultFromReadme(cells.at(2)),
                      cells.at(3).trimmed()};
        QVERIFY2(!m_rows.contains(row.key), qPrintable(row.key + QStringLiteral(" is in the table twice")));
        m_rows.insert(row.key, row);
    }
    QVERIFY(!m_rows.isEmpty());
}

void TestReadmeSettings::everyKeyIsInBoth()
{
    QStringList inSchema;
    for (const SettingsSchema::Key& key : SettingsSchema::keys())
        inSchema.append(key.name);
    QStringList inReadme = m_rows.keys();
    for (const QString& name : inSchema)
        QVERIFY2(inReadme.contains(name), qPrintable(name + QStringLiteral(" is not in the README's table")));
    for (const QString& name : inReadme)
        QVERIFY2(inSchema.contains(name),
                 qPrintable(name + QStringLiteral(" is in the README but not a setting")));
}

void TestReadmeSettings::defaultsAgree()
{
    for (const SettingsSchema::Key& key : SettingsSchema::keys()) {
        if (!m_rows.contains(key.name))
            continue; // reported by everyKeyIsInBoth
        QVERIFY2(m_rows.value(key.name).defaultValue == key.defaultValue,
                 qPrintable(QStringLiteral("%1: the README says the default is \"%2\", the schema \"%3\"")
                                .arg(key.name, m_rows.value(key.name).defaultValue, key.defaultValue)));
    }
}

void TestReadmeSettings::rangesAndValuesAgree()
{
    static const QRegularExpression numbers(QStringLiteral("^(\\d+)\u2013(\\d+)$"));
    static const QRegularExpression length(QStringLiteral("^up to (\\d+) characters$"));
    for (const SettingsSchema::Key& key : SettingsSchema::keys()) {
        if (!m_rows.contains(key.name))
            continue;
        const QString range = m_rows.value(key.name).range;
        const QString where = key.name + QStringLiteral(": the README says ") + range;
        switch (key.type) {
        case SettingsSchema::Key::Type::Number: {
            const QRegularExpressionMatch match = numbers.match(range);
            QVERIFY2(match.hasMatch(), qPrintable(where + QStringLiteral(", not a range like 1–60")));
            QVERIFY2(match.captured(1).toLongLong() == key.min && match.captured(2).toLongLong() == key.max,
                     qPrintable(where + QStringLiteral(", the schema %1–%2").arg(key.min).arg(key.max)));
            break;
        }
        case SettingsSchema::Key::Type::Choice:
            QVERIFY2(quotedValues(range) == key.values(),
                     qPrintable(where + QStringLiteral(", the schema ") +
                                key.values().join(QStringLiteral(", "))));
            break;
        case SettingsSchema::Key::Type::Text:
            if (key.maxLength > 0) {
                const QRegularExpressionMatch match = length.match(range);
                QVERIFY2(match.hasMatch() && match.captured(1).toInt() == key.maxLength,
                         qPrintable(where +
                                    QStringLiteral(", the schema up to %1 characters").arg(key.maxLength)));
            }
            break;
        }
    }
}

QTEST_GUILESS_MAIN(TestReadmeSettings)
#include "tst_readme_settings.moc"
