#pragma once
// KvdCodec turns RemoteClient's calls into kvd's HTTP API v1 and kvd's answers back into the
// client's types (docs/api.md): request bodies, the error envelope, a value's headers, batch
// results, usage reports. The model's own JSON forms come from model::json, shared with kvd.

#include "client/Client.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>

namespace kv::client::kvd {

/// What came back for one HTTP request.
struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    /// Header names in lower case.
    QHash<QByteArray, QByteArray> headers;
};

/// The error of a failed answer: kvd's envelope when there is one, else one made from the status.
Error errorOf(const HttpAnswer& answer);
/// Seconds from a Retry-After header (delta-seconds form); -1 when absent or unreadable.
qint64 retryAfterSeconds(const HttpAnswer& answer);

/// A key or namespace as one path segment, every reserved byte percent-encoded.
QString pathSegment(const QString& text);
/// "\"42\"" for If-Match.
QByteArray etagOf(qint64 version);

Result<QJsonObject> objectOf(const HttpAnswer& answer);
Result<QList<model::Namespace>> namespacesOf(const HttpAnswer& answer);
Result<model::Namespace> namespaceOf(const HttpAnswer& answer);
Result<QList<model::Plan>> plansOf(const HttpAnswer& answer);
Result<model::KeyPage> keyPageOf(const HttpAnswer& answer);
/// A page asked for in `order`; a descending page whose keys go up is refused (a kvd older than
/// the order parameter ignores it and lists A to Z).
Result<model::KeyPage> keyPageOf(const HttpAnswer& answer, model::KeyOrder order);
Result<model::Entry> entryOf(const QString& key, const HttpAnswer& answer);
Result<PutResult> putResultOf(const HttpAnswer& answer);
Result<bool> deletedOf(const HttpAnswer& answer);

QJsonArray putItems(const QList<PutRequest>& requests);
QJsonArray deleteItems(const QList<DeleteRequest>& requests);
Result<QList<ItemResult>> getItemsOf(const HttpAnswer& answer);
/// A committed batch (200), or a rejected one: kvd answers that with an error whose details
/// hold every item's result, which becomes a BatchResult that is not committed, as the
/// embedded service reports it. An error without item results stays an error.
Result<BatchResult> batchOf(const HttpAnswer& answer);

QJsonObject newApiKeyBody(const NewApiKey& request);
Result<QList<model::ApiKey>> apiKeysOf(const HttpAnswer& answer);
Result<IssuedApiKey> issuedKeyOf(const HttpAnswer& answer);

Result<UsageReport> usageReportOf(const HttpAnswer& answer);
Result<AuditPage> auditPageOf(const HttpAnswer& answer);
Result<QList<model::Peer>> peersOf(const HttpAnswer& answer);
Result<Health> healthOf(const HttpAnswer& answer);

} // namespace kv::client::kvd
