// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChargePanel.h"
#include "Language.h"
#include "MainWindow.h"
#include "TestStack.h"
#include "TestWindow.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace lipa;

// Kiswahili: the translation file is complete, and the real window shows it.
class TestLanguage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { Language::install(QStringLiteral("en")); }
    void settingChoosesTheLanguage();
    void everyStringIsTranslated();
    void windowSpeaksKiswahili();
    void nothingVisibleIsLeftInEnglish();
    void kiswahiliFitsA1024x600Screen();

private:
    struct Message {
        QString context, source, translation;
        bool unfinished = false;
    };
    static QList<Message> readTs();
    // Every text a cashier can see in the window (labels, buttons, menus, hints, tooltips), by where it is.
    static QMap<QString, QString> visibleTexts(QWidget* root);
};

QList<TestLanguage::Message> TestLanguage::readTs()
{
    QFile file(QStringLiteral(LIPA_TS_FILE));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            current = Message{context, {}, {}, false};
        } else if (xml.name() == u"source") {
            current.source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            current.unfinished = xml.attributes().value(QStringLiteral("type")) == u"unfinished";
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            messages.append(current);
        }
    }
    return xml.hasError() ? QList<Message>{} : messages;
}

void TestLanguage::settingChoosesTheLanguage()
{
    QCOMPARE(Language::resolve(QStringLiteral("sw"), QLocale(QLocale::English)), QStringLiteral("sw"));
    QCOMPARE(Language::resolve(QStringLiteral("en"), QLocale(QLocale::Swahili)), QStringLiteral("en"));
    QCOMPARE(Language::resolve(QStringLiteral("system"), QLocale(QLocale::Swahili, QLocale::Kenya)),
             QStringLiteral("sw"));
    QCOMPARE(Language::resolve(QStringLiteral("system"), QLocale(QLocale::English, QLocale::Kenya)),
             QStringLiteral("en"));
    QCOMPARE(Language::install(QStringLiteral("sw")), QStringLiteral("sw"));
    QCOMPARE(Language::current(), QStringLiteral("sw"));
    QCOMPARE(QCoreApplication::translate("lipa::PaymentState", "Paid") == u"Paid", false);
    QCOMPARE(Language::install(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("lipa::PaymentState", "Paid"), QStringLiteral("Paid"));
}

void TestLanguage::everyStringIsTranslated()
{
    const QList<Message> messages = readTs();
    QVERIFY2(messages.size() > 300, "the Kiswahili .ts file is missing or unreadable");
    const QRegularExpression placeholder(QStringLiteral("%L?\\d"));
    QStringList problems;
    for (const Message& m : messages) {
        const QString where = m.context + QStringLiteral(": \"") + m.source + u'"';
        if (m.unfinished || m.translation.trimmed().isEmpty()) {
            problems << where + QStringLiteral(" is not translated");
            continue;
        }
        QStringList inSource, inTranslation;
        for (auto it = placeholder.globalMatch(m.source); it.hasNext();)
            inSource << it.next().captured();
        for (auto it = placeholder.globalMatch(m.translation); it.hasNext();)
            inTranslation << it.next().captured();
        inSource.sort();
        inTranslation.sort();
        inSource.removeDuplicates();
        inTranslation.removeDuplicates();
        if (inSource != inTranslation)
            problems << where + QStringLiteral(" has placeholders %1 but the translation %2")
                                    .arg(inSource.join(u','), inTranslation.join(u','));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QMap<QString, QString> TestLanguage::visibleTexts(QWidget* root)
{
    QMap<QString, QString> texts;
    int index = 0;
    const auto add = [&texts, &index](const QObject* where, const char* what, const QString& text) {
        if (!text.trimmed().isEmpty())
            texts.insert(
                QStringLiteral("%1/%2/%3").arg(where->objectName()).arg(index).arg(QLatin1String(what)),
                text);
    };
    for (QWidget* w : root->findChildren<QWidget*>()) {
        ++index;
        if (!w->isVisibleTo(root) && !qobject_cast<QMenu*>(w))
            continue;
        add(w, "tip", w->toolTip());
        add(w, "name", w->accessibleName());
        if (auto* label = qobject_cast<QLabel*>(w))
            add(w, "text", label->text());
        else if (auto* button = qobject_cast<QAbstractButton*>(w))
            add(w, "text", button->text());
        else if (auto* edit = qobject_cast<QLineEdit*>(w))
            add(w, "hint", edit->placeholderText());
        else if (auto* box = qobject_cast<QComboBox*>(w))
            for (int i = 0; i < box->count(); ++i)
                add(w, "item", box->itemText(i));
        else if (auto* menu = qobject_cast<QMenu*>(w))
            add(w, "title", menu->title());
    }
    for (QAction* action : root->findChildren<QAction*>()) {
        ++index;
        add(action, "action", action->text());
        add(action, "actiontip", action->toolTip());
    }
    return texts;
}

void TestLanguage::windowSpeaksKiswahili()
{
    Language::install(QStringLiteral("sw"));
    test::TestStack stack;
    const std::unique_ptr<MainWindow> window = test::makeWindow(stack);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const auto swahili = [](const char* context, const char* source) {
        return QCoreApplication::translate(context, source);
    };
    auto* charge = window->findChild<QPushButton*>(QStringLiteral("chargeButton"));
    QCOMPARE(charge->text(), swahili("ChargePanel", "Charge"));
    QVERIFY(charge->text() != u"Charge");
    QStringList menus;
    for (QAction* action : window->menuBar()->actions())
        menus << action->text();
    QVERIFY2(!menus.contains(QStringLiteral("&File")) && !menus.contains(QStringLiteral("&Help")),
             qPrintable(menus.join(u' ')));
    QCOMPARE(menus.first(), swahili("lipa::MainWindow", "&File"));
    // A payment's state in the list, as the cashier reads it.
    QCOMPARE(stateDisplayName(PaymentState::Complete), swahili("lipa::PaymentState", "Paid"));
    QVERIFY(stateDisplayName(PaymentState::Complete) != u"Paid");
    // Numbers and money keep their Kenyan form.
    QCOMPARE(Money::fromShillings(1500).toDisplayString(), QStringLiteral("KES 1,500"));
}

void TestLanguage::nothingVisibleIsLeftInEnglish()
{
    // The same window in both languages: any text identical in both is a string nobody translated
    // (unless it is a name, a number or a key that reads the same in Kiswahili).
    const auto textsIn = [](const QString& language) {
        Language::install(language);
        test::TestStack stack;
        const std::unique_ptr<MainWindow> window = test::makeWindow(stack);
        window->show();
        (void)QTest::qWaitForWindowExposed(window.get());
        window->showBanner(MainWindow::firstRunBanner());
        return visibleTexts(window.get());
    };
    const QMap<QString, QString> english = textsIn(QStringLiteral("en"));
    const QMap<QString, QString> swahili = textsIn(QStringLiteral("sw"));
    QVERIFY(english.size() > 40);
    const QRegularExpression sameInBoth(
        QStringLiteral("^(?:[\\s\\d.,:+•·×()\\-–—%/⌫]|KES|M-Pesa|IntaSend|DEMO|LIVE|SANDBOX|Lipa "
                       "Till|CSV|PIN|F\\d+|Esc|Enter|"
                       "Ctrl|Shift|English|Kiswahili|\\u00d7|[A-Z]$)*$"));
    QStringList untranslated;
    for (auto it = english.cbegin(); it != english.cend(); ++it) {
        const QString other = swahili.value(it.key());
        QString plain = it.value();
        plain.remove(QRegularExpression(QStringLiteral("<[^>]*>"))).remove(u'&');
        if (other == it.value() && !sameInBoth.match(plain).hasMatch())
            untranslated << it.key() + QStringLiteral(": ") + it.value();
    }
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(u'\n')));
}

void TestLanguage::kiswahiliFitsA1024x600Screen()
{
    // A day with every kind of payment: the longest totals lines there are.
    Language::install(QStringLiteral("sw"));
    test::TestStack stack;
    QList<Payment> day;
    int i = 0;
    for (PaymentState state :
         {PaymentState::Complete, PaymentState::Cash, PaymentState::Pending, PaymentState::Unknown,
          PaymentState::Expired, PaymentState::Failed, PaymentState::Rejected}) {
        Payment p;
        p.localRef = QStringLiteral("ref-%1").arg(++i);
        p.amount = Money::fromShillings(1000 * i);
        p.phone = PhoneNumber::parse(QStringLiteral("071234567%1").arg(i)).value();
        p.state = state;
        p.createdAt = stack.clock.now().addSecs(-60 * i);
        p.updatedAt = p.createdAt;
        day.append(p);
    }
    QVERIFY(test::addHistory(stack.journal(), day));
    const std::unique_ptr<MainWindow> window = test::makeWindow(stack);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->resize(1024, 600);
    QTRY_COMPARE(window->size(), QSize(1024, 600));
    QTest::qWait(0);
    QCOMPARE(window->size(), QSize(1024, 600));
    for (const char* name : {"exportButton", "checkButton", "resendButton", "chargeButton", "waitingTotal"}) {
        auto* widget = window->findChild<QWidget*>(QString::fromLatin1(name));
        QVERIFY(widget);
        const QRect inWindow(widget->mapTo(window.get(), QPoint(0, 0)), widget->size());
        QVERIFY2(window->rect().contains(inWindow), name);
    }
    // The totals wrap rather than being cut off.
    auto* waiting = window->findChild<QLabel*>(QStringLiteral("waitingTotal"));
    QVERIFY(waiting->wordWrap());
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
