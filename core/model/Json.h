#pragma once
// The JSON form of the model types, as the HTTP API v1 writes them and clients read them:
// one codec, so that kvd and RemoteClient cannot drift apart. Times are RFC 3339 strings in UTC,
// except expirations, which are Unix seconds as in the ?expiration= parameter.

#include "model/ApiKey.h"
#include "model/AuditEvent.h"
#include "model/Entry.h"
#include "model/Namespace.h"
#include "model/Peer.h"
#include "model/Plan.h"
#include "model/Result.h"
#include "model/ServiceEvent.h"
#include "model/UsageBucket.h"

#include <QByteArray>
#include <QJsonObject>

namespace kv::model::json {

QJsonObject fromNamespace(const Namespace& ns);
Result<Namespace> toNamespace(const QJsonObject& json);

QJsonObject fromKeyInfo(const KeyInfo& info);
Result<KeyInfo> toKeyInfo(const QJsonObject& json);

/// {"keys": [...], "cursor": "...", "complete": bool}
QJsonObject fromKeyPage(const KeyPage& page);
Result<KeyPage> toKeyPage(const QJsonObject& json);

/// Never holds a secret: there is none in the model.
QJsonObject fromApiKey(const ApiKey& key);
Result<ApiKey> toApiKey(const QJsonObject& json);

QJsonObject fromPeer(const Peer& peer);
Result<Peer> toPeer(const QJsonObject& json);

QJsonObject fromAuditEvent(const AuditEvent& event);
Result<AuditEvent> toAuditEvent(const QJsonObject& json);

/// {"id", "name", "quota": {"reads", "writes", "lists", "deletes", "storageBytes" (null: unlimited),
/// "ratePerSecond", "burst"}}: what an operator chooses a plan by (no limits, no price ids).
QJsonObject fromPlan(const Plan& plan);
Result<Plan> toPlan(const QJsonObject& json);
QJsonObject fromQuota(const Plan& plan);

/// {"start", "reads", "writes", "lists", "deletes", "storageBytes" (null: not known)}; the
/// namespace and step are the caller's.
QJsonObject fromUsageBucket(const UsageBucket& bucket);
Result<UsageBucket> toUsageBucket(const QJsonObject& json);

/// {"seq", "type", "at", "namespace", "data"}: one message of the live event feed.
QJsonObject fromServiceEvent(const ServiceEvent& event);
Result<ServiceEvent> toServiceEvent(const QJsonObject& json);

/// A value's bytes in a JSON item (bulk routes, JSON lines): "value" as text when the bytes are
/// valid UTF-8, else base64 with "base64": true, since a JSON string holds only valid UTF-8.
void insertValue(QJsonObject& item, const QByteArray& value);
/// The bytes insertValue wrote; BadRequest when "value" is not a string or not valid base64.
Result<QByteArray> valueOf(const QJsonObject& item);

/// Parses a request or response body that must be a JSON object; BadRequest names the fault.
Result<QJsonObject> parseObject(QByteArrayView body);

/// Compact JSON with every non-ASCII character escaped as \uXXXX: still the same JSON, and
/// safe to carry in an HTTP header.
QByteArray asciiJson(const QJsonObject& object);

QString rfc3339(Timestamp at);
/// Reads an RFC 3339 time with an offset or Z ("2026-11-23T14:00:00Z"); nullopt otherwise.
std::optional<Timestamp> parseRfc3339(const QString& text);
/// An IMF-fixdate for Last-Modified, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
QByteArray httpDate(Timestamp at);

} // namespace kv::model::json
