#include "model/Validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <limits>

namespace kv::model {

namespace {

bool isControl(char32_t cp)
{
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

QString hexCodePoint(char32_t cp)
{
    return QStringLiteral("U+%1").arg(static_cast<uint>(cp), 4, 16, QLatin1Char('0')).toUpper();
}

/// Strict UTF-8 decoding (no overlong forms, no surrogates, nothing above U+10FFFF) that also
/// stops at the first control character. Returns an error message, or an empty string.
QString checkUtf8Key(QByteArrayView bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char lead = p[i];
        char32_t cp = 0;
        int length = 0;
        char32_t minimum = 0;
        if (lead < 0x80) {
            cp = lead;
            length = 1;
        } else if ((lead & 0xe0) == 0xc0) {
            cp = lead & 0x1fU;
            length = 2;
            minimum = 0x80;
        } else if ((lead & 0xf0) == 0xe0) {
            cp = lead & 0x0fU;
            length = 3;
            minimum = 0x800;
        } else if ((lead & 0xf8) == 0xf0) {
            cp = lead & 0x07U;
            length = 4;
            minimum = 0x10000;
        } else {
            return QStringLiteral("the key is not valid UTF-8 (bad byte 0x%1 at offset %2)")
                .arg(lead, 2, 16, QLatin1Char('0'))
                .arg(i);
        }
        if (i + length > n) {
            return QStringLiteral("the key is not valid UTF-8 (truncated sequence at offset %1)").arg(i);
        }
        for (int k = 1; k < length; ++k) {
            const unsigned char next = p[i + k];
            if ((next & 0xc0) != 0x80) {
                return QStringLiteral("the key is not valid UTF-8 (bad continuation byte at offset %1)").arg(i + k);
            }
            cp = (cp << 6) | (next & 0x3fU);
        }
        if (length > 1 && cp < minimum) {
            return QStringLiteral("the key is not valid UTF-8 (overlong encoding at offset %1)").arg(i);
        }
        if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
            return QStringLiteral("the key is not valid UTF-8 (invalid code point at offset %1)").arg(i);
        }
        if (isControl(cp)) {
            return QStringLiteral("the key contains the control character %1 at offset %2; "
                                  "control characters are not allowed in keys")
                .arg(hexCodePoint(cp))
                .arg(i);
        }
        i += length;
    }
    return {};
}

Error keyError(const QString& message, qsizetype bytes)
{
    return Error(ErrorCode::InvalidKey, message, QJsonObject { { QStringLiteral("bytes"), bytes } });
}

} // namespace

Result<QString> parseKey(QByteArrayView utf8, const Limits& limits)
{
    if (utf8.isEmpty()) {
        return keyError(QStringLiteral("the key is empty; a key has at least 1 byte"), 0);
    }
    if (utf8.size() > limits.maxKeyBytes) {
        return keyError(QStringLiteral("the key is %1 bytes long; the limit is %2 bytes of UTF-8")
                            .arg(utf8.size())
                            .arg(limits.maxKeyBytes),
            utf8.size());
    }
    if (const QString problem = checkUtf8Key(utf8); !problem.isEmpty()) {
        return keyError(problem, utf8.size());
    }
    return QString::fromUtf8(utf8);
}

Result<void> validateKey(const QString& key, const Limits& limits)
{
    // A QString may hold a lone surrogate, which has no UTF-8 form: check it before encoding.
    if (!key.isValidUtf16()) {
        return keyError(QStringLiteral("the key holds an unpaired UTF-16 surrogate and has no UTF-8 form"), key.size());
    }
    const QByteArray utf8 = key.toUtf8();
    const auto parsed = parseKey(utf8, limits);
    if (!parsed) {
        return parsed.error();
    }
    return {};
}

Result<void> validateValueSize(qsizetype bytes, const Limits& limits)
{
    if (bytes > limits.maxValueBytes) {
        return Error(ErrorCode::ValueTooLarge,
            QStringLiteral("the value is %1 bytes; the limit is %2 bytes").arg(bytes).arg(limits.maxValueBytes),
            QJsonObject { { QStringLiteral("bytes"), bytes }, { QStringLiteral("limit"), limits.maxValueBytes } });
    }
    return {};
}

qsizetype metadataSize(const QJsonObject& metadata)
{
    return QJsonDocument(metadata).toJson(QJsonDocument::Compact).size();
}

Result<void> validateMetadata(const QJsonObject& metadata, const Limits& limits)
{
    const qsizetype size = metadataSize(metadata);
    if (size > limits.maxMetadataBytes) {
        return Error(ErrorCode::MetadataTooLarge,
            QStringLiteral("the metadata is %1 bytes as compact JSON; the limit is %2 bytes")
                .arg(size)
                .arg(limits.maxMetadataBytes),
            QJsonObject { { QStringLiteral("bytes"), size }, { QStringLiteral("limit"), limits.maxMetadataBytes } });
    }
    return {};
}

Result<QJsonObject> parseMetadata(QByteArrayView json, const Limits& limits)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error(ErrorCode::InvalidMetadata,
            QStringLiteral("the metadata is not valid JSON: %1 at offset %2")
                .arg(parseError.errorString())
                .arg(parseError.offset),
            QJsonObject { { QStringLiteral("offset"), parseError.offset } });
    }
    if (!document.isObject()) {
        return Error(ErrorCode::InvalidMetadata,
            QStringLiteral("the metadata must be a JSON object, not %1")
                .arg(document.isArray() ? QStringLiteral("an array") : QStringLiteral("a scalar")));
    }
    QJsonObject metadata = document.object();
    if (auto sized = validateMetadata(metadata, limits); !sized) {
        return sized.error();
    }
    return metadata;
}

Result<void> validateNamespaceId(QStringView id)
{
    const auto bad = [&](const QString& why) {
        return Error(ErrorCode::InvalidNamespace,
            QStringLiteral("\"%1\" is not a valid namespace id: %2").arg(id.toString(), why),
            QJsonObject { { QStringLiteral("pattern"), QStringLiteral("[a-z0-9][a-z0-9_-]{0,62}") } });
    };
    if (id.isEmpty()) {
        return bad(QStringLiteral("it is empty"));
    }
    if (id.size() > 63) {
        return bad(QStringLiteral("it is %1 characters long; the limit is 63").arg(id.size()));
    }
    for (qsizetype i = 0; i < id.size(); ++i) {
        const char16_t c = id[i].unicode();
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (i == 0 && !alnum) {
            return bad(QStringLiteral("it must start with a lowercase letter or a digit"));
        }
        if (!alnum && c != u'_' && c != u'-') {
            return bad(QStringLiteral("only lowercase letters, digits, '_' and '-' are allowed"));
        }
    }
    return {};
}

Result<void> validateListLimit(qint64 limit, const Limits& limits)
{
    if (limit < 1 || limit > limits.maxListLimit) {
        return Error(ErrorCode::InvalidLimit,
            QStringLiteral("the page size %1 is out of range; it must be between 1 and %2")
                .arg(limit)
                .arg(limits.maxListLimit));
    }
    return {};
}

Result<KeyOrder> parseKeyOrder(QStringView text)
{
    if (text == QLatin1StringView("asc")) {
        return KeyOrder::Ascending;
    }
    if (text == QLatin1StringView("desc")) {
        return KeyOrder::Descending;
    }
    // Exact spellings only: a client that sends "DESC" or "descending" learns it at once instead
    // of paging in an order it did not ask for.
    return Error(ErrorCode::BadRequest,
        QStringLiteral("order must be asc (A to Z, the default) or desc (Z to A); got \"%1\"").arg(text.left(20)),
        QJsonObject { { QStringLiteral("parameter"), QStringLiteral("order") },
            { QStringLiteral("allowed"), QJsonArray { QStringLiteral("asc"), QStringLiteral("desc") } } });
}

Result<void> validateUsageRange(Timestamp from, Timestamp to, UsageStep step)
{
    constexpr qint64 kHourMs = 3600 * 1000;
    if (from >= to) {
        return Error(ErrorCode::InvalidTimeRange, QStringLiteral("from must be earlier than to"));
    }
    const bool hourly = step == UsageStep::Hour;
    if ((to - from) / (hourly ? kHourMs : 24 * kHourMs) > kMaxUsageBuckets) {
        return Error(ErrorCode::InvalidTimeRange,
            QStringLiteral("the range holds more than %1 %2s; narrow it or use a longer step")
                .arg(kMaxUsageBuckets)
                .arg(hourly ? QStringLiteral("hour") : QStringLiteral("day")));
    }
    return {};
}

Result<void> validateBatchSize(qsizetype items, const Limits& limits)
{
    if (items < 1) {
        return Error(ErrorCode::InvalidBatch, QStringLiteral("the batch is empty"));
    }
    if (items > limits.maxBatchItems) {
        return Error(ErrorCode::BatchTooLarge,
            QStringLiteral("the batch has %1 items; the limit is %2").arg(items).arg(limits.maxBatchItems),
            QJsonObject { { QStringLiteral("items"), items }, { QStringLiteral("limit"), limits.maxBatchItems } });
    }
    return {};
}

Result<std::optional<Timestamp>> resolveExpiry(const ExpiryRequest& request, Timestamp now, const Limits& limits)
{
    if (request.ttlSeconds && request.expirationSeconds) {
        return Error(ErrorCode::InvalidExpiration, QStringLiteral("give either a TTL or an expiration time, not both"));
    }
    // Far enough out to never overflow milliseconds, far past any sensible expiry (year ~292,000).
    constexpr qint64 kMaxSeconds = std::numeric_limits<qint64>::max() / 1000 / 1000;
    if (request.ttlSeconds) {
        const qint64 ttl = *request.ttlSeconds;
        if (ttl < limits.minTtlSeconds || ttl > kMaxSeconds) {
            return Error(ErrorCode::InvalidTtl,
                QStringLiteral("the TTL of %1 seconds is out of range; it must be at least %2 seconds")
                    .arg(ttl)
                    .arg(limits.minTtlSeconds),
                QJsonObject { { QStringLiteral("minimum"), limits.minTtlSeconds } });
        }
        return std::optional<Timestamp>(now + ttl * 1000);
    }
    if (request.expirationSeconds) {
        const qint64 at = *request.expirationSeconds;
        const qint64 earliest = now + limits.minTtlSeconds * 1000;
        if (at < 0 || at > kMaxSeconds || at * 1000 < earliest) {
            return Error(ErrorCode::InvalidExpiration,
                QStringLiteral("the expiration %1 must lie at least %2 seconds in the future")
                    .arg(at)
                    .arg(limits.minTtlSeconds),
                QJsonObject { { QStringLiteral("earliest"), (earliest + 999) / 1000 } });
        }
        return std::optional<Timestamp>(at * 1000);
    }
    return std::optional<Timestamp>();
}

Result<void> validateApiKeyName(const QString& name)
{
    const qsizetype length = name.trimmed().size();
    if (length == 0 || length > kMaxApiKeyNameLength) {
        return Error(ErrorCode::BadRequest,
            QStringLiteral("an API key needs a name of 1 to %1 characters").arg(kMaxApiKeyNameLength));
    }
    return {};
}

Result<void> validateApiKeyScopes(Scopes scopes)
{
    if (!scopes) {
        return Error(
            ErrorCode::BadRequest, QStringLiteral("an API key needs at least one scope: read, write, admin or signal"));
    }
    return {};
}

Result<void> validateApiKeyNamespaces(const QStringList& namespaces)
{
    for (const QString& ns : namespaces) {
        if (auto valid = validateNamespaceId(ns); !valid) {
            return valid;
        }
    }
    return {};
}

Result<void> validateApiKeyExpiry(std::optional<Timestamp> expiresAt, Timestamp now)
{
    if (expiresAt && *expiresAt <= now) {
        return Error(ErrorCode::InvalidExpiration, QStringLiteral("an API key's expiry must lie in the future"));
    }
    return {};
}

} // namespace kv::model
