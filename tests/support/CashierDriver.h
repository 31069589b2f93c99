// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTest>
#include <QWidget>

namespace lipa::test {

// Works the main window as a cashier does, from the keyboard: types sales into the form and waits for
// the questions the till asks. Finds the window's parts by their object names.
class CashierDriver {
public:
    explicit CashierDriver(QWidget* window)
        : m_window(window)
    {
    }

    // The amount into Amount, Tab, the phone into Customer phone.
    void typeSale(const QString& amount, const QString& phone) const;
    // typeSale, then Enter in Customer phone: the sale is charged (or asked about first).
    void charge(const QString& amount, const QString& phone) const;
    // The amount, Tab, the phone, each typed into whatever has the keyboard focus by then: the keys land
    // where a cashier's would, so a wrong focus shows.
    void typeAtFocus(const QString& amount, const QString& phone) const;

    template <typename T = QWidget>
    T* find(const char* name) const
    {
        return m_window->findChild<T*>(QString::fromLatin1(name));
    }
    // The shown widget of that name (a dialog) once it shows, or nullptr if none does within timeoutMs.
    // Only a visible one counts: a closed dialog may linger until its deferred deletion.
    template <typename T>
    T* shown(const char* name, int timeoutMs = 5000) const
    {
        const auto visible = [this, name]() -> T* {
            for (T* widget : m_window->findChildren<T*>(QString::fromLatin1(name))) {
                if (widget->isVisible())
                    return widget;
            }
            return nullptr;
        };
        (void)QTest::qWaitFor([&] { return visible() != nullptr; }, timeoutMs);
        return visible();
    }

private:
    QWidget* m_window;
};

} // namespace lipa::test
