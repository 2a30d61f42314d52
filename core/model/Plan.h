#pragma once
// A plan sets a namespace's monthly operation quotas, its storage, its request rate and the
// key/value limits. kvd's config may add custom plans; these three are always known.

#include "model/Limits.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kv::model {

struct Quota
{
    /// Operations per calendar month (UTC); a negative number means unlimited.
    qint64 readsPerMonth = -1;
    qint64 writesPerMonth = -1;
    qint64 listsPerMonth = -1;
    qint64 deletesPerMonth = -1;
    qint64 storageBytes = -1;

    friend bool operator==(const Quota&, const Quota&) = default;
};

struct Plan
{
    QString id;
    QString name;
    Quota quota;
    /// Token-bucket rate: sustained requests per second (0: unlimited) and the burst above it.
    double ratePerSecond = 0;
    int burst = 0;
    Limits limits;
    /// Billing-system price ids that select this plan in a signed webhook.
    QStringList priceIds;

    friend bool operator==(const Plan&, const Plan&) = default;

    /// free, pro and business.
    static QList<Plan> builtins();
    static QString defaultPlanId() { return QStringLiteral("free"); }
};

/// Finds a plan by id in a catalog.
std::optional<Plan> findPlan(const QList<Plan>& plans, const QString& id);

} // namespace kv::model
