// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace lipa {

// Either a value or a human-readable reason why there is none. Errors are values here:
// parsers return a Result instead of throwing or silently defaulting.
template <typename T>
class Result {
public:
    static Result ok(T value) { return Result(std::in_place_index<0>, std::move(value)); }
    static Result error(QString reason) { return Result(std::in_place_index<1>, std::move(reason)); }

    bool isOk() const { return m_data.index() == 0; }
    explicit operator bool() const { return isOk(); }

    const T& value() const& { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }

    // Empty when ok.
    QString error() const { return isOk() ? QString() : std::get<1>(m_data); }

private:
    template <std::size_t I, typename V>
    Result(std::in_place_index_t<I> tag, V&& v)
        : m_data(tag, std::forward<V>(v))
    {
    }

    std::variant<T, QString> m_data;
};

} // namespace lipa
