// SPDX-License-Identifier: GPL-3.0-or-later
#include "Reconciliation.h"

#include <QCoreApplication>

#include <array>

namespace lipa {

namespace {

struct CategoryText {
    ReconcileCategory category;
    const char* key;
    const char* name; // translated in the "lipa::Reconciliation" context
};

constexpr std::array kCategories = {
    CategoryText{ReconcileCategory::Matched, "Matched", QT_TRANSLATE_NOOP("lipa::Reconciliation", "Matched")},
    CategoryText{ReconcileCategory::PaidThereOnly, "PaidThereOnly",
                 QT_TRANSLATE_NOOP("lipa::Reconciliation", "Paid at IntaSend, not here")},
    CategoryText{ReconcileCategory::PaidHereOnly, "PaidHereOnly",
                 QT_TRANSLATE_NOOP("lipa::Reconciliation", "Paid here, not at IntaSend")},
    CategoryText{ReconcileCategory::AmountDiffers, "AmountDiffers",
                 QT_TRANSLATE_NOOP("lipa::Reconciliation", "Amount differs")},
    CategoryText{ReconcileCategory::OtherSender, "OtherSender",
                 QT_TRANSLATE_NOOP("lipa::Reconciliation", "Another till or system")},
};

} // namespace

QString reconcileCategoryKey(ReconcileCategory category)
{
    for (const CategoryText& c : kCategories) {
        if (c.category == category)
            return QString::fromLatin1(c.key);
    }
    return {};
}

std::optional<ReconcileCategory> reconcileCategoryFromKey(const QString& key)
{
    for (const CategoryText& c : kCategories) {
        if (key == QLatin1String(c.key))
            return c.category;
    }
    return std::nullopt;
}

QString reconcileCategoryName(ReconcileCategory category)
{
    for (const CategoryText& c : kCategories) {
        if (c.category == category)
            return QCoreApplication::translate("lipa::Reconciliation", c.name);
    }
    return {};
}

} // namespace lipa
