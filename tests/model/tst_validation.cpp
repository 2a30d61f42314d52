// The validation rules of core/model at every boundary DESIGN.md sets ("Limits"): each row names
// one edge, and a broken rule must come back as the exact ErrorCode with a message naming it.

#include "ErrorCodePrinter.h"
#include "model/Limits.h"
#include "model/Validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <cstddef>
#include <limits>
#include <optional>

using OptionalSeconds = std::optional<qint64>;
Q_DECLARE_METATYPE(kv::ErrorCode)
Q_DECLARE_METATYPE(OptionalSeconds)

// Macros, not helper functions, so that a failure reports the line of the test that made it.
#define KV_VERIFY_OK(result)                                                                                           \
    do {                                                                                                               \
        const auto& kvResult = (result);                                                                               \
        QVERIFY2(kvResult.ok(),                                                                                        \
            qPrintable(QStringLiteral("expected success, got %1: %2")                                                  \
                           .arg(kvResult.ok() ? QString() : kvResult.error().codeName(),                               \
                               kvResult.ok() ? QString() : kvResult.error().message())));                              \
    } while (false)

#define KV_VERIFY_ERROR(result, expectedCode, expectedMentions)                                                        \
    do {                                                                                                               \
        const auto& kvResult = (result);                                                                               \
        QVERIFY2(!kvResult.ok(), "expected an error, but the call succeeded");                                         \
        const kv::Error& kvError = kvResult.error();                                                                   \
        QCOMPARE(kvError.code(), expectedCode);                                                                        \
        QVERIFY2(!kvError.message().trimmed().isEmpty(), "the error message is empty");                                \
        const QStringList kvMentions = (expectedMentions);                                                             \
        for (const QString& mention : kvMentions) {                                                                    \
            QVERIFY2(kvError.message().contains(mention, Qt::CaseInsensitive),                                         \
                qPrintable(                                                                                            \
                    QStringLiteral("the message \"%1\" does not mention \"%2\"").arg(kvError.message(), mention)));    \
        }                                                                                                              \
    } while (false)

namespace {

using kv::ErrorCode;
using kv::model::Limits;
using kv::model::Timestamp;

constexpr qint64 kInt64Max = std::numeric_limits<qint64>::max();
constexpr qint64 kInt64Min = std::numeric_limits<qint64>::min();
constexpr qsizetype kMiB = 1024 * 1024;

/// Bytes from a literal, embedded NULs included (QByteArray(const char*) would stop at the first).
template <std::size_t N> QByteArray bytes(const char (&literal)[N])
{
    return QByteArray(literal, static_cast<qsizetype>(N - 1));
}

QByteArray eAcute() // U+00E9, 2 bytes
{
    return bytes("\xc3\xa9");
}
QByteArray euro() // U+20AC, 3 bytes
{
    return bytes("\xe2\x82\xac");
}
QByteArray emoji() // U+1F600, 4 bytes
{
    return bytes("\xf0\x9f\x98\x80");
}

QStringList mentions(std::initializer_list<const char*> words)
{
    QStringList list;
    for (const char* word : words) {
        list.append(QString::fromUtf8(word));
    }
    return list;
}

struct KeyCase
{
    const char* name;
    QByteArray utf8;
    bool valid;
    QStringList mentions;
};

/// Shared by parseKey (raw bytes) and validateKey (the rows that are valid UTF-8, as QStrings).
QList<KeyCase> keyCases()
{
    const QStringList tooLong = mentions({ "limit is 512 bytes" });
    const QStringList control = mentions({ "control character" });
    const QStringList badUtf8 = mentions({ "UTF-8" });
    return {
        // Length, counted in UTF-8 bytes, never in characters.
        { "empty", QByteArray(), false, mentions({ "empty" }) },
        { "1 byte", bytes("a"), true, {} },
        { "1 character of 2 bytes", eAcute(), true, {} },
        { "512 ASCII bytes", QByteArray(512, 'k'), true, {} },
        { "513 ASCII bytes", QByteArray(513, 'k'), false, mentions({ "513 bytes", "limit is 512 bytes" }) },
        { "170 x 3-byte + 2-byte = 512 bytes", euro().repeated(170) + eAcute(), true, {} },
        { "171 x 3-byte = 513 bytes (limit inside the last character)", euro().repeated(171), false,
            mentions({ "513 bytes", "limit is 512 bytes" }) },
        { "170 x 3-byte + 2 x 2-byte = 514 bytes", euro().repeated(170) + eAcute() + eAcute(), false,
            mentions({ "514 bytes", "limit is 512 bytes" }) },
        { "128 x 4-byte = 512 bytes", emoji().repeated(128), true, {} },
        { "127 x 4-byte + 2-byte + 3-byte = 513 bytes", emoji().repeated(127) + eAcute() + euro(), false, tooLong },
        { "129 x 4-byte = 516 bytes (limit inside the last character)", emoji().repeated(129), false, tooLong },
        { "102 x (2+3)-byte + 2-byte = 512 bytes", QByteArray(eAcute() + euro()).repeated(102) + eAcute(), true, {} },
        { "102 x (2+3)-byte + 3-byte = 513 bytes", QByteArray(eAcute() + euro()).repeated(102) + euro(), false,
            tooLong },
        // C0 controls, DEL and C1 controls, anywhere in the key.
        { "NUL", bytes("a\0b"), false, mentions({ "control character", "U+0000" }) },
        { "U+0001", bytes("\x01"), false, mentions({ "control character", "U+0001" }) },
        { "U+001F", bytes("ab\x1f"), false, mentions({ "control character", "U+001F" }) },
        { "tab", bytes("a\tb"), false, mentions({ "control character", "U+0009" }) },
        { "newline", bytes("a\nb"), false, mentions({ "control character", "U+000A" }) },
        { "carriage return", bytes("a\rb"), false, mentions({ "control character", "U+000D" }) },
        { "DEL U+007F", bytes("a\x7f"), false, mentions({ "control character", "U+007F" }) },
        { "C1 U+0080", bytes("\xc2\x80"), false, mentions({ "control character", "U+0080" }) },
        { "C1 U+0085 (NEL)", bytes("a\xc2\x85"), false, mentions({ "control character", "U+0085" }) },
        { "C1 U+009F", bytes("\xc2\x9f"), false, mentions({ "control character", "U+009F" }) },
        { "control as the last of 512 bytes", QByteArray(511, 'k') + bytes("\x7f"), false, control },
        // Malformed UTF-8.
        { "lone continuation byte", bytes("\x80"), false, badUtf8 },
        { "continuation byte inside ASCII",
            bytes("ab\xbf"
                  "cd"),
            false, badUtf8 },
        { "2-byte lead at the end", bytes("a\xc3"), false, badUtf8 },
        { "truncated 3-byte sequence", bytes("\xe2\x82"), false, badUtf8 },
        { "truncated 4-byte sequence", bytes("\xf0\x9f\x98"), false, badUtf8 },
        { "lead followed by ASCII",
            bytes("\xc3"
                  "a"),
            false, badUtf8 },
        { "overlong '/' C0 AF", bytes("\xc0\xaf"), false, badUtf8 },
        { "overlong NUL C0 80", bytes("\xc0\x80"), false, badUtf8 },
        { "overlong C1 BF", bytes("\xc1\xbf"), false, badUtf8 },
        { "overlong '/' E0 80 AF", bytes("\xe0\x80\xaf"), false, badUtf8 },
        { "overlong '/' F0 80 80 AF", bytes("\xf0\x80\x80\xaf"), false, badUtf8 },
        { "encoded high surrogate ED A0 80", bytes("\xed\xa0\x80"), false, badUtf8 },
        { "encoded low surrogate ED BF BF", bytes("\xed\xbf\xbf"), false, badUtf8 },
        { "CESU-8 surrogate pair", bytes("\xed\xa0\xbd\xed\xb8\x80"), false, badUtf8 },
        { "above U+10FFFF F4 90 80 80", bytes("\xf4\x90\x80\x80"), false, badUtf8 },
        { "lead F5", bytes("\xf5\x80\x80\x80"), false, badUtf8 },
        { "5-byte form F8", bytes("\xf8\x88\x80\x80\x80"), false, badUtf8 },
        { "byte FE", bytes("a\xfe"), false, badUtf8 },
        { "byte FF", bytes("\xff"), false, badUtf8 },
        // Valid keys: any printable Unicode, path and URL characters included.
        { "4-byte emoji", emoji(), true, {} },
        { "U+10FFFF", bytes("\xf4\x8f\xbf\xbf"), true, {} },
        { "U+D7FF (below the surrogates)", bytes("\xed\x9f\xbf"), true, {} },
        { "U+E000 (above the surrogates)", bytes("\xee\x80\x80"), true, {} },
        { "U+FFFD", bytes("\xef\xbf\xbd"), true, {} },
        { "U+00A0 (just above C1)", bytes("\xc2\xa0"), true, {} },
        { "'~' U+007E (just below DEL)", bytes("~"), true, {} },
        { "space U+0020 (just above C0)", bytes(" "), true, {} },
        { "slashes", bytes("users/42/avatar.png"), true, {} },
        { "spaces", bytes(" a key with spaces "), true, {} },
        { "percent", bytes("100%25%2F%"), true, {} },
        { "dot-dot", bytes(".."), true, {} },
        { "punctuation", bytes("!\"#$&'()*+,-.:;<=>?@[\\]^_`{|}"), true, {} },
    };
}

QString repeatedString(QChar c, qsizetype count)
{
    return QString(count, c);
}

/// {"p":"<padding>"}: 8 bytes of compact JSON around the padding.
QJsonObject paddedMetadata(qsizetype compactBytes)
{
    return QJsonObject { { QStringLiteral("p"), repeatedString(QLatin1Char('x'), compactBytes - 8) } };
}

QByteArray paddedCompactJson(qsizetype compactBytes)
{
    return QByteArrayLiteral("{\"p\":\"") + QByteArray(compactBytes - 8, 'x') + QByteArrayLiteral("\"}");
}

QByteArray paddedPrettyJson(qsizetype compactBytes)
{
    return QByteArrayLiteral("{\n    \"p\" :   \"") + QByteArray(compactBytes - 8, 'x') + QByteArrayLiteral("\"\n}\n");
}

constexpr Timestamp kNow = 1'700'000'000'000;
constexpr qint64 kNowSeconds = kNow / 1000;

} // namespace

class TestValidation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultLimits();

    void parseKey_data();
    void parseKey();
    void validateKey_data();
    void validateKey();
    void customKeyLimit_data();
    void customKeyLimit();

    void validateValueSize_data();
    void validateValueSize();

    void metadataSize_data();
    void metadataSize();
    void parseMetadata_data();
    void parseMetadata();
    void validateMetadata_data();
    void validateMetadata();

    void validateNamespaceId_data();
    void validateNamespaceId();
    void namespaceIdMatchesPattern();

    void validateListLimit_data();
    void validateListLimit();

    void parseKeyOrder_data();
    void parseKeyOrder();

    void validateBatchSize_data();
    void validateBatchSize();

    void resolveExpiry_data();
    void resolveExpiry();

    void customLimits();

    void validateApiKeyName_data();
    void validateApiKeyName();
    void apiKeyScopesNamespacesAndExpiry();
};

void TestValidation::defaultLimits()
{
    const Limits limits;
    QCOMPARE(limits.maxKeyBytes, qsizetype { 512 });
    QCOMPARE(limits.maxValueBytes, 25 * kMiB);
    QCOMPARE(limits.maxMetadataBytes, qsizetype { 1024 });
    QCOMPARE(limits.maxListLimit, 1000);
    QCOMPARE(limits.minTtlSeconds, qint64 { 60 });
    QCOMPARE(limits.maxBatchItems, qsizetype { 10000 });
}

void TestValidation::parseKey_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QStringList>("mentions");
    for (const KeyCase& row : keyCases()) {
        QTest::newRow(row.name) << row.utf8 << row.valid << row.mentions;
    }
}

void TestValidation::parseKey()
{
    QFETCH(QByteArray, key);
    QFETCH(bool, valid);
    QFETCH(QStringList, mentions);

    const auto parsed = kv::model::parseKey(key, Limits {});
    if (valid) {
        KV_VERIFY_OK(parsed);
        QCOMPARE(parsed.value(), QString::fromUtf8(key));
        QCOMPARE(parsed.value().toUtf8(), key);
    } else {
        KV_VERIFY_ERROR(parsed, ErrorCode::InvalidKey, mentions);
        QCOMPARE(parsed.error().details().value(QStringLiteral("bytes")).toInteger(-1), qint64 { key.size() });
    }
}

void TestValidation::validateKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QStringList>("mentions");
    // Every row of the byte table that a QString can hold: the verdict must not depend on the entry point.
    for (const KeyCase& row : keyCases()) {
        const QString key = QString::fromUtf8(row.utf8);
        if (key.toUtf8() == row.utf8) {
            QTest::newRow(row.name) << key << row.valid << row.mentions;
        }
    }
    const QChar high(char16_t { 0xd800 });
    const QChar low(char16_t { 0xdc00 });
    const QStringList surrogate = mentions({ "surrogate" });
    QTest::newRow("lone high surrogate") << QString(high) << false << surrogate;
    QTest::newRow("lone low surrogate") << QString(low) << false << surrogate;
    QTest::newRow("high surrogate inside a key")
        << QString(QStringLiteral("a") + high + QStringLiteral("b")) << false << surrogate;
    QTest::newRow("high surrogate at the end") << QString(QStringLiteral("key") + high) << false << surrogate;
    QTest::newRow("reversed pair") << QString(QString(low) + high) << false << surrogate;
    QTest::newRow("valid pair") << QString(QString(high) + low) << true << QStringList();
    QTest::newRow("171 characters of 3 bytes")
        << repeatedString(QChar(char16_t { 0x20ac }), 171) << false << mentions({ "513 bytes", "limit is 512 bytes" });
    QTest::newRow("256 characters of 2 bytes")
        << repeatedString(QChar(char16_t { 0xe9 }), 256) << true << QStringList();
}

void TestValidation::validateKey()
{
    QFETCH(QString, key);
    QFETCH(bool, valid);
    QFETCH(QStringList, mentions);

    const auto result = kv::model::validateKey(key, Limits {});
    if (valid) {
        KV_VERIFY_OK(result);
    } else {
        KV_VERIFY_ERROR(result, ErrorCode::InvalidKey, mentions);
    }
}

void TestValidation::customKeyLimit_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("valid");
    QTest::newRow("8 ASCII bytes") << QByteArray(8, 'k') << true;
    QTest::newRow("9 ASCII bytes") << QByteArray(9, 'k') << false;
    QTest::newRow("3 + 3 + 2 = 8 bytes") << QByteArray(euro() + euro() + eAcute()) << true;
    QTest::newRow("3 x 3 = 9 bytes") << euro().repeated(3) << false;
    QTest::newRow("2 x 4 = 8 bytes") << emoji().repeated(2) << true;
    QTest::newRow("4 + 4 + 1 = 9 bytes") << QByteArray(emoji().repeated(2) + bytes("a")) << false;
}

void TestValidation::customKeyLimit()
{
    QFETCH(QByteArray, key);
    QFETCH(bool, valid);

    Limits limits;
    limits.maxKeyBytes = 8;
    const auto parsed = kv::model::parseKey(key, limits);
    const auto validated = kv::model::validateKey(QString::fromUtf8(key), limits);
    if (valid) {
        KV_VERIFY_OK(parsed);
        KV_VERIFY_OK(validated);
    } else {
        const QStringList rule = mentions({ "limit is 8 bytes" });
        KV_VERIFY_ERROR(parsed, ErrorCode::InvalidKey, rule);
        KV_VERIFY_ERROR(validated, ErrorCode::InvalidKey, rule);
    }
}

void TestValidation::validateValueSize_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<bool>("valid");
    QTest::newRow("0 bytes") << qsizetype { 0 } << true;
    QTest::newRow("1 byte") << qsizetype { 1 } << true;
    QTest::newRow("25 MiB - 1") << 25 * kMiB - 1 << true;
    QTest::newRow("25 MiB exactly") << 25 * kMiB << true;
    QTest::newRow("25 MiB + 1") << 25 * kMiB + 1 << false;
    QTest::newRow("26 MiB") << 26 * kMiB << false;
    QTest::newRow("qsizetype max") << std::numeric_limits<qsizetype>::max() << false;
}

void TestValidation::validateValueSize()
{
    QFETCH(qsizetype, size);
    QFETCH(bool, valid);

    const auto result = kv::model::validateValueSize(size, Limits {});
    if (valid) {
        KV_VERIFY_OK(result);
    } else {
        KV_VERIFY_ERROR(result, ErrorCode::ValueTooLarge, mentions({ "limit is 26214400 bytes" }));
        QCOMPARE(result.error().details().value(QStringLiteral("bytes")).toInteger(-1), qint64 { size });
        QCOMPARE(result.error().details().value(QStringLiteral("limit")).toInteger(-1), qint64 { 25 * kMiB });
    }
}

void TestValidation::metadataSize_data()
{
    QTest::addColumn<QJsonObject>("metadata");
    QTest::addColumn<qsizetype>("size");
    QTest::newRow("{}") << QJsonObject() << qsizetype { 2 };
    QTest::newRow("{\"a\":1}") << QJsonObject { { QStringLiteral("a"), 1 } } << qsizetype { 7 };
    QTest::newRow("padded to 1024") << paddedMetadata(1024) << qsizetype { 1024 };
    QTest::newRow("padded to 1025") << paddedMetadata(1025) << qsizetype { 1025 };
    // Counted in UTF-8 bytes: 508 x U+00E9 is 1016 bytes, not 508.
    QTest::newRow("508 x 2-byte character")
        << QJsonObject { { QStringLiteral("p"), repeatedString(QChar(char16_t { 0xe9 }), 508) } } << qsizetype { 1024 };
}

void TestValidation::metadataSize()
{
    QFETCH(QJsonObject, metadata);
    QFETCH(qsizetype, size);
    QCOMPARE(kv::model::metadataSize(metadata), size);
}

void TestValidation::parseMetadata_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<kv::ErrorCode>("code");
    QTest::addColumn<QStringList>("mentions");
    // For a valid document its compact size; for MetadataTooLarge the size the error reports.
    QTest::addColumn<qsizetype>("compactSize");

    const QStringList notJson = mentions({ "JSON" });
    const QStringList tooLarge = mentions({ "limit is 1024 bytes" });
    const ErrorCode none = ErrorCode::Internal;

    QTest::newRow("{}") << bytes("{}") << true << none << QStringList() << qsizetype { 2 };
    QTest::newRow("{} with surrounding whitespace")
        << bytes(" \n\t{ }\r\n ") << true << none << QStringList() << qsizetype { 2 };
    QTest::newRow("nested object") << bytes("{\"a\":1,\"b\":[1,2],\"c\":{\"d\":null}}") << true << none << QStringList()
                                   << qsizetype { 32 };
    QTest::newRow("compact 1024 bytes") << paddedCompactJson(1024) << true << none << QStringList()
                                        << qsizetype { 1024 };
    QTest::newRow("compact 1025 bytes") << paddedCompactJson(1025) << false << ErrorCode::MetadataTooLarge << tooLarge
                                        << qsizetype { 1025 };
    // Whitespace in the input does not count: only the compact form is measured.
    QTest::newRow("pretty input, compact 1024 bytes")
        << paddedPrettyJson(1024) << true << none << QStringList() << qsizetype { 1024 };
    QTest::newRow("pretty input, compact 1025 bytes")
        << paddedPrettyJson(1025) << false << ErrorCode::MetadataTooLarge << tooLarge << qsizetype { 1025 };
    QTest::newRow("4000 bytes of whitespace around a small object")
        << QByteArray(QByteArray(2000, ' ') + bytes("{ \"a\" : 1 , \"b\" : [ 1 , 2 ] }") + QByteArray(2000, '\n'))
        << true << none << QStringList() << qsizetype { 17 };

    QTest::newRow("array [1,2]") << bytes("[1,2]") << false << ErrorCode::InvalidMetadata
                                 << mentions({ "object", "array" }) << qsizetype { -1 };
    QTest::newRow("empty array") << bytes("[]") << false << ErrorCode::InvalidMetadata << mentions({ "object" })
                                 << qsizetype { -1 };
    QTest::newRow("number") << bytes("42") << false << ErrorCode::InvalidMetadata << notJson << qsizetype { -1 };
    QTest::newRow("string") << bytes("\"text\"") << false << ErrorCode::InvalidMetadata << notJson << qsizetype { -1 };
    QTest::newRow("null") << bytes("null") << false << ErrorCode::InvalidMetadata << notJson << qsizetype { -1 };
    QTest::newRow("true") << bytes("true") << false << ErrorCode::InvalidMetadata << notJson << qsizetype { -1 };
    QTest::newRow("empty input") << QByteArray() << false << ErrorCode::InvalidMetadata << notJson << qsizetype { -1 };
    QTest::newRow("whitespace only") << bytes("  \n") << false << ErrorCode::InvalidMetadata << notJson
                                     << qsizetype { -1 };
    QTest::newRow("unterminated object") << bytes("{") << false << ErrorCode::InvalidMetadata << notJson
                                         << qsizetype { -1 };
    QTest::newRow("missing value") << bytes("{\"a\":}") << false << ErrorCode::InvalidMetadata << notJson
                                   << qsizetype { -1 };
    QTest::newRow("trailing comma") << bytes("{\"a\":1,}") << false << ErrorCode::InvalidMetadata << notJson
                                    << qsizetype { -1 };
    QTest::newRow("two documents") << bytes("{}{}") << false << ErrorCode::InvalidMetadata << notJson
                                   << qsizetype { -1 };
    QTest::newRow("single quotes") << bytes("{'a':1}") << false << ErrorCode::InvalidMetadata << notJson
                                   << qsizetype { -1 };
    QTest::newRow("invalid UTF-8 in a string")
        << bytes("{\"a\":\"\xff\"}") << false << ErrorCode::InvalidMetadata << notJson << qsizetype { -1 };
}

void TestValidation::parseMetadata()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QFETCH(kv::ErrorCode, code);
    QFETCH(QStringList, mentions);
    QFETCH(qsizetype, compactSize);

    const auto parsed = kv::model::parseMetadata(json, Limits {});
    if (valid) {
        KV_VERIFY_OK(parsed);
        QCOMPARE(kv::model::metadataSize(parsed.value()), compactSize);
        QCOMPARE(parsed.value(), QJsonDocument::fromJson(json).object());
    } else {
        KV_VERIFY_ERROR(parsed, code, mentions);
        if (code == ErrorCode::MetadataTooLarge) {
            QCOMPARE(parsed.error().details().value(QStringLiteral("bytes")).toInteger(-1), qint64 { compactSize });
            QCOMPARE(parsed.error().details().value(QStringLiteral("limit")).toInteger(-1), qint64 { 1024 });
        }
    }
}

void TestValidation::validateMetadata_data()
{
    QTest::addColumn<QJsonObject>("metadata");
    QTest::addColumn<bool>("valid");
    QTest::newRow("{}") << QJsonObject() << true;
    QTest::newRow("compact 1023 bytes") << paddedMetadata(1023) << true;
    QTest::newRow("compact 1024 bytes") << paddedMetadata(1024) << true;
    QTest::newRow("compact 1025 bytes") << paddedMetadata(1025) << false;
    QTest::newRow("compact 4096 bytes") << paddedMetadata(4096) << false;
    const QString twoByte = repeatedString(QChar(char16_t { 0xe9 }), 508);
    QTest::newRow("508 x 2-byte = 1024 bytes") << QJsonObject { { QStringLiteral("p"), twoByte } } << true;
    QTest::newRow("508 x 2-byte + 1 = 1025 bytes")
        << QJsonObject { { QStringLiteral("p"), QString(twoByte + QLatin1Char('x')) } } << false;
    QJsonArray many;
    for (int i = 0; i < 300; ++i) {
        many.append(i);
    }
    QTest::newRow("array of 300 numbers") << QJsonObject { { QStringLiteral("a"), many } } << false;
}

void TestValidation::validateMetadata()
{
    QFETCH(QJsonObject, metadata);
    QFETCH(bool, valid);

    const auto result = kv::model::validateMetadata(metadata, Limits {});
    if (valid) {
        KV_VERIFY_OK(result);
    } else {
        KV_VERIFY_ERROR(result, ErrorCode::MetadataTooLarge, mentions({ "limit is 1024 bytes" }));
        QCOMPARE(result.error().details().value(QStringLiteral("bytes")).toInteger(-1),
            qint64 { kv::model::metadataSize(metadata) });
    }
}

void TestValidation::validateNamespaceId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QStringList>("mentions");

    const QStringList start = mentions({ "start with a lowercase letter or a digit" });
    const QStringList allowed = mentions({ "lowercase letters, digits" });

    QTest::newRow("a") << QStringLiteral("a") << true << QStringList();
    QTest::newRow("0") << QStringLiteral("0") << true << QStringList();
    QTest::newRow("a_b-c") << QStringLiteral("a_b-c") << true << QStringList();
    QTest::newRow("trailing - and _") << QStringLiteral("z9-_") << true << QStringList();
    QTest::newRow("63 characters") << QString(QStringLiteral("a") + QString(62, QLatin1Char('b'))) << true
                                   << QStringList();
    QTest::newRow("64 characters") << QString(QStringLiteral("a") + QString(63, QLatin1Char('b'))) << false
                                   << mentions({ "64", "63" });
    QTest::newRow("empty") << QString() << false << mentions({ "empty" });
    QTest::newRow("A") << QStringLiteral("A") << false << start;
    QTest::newRow("-a") << QStringLiteral("-a") << false << start;
    QTest::newRow("_a") << QStringLiteral("_a") << false << start;
    QTest::newRow("aB") << QStringLiteral("aB") << false << allowed;
    QTest::newRow("a.b") << QStringLiteral("a.b") << false << allowed;
    QTest::newRow("a b") << QStringLiteral("a b") << false << allowed;
    QTest::newRow("a/b") << QStringLiteral("a/b") << false << allowed;
    QTest::newRow("trailing newline") << QStringLiteral("ab\n") << false << allowed;
    QTest::newRow("e-acute") << QString(QChar(char16_t { 0xe9 })) << false << start;
    QTest::newRow("a + e-acute") << QString(QStringLiteral("a") + QChar(char16_t { 0xe9 })) << false << allowed;
    QTest::newRow("fullwidth digit") << QString(QChar(char16_t { 0xff11 })) << false << start;
    QTest::newRow("NUL after a") << QString(QStringLiteral("a") + QChar(char16_t { 0 })) << false << allowed;
}

void TestValidation::validateNamespaceId()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QFETCH(QStringList, mentions);

    const auto result = kv::model::validateNamespaceId(id);
    if (valid) {
        KV_VERIFY_OK(result);
    } else {
        KV_VERIFY_ERROR(result, ErrorCode::InvalidNamespace, mentions);
        QCOMPARE(result.error().details().value(QStringLiteral("pattern")).toString(),
            QStringLiteral("[a-z0-9][a-z0-9_-]{0,62}"));
    }
}

void TestValidation::namespaceIdMatchesPattern()
{
    // Every id of one and two characters over an alphabet with the edges of each class: the
    // verdict must be exactly the documented pattern's.
    const QRegularExpression pattern(QStringLiteral("\\A[a-z0-9][a-z0-9_-]{0,62}\\z"));
    QVERIFY(pattern.isValid());
    const QString alphabet
        = QString(QStringLiteral("az09_-`{/:@[AZ. ") + QChar(char16_t { 0xe9 }) + QChar(char16_t { 0 }));
    QStringList ids;
    for (const QChar first : alphabet) {
        ids.append(QString(first));
        for (const QChar second : alphabet) {
            ids.append(QString(QString(first) + second));
        }
    }
    for (const QString& id : std::as_const(ids)) {
        const bool expected = pattern.match(id).hasMatch();
        const auto result = kv::model::validateNamespaceId(id);
        QVERIFY2(result.ok() == expected,
            qPrintable(QStringLiteral("\"%1\": expected %2")
                           .arg(id, expected ? QStringLiteral("valid") : QStringLiteral("invalid"))));
        if (!expected) {
            QCOMPARE(result.error().code(), ErrorCode::InvalidNamespace);
        }
    }
}

void TestValidation::validateListLimit_data()
{
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<bool>("valid");
    QTest::newRow("0") << qint64 { 0 } << false;
    QTest::newRow("1") << qint64 { 1 } << true;
    QTest::newRow("1000") << qint64 { 1000 } << true;
    QTest::newRow("1001") << qint64 { 1001 } << false;
    QTest::newRow("-1") << qint64 { -1 } << false;
    QTest::newRow("int64 min") << kInt64Min << false;
    QTest::newRow("int64 max") << kInt64Max << false;
    // 2^32 + 1 is 1 once truncated to 32 bits: the check must see the whole value.
    QTest::newRow("2^32 + 1") << (qint64 { 1 } << 32) + 1 << false;
}

void TestValidation::validateListLimit()
{
    QFETCH(qint64, limit);
    QFETCH(bool, valid);

    const auto result = kv::model::validateListLimit(limit, Limits {});
    if (valid) {
        KV_VERIFY_OK(result);
    } else {
        KV_VERIFY_ERROR(result, ErrorCode::InvalidLimit, mentions({ "between 1 and 1000" }));
    }
}

void TestValidation::parseKeyOrder_data()
{
    QTest::addColumn<QString>("text");
    /// The order parsed, as an int; -1: refused.
    QTest::addColumn<int>("order");
    QTest::newRow("asc") << QStringLiteral("asc") << static_cast<int>(kv::model::KeyOrder::Ascending);
    QTest::newRow("desc") << QStringLiteral("desc") << static_cast<int>(kv::model::KeyOrder::Descending);
    // Exact spellings only: anything else would page in an order the caller did not ask for.
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("upper case") << QStringLiteral("DESC") << -1;
    QTest::newRow("long form") << QStringLiteral("descending") << -1;
    QTest::newRow("padded") << QStringLiteral(" desc") << -1;
    QTest::newRow("a number") << QStringLiteral("-1") << -1;
}

void TestValidation::parseKeyOrder()
{
    QFETCH(QString, text);
    QFETCH(int, order);

    const auto result = kv::model::parseKeyOrder(text);
    if (order >= 0) {
        KV_VERIFY_OK(result);
        QCOMPARE(static_cast<int>(*result), order);
        QCOMPARE(QString(kv::model::keyOrderName(*result)), text);
    } else {
        KV_VERIFY_ERROR(result, ErrorCode::BadRequest, mentions({ "order", "asc", "desc" }));
        QCOMPARE(result.error().details().value(QStringLiteral("allowed")).toArray(),
            (QJsonArray { QStringLiteral("asc"), QStringLiteral("desc") }));
    }
}

void TestValidation::validateBatchSize_data()
{
    QTest::addColumn<qsizetype>("items");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<kv::ErrorCode>("code");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("0") << qsizetype { 0 } << false << ErrorCode::InvalidBatch << mentions({ "empty" });
    QTest::newRow("-1") << qsizetype { -1 } << false << ErrorCode::InvalidBatch << mentions({ "empty" });
    QTest::newRow("1") << qsizetype { 1 } << true << ErrorCode::Internal << QStringList();
    QTest::newRow("10000") << qsizetype { 10000 } << true << ErrorCode::Internal << QStringList();
    QTest::newRow("10001") << qsizetype { 10001 } << false << ErrorCode::BatchTooLarge
                           << mentions({ "10001 items", "limit is 10000" });
}

void TestValidation::validateBatchSize()
{
    QFETCH(qsizetype, items);
    QFETCH(bool, valid);
    QFETCH(kv::ErrorCode, code);
    QFETCH(QStringList, mentions);

    const auto result = kv::model::validateBatchSize(items, Limits {});
    if (valid) {
        KV_VERIFY_OK(result);
    } else {
        KV_VERIFY_ERROR(result, code, mentions);
    }
}

void TestValidation::resolveExpiry_data()
{
    QTest::addColumn<OptionalSeconds>("ttl");
    QTest::addColumn<OptionalSeconds>("expiration");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<kv::ErrorCode>("code");
    QTest::addColumn<QStringList>("mentions");
    QTest::addColumn<OptionalSeconds>("expiresAt");

    const OptionalSeconds none;
    const ErrorCode ok = ErrorCode::Internal;
    const QStringList atLeast = mentions({ "at least 60 seconds" });
    const QStringList both = mentions({ "not both" });
    const auto ttlRow = [&](const char* name, qint64 ttl, bool valid, OptionalSeconds expiresAt, Timestamp now = kNow) {
        QTest::newRow(name) << OptionalSeconds(ttl) << none << now << valid << (valid ? ok : ErrorCode::InvalidTtl)
                            << (valid ? QStringList() : atLeast) << expiresAt;
    };
    const auto expirationRow = [&](const char* name, qint64 at, bool valid, Timestamp now = kNow) {
        QTest::newRow(name) << none << OptionalSeconds(at) << now << valid
                            << (valid ? ok : ErrorCode::InvalidExpiration) << (valid ? QStringList() : atLeast)
                            << (valid ? OptionalSeconds(at * 1000) : none);
    };

    QTest::newRow("neither: never expires") << none << none << kNow << true << ok << QStringList() << none;

    ttlRow("ttl 59", 59, false, none);
    ttlRow("ttl 60", 60, true, kNow + 60'000);
    ttlRow("ttl 61", 61, true, kNow + 61'000);
    ttlRow("ttl one year", 31'536'000, true, kNow + 31'536'000'000);
    ttlRow("ttl 0", 0, false, none);
    ttlRow("ttl -1", -1, false, none);
    ttlRow("ttl int64 min", kInt64Min, false, none);
    ttlRow("ttl int64 max", kInt64Max, false, none);
    // ttl * 1000 still fits, now + ttl * 1000 does not.
    ttlRow("ttl int64 max / 1000", kInt64Max / 1000, false, none);
    // 18,446,744,073,709,552 s is 2^64 ms + 384 ms: wrapped, the product would look like a near expiry.
    ttlRow("ttl whose milliseconds wrap to 384", 18'446'744'073'709'552, false, none);
    ttlRow("ttl 60, now not on a second", 60, true, kNow + 500 + 60'000, kNow + 500);

    expirationRow("expiration now + 59 s", kNowSeconds + 59, false);
    expirationRow("expiration now + 60 s", kNowSeconds + 60, true);
    expirationRow("expiration now + 1 day", kNowSeconds + 86'400, true);
    expirationRow("expiration now", kNowSeconds, false);
    expirationRow("expiration in the past", kNowSeconds - 3600, false);
    expirationRow("expiration 0", 0, false);
    expirationRow("expiration -1", -1, false);
    expirationRow("expiration int64 max", kInt64Max, false);
    expirationRow("expiration int64 max / 1000 + 1", kInt64Max / 1000 + 1, false);
    expirationRow("expiration int64 min", kInt64Min, false);
    // The first value whose milliseconds fall below int64 min; wrapped, they would be far in the future.
    expirationRow("expiration int64 min / 1000 - 1", kInt64Min / 1000 - 1, false);
    expirationRow("expiration int64 min / 1000 - 2", kInt64Min / 1000 - 2, false);
    // 2^64 ms + 1,800,000,000,384 ms: wrapped, the product would be a plausible date in 2027.
    expirationRow("expiration whose milliseconds wrap to 2027", 18'446'745'873'709'552, false);
    // now = ...000.5 s: 60 s after the whole second is only 59.5 s ahead.
    expirationRow("expiration now + 60 s, now not on a second", kNowSeconds + 60, false, kNow + 500);
    expirationRow("expiration now + 61 s, now not on a second", kNowSeconds + 61, true, kNow + 500);

    QTest::newRow("both valid") << OptionalSeconds(60) << OptionalSeconds(kNowSeconds + 120) << kNow << false
                                << ErrorCode::InvalidExpiration << both << none;
    QTest::newRow("both invalid") << OptionalSeconds(1) << OptionalSeconds(0) << kNow << false
                                  << ErrorCode::InvalidExpiration << both << none;
}

void TestValidation::resolveExpiry()
{
    QFETCH(OptionalSeconds, ttl);
    QFETCH(OptionalSeconds, expiration);
    QFETCH(qint64, now);
    QFETCH(bool, valid);
    QFETCH(kv::ErrorCode, code);
    QFETCH(QStringList, mentions);
    QFETCH(OptionalSeconds, expiresAt);

    const auto result = kv::model::resolveExpiry(kv::model::ExpiryRequest { ttl, expiration }, now, Limits {});
    if (valid) {
        KV_VERIFY_OK(result);
        QCOMPARE(result.value().has_value(), expiresAt.has_value());
        if (expiresAt) {
            QCOMPARE(*result.value(), *expiresAt);
        }
    } else {
        KV_VERIFY_ERROR(result, code, mentions);
    }
}

void TestValidation::customLimits()
{
    Limits limits;
    limits.maxValueBytes = 10;
    limits.maxMetadataBytes = 16;
    limits.maxListLimit = 50;
    limits.maxBatchItems = 3;
    limits.minTtlSeconds = 3600;

    KV_VERIFY_OK(kv::model::validateValueSize(10, limits));
    KV_VERIFY_ERROR(
        kv::model::validateValueSize(11, limits), ErrorCode::ValueTooLarge, mentions({ "limit is 10 bytes" }));

    KV_VERIFY_OK(kv::model::validateMetadata(paddedMetadata(16), limits));
    KV_VERIFY_ERROR(kv::model::validateMetadata(paddedMetadata(17), limits), ErrorCode::MetadataTooLarge,
        mentions({ "limit is 16 bytes" }));
    KV_VERIFY_ERROR(kv::model::parseMetadata(paddedCompactJson(17), limits), ErrorCode::MetadataTooLarge,
        mentions({ "limit is 16 bytes" }));

    KV_VERIFY_OK(kv::model::validateListLimit(50, limits));
    KV_VERIFY_ERROR(
        kv::model::validateListLimit(51, limits), ErrorCode::InvalidLimit, mentions({ "between 1 and 50" }));

    KV_VERIFY_OK(kv::model::validateBatchSize(3, limits));
    KV_VERIFY_ERROR(kv::model::validateBatchSize(4, limits), ErrorCode::BatchTooLarge, mentions({ "limit is 3" }));

    const auto hour = kv::model::resolveExpiry({ 3600, std::nullopt }, kNow, limits);
    KV_VERIFY_OK(hour);
    QVERIFY(hour.value().has_value());
    QCOMPARE(*hour.value(), kNow + 3'600'000);
    KV_VERIFY_ERROR(kv::model::resolveExpiry({ 3599, std::nullopt }, kNow, limits), ErrorCode::InvalidTtl,
        mentions({ "at least 3600 seconds" }));
    KV_VERIFY_OK(kv::model::resolveExpiry({ std::nullopt, kNowSeconds + 3600 }, kNow, limits));
    KV_VERIFY_ERROR(kv::model::resolveExpiry({ std::nullopt, kNowSeconds + 3599 }, kNow, limits),
        ErrorCode::InvalidExpiration, mentions({ "at least 3600 seconds" }));

    // A lower minimum is honoured too, not only a higher one.
    limits.minTtlSeconds = 1;
    KV_VERIFY_OK(kv::model::resolveExpiry({ 1, std::nullopt }, kNow, limits));
    KV_VERIFY_ERROR(kv::model::resolveExpiry({ 0, std::nullopt }, kNow, limits), ErrorCode::InvalidTtl,
        mentions({ "at least 1 seconds" }));
}

void TestValidation::validateApiKeyName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("one character") << QStringLiteral("k") << true;
    QTest::newRow("200 characters") << QString(200, QLatin1Char('n')) << true;
    QTest::newRow("200 characters and blanks around")
        << QString(QStringLiteral("  ") + QString(200, QLatin1Char('n')) + QStringLiteral(" ")) << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("blanks") << QStringLiteral(" \t\n ") << false;
    QTest::newRow("201 characters") << QString(201, QLatin1Char('n')) << false;
}

void TestValidation::validateApiKeyName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    if (valid) {
        KV_VERIFY_OK(kv::model::validateApiKeyName(name));
    } else {
        KV_VERIFY_ERROR(kv::model::validateApiKeyName(name), ErrorCode::BadRequest, mentions({ "name of 1 to 200" }));
    }
}

void TestValidation::apiKeyScopesNamespacesAndExpiry()
{
    using kv::model::Scope;
    KV_VERIFY_OK(kv::model::validateApiKeyScopes(Scope::Signal));
    KV_VERIFY_ERROR(kv::model::validateApiKeyScopes({}), ErrorCode::BadRequest, mentions({ "at least one scope" }));

    KV_VERIFY_OK(kv::model::validateApiKeyNamespaces({}));
    KV_VERIFY_OK(kv::model::validateApiKeyNamespaces({ QStringLiteral("a"), QStringLiteral("b-2") }));
    KV_VERIFY_ERROR(kv::model::validateApiKeyNamespaces({ QStringLiteral("a"), QStringLiteral("Bad") }),
        ErrorCode::InvalidNamespace, mentions({ "\"Bad\"" }));

    KV_VERIFY_OK(kv::model::validateApiKeyExpiry(std::nullopt, kNow));
    KV_VERIFY_OK(kv::model::validateApiKeyExpiry(kNow + 1, kNow));
    KV_VERIFY_ERROR(kv::model::validateApiKeyExpiry(kNow, kNow), ErrorCode::InvalidExpiration, mentions({ "future" }));
    KV_VERIFY_ERROR(
        kv::model::validateApiKeyExpiry(kNow - 1, kNow), ErrorCode::InvalidExpiration, mentions({ "future" }));
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
