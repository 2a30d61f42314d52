#include "service/ApiKeySecret.h"

#include <sodium.h>

#include <array>
#include <mutex>

namespace kv::service {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr QLatin1StringView kPrefix("kvd_");

void ensureSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) {
            qFatal("libsodium failed to initialise; no secret can be made safely");
        }
    });
}

/// Uniform base62 characters by rejection sampling (no modulo bias).
QString randomBase62(qsizetype length)
{
    ensureSodium();
    QString out;
    out.reserve(length);
    while (out.size() < length) {
        std::array<unsigned char, 64> bytes {};
        randombytes_buf(bytes.data(), bytes.size());
        for (unsigned char byte : bytes) {
            if (byte < 248 && out.size() < length) { // 248 = 62 * 4
                out.append(QLatin1Char(kAlphabet[byte % 62]));
            }
        }
    }
    return out;
}

quint32 crc32(QByteArrayView data)
{
    quint32 crc = 0xffffffffU;
    for (char c : data) {
        crc ^= static_cast<unsigned char>(c);
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc >> 1) ^ (0xedb88320U & (0U - (crc & 1U)));
        }
    }
    return ~crc;
}

QString checksum(QStringView body)
{
    quint32 value = crc32(body.toLatin1());
    QString out(ApiKeySecret::kChecksumLength, QLatin1Char('0'));
    for (qsizetype i = ApiKeySecret::kChecksumLength - 1; i >= 0; --i) {
        out[i] = QLatin1Char(kAlphabet[value % 62]);
        value /= 62;
    }
    return out;
}

} // namespace

ApiKeySecret ApiKeySecret::generate()
{
    const QString id = randomBase62(kIdLength);
    const QString body = kPrefix + id + randomBase62(kRandomLength);
    return ApiKeySecret { id, body + checksum(body) };
}

std::optional<QString> ApiKeySecret::parse(QStringView secret)
{
    if (secret.size() != kLength || !secret.startsWith(kPrefix)) {
        return std::nullopt;
    }
    for (QChar c : secret.mid(kPrefix.size())) {
        if (c.unicode() > 127 || kAlphabet.find(static_cast<char>(c.unicode())) == std::string_view::npos) {
            return std::nullopt;
        }
    }
    const QStringView body = secret.left(kLength - kChecksumLength);
    if (checksum(body) != secret.right(kChecksumLength)) {
        return std::nullopt;
    }
    return secret.mid(kPrefix.size(), kIdLength).toString();
}

QByteArray generateServerSecret()
{
    ensureSodium();
    QByteArray secret(32, Qt::Uninitialized);
    randombytes_buf(secret.data(), static_cast<size_t>(secret.size()));
    return secret;
}

QByteArray hashSecret(const QByteArray& serverSecret, const QString& secret)
{
    ensureSodium();
    const QByteArray message = secret.toLatin1();
    QByteArray mac(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(serverSecret.constData()),
        static_cast<size_t>(serverSecret.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.constData()),
        static_cast<unsigned long long>(message.size()));
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(mac.data()));
    return mac;
}

bool macEquals(const QByteArray& a, const QByteArray& b)
{
    return a.size() == b.size() && sodium_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

} // namespace kv::service
