// SPDX-License-Identifier: GPL-3.0-or-later
#include "NumericKeypad.h"

#include <QApplication>
#include <QGridLayout>
#include <QKeyEvent>
#include <QPushButton>

namespace lipa {

NumericKeypad::NumericKeypad(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("numericKeypad"));
    setAccessibleName(tr("On-screen keypad"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    struct Key {
        QString label;
        int key;
        QString text;
        QString name;
        QString accessible;
    };
    const QList<Key> keys{
        {QStringLiteral("7"), Qt::Key_7, QStringLiteral("7"), QStringLiteral("key7"), {}},
        {QStringLiteral("8"), Qt::Key_8, QStringLiteral("8"), QStringLiteral("key8"), {}},
        {QStringLiteral("9"), Qt::Key_9, QStringLiteral("9"), QStringLiteral("key9"), {}},
        {QStringLiteral("\u232b"), Qt::Key_Backspace, {}, QStringLiteral("keyBackspace"), tr("Delete")},
        {QStringLiteral("4"), Qt::Key_4, QStringLiteral("4"), QStringLiteral("key4"), {}},
        {QStringLiteral("5"), Qt::Key_5, QStringLiteral("5"), QStringLiteral("key5"), {}},
        {QStringLiteral("6"), Qt::Key_6, QStringLiteral("6"), QStringLiteral("key6"), {}},
        {tr("Next"), Qt::Key_Tab, {}, QStringLiteral("keyNext"), tr("Next field")},
        {QStringLiteral("1"), Qt::Key_1, QStringLiteral("1"), QStringLiteral("key1"), {}},
        {QStringLiteral("2"), Qt::Key_2, QStringLiteral("2"), QStringLiteral("key2"), {}},
        {QStringLiteral("3"), Qt::Key_3, QStringLiteral("3"), QStringLiteral("key3"), {}},
        {tr("Enter"), Qt::Key_Return, QStringLiteral("\r"), QStringLiteral("keyEnter"), tr("Enter")},
        {QStringLiteral("0"), Qt::Key_0, QStringLiteral("0"), QStringLiteral("key0"), {}},
        {QStringLiteral("00"), Qt::Key_unknown, QStringLiteral("00"), QStringLiteral("key00"), {}},
    };
    for (int i = 0; i < keys.size(); ++i) {
        const Key& key = keys.at(i);
        auto* button = new QPushButton(key.label, this);
        button->setObjectName(key.name);
        button->setFocusPolicy(Qt::NoFocus); // the field being typed into keeps the focus
        button->setAccessibleName(key.accessible.isEmpty() ? key.label : key.accessible);
        button->setMinimumSize(56, 44);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        QFont font = button->font();
        font.setPointSizeF(font.pointSizeF() * 1.4);
        font.setBold(true);
        button->setFont(font);
        connect(button, &QPushButton::clicked, this, [this, key] { press(key.key, key.text); });
        grid->addWidget(button, i / 4, i % 4, 1, key.name == u"key00" ? 2 : 1);
    }
}

void NumericKeypad::press(int key, const QString& text)
{
    QWidget* target = QApplication::focusWidget();
    if (!target || !window()->isAncestorOf(target))
        return;
    if (key == Qt::Key_unknown) { // "00": two zeros, as typed
        press(Qt::Key_0, QStringLiteral("0"));
        press(Qt::Key_0, QStringLiteral("0"));
        return;
    }
    QKeyEvent down(QEvent::KeyPress, key, Qt::NoModifier, text);
    QKeyEvent up(QEvent::KeyRelease, key, Qt::NoModifier, text);
    QApplication::sendEvent(target, &down);
    if (QWidget* now = QApplication::focusWidget())
        QApplication::sendEvent(now, &up);
}

} // namespace lipa
