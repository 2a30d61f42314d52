#pragma once
// AuditFilter is what the audit page asks the trail for: a time range and an exact actor, action
// and namespace (each empty: any). It builds the client's query for every page, and decides
// whether a live event belongs among the rows shown by the same rules the store applies to a
// query, so that a live row is one a reload would also show.

#include "client/Client.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace kv::ui {

struct AuditFilter
{
    std::optional<model::Timestamp> from; ///< at >= from
    std::optional<model::Timestamp> to; ///< at < to
    QString actor;
    QString action;
    QString ns;

    /// The query of one page: the events before `beforeId` (0: from the newest), at most `limit`.
    [[nodiscard]] client::AuditQuery query(qint64 beforeId, int limit) const;
    [[nodiscard]] bool matches(const model::AuditEvent& event) const;

    friend bool operator==(const AuditFilter&, const AuditFilter&) = default;
};

/// The actions the services record, for the action filter. The services spell them where they
/// record them; keep this list in step when one is added.
QStringList knownAuditActions();

} // namespace kv::ui
