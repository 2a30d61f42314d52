#include "model/Plan.h"

namespace kv::model {

QList<Plan> Plan::builtins()
{
    constexpr qint64 kMiB = 1024 * 1024;
    constexpr qint64 kGiB = 1024 * kMiB;
    Plan free { QStringLiteral("free"), QStringLiteral("Free"), Quota { 3'000'000, 30'000, 30'000, 30'000, 1 * kGiB },
        50, 100, Limits {}, { QStringLiteral("price_free") } };
    Plan pro { QStringLiteral("pro"), QStringLiteral("Pro"),
        Quota { 100'000'000, 10'000'000, 10'000'000, 10'000'000, 100 * kGiB }, 500, 1000, Limits {},
        { QStringLiteral("price_pro") } };
    Plan business { QStringLiteral("business"), QStringLiteral("Business"), Quota {}, 5000, 10000, Limits {},
        { QStringLiteral("price_business") } };
    return { free, pro, business };
}

std::optional<Plan> findPlan(const QList<Plan>& plans, const QString& id)
{
    for (const Plan& plan : plans) {
        if (plan.id == id) {
            return plan;
        }
    }
    return std::nullopt;
}

} // namespace kv::model
