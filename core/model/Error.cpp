#include "model/Error.h"

#include <QJsonValue>

#include <array>
#include <utility>

namespace kv {

namespace {

struct CodeInfo
{
    ErrorCode code;
    const char* name;
    int status;
};

// The wire names and statuses are part of the API contract: append, never rename.
constexpr std::array kCodes {
    CodeInfo { ErrorCode::BadRequest, "bad_request", 400 },
    CodeInfo { ErrorCode::InvalidKey, "invalid_key", 400 },
    CodeInfo { ErrorCode::InvalidValue, "invalid_value", 400 },
    CodeInfo { ErrorCode::InvalidMetadata, "invalid_metadata", 400 },
    CodeInfo { ErrorCode::InvalidNamespace, "invalid_namespace", 400 },
    CodeInfo { ErrorCode::InvalidLimit, "invalid_limit", 400 },
    CodeInfo { ErrorCode::InvalidCursor, "invalid_cursor", 400 },
    CodeInfo { ErrorCode::InvalidTimeRange, "invalid_time_range", 400 },
    CodeInfo { ErrorCode::InvalidTtl, "invalid_ttl", 400 },
    CodeInfo { ErrorCode::InvalidExpiration, "invalid_expiration", 400 },
    CodeInfo { ErrorCode::InvalidPlan, "invalid_plan", 400 },
    CodeInfo { ErrorCode::InvalidBatch, "invalid_batch", 400 },
    CodeInfo { ErrorCode::BatchRejected, "batch_rejected", 400 },
    CodeInfo { ErrorCode::InvalidSignature, "invalid_signature", 400 },
    CodeInfo { ErrorCode::UnknownPrice, "unknown_price", 400 },
    CodeInfo { ErrorCode::Unauthorized, "unauthorized", 401 },
    CodeInfo { ErrorCode::Forbidden, "forbidden", 403 },
    CodeInfo { ErrorCode::NamespaceNotFound, "namespace_not_found", 404 },
    CodeInfo { ErrorCode::KeyNotFound, "key_not_found", 404 },
    CodeInfo { ErrorCode::PlanNotFound, "plan_not_found", 404 },
    CodeInfo { ErrorCode::ApiKeyNotFound, "apikey_not_found", 404 },
    CodeInfo { ErrorCode::NotFound, "not_found", 404 },
    CodeInfo { ErrorCode::MethodNotAllowed, "method_not_allowed", 405 },
    CodeInfo { ErrorCode::NamespaceExists, "namespace_exists", 409 },
    CodeInfo { ErrorCode::NamespaceNotEmpty, "namespace_not_empty", 409 },
    CodeInfo { ErrorCode::VersionConflict, "version_conflict", 412 },
    CodeInfo { ErrorCode::KeyExists, "key_exists", 412 },
    CodeInfo { ErrorCode::ValueTooLarge, "value_too_large", 413 },
    CodeInfo { ErrorCode::MetadataTooLarge, "metadata_too_large", 413 },
    CodeInfo { ErrorCode::BatchTooLarge, "batch_too_large", 413 },
    CodeInfo { ErrorCode::PayloadTooLarge, "payload_too_large", 413 },
    CodeInfo { ErrorCode::RateLimited, "rate_limited", 429 },
    CodeInfo { ErrorCode::QuotaExceeded, "quota_exceeded", 429 },
    CodeInfo { ErrorCode::Cancelled, "cancelled", 499 },
    CodeInfo { ErrorCode::Internal, "internal", 500 },
    CodeInfo { ErrorCode::StoreCorrupt, "store_corrupt", 500 },
    CodeInfo { ErrorCode::StoreTooNew, "store_too_new", 500 },
    CodeInfo { ErrorCode::StoreLocked, "store_locked", 503 },
    CodeInfo { ErrorCode::StoreIo, "store_io", 500 },
    CodeInfo { ErrorCode::Unavailable, "unavailable", 503 },
    CodeInfo { ErrorCode::Timeout, "timeout", 504 },
    CodeInfo { ErrorCode::Network, "network", 502 },
    CodeInfo { ErrorCode::TlsError, "tls_error", 502 },
    CodeInfo { ErrorCode::InvalidMessage, "invalid_message", 400 },
    CodeInfo { ErrorCode::InvalidSdp, "invalid_sdp", 400 },
    CodeInfo { ErrorCode::InvalidCandidate, "invalid_candidate", 400 },
    CodeInfo { ErrorCode::MessageTooLarge, "message_too_large", 413 },
    CodeInfo { ErrorCode::PeerNotFound, "peer_not_found", 404 },
    CodeInfo { ErrorCode::PeerIdTaken, "peer_id_taken", 409 },
    CodeInfo { ErrorCode::RoomTaken, "room_taken", 403 },
    CodeInfo { ErrorCode::InvalidResumeToken, "invalid_resume_token", 403 },
    CodeInfo { ErrorCode::NotJoined, "not_joined", 409 },
    CodeInfo { ErrorCode::AlreadyJoined, "already_joined", 409 },
    CodeInfo { ErrorCode::AuthTimeout, "auth_timeout", 408 },
    CodeInfo { ErrorCode::UpgradeRequired, "upgrade_required", 426 },
};

const CodeInfo& infoFor(ErrorCode code)
{
    for (const auto& info : kCodes) {
        if (info.code == code) {
            return info;
        }
    }
    return kCodes[static_cast<std::size_t>(ErrorCode::Internal)];
}

} // namespace

Error::Error(ErrorCode code, QString message, QJsonObject details)
    : m_code(code)
    , m_message(std::move(message))
    , m_details(std::move(details))
{ }

QString Error::codeName() const
{
    return codeName(m_code);
}

QString Error::codeName(ErrorCode code)
{
    return QString::fromLatin1(infoFor(code).name);
}

std::optional<ErrorCode> Error::codeFromName(QStringView name)
{
    for (const auto& info : kCodes) {
        if (name == QLatin1StringView(info.name)) {
            return info.code;
        }
    }
    return std::nullopt;
}

int Error::httpStatusFor(ErrorCode code)
{
    return infoFor(code).status;
}

QList<ErrorCode> Error::allCodes()
{
    QList<ErrorCode> codes;
    codes.reserve(static_cast<qsizetype>(kCodes.size()));
    for (const auto& info : kCodes) {
        codes.append(info.code);
    }
    return codes;
}

QJsonObject Error::toJson() const
{
    QJsonObject json { { QStringLiteral("code"), codeName() }, { QStringLiteral("message"), m_message } };
    if (!m_details.isEmpty()) {
        json.insert(QStringLiteral("details"), m_details);
    }
    return json;
}

Error Error::fromJson(const QJsonObject& json)
{
    const QString name = json.value(QStringLiteral("code")).toString();
    const QString message = json.value(QStringLiteral("message")).toString();
    QJsonObject details = json.value(QStringLiteral("details")).toObject();
    if (const auto code = codeFromName(name)) {
        return Error(*code, message, details);
    }
    details.insert(QStringLiteral("code"), name);
    return Error(ErrorCode::Internal, message, details);
}

} // namespace kv
