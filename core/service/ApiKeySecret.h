#pragma once
// How an API key's secret looks, is made and is checked.
//
// A secret reads "kvd_" + a 12-character key id + 32 random characters + a 6-character
// checksum, all base62: 54 characters that a secret scanner can recognise by the prefix and
// verify offline by the checksum (CRC-32 of what precedes it), like GitHub's tokens. The
// random part comes from libsodium's CSPRNG (190 bits). kvd stores only an HMAC-SHA-256 of the
// whole secret under the server secret, finds the key by the id inside the secret, and compares
// the MACs in constant time.

#include "model/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace kv::service {

struct ApiKeySecret
{
    /// The key id embedded in the secret (12 base62 characters).
    QString id;
    /// The whole secret, shown to the operator once.
    QString secret;

    static constexpr qsizetype kIdLength = 12;
    static constexpr qsizetype kRandomLength = 32;
    static constexpr qsizetype kChecksumLength = 6;
    static constexpr qsizetype kLength = 4 + kIdLength + kRandomLength + kChecksumLength;

    /// A new id and secret from the CSPRNG.
    static ApiKeySecret generate();
    /// The part of a secret that is safe to show and tells keys apart: "kvd_" and the key id.
    static QString prefixOf(const QString& secret) { return secret.left(4 + kIdLength); }
    /// The id inside a well-formed secret with a valid checksum; nullopt for anything else.
    static std::optional<QString> parse(QStringView secret);
};

/// A 32-byte server secret from the CSPRNG.
QByteArray generateServerSecret();
/// HMAC-SHA-256 of the secret under the server secret.
QByteArray hashSecret(const QByteArray& serverSecret, const QString& secret);
/// Constant-time equality of two MACs.
bool macEquals(const QByteArray& a, const QByteArray& b);

} // namespace kv::service
