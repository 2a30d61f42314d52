// Tests of the API-key part of core/service: the secret format (ApiKeySecret), the MAC helpers,
// and ApiKeyService (create, authenticate, authorize, rotate, revoke, the lookup cache and
// last-used times). The service runs against a real SqliteStore in a temporary directory and a
// ManualClock, so expiry and cache ageing are tested by moving the clock, never by sleeping.

#include "ErrorCodePrinter.h"
#include "model/ApiKey.h"
#include "model/Clock.h"
#include "model/Error.h"
#include "service/ApiKeySecret.h"
#include "service/ApiKeyService.h"
#include "store/SqliteStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

using kv::Error;
using kv::ErrorCode;
using kv::Result;
using kv::model::ApiKey;
using kv::model::Scope;
using kv::model::Scopes;
using kv::model::Timestamp;
using kv::service::ApiKeySecret;
using kv::service::ApiKeyService;
using kv::service::IssuedApiKey;
using kv::service::NewApiKey;

constexpr Timestamp kStart = 1'700'000'000'000;
constexpr auto kCacheTtl = 10'000ms;

const QString kAlphabet = u"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"_s;

QString describe(const Error& error)
{
    return error.codeName() + u": "_s + error.message();
}

template <typename T> QString describe(const Result<T>& result)
{
    if (result.ok()) {
        return {};
    }
    return describe(result.error());
}

bool isBase62(QStringView text)
{
    for (const QChar c : text) {
        if (!kAlphabet.contains(c)) {
            return false;
        }
    }
    return true;
}

// An independent implementation of the documented checksum (the reflected CRC-32 of zlib and
// PNG over everything before it, as six base62 digits, most significant first), so that the
// suite pins the format a secret scanner relies on instead of trusting the code under test.
quint32 referenceCrc32(QByteArrayView data)
{
    quint32 crc = 0xffffffffU;
    for (const char c : data) {
        crc ^= static_cast<quint8>(c);
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc & 1U) != 0 ? (crc >> 1) ^ 0xedb88320U : crc >> 1;
        }
    }
    return crc ^ 0xffffffffU;
}

QString referenceChecksum(const QString& body)
{
    quint32 value = referenceCrc32(body.toLatin1());
    QString digits;
    for (qsizetype i = 0; i < ApiKeySecret::kChecksumLength; ++i) {
        digits.prepend(kAlphabet.at(static_cast<qsizetype>(value % 62U)));
        value /= 62U;
    }
    return digits;
}

/// "kvd_" + id + random + the reference checksum: a secret that passes parse() whatever the parts.
QString withChecksum(const QString& body)
{
    return body + referenceChecksum(body);
}

/// A base62 character other than `c`.
QChar otherBase62(QChar c)
{
    const qsizetype at = kAlphabet.indexOf(c);
    return kAlphabet.at(at < 0 ? 0 : (at + 1) % kAlphabet.size());
}

/// Every byte of every file in `dir` whose name starts with `stem` (the store, -wal, -shm, ...).
QByteArray filesStartingWith(const QString& dirPath, const QString& stem)
{
    QByteArray all;
    const QDir dir(dirPath);
    const QStringList names = dir.entryList({ stem + u"*"_s }, QDir::Files);
    for (const QString& name : names) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly)) {
            all += file.readAll();
        }
    }
    return all;
}

NewApiKey newKey(const QString& name, Scopes scopes, const QStringList& namespaces = {},
    std::optional<Timestamp> expiresAt = std::nullopt)
{
    return NewApiKey { name, scopes, namespaces, expiresAt };
}

} // namespace

Q_DECLARE_METATYPE(kv::ErrorCode)
Q_DECLARE_METATYPE(kv::service::NewApiKey)

// The result is bound once, so that the call under test runs exactly once.
#define KV_VERIFY_OK(expr)                                                                                             \
    do {                                                                                                               \
        const auto& kvResult_ = (expr);                                                                                \
        QVERIFY2(kvResult_.ok(), qPrintable(describe(kvResult_)));                                                     \
    } while (false)

#define KV_COMPARE_ERROR(expr, expected)                                                                               \
    do {                                                                                                               \
        const auto& kvResult_ = (expr);                                                                                \
        QVERIFY2(!kvResult_.ok(), "the call succeeded but was expected to fail");                                      \
        QCOMPARE(kvResult_.error().code(), expected);                                                                  \
    } while (false)

// Fails unless `expr` is an error of code `expected` whose message contains `fragment`.
#define KV_COMPARE_ERROR_MESSAGE(expr, expected, fragment)                                                             \
    do {                                                                                                               \
        const auto& kvResult_ = (expr);                                                                                \
        QVERIFY2(!kvResult_.ok(), "the call succeeded but was expected to fail");                                      \
        QCOMPARE(kvResult_.error().code(), expected);                                                                  \
        QVERIFY2(kvResult_.error().message().contains(fragment), qPrintable(kvResult_.error().message()));             \
    } while (false)

class TestApiKeys final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // The secret format
    void generateShape();
    void generatedChecksumIsDocumentedCrc32();
    void parseAcceptsGeneratedAndHandBuilt();
    void parseRejects_data();
    void parseRejects();
    void parseRejectsEverySingleCharacterChange();
    void prefixOf();

    // MACs
    void hashSecretIsHmacSha256();
    void macEquals();
    void generateServerSecret();

    // create
    void createThenAuthenticate();
    void createAcceptsEdges();
    void createRejects_data();
    void createRejects();
    void storeKeepsOnlyTheMac();

    // authenticate
    void authenticateEmpty();
    void authenticateMalformed_data();
    void authenticateMalformed();
    void authenticateUnknownId();
    void authenticateWrongSecretReadsAsUnknown();
    void authenticateExpired();

    // authorize
    void authorizeScopes();
    void authorizeNamespaces();

    // rotate
    void rotateIssuesReplacement();
    void rotateRejectsInactiveOrUnknown();

    // revoke
    void revokeTakesEffectAtOnce();
    void revokeUnknown();
    void revokeTwiceKeepsFirstTime();

    // cache
    void cacheHidesOutsideRevocationUntilTtl();
    void cacheSizeBoundsCache();
    void concurrentAuthenticate();

    // last used
    void authenticateDoesNotWrite();
    void flushWritesLatestUse();
    void failedAuthenticateRecordsNoUse();
    void listFlushesUsage();

    // list
    void listNewestFirst();

private:
    Result<IssuedApiKey> create(const QString& name, Scopes scopes = Scope::Read, const QStringList& namespaces = {},
        std::optional<Timestamp> expiresAt = std::nullopt)
    {
        return m_service->create(newKey(name, scopes, namespaces, expiresAt));
    }
    /// The key as the store holds it, read straight from the store (no flush on the way).
    std::optional<ApiKey> storedKey(const QString& id);
    std::unique_ptr<ApiKeyService> makeService(int cacheSize, QByteArray serverSecret = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<kv::store::SqliteStore> m_store;
    kv::model::ManualClock m_clock { kStart };
    QByteArray m_serverSecret;
    std::unique_ptr<ApiKeyService> m_service;
    const QString m_storeName = u"keys.kvstore"_s;
};

void TestApiKeys::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    kv::store::SqliteStore::Options options;
    options.path = m_dir->filePath(m_storeName);
    // Durability is not under test here; Normal keeps the suite fast on slow disks.
    options.sync = kv::store::SqliteStore::Sync::Normal;
    auto opened = kv::store::SqliteStore::open(options);
    KV_VERIFY_OK(opened);
    m_store = std::move(opened.value());
    m_clock.set(kStart);
    m_serverSecret = kv::service::generateServerSecret();
    m_service = makeService(16);
}

void TestApiKeys::cleanup()
{
    m_service.reset();
    m_store.reset();
    m_dir.reset();
}

std::optional<ApiKey> TestApiKeys::storedKey(const QString& id)
{
    auto found = m_store->findApiKey(id);
    if (!found || !*found) {
        return std::nullopt;
    }
    return (*found)->key;
}

std::unique_ptr<ApiKeyService> TestApiKeys::makeService(int cacheSize, QByteArray serverSecret)
{
    ApiKeyService::Options options;
    options.cacheSize = cacheSize;
    options.cacheTtl = kCacheTtl;
    return std::make_unique<ApiKeyService>(
        *m_store, serverSecret.isEmpty() ? m_serverSecret : std::move(serverSecret), m_clock, options);
}

// The secret format ---------------------------------------------------------------------------

void TestApiKeys::generateShape()
{
    QCOMPARE(ApiKeySecret::kLength, 54);
    QSet<QString> secrets;
    QSet<QString> ids;
    for (int i = 0; i < 200; ++i) {
        const ApiKeySecret generated = ApiKeySecret::generate();
        QCOMPARE(generated.secret.size(), ApiKeySecret::kLength);
        QVERIFY2(generated.secret.startsWith(u"kvd_"_s), qPrintable(generated.secret));
        QCOMPARE(generated.id.size(), 12);
        QCOMPARE(generated.id, generated.secret.mid(4, 12));
        QVERIFY2(isBase62(generated.id), qPrintable(generated.id));
        QVERIFY2(isBase62(QStringView(generated.secret).mid(4)), qPrintable(generated.secret));
        secrets.insert(generated.secret);
        ids.insert(generated.id);
    }
    // 190 random bits and 71 bits of id: any repeat here means the CSPRNG is not being used.
    QCOMPARE(secrets.size(), 200);
    QCOMPARE(ids.size(), 200);
}

void TestApiKeys::generatedChecksumIsDocumentedCrc32()
{
    // The reference itself: the standard CRC-32 check value.
    QCOMPARE(referenceCrc32("123456789"), 0xcbf43926U);
    for (int i = 0; i < 50; ++i) {
        const QString secret = ApiKeySecret::generate().secret;
        QCOMPARE(secret.right(6), referenceChecksum(secret.left(48)));
    }
}

void TestApiKeys::parseAcceptsGeneratedAndHandBuilt()
{
    for (int i = 0; i < 20; ++i) {
        const ApiKeySecret generated = ApiKeySecret::generate();
        QCOMPARE(ApiKeySecret::parse(generated.secret), std::optional<QString>(generated.id));
    }
    // A scanner that builds the checksum from the documented format gets a secret parse accepts.
    const QString handBuilt = withChecksum(u"kvd_"_s + u"ABCDEFabcdef"_s + QString(32, u'0'));
    QCOMPARE(handBuilt.size(), ApiKeySecret::kLength);
    QCOMPARE(ApiKeySecret::parse(handBuilt), std::optional<QString>(u"ABCDEFabcdef"_s));
}

void TestApiKeys::parseRejects_data()
{
    QTest::addColumn<QString>("secret");
    const QString good = ApiKeySecret::generate().secret;
    const QString body = good.left(48);
    const QString random = good.mid(16, 32);
    const QString id = good.mid(4, 12);

    QTest::newRow("empty") << QString();
    QTest::newRow("prefix only") << u"kvd_"_s;
    QTest::newRow("one short") << good.left(53);
    QTest::newRow("one long") << good + u"0"_s;
    QTest::newRow("checksum missing") << body;
    QTest::newRow("leading space") << u" "_s + good.left(53);
    QTest::newRow("trailing newline") << good.left(53) + u"\n"_s;
    // The rows below carry a valid checksum, so only the rule they name can reject them.
    QTest::newRow("wrong prefix") << withChecksum(u"kvx_"_s + id + random);
    QTest::newRow("upper-case prefix") << withChecksum(u"KVD_"_s + id + random);
    QTest::newRow("dash in id") << withChecksum(u"kvd_"_s + id.left(11) + u"-"_s + random);
    QTest::newRow("underscore in random") << withChecksum(u"kvd_"_s + id + u"_"_s + random.mid(1));
    QTest::newRow("latin-1 letter") << withChecksum(u"kvd_"_s + id + u"\u00e9"_s + random.mid(1));
    QTest::newRow("non-latin-1 letter") << withChecksum(u"kvd_"_s + id + u"\u20ac"_s + random.mid(1));
    QTest::newRow("nul") << withChecksum(u"kvd_"_s + id + QString(1, QChar(u'\0')) + random.mid(1));
    QTest::newRow("checksum not base62") << body + u"00000-"_s;
    QTest::newRow("checksum of another body") << body + referenceChecksum(body + u"x"_s);
}

void TestApiKeys::parseRejects()
{
    QFETCH(QString, secret);
    QCOMPARE(ApiKeySecret::parse(secret), std::nullopt);
}

void TestApiKeys::parseRejectsEverySingleCharacterChange()
{
    // CRC-32 catches every single-character change (a burst of at most 8 bits), so this is a
    // guarantee of the format, not luck: every position, every other base62 character.
    const QString good = ApiKeySecret::generate().secret;
    QVERIFY(ApiKeySecret::parse(good));
    int tried = 0;
    for (qsizetype at = 0; at < good.size(); ++at) {
        for (const QChar replacement : kAlphabet) {
            if (replacement == good.at(at)) {
                continue;
            }
            QString changed = good;
            changed[at] = replacement;
            if (ApiKeySecret::parse(changed)) {
                QFAIL(qPrintable(u"a change at %1 to '%2' went unnoticed: %3"_s.arg(at).arg(replacement).arg(changed)));
            }
            ++tried;
        }
    }
    QVERIFY(tried > 50 * 60);
}

void TestApiKeys::prefixOf()
{
    const ApiKeySecret generated = ApiKeySecret::generate();
    const QString prefix = ApiKeySecret::prefixOf(generated.secret);
    QCOMPARE(prefix, u"kvd_"_s + generated.id);
    QCOMPARE(prefix.size(), 16);
    QVERIFY(!prefix.contains(generated.secret.mid(16, 32)));
}

// MACs ----------------------------------------------------------------------------------------

void TestApiKeys::hashSecretIsHmacSha256()
{
    const QByteArray server = kv::service::generateServerSecret();
    const QByteArray otherServer = kv::service::generateServerSecret();
    const QString secret = ApiKeySecret::generate().secret;
    const QString otherSecret = ApiKeySecret::generate().secret;

    const QByteArray mac = kv::service::hashSecret(server, secret);
    QCOMPARE(mac.size(), 32);
    QCOMPARE(kv::service::hashSecret(server, secret), mac);
    QVERIFY(kv::service::hashSecret(otherServer, secret) != mac);
    QVERIFY(kv::service::hashSecret(server, otherSecret) != mac);
    // DESIGN.md names HMAC-SHA-256 under the server secret; check against Qt's implementation.
    QCOMPARE(mac, QMessageAuthenticationCode::hash(secret.toLatin1(), server, QCryptographicHash::Sha256));
}

void TestApiKeys::macEquals()
{
    const QByteArray mac = kv::service::hashSecret(m_serverSecret, ApiKeySecret::generate().secret);
    QVERIFY(kv::service::macEquals(mac, QByteArray(mac)));

    QByteArray firstChanged = mac;
    firstChanged[0] = static_cast<char>(firstChanged.at(0) ^ 0x01);
    QVERIFY(!kv::service::macEquals(mac, firstChanged));
    QByteArray lastChanged = mac;
    lastChanged[31] = static_cast<char>(lastChanged.at(31) ^ 0x80);
    QVERIFY(!kv::service::macEquals(mac, lastChanged));

    QVERIFY(!kv::service::macEquals(mac, mac.left(31)));
    QVERIFY(!kv::service::macEquals(mac.left(31), mac));
    QVERIFY(!kv::service::macEquals(mac, mac + QByteArrayLiteral("x")));
    QVERIFY(!kv::service::macEquals(mac, QByteArray()));
}

void TestApiKeys::generateServerSecret()
{
    const QByteArray a = kv::service::generateServerSecret();
    const QByteArray b = kv::service::generateServerSecret();
    QCOMPARE(a.size(), 32);
    QCOMPARE(b.size(), 32);
    QVERIFY(a != b);
}

// create --------------------------------------------------------------------------------------

void TestApiKeys::createThenAuthenticate()
{
    const Timestamp expiry = kStart + 3'600'000;
    const auto issued = create(u"  deploy bot \t"_s, Scope::Read | Scope::Write, { u"app"_s, u"logs"_s }, expiry);
    KV_VERIFY_OK(issued);
    const ApiKey& key = issued->key;
    QCOMPARE(issued->secret.size(), ApiKeySecret::kLength);
    QCOMPARE(ApiKeySecret::parse(issued->secret), std::optional<QString>(key.id));
    QCOMPARE(key.name, u"deploy bot"_s);
    QCOMPARE(key.prefix, ApiKeySecret::prefixOf(issued->secret));
    QCOMPARE(key.scopes, Scope::Read | Scope::Write);
    QCOMPARE(key.namespaces, QStringList({ u"app"_s, u"logs"_s }));
    QCOMPARE(key.createdAt, kStart);
    QCOMPARE(key.expiresAt, std::optional<Timestamp>(expiry));
    QCOMPARE(key.lastUsedAt, std::nullopt);
    QCOMPARE(key.revokedAt, std::nullopt);
    QCOMPARE(key.rotatedFrom, QString());
    QCOMPARE(key.rotatedTo, QString());

    const auto authenticated = m_service->authenticate(issued->secret);
    KV_VERIFY_OK(authenticated);
    QCOMPARE(authenticated->id, key.id);
    QCOMPARE(authenticated->name, u"deploy bot"_s);
    QCOMPARE(authenticated->scopes, Scope::Read | Scope::Write);
    QCOMPARE(authenticated->namespaces, key.namespaces);
    QCOMPARE(authenticated->expiresAt, key.expiresAt);
    QCOMPARE(authenticated->prefix, key.prefix);
    QVERIFY(*authenticated == key);

    // Every scope round-trips through the store, and a key without expiry stays without one.
    const auto all = create(u"all"_s, Scope::Read | Scope::Write | Scope::Admin | Scope::Signal);
    KV_VERIFY_OK(all);
    const auto allBack = m_service->authenticate(all->secret);
    KV_VERIFY_OK(allBack);
    QCOMPARE(allBack->scopes, Scope::Read | Scope::Write | Scope::Admin | Scope::Signal);
    QCOMPARE(allBack->namespaces, QStringList());
    QCOMPARE(allBack->expiresAt, std::nullopt);
    QVERIFY(allBack->id != key.id);
}

void TestApiKeys::createAcceptsEdges()
{
    const auto longName = create(QString(200, u'n'));
    KV_VERIFY_OK(longName);
    QCOMPARE(longName->key.name.size(), 200);
    const auto soon = create(u"soon"_s, Scope::Signal, {}, kStart + 1);
    KV_VERIFY_OK(soon);
    QCOMPARE(soon->key.expiresAt, std::optional<Timestamp>(kStart + 1));
    const auto ns = create(u"ns"_s, Scope::Read, { QString(63, u'a'), u"0-_x"_s });
    KV_VERIFY_OK(ns);
    KV_VERIFY_OK(m_service->authenticate(ns->secret));
}

void TestApiKeys::createRejects_data()
{
    QTest::addColumn<NewApiKey>("request");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("empty name") << newKey(QString(), Scope::Read) << ErrorCode::BadRequest;
    QTest::newRow("blank name") << newKey(u"   "_s, Scope::Read) << ErrorCode::BadRequest;
    QTest::newRow("whitespace name") << newKey(u"\t\n "_s, Scope::Read) << ErrorCode::BadRequest;
    QTest::newRow("201-character name") << newKey(QString(201, u'n'), Scope::Read) << ErrorCode::BadRequest;
    QTest::newRow("no scopes") << newKey(u"k"_s, Scopes()) << ErrorCode::BadRequest;
    QTest::newRow("upper-case namespace") << newKey(u"k"_s, Scope::Read, { u"App"_s }) << ErrorCode::InvalidNamespace;
    QTest::newRow("empty namespace") << newKey(u"k"_s, Scope::Read, { QString() }) << ErrorCode::InvalidNamespace;
    QTest::newRow("one bad namespace of two")
        << newKey(u"k"_s, Scope::Read, { u"app"_s, u"-app"_s }) << ErrorCode::InvalidNamespace;
    QTest::newRow("64-character namespace")
        << newKey(u"k"_s, Scope::Read, { QString(64, u'a') }) << ErrorCode::InvalidNamespace;
    QTest::newRow("expiry in the past") << newKey(u"k"_s, Scope::Read, {}, kStart - 1) << ErrorCode::InvalidExpiration;
    QTest::newRow("expiry now") << newKey(u"k"_s, Scope::Read, {}, kStart) << ErrorCode::InvalidExpiration;
}

void TestApiKeys::createRejects()
{
    QFETCH(NewApiKey, request);
    QFETCH(ErrorCode, code);
    KV_COMPARE_ERROR(m_service->create(request), code);
    const auto stored = m_store->listApiKeys();
    KV_VERIFY_OK(stored);
    QCOMPARE(stored->size(), 0);
}

void TestApiKeys::storeKeepsOnlyTheMac()
{
    const auto issued = create(u"needle-name"_s, Scope::Admin);
    KV_VERIFY_OK(issued);
    const QString secret = issued->secret;
    const QString randomPart = secret.mid(16, 32);

    auto found = m_store->findApiKey(issued->key.id);
    KV_VERIFY_OK(found);
    QVERIFY(found->has_value());
    QCOMPARE((*found)->secretHash.size(), 32);
    QCOMPARE((*found)->secretHash, kv::service::hashSecret(m_serverSecret, secret));
    QVERIFY((*found)->key == issued->key);

    // Close the store (its last connection checkpoints the WAL), then search every file it left.
    m_service.reset();
    m_store.reset();
    const QByteArray bytes = filesStartingWith(m_dir->path(), m_storeName);
    // The scan sees the row: the name and the visible prefix are stored in the clear.
    QVERIFY(bytes.contains(QByteArrayLiteral("needle-name")));
    QVERIFY(bytes.contains(issued->key.prefix.toLatin1()));
    // But not the secret, in any encoding SQLite might have used, nor its random part alone.
    QVERIFY(!bytes.contains(secret.toLatin1()));
    QVERIFY(!bytes.contains(randomPart.toLatin1()));
    QVERIFY(!bytes.contains(secret.right(38).toLatin1()));
    const QByteArray utf16(reinterpret_cast<const char*>(randomPart.utf16()), randomPart.size() * 2);
    QVERIFY(!bytes.contains(utf16));
}

// authenticate --------------------------------------------------------------------------------

void TestApiKeys::authenticateEmpty()
{
    KV_COMPARE_ERROR_MESSAGE(m_service->authenticate(QString()), ErrorCode::Unauthorized, u"Authorization"_s);
    KV_COMPARE_ERROR_MESSAGE(m_service->authenticate(u""_s), ErrorCode::Unauthorized, u"Authorization"_s);
}

void TestApiKeys::authenticateMalformed_data()
{
    QTest::addColumn<QString>("secret");
    const QString good = ApiKeySecret::generate().secret;
    QString oneChanged = good;
    oneChanged[20] = otherBase62(oneChanged.at(20));
    QTest::newRow("not a key") << u"hunter2"_s;
    QTest::newRow("with Bearer") << u"Bearer "_s + good;
    QTest::newRow("truncated") << good.left(53);
    QTest::newRow("one character changed") << oneChanged;
    QTest::newRow("wrong prefix") << withChecksum(u"kvx_"_s + good.mid(4, 44));
}

void TestApiKeys::authenticateMalformed()
{
    QFETCH(QString, secret);
    KV_COMPARE_ERROR_MESSAGE(m_service->authenticate(secret), ErrorCode::Unauthorized, u"malformed"_s);
}

void TestApiKeys::authenticateUnknownId()
{
    KV_VERIFY_OK(create(u"some other key"_s));
    const ApiKeySecret unknown = ApiKeySecret::generate();
    const auto result = m_service->authenticate(unknown.secret);
    KV_COMPARE_ERROR(result, ErrorCode::Unauthorized);
    QVERIFY2(!result.error().message().contains(u"malformed"_s), qPrintable(result.error().message()));
    // It does not echo the id, which would tell a prober nothing useful anyway.
    QVERIFY(!result.error().message().contains(unknown.id));
}

void TestApiKeys::authenticateWrongSecretReadsAsUnknown()
{
    const auto unknown = m_service->authenticate(ApiKeySecret::generate().secret);
    KV_COMPARE_ERROR(unknown, ErrorCode::Unauthorized);

    const auto issued = create(u"target"_s);
    KV_VERIFY_OK(issued);
    KV_VERIFY_OK(m_service->authenticate(issued->secret)); // cached: the wrong secret meets the cache

    // The real id with another random part and a valid checksum: well-formed, but not the secret.
    const QString forged = withChecksum(u"kvd_"_s + issued->key.id + ApiKeySecret::generate().secret.mid(16, 32));
    QCOMPARE(ApiKeySecret::parse(forged), std::optional<QString>(issued->key.id));
    const auto wrong = m_service->authenticate(forged);
    KV_COMPARE_ERROR(wrong, ErrorCode::Unauthorized);
    QCOMPARE(wrong.error().message(), unknown.error().message());
    QCOMPARE(wrong.error().details(), unknown.error().details());

    // The right secret checked under another server secret: the MACs differ.
    const auto otherServer = makeService(16, kv::service::generateServerSecret());
    const auto underOther = otherServer->authenticate(issued->secret);
    KV_COMPARE_ERROR(underOther, ErrorCode::Unauthorized);
    QCOMPARE(underOther.error().message(), unknown.error().message());

    // None of that disturbed the real key.
    KV_VERIFY_OK(m_service->authenticate(issued->secret));
}

void TestApiKeys::authenticateExpired()
{
    // The expiry falls inside the cache TTL, so it is checked on the cached record too.
    const Timestamp expiry = kStart + 5'000;
    const auto issued = create(u"short-lived"_s, Scope::Read, {}, expiry);
    KV_VERIFY_OK(issued);
    KV_VERIFY_OK(m_service->authenticate(issued->secret));
    m_clock.set(expiry - 1);
    KV_VERIFY_OK(m_service->authenticate(issued->secret));
    m_clock.set(expiry);
    const auto expired = m_service->authenticate(issued->secret);
    KV_COMPARE_ERROR_MESSAGE(expired, ErrorCode::Unauthorized, u"expired"_s);
    QVERIFY2(expired.error().message().contains(issued->key.prefix), qPrintable(expired.error().message()));
    m_clock.advanceSeconds(60); // past the cache TTL: read afresh from the store, still expired
    KV_COMPARE_ERROR_MESSAGE(m_service->authenticate(issued->secret), ErrorCode::Unauthorized, u"expired"_s);
}

// authorize -----------------------------------------------------------------------------------

void TestApiKeys::authorizeScopes()
{
    const QList<Scope> scopes { Scope::Read, Scope::Write, Scope::Admin, Scope::Signal };
    for (const Scope held : scopes) {
        const auto issued = create(u"only "_s + kv::model::scopeName(held), held);
        KV_VERIFY_OK(issued);
        for (const Scope wanted : scopes) {
            const auto result = ApiKeyService::authorize(issued->key, wanted);
            if (wanted == held) {
                KV_VERIFY_OK(result);
                continue;
            }
            const QString name = kv::model::scopeName(wanted);
            KV_COMPARE_ERROR_MESSAGE(result, ErrorCode::Forbidden, u"\""_s + name + u"\""_s);
            QVERIFY(result.error().message().contains(issued->key.prefix));
            QCOMPARE(result.error().details().value(u"scope"_s).toString(), name);
        }
    }
    // A key with several scopes has each of them.
    const auto both = create(u"both"_s, Scope::Read | Scope::Signal);
    KV_VERIFY_OK(both);
    KV_VERIFY_OK(ApiKeyService::authorize(both->key, Scope::Read));
    KV_VERIFY_OK(ApiKeyService::authorize(both->key, Scope::Signal));
    KV_COMPARE_ERROR(ApiKeyService::authorize(both->key, Scope::Admin), ErrorCode::Forbidden);
}

void TestApiKeys::authorizeNamespaces()
{
    const auto limited = create(u"limited"_s, Scope::Read, { u"app"_s, u"logs"_s });
    KV_VERIFY_OK(limited);
    KV_VERIFY_OK(ApiKeyService::authorize(limited->key, Scope::Read, u"app"_s));
    KV_VERIFY_OK(ApiKeyService::authorize(limited->key, Scope::Read, u"logs"_s));
    const auto outside = ApiKeyService::authorize(limited->key, Scope::Read, u"billing"_s);
    KV_COMPARE_ERROR_MESSAGE(outside, ErrorCode::Forbidden, u"\"billing\""_s);
    QCOMPARE(outside.error().details().value(u"namespace"_s).toString(), u"billing"_s);
    // No prefix matching: "ap" and "app2" are other namespaces.
    KV_COMPARE_ERROR(ApiKeyService::authorize(limited->key, Scope::Read, u"ap"_s), ErrorCode::Forbidden);
    KV_COMPARE_ERROR(ApiKeyService::authorize(limited->key, Scope::Read, u"app2"_s), ErrorCode::Forbidden);
    // A route without a namespace skips the check.
    KV_VERIFY_OK(ApiKeyService::authorize(limited->key, Scope::Read, QString()));
    KV_VERIFY_OK(ApiKeyService::authorize(limited->key, Scope::Read));
    // The scope is checked first, so the error names what is missing first.
    const auto both = ApiKeyService::authorize(limited->key, Scope::Write, u"billing"_s);
    KV_COMPARE_ERROR(both, ErrorCode::Forbidden);
    QCOMPARE(both.error().details().value(u"scope"_s).toString(), u"write"_s);

    const auto everywhere = create(u"everywhere"_s, Scope::Write);
    KV_VERIFY_OK(everywhere);
    QVERIFY(everywhere->key.namespaces.isEmpty());
    for (const QString& ns : { u"app"_s, u"billing"_s, u"x"_s }) {
        KV_VERIFY_OK(ApiKeyService::authorize(everywhere->key, Scope::Write, ns));
    }
}

// rotate --------------------------------------------------------------------------------------

void TestApiKeys::rotateIssuesReplacement()
{
    const Timestamp expiry = kStart + 86'400'000;
    const auto old = create(u"ci"_s, Scope::Read | Scope::Admin, { u"app"_s }, expiry);
    KV_VERIFY_OK(old);
    KV_VERIFY_OK(m_service->authenticate(old->secret)); // now cached
    KV_VERIFY_OK(m_service->flushUsage());

    m_clock.advanceSeconds(1);
    const Timestamp rotatedAt = m_clock.now();
    const auto rotated = m_service->rotate(old->key.id);
    KV_VERIFY_OK(rotated);
    const ApiKey& replacement = rotated->key;
    QVERIFY(replacement.id != old->key.id);
    QVERIFY(rotated->secret != old->secret);
    QCOMPARE(rotated->secret.size(), ApiKeySecret::kLength);
    QCOMPARE(ApiKeySecret::parse(rotated->secret), std::optional<QString>(replacement.id));
    QCOMPARE(replacement.prefix, ApiKeySecret::prefixOf(rotated->secret));
    QCOMPARE(replacement.name, u"ci"_s);
    QCOMPARE(replacement.scopes, Scope::Read | Scope::Admin);
    QCOMPARE(replacement.namespaces, QStringList({ u"app"_s }));
    QCOMPARE(replacement.expiresAt, std::optional<Timestamp>(expiry));
    QCOMPARE(replacement.createdAt, rotatedAt);
    QCOMPARE(replacement.rotatedFrom, old->key.id);
    QCOMPARE(replacement.rotatedTo, QString());
    QCOMPARE(replacement.revokedAt, std::nullopt);
    QCOMPARE(replacement.lastUsedAt, std::nullopt);

    // The old secret fails at once although it was cached a moment ago.
    const auto oldAgain = m_service->authenticate(old->secret);
    KV_COMPARE_ERROR_MESSAGE(oldAgain, ErrorCode::Unauthorized, u"rotated"_s);
    QVERIFY(oldAgain.error().message().contains(old->key.prefix));
    const auto fresh = m_service->authenticate(rotated->secret);
    KV_VERIFY_OK(fresh);
    QVERIFY(*fresh == replacement);

    const auto listed = m_service->list();
    KV_VERIFY_OK(listed);
    QCOMPARE(listed->size(), 2);
    QCOMPARE(listed->at(0).id, replacement.id);
    QCOMPARE(listed->at(0).rotatedFrom, old->key.id);
    QCOMPARE(listed->at(1).id, old->key.id);
    QCOMPARE(listed->at(1).rotatedTo, replacement.id);
    QCOMPARE(listed->at(1).revokedAt, std::optional<Timestamp>(rotatedAt));
    QCOMPARE(listed->at(1).lastUsedAt, std::optional<Timestamp>(kStart));
}

void TestApiKeys::rotateRejectsInactiveOrUnknown()
{
    const auto revoked = create(u"revoked"_s);
    KV_VERIFY_OK(revoked);
    KV_VERIFY_OK(m_service->revoke(revoked->key.id));
    KV_COMPARE_ERROR(m_service->rotate(revoked->key.id), ErrorCode::ApiKeyNotFound);

    KV_COMPARE_ERROR(m_service->rotate(ApiKeySecret::generate().id), ErrorCode::ApiKeyNotFound);
    KV_COMPARE_ERROR(m_service->rotate(QString()), ErrorCode::ApiKeyNotFound);

    const auto once = create(u"rotated once"_s);
    KV_VERIFY_OK(once);
    KV_VERIFY_OK(m_service->rotate(once->key.id));
    KV_COMPARE_ERROR(m_service->rotate(once->key.id), ErrorCode::ApiKeyNotFound);

    const auto expiring = create(u"expiring"_s, Scope::Read, {}, kStart + 1'000);
    KV_VERIFY_OK(expiring);
    m_clock.advanceSeconds(1);
    KV_COMPARE_ERROR(m_service->rotate(expiring->key.id), ErrorCode::ApiKeyNotFound);

    // Only the one successful rotation added a key.
    const auto stored = m_store->listApiKeys();
    KV_VERIFY_OK(stored);
    QCOMPARE(stored->size(), 4);
}

// revoke --------------------------------------------------------------------------------------

void TestApiKeys::revokeTakesEffectAtOnce()
{
    const auto issued = create(u"to revoke"_s);
    KV_VERIFY_OK(issued);
    const auto other = create(u"bystander"_s);
    KV_VERIFY_OK(other);
    KV_VERIFY_OK(m_service->authenticate(issued->secret)); // now cached
    KV_VERIFY_OK(m_service->authenticate(other->secret));

    m_clock.advanceMs(7);
    KV_VERIFY_OK(m_service->revoke(issued->key.id));
    const auto result = m_service->authenticate(issued->secret);
    KV_COMPARE_ERROR_MESSAGE(result, ErrorCode::Unauthorized, u"revoked"_s);
    QVERIFY(result.error().message().contains(issued->key.prefix));
    QVERIFY(!result.error().message().contains(u"rotated"_s));
    QCOMPARE(storedKey(issued->key.id)->revokedAt, std::optional<Timestamp>(kStart + 7));
    QCOMPARE(storedKey(issued->key.id)->rotatedTo, QString());

    KV_VERIFY_OK(m_service->authenticate(other->secret));
}

void TestApiKeys::revokeUnknown()
{
    KV_VERIFY_OK(create(u"present"_s));
    KV_COMPARE_ERROR(m_service->revoke(ApiKeySecret::generate().id), ErrorCode::ApiKeyNotFound);
    KV_COMPARE_ERROR(m_service->revoke(QString()), ErrorCode::ApiKeyNotFound);
}

void TestApiKeys::revokeTwiceKeepsFirstTime()
{
    const auto issued = create(u"twice"_s);
    KV_VERIFY_OK(issued);
    m_clock.advanceSeconds(1);
    KV_VERIFY_OK(m_service->revoke(issued->key.id));
    m_clock.advanceSeconds(1);
    KV_VERIFY_OK(m_service->revoke(issued->key.id));
    QCOMPARE(storedKey(issued->key.id)->revokedAt, std::optional<Timestamp>(kStart + 1'000));
    KV_COMPARE_ERROR_MESSAGE(m_service->authenticate(issued->secret), ErrorCode::Unauthorized, u"revoked"_s);
}

// cache ---------------------------------------------------------------------------------------

void TestApiKeys::cacheHidesOutsideRevocationUntilTtl()
{
    // What this proves: a revocation made behind the service's back (another process, e.g.
    // `kvd apikey revoke` while kvd serves, writing straight to the shared store) is NOT seen
    // while the key sits in this service's cache, and IS seen once the cached entry is cacheTtl
    // old. cacheTtl is thus the longest a revoked key can keep working on another instance; a
    // revocation through this service (revokeTakesEffectAtOnce) has no such window.
    const auto issued = create(u"outside"_s);
    KV_VERIFY_OK(issued);
    KV_VERIFY_OK(m_service->authenticate(issued->secret)); // cached at kStart

    KV_VERIFY_OK(m_store->revokeApiKey(issued->key.id, m_clock.now()));
    KV_VERIFY_OK(m_service->authenticate(issued->secret));
    m_clock.set(kStart + kCacheTtl.count() - 1);
    KV_VERIFY_OK(m_service->authenticate(issued->secret));
    m_clock.set(kStart + kCacheTtl.count());
    KV_COMPARE_ERROR_MESSAGE(m_service->authenticate(issued->secret), ErrorCode::Unauthorized, u"revoked"_s);

    // A fresh service (nothing cached) sees the revocation at once.
    const auto fresh = makeService(16);
    KV_COMPARE_ERROR_MESSAGE(fresh->authenticate(issued->secret), ErrorCode::Unauthorized, u"revoked"_s);
}

void TestApiKeys::cacheSizeBoundsCache()
{
    // With room for one key, two keys used alternately are each looked up correctly.
    auto service = makeService(1);
    const auto a = create(u"a"_s);
    KV_VERIFY_OK(a);
    const auto b = create(u"b"_s, Scope::Write);
    KV_VERIFY_OK(b);
    for (int round = 0; round < 5; ++round) {
        const auto gotA = service->authenticate(a->secret);
        KV_VERIFY_OK(gotA);
        QCOMPARE(gotA->id, a->key.id);
        QCOMPARE(gotA->scopes, Scopes(Scope::Read));
        const auto gotB = service->authenticate(b->secret);
        KV_VERIFY_OK(gotB);
        QCOMPARE(gotB->id, b->key.id);
        QCOMPARE(gotB->scopes, Scopes(Scope::Write));
    }

    // The cache really holds one key: revoke a behind the service's back while it is cached;
    // it still authenticates from the cache, but once b has pushed it out, a is read afresh.
    KV_VERIFY_OK(service->authenticate(a->secret));
    KV_VERIFY_OK(m_store->revokeApiKey(a->key.id, m_clock.now()));
    KV_VERIFY_OK(service->authenticate(a->secret));
    KV_VERIFY_OK(service->authenticate(b->secret));
    KV_COMPARE_ERROR_MESSAGE(service->authenticate(a->secret), ErrorCode::Unauthorized, u"revoked"_s);

    // The same sequence with room for two keeps a cached (the contrast that makes the above
    // a measure of the bound and not of something else).
    auto roomy = makeService(2);
    const auto c = create(u"c"_s);
    KV_VERIFY_OK(c);
    KV_VERIFY_OK(roomy->authenticate(c->secret));
    KV_VERIFY_OK(m_store->revokeApiKey(c->key.id, m_clock.now()));
    KV_VERIFY_OK(roomy->authenticate(b->secret));
    KV_VERIFY_OK(roomy->authenticate(c->secret));
}

void TestApiKeys::concurrentAuthenticate()
{
    // Several threads through a cache smaller than the key set: every answer names the right key.
    auto service = makeService(2);
    QList<IssuedApiKey> keys;
    for (int i = 0; i < 6; ++i) {
        const auto issued = create(u"k%1"_s.arg(i));
        KV_VERIFY_OK(issued);
        keys.append(*issued);
    }
    std::atomic<int> failures { 0 };
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 300; ++i) {
                const IssuedApiKey& issued = keys.at((i + t) % keys.size());
                const auto result = service->authenticate(issued.secret);
                if (!result || result->id != issued.key.id) {
                    failures.fetch_add(1);
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    QCOMPARE(failures.load(), 0);
    KV_VERIFY_OK(service->flushUsage());
    for (const IssuedApiKey& issued : keys) {
        QCOMPARE(storedKey(issued.key.id)->lastUsedAt, std::optional<Timestamp>(kStart));
    }
}

// last used -----------------------------------------------------------------------------------

void TestApiKeys::authenticateDoesNotWrite()
{
    const auto issued = create(u"reader"_s);
    KV_VERIFY_OK(issued);
    m_clock.advanceSeconds(1);
    for (int i = 0; i < 10; ++i) {
        KV_VERIFY_OK(m_service->authenticate(issued->secret));
    }
    const auto stored = m_store->listApiKeys();
    KV_VERIFY_OK(stored);
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->at(0).lastUsedAt, std::nullopt);
    QCOMPARE(storedKey(issued->key.id)->lastUsedAt, std::nullopt);
}

void TestApiKeys::flushWritesLatestUse()
{
    const auto a = create(u"a"_s);
    KV_VERIFY_OK(a);
    const auto b = create(u"b"_s);
    KV_VERIFY_OK(b);
    const auto idle = create(u"idle"_s);
    KV_VERIFY_OK(idle);

    // Many uses between flushes end as one value per key: the time of its latest use.
    for (int i = 1; i <= 20; ++i) {
        m_clock.set(kStart + i * 100);
        KV_VERIFY_OK(m_service->authenticate(a->secret));
        if (i <= 5) {
            KV_VERIFY_OK(m_service->authenticate(b->secret));
        }
    }
    QCOMPARE(storedKey(a->key.id)->lastUsedAt, std::nullopt);
    KV_VERIFY_OK(m_service->flushUsage());
    QCOMPARE(storedKey(a->key.id)->lastUsedAt, std::optional<Timestamp>(kStart + 2'000));
    QCOMPARE(storedKey(b->key.id)->lastUsedAt, std::optional<Timestamp>(kStart + 500));
    QCOMPARE(storedKey(idle->key.id)->lastUsedAt, std::nullopt);

    // A flush with nothing gathered changes nothing.
    m_clock.advanceSeconds(5);
    KV_VERIFY_OK(m_service->flushUsage());
    QCOMPARE(storedKey(a->key.id)->lastUsedAt, std::optional<Timestamp>(kStart + 2'000));

    // The next use is held until the next flush.
    const Timestamp later = m_clock.now();
    KV_VERIFY_OK(m_service->authenticate(b->secret));
    QCOMPARE(storedKey(b->key.id)->lastUsedAt, std::optional<Timestamp>(kStart + 500));
    KV_VERIFY_OK(m_service->flushUsage());
    QCOMPARE(storedKey(b->key.id)->lastUsedAt, std::optional<Timestamp>(later));
    QCOMPARE(storedKey(a->key.id)->lastUsedAt, std::optional<Timestamp>(kStart + 2'000));
}

void TestApiKeys::failedAuthenticateRecordsNoUse()
{
    const auto revoked = create(u"revoked"_s);
    KV_VERIFY_OK(revoked);
    const auto expiring = create(u"expiring"_s, Scope::Read, {}, kStart + 1'000);
    KV_VERIFY_OK(expiring);
    const auto target = create(u"target"_s);
    KV_VERIFY_OK(target);
    KV_VERIFY_OK(m_service->revoke(revoked->key.id));
    m_clock.advanceSeconds(2);

    KV_COMPARE_ERROR(m_service->authenticate(revoked->secret), ErrorCode::Unauthorized);
    KV_COMPARE_ERROR(m_service->authenticate(expiring->secret), ErrorCode::Unauthorized);
    const QString forged = withChecksum(u"kvd_"_s + target->key.id + ApiKeySecret::generate().secret.mid(16, 32));
    KV_COMPARE_ERROR(m_service->authenticate(forged), ErrorCode::Unauthorized);
    KV_VERIFY_OK(m_service->flushUsage());

    QCOMPARE(storedKey(revoked->key.id)->lastUsedAt, std::nullopt);
    QCOMPARE(storedKey(expiring->key.id)->lastUsedAt, std::nullopt);
    QCOMPARE(storedKey(target->key.id)->lastUsedAt, std::nullopt);
}

void TestApiKeys::listFlushesUsage()
{
    const auto issued = create(u"listed"_s);
    KV_VERIFY_OK(issued);
    m_clock.advanceSeconds(3);
    KV_VERIFY_OK(m_service->authenticate(issued->secret));
    QCOMPARE(storedKey(issued->key.id)->lastUsedAt, std::nullopt);
    const auto listed = m_service->list();
    KV_VERIFY_OK(listed);
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->at(0).lastUsedAt, std::optional<Timestamp>(kStart + 3'000));
    QCOMPARE(storedKey(issued->key.id)->lastUsedAt, std::optional<Timestamp>(kStart + 3'000));
}

// list ----------------------------------------------------------------------------------------

void TestApiKeys::listNewestFirst()
{
    QStringList created;
    for (const QString& name : { u"first"_s, u"second"_s, u"third"_s, u"fourth"_s }) {
        const auto issued = create(name);
        KV_VERIFY_OK(issued);
        created.prepend(issued->key.id);
        m_clock.advanceSeconds(1);
    }
    KV_VERIFY_OK(m_service->revoke(created.at(2))); // revoked keys are still listed
    const auto listed = m_service->list();
    KV_VERIFY_OK(listed);
    QStringList ids;
    QStringList names;
    for (const ApiKey& key : *listed) {
        ids.append(key.id);
        names.append(key.name);
    }
    QCOMPARE(ids, created);
    QCOMPARE(names, QStringList({ u"fourth"_s, u"third"_s, u"second"_s, u"first"_s }));
    QCOMPARE(listed->at(0).createdAt, kStart + 3'000);
    QCOMPARE(listed->at(3).createdAt, kStart);
    QVERIFY(listed->at(2).revokedAt.has_value());
}

QTEST_GUILESS_MAIN(TestApiKeys)
#include "tst_apikeys.moc"
