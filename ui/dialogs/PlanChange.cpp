#include "ui/dialogs/PlanChange.h"

#include "ui/Async.h"
#include "ui/dialogs/NamespaceDialogs.h"

#include <QWidget>

namespace kv::ui {

void changeNamespacePlan(client::Client& client, const QString& id, const QString& current, QWidget* parent,
    std::function<void(const Result<model::Namespace>&)> done)
{
    whenDone(client.listPlans(), parent,
        [&client, id, current, parent, done = std::move(done)](const Result<QList<model::Plan>>& plans) {
            if (!plans) {
                done(plans.error());
                return;
            }
            auto* dialog = new PlanDialog(id, *plans, current, parent);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(dialog, &QDialog::accepted, parent, [&client, dialog, id, parent, done] {
                whenDone(client.setNamespacePlan(id, dialog->plan()), parent, done);
            });
            dialog->open();
        });
}

} // namespace kv::ui
