#pragma once
// The plan change of a namespace as one flow, for every view that offers it (the data console's
// Namespace menu, the usage page): ask the client for the plans, let the operator choose in the
// PlanDialog (opened with open(), no nested event loop), and make the change through the client.

#include "client/Client.h"

#include <functional>

class QWidget;

namespace kv::ui {

/// Offers the plans for namespace `id` (its plan now: `current`) and moves it to the chosen one.
/// `done` receives the namespace as it is afterwards, or the error of listing the plans or of the
/// change; it is not called when the operator cancels or `parent` is gone first.
void changeNamespacePlan(client::Client& client, const QString& id, const QString& current, QWidget* parent,
    std::function<void(const Result<model::Namespace>&)> done);

} // namespace kv::ui
