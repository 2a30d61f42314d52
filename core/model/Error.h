#pragma once
// kv::Error is the one error type of the project: every layer reports failures with it,
// the HTTP API serialises it into its JSON envelope, and the UI shows its message.
// A code is a stable string (part of the API contract) and maps to exactly one HTTP status.

#include <QJsonObject>
#include <QString>

#include <optional>

namespace kv {

enum class ErrorCode {
    // 400: the request is wrong
    BadRequest,
    InvalidKey,
    InvalidValue,
    InvalidMetadata,
    InvalidNamespace,
    InvalidLimit,
    InvalidCursor,
    InvalidTtl,
    InvalidExpiration,
    InvalidPlan,
    InvalidTimeRange,
    InvalidBatch,
    BatchRejected,
    InvalidSignature,
    UnknownPrice,
    // 401 / 403
    Unauthorized,
    Forbidden,
    // 404
    NamespaceNotFound,
    KeyNotFound,
    PlanNotFound,
    ApiKeyNotFound,
    NotFound,
    // 405
    MethodNotAllowed,
    // 409 / 412
    NamespaceExists,
    NamespaceNotEmpty,
    VersionConflict,
    KeyExists,
    // 413
    ValueTooLarge,
    MetadataTooLarge,
    BatchTooLarge,
    PayloadTooLarge,
    // 429
    RateLimited,
    QuotaExceeded,
    // 499: the caller gave up
    Cancelled,
    // 5xx: real faults
    Internal,
    StoreCorrupt,
    StoreTooNew,
    StoreLocked,
    StoreIo,
    Unavailable,
    Timeout,
    Network,
    /// The server's TLS certificate was refused (the client's side of a 502); the details say
    /// which certificate and why, so that a person can decide whether to trust it.
    TlsError,
    // The signaling relay (/v1/signal): errors it sends as messages, and the reasons it closes a
    // connection with (close code 4000 + the status). Statuses follow the HTTP meaning.
    InvalidMessage,
    InvalidSdp,
    InvalidCandidate,
    MessageTooLarge,
    PeerNotFound,
    PeerIdTaken,
    RoomTaken,
    InvalidResumeToken,
    NotJoined,
    AlreadyJoined,
    AuthTimeout,
    /// 426: a plain HTTP request to a WebSocket route.
    UpgradeRequired,
};

class Error final
{
public:
    Error(ErrorCode code, QString message, QJsonObject details = {});

    [[nodiscard]] ErrorCode code() const { return m_code; }
    /// The stable wire name, e.g. "version_conflict".
    [[nodiscard]] QString codeName() const;
    [[nodiscard]] const QString& message() const { return m_message; }
    [[nodiscard]] const QJsonObject& details() const { return m_details; }
    [[nodiscard]] int httpStatus() const { return httpStatusFor(m_code); }

    /// {"code": ..., "message": ..., "details": {...}} (details only when present).
    [[nodiscard]] QJsonObject toJson() const;
    /// Reads what toJson() wrote; an unknown code becomes Internal with the original code in details.
    static Error fromJson(const QJsonObject& json);

    static QString codeName(ErrorCode code);
    static std::optional<ErrorCode> codeFromName(QStringView name);
    static int httpStatusFor(ErrorCode code);
    /// Every code, for tests and documentation that must list them all.
    static QList<ErrorCode> allCodes();

    friend bool operator==(const Error& a, const Error& b) = default;

private:
    ErrorCode m_code;
    QString m_message;
    QJsonObject m_details;
};

} // namespace kv
