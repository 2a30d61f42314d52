#include "store/Store.h"

namespace kv::store {

WriteOp WriteOp::put(
    QString key, QByteArray value, QJsonObject metadata, std::optional<Timestamp> expiresAt, Precondition precondition)
{
    WriteOp op;
    op.kind = Kind::Put;
    op.key = std::move(key);
    op.value = std::move(value);
    op.metadata = std::move(metadata);
    op.expiresAt = expiresAt;
    op.precondition = precondition;
    return op;
}

WriteOp WriteOp::remove(QString key, Precondition precondition)
{
    WriteOp op;
    op.kind = Kind::Delete;
    op.key = std::move(key);
    op.precondition = precondition;
    return op;
}

} // namespace kv::store
