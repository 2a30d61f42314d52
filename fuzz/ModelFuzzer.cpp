// libFuzzer target over core/model's validation rules and JSON codec, the code every entry point
// (kvd's routes, the embedded client, RemoteClient reading kvd's answers) runs on untrusted
// bytes. Each input goes through every parser at once (cheap, and one input can reach several),
// and what parses must obey the invariants the rest of kvd relies on:
//   - a key that parseKey() accepts is valid for validateKey() and is the same bytes again;
//   - accepted metadata is an object within the size limit;
//   - asciiJson() (which kvd puts in the Kv-Metadata header) is ASCII without CR/LF and reads
//     back as the same object;
//   - what a codec reads (toNamespace, toKeyInfo, toKeyPage, toApiKey, toAuditEvent,
//     Error::fromJson) it writes back and reads again unchanged;
//   - an RFC 3339 time that parses prints and parses back to the same instant;
//   - parseKeyOrder() accepts exactly "asc" and "desc";
//   - a signaling message parseSignalMessage() accepts passes each rule on its own (ids, SDP,
//     candidate), and a refused one names its rule with one of the relay's codes.

#include "model/ApiKey.h"
#include "model/Error.h"
#include "model/Json.h"
#include "model/Signaling.h"
#include "model/Validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

using namespace kv;
using namespace kv::model;

[[noreturn]] void die(const char* what, const QByteArray& detail = {})
{
    std::fprintf(stderr, "fuzz_model: %s\n%.*s\n", what, static_cast<int>(detail.size()), detail.constData());
    std::abort();
}

void check(bool condition, const char* what, const QByteArray& detail = {})
{
    if (!condition) {
        die(what, detail);
    }
}

QByteArray dump(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// Years 1..9999, the range an RFC 3339 time can print; outside it a time cannot round-trip.
bool printable(Timestamp at)
{
    return at >= -62135596800000LL && at <= 253402300799999LL;
}

bool printable(const std::optional<Timestamp>& at)
{
    return !at || printable(*at);
}

/// read(json) -> write -> read again gives the same value, when the first read succeeds.
template <typename T, typename Read, typename Write, typename Printable>
void roundTrip(const QJsonObject& json, Read read, Write write, Printable canPrint, const char* what)
{
    auto first = read(json);
    if (!first || !canPrint(*first)) {
        return;
    }
    const QJsonObject written = write(*first);
    auto second = read(written);
    check(second.ok(), what, "does not read back what it wrote: " + dump(written) + "\nfrom: " + dump(json));
    check(*second == *first, what, "reads back something else: " + dump(written) + "\nfrom: " + dump(json));
}

void fuzzKey(QByteArrayView bytes, const Limits& limits)
{
    auto key = parseKey(bytes, limits);
    if (!key) {
        check(key.error().code() == ErrorCode::InvalidKey, "parseKey fails with a code other than InvalidKey");
        return;
    }
    check(validateKey(*key, limits).ok(), "validateKey refuses what parseKey accepted", bytes.toByteArray());
    check(key->toUtf8() == bytes, "parseKey changes the bytes of a key", bytes.toByteArray());
    check(bytes.size() >= 1 && bytes.size() <= limits.maxKeyBytes, "parseKey accepts a key out of the size range");
}

void fuzzMetadata(QByteArrayView bytes, const Limits& limits)
{
    auto metadata = parseMetadata(bytes, limits);
    if (!metadata) {
        return;
    }
    check(validateMetadata(*metadata, limits).ok(), "validateMetadata refuses what parseMetadata accepted");
    check(metadataSize(*metadata) <= limits.maxMetadataBytes, "parseMetadata accepts metadata over the limit");
    const QByteArray ascii = json::asciiJson(*metadata);
    for (const char c : ascii) {
        check(static_cast<unsigned char>(c) < 0x80 && c != '\r' && c != '\n' && c != '\0',
            "asciiJson writes a byte a header cannot carry", ascii);
    }
    auto back = json::parseObject(ascii);
    check(back.ok() && *back == *metadata, "asciiJson does not read back as the same object", ascii);
}

void fuzzCodecs(const QJsonObject& object)
{
    roundTrip<Namespace>(
        object, json::toNamespace, json::fromNamespace, [](const Namespace& ns) { return printable(ns.createdAt); },
        "toNamespace");
    roundTrip<KeyInfo>(
        object, json::toKeyInfo, json::fromKeyInfo, [](const KeyInfo& info) { return printable(info.updatedAt); },
        "toKeyInfo");
    roundTrip<ApiKey>(
        object, json::toApiKey, json::fromApiKey,
        [](const ApiKey& key) {
            return printable(key.createdAt) && printable(key.expiresAt) && printable(key.lastUsedAt)
                && printable(key.revokedAt);
        },
        "toApiKey");
    roundTrip<AuditEvent>(
        object, json::toAuditEvent, json::fromAuditEvent, [](const AuditEvent& event) { return printable(event.at); },
        "toAuditEvent");

    // KeyPage has no operator==: compare what it writes.
    if (auto page = json::toKeyPage(object)) {
        const bool canPrint = std::all_of(
            page->keys.cbegin(), page->keys.cend(), [](const KeyInfo& info) { return printable(info.updatedAt); });
        if (canPrint) {
            const QJsonObject written = json::fromKeyPage(*page);
            auto again = json::toKeyPage(written);
            check(again.ok() && json::fromKeyPage(*again) == written, "toKeyPage does not read back what it wrote",
                dump(written));
        }
    }

    const Error error = Error::fromJson(object);
    check(Error::fromJson(error.toJson()) == error, "Error::fromJson does not read back what toJson wrote",
        dump(error.toJson()));
    check(error.httpStatus() >= 400 && error.httpStatus() <= 599, "an error maps to a status outside 4xx/5xx");
}

void fuzzText(const QString& text)
{
    (void)validateNamespaceId(text);
    (void)scopesFromNames(text.split(QLatin1Char(',')));
    (void)Error::codeFromName(text);
    if (const auto order = parseKeyOrder(text)) {
        check(keyOrderName(*order) == text, "parseKeyOrder accepts a spelling other than asc or desc", text.toUtf8());
    } else {
        check(order.error().code() == ErrorCode::BadRequest, "parseKeyOrder fails with a code other than BadRequest");
    }
    if (const auto at = json::parseRfc3339(text); at && printable(*at)) {
        const QString printed = json::rfc3339(*at);
        check(json::parseRfc3339(printed) == at, "an RFC 3339 time does not print and parse back", printed.toUtf8());
        (void)json::httpDate(*at);
    }
}

void fuzzNumbers(QByteArrayView bytes, const Limits& limits)
{
    if (bytes.size() < 17) {
        return;
    }
    qint64 a = 0;
    qint64 b = 0;
    std::memcpy(&a, bytes.data() + 1, sizeof a);
    std::memcpy(&b, bytes.data() + 9, sizeof b);
    const auto flags = static_cast<unsigned char>(bytes[0]);
    ExpiryRequest request;
    if (flags & 1U) {
        request.ttlSeconds = a;
    }
    if (flags & 2U) {
        request.expirationSeconds = a;
    }
    // Any "now" a clock can give: 1970 to year 9999.
    const Timestamp now = static_cast<Timestamp>(static_cast<quint64>(b) % 253402300799999ULL);
    if (auto expiry = resolveExpiry(request, now, limits); expiry && *expiry) {
        check(**expiry >= now + limits.minTtlSeconds * 1000, "resolveExpiry accepts an expiry in under minTtlSeconds");
    }
    (void)validateListLimit(a, limits);
    (void)validateBatchSize(static_cast<qsizetype>(a), limits);
    (void)validateValueSize(static_cast<qsizetype>(a), limits);
}

void fuzzSignal(QByteArrayView bytes)
{
    const SignalLimits limits;
    auto message = parseSignalMessage(bytes, limits);
    if (!message) {
        const ErrorCode code = message.error().code();
        check(code == ErrorCode::InvalidMessage || code == ErrorCode::InvalidSdp || code == ErrorCode::InvalidCandidate
                || code == ErrorCode::MessageTooLarge,
            "parseSignalMessage fails with a code the relay does not document", bytes.toByteArray());
        check(!message.error().details().value(QStringLiteral("rule")).toString().isEmpty(),
            "a refused signaling message names no rule", bytes.toByteArray());
        return;
    }
    check(bytes.size() <= limits.maxMessageBytes, "parseSignalMessage accepts a message over the limit");
    switch (message->type) {
    case SignalMessage::Type::Join:
        check(validateSignalId(message->room, QStringLiteral("room")).ok(), "a joined room breaks the id rule");
        check(message->peer.isEmpty() || validateSignalId(message->peer, QStringLiteral("peer")).ok(),
            "a joined peer id breaks the id rule");
        break;
    case SignalMessage::Type::Offer:
    case SignalMessage::Type::Answer:
        check(validateSignalId(message->to, QStringLiteral("to")).ok(), "an addressee breaks the id rule");
        check(validateSdp(message->sdp, limits).ok(), "an accepted SDP breaks the SDP rules", bytes.toByteArray());
        break;
    case SignalMessage::Type::Candidate:
        check(message->candidate.isEmpty() || validateCandidate(message->candidate, limits).ok(),
            "an accepted candidate breaks the grammar", bytes.toByteArray());
        break;
    default:
        break;
    }
}

void fuzzSignalText(const QString& text)
{
    const SignalLimits limits;
    (void)validateSdp(text, limits);
    (void)validateCandidate(text, limits);
    (void)validateSignalId(text, QStringLiteral("id"));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const Limits limits;
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    fuzzKey(bytes, limits);
    fuzzMetadata(bytes, limits);
    if (auto object = json::parseObject(bytes)) {
        fuzzCodecs(*object);
        // A key page or listing often nests the interesting object one level down.
        for (const QJsonValue& value : *object) {
            if (value.isObject()) {
                fuzzCodecs(value.toObject());
            }
        }
    }
    fuzzText(QString::fromUtf8(bytes));
    fuzzSignal(bytes);
    fuzzSignalText(QString::fromUtf8(bytes));
    fuzzNumbers(bytes, limits);
    return 0;
}
