#pragma once
// The validation rules, written once and used by every entry point (the embedded client, the
// HTTP server, bulk import). Each check returns a kv::Error whose message names the rule broken.

#include "model/ApiKey.h"
#include "model/Clock.h"
#include "model/Entry.h"
#include "model/Limits.h"
#include "model/Result.h"
#include "model/UsageBucket.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace kv::model {

/// Checks raw UTF-8 bytes as a key (from the wire, a file) and returns it decoded.
Result<QString> parseKey(QByteArrayView utf8, const Limits& limits);
/// Checks a key already held as a QString (which may still hold a lone surrogate).
Result<void> validateKey(const QString& key, const Limits& limits);

Result<void> validateValueSize(qsizetype bytes, const Limits& limits);

/// Parses a metadata document: it must be a JSON object of at most maxMetadataBytes when
/// serialised compactly.
Result<QJsonObject> parseMetadata(QByteArrayView json, const Limits& limits);
Result<void> validateMetadata(const QJsonObject& metadata, const Limits& limits);
/// The size a metadata object counts for: its compact JSON serialisation.
qsizetype metadataSize(const QJsonObject& metadata);

/// [a-z0-9][a-z0-9_-]{0,62}
Result<void> validateNamespaceId(QStringView id);

/// A usage chart's span: from < to, and at most kMaxUsageBuckets steps.
constexpr qint64 kMaxUsageBuckets = 2000;
Result<void> validateUsageRange(Timestamp from, Timestamp to, UsageStep step);

/// A list page size, 1..maxListLimit.
Result<void> validateListLimit(qint64 limit, const Limits& limits);

/// A listing's order as the HTTP API spells it: "asc" or "desc" (BadRequest naming both otherwise).
Result<KeyOrder> parseKeyOrder(QStringView text);

Result<void> validateBatchSize(qsizetype items, const Limits& limits);

/// How long an entry lives: a TTL in seconds from now, or an absolute Unix time in seconds.
struct ExpiryRequest
{
    std::optional<qint64> ttlSeconds;
    std::optional<qint64> expirationSeconds;
};

/// Resolves an expiry request against the current time into an expiry in milliseconds
/// (nullopt: the entry never expires). Both must lie at least minTtlSeconds ahead.
Result<std::optional<Timestamp>> resolveExpiry(const ExpiryRequest& request, Timestamp now, const Limits& limits);

/// The rules of a new API key, one per field so that a form can check each as it is typed.
/// A name of 1 to kMaxApiKeyNameLength characters once trimmed.
constexpr qsizetype kMaxApiKeyNameLength = 200;
Result<void> validateApiKeyName(const QString& name);
/// At least one scope.
Result<void> validateApiKeyScopes(Scopes scopes);
/// Every id a valid namespace id (an empty list means every namespace).
Result<void> validateApiKeyNamespaces(const QStringList& namespaces);
/// No expiry, or one that lies after `now`.
Result<void> validateApiKeyExpiry(std::optional<Timestamp> expiresAt, Timestamp now);

} // namespace kv::model
