// Plans, rate limits, quotas and usage against the real kvd, started with a config file of small
// plans and --flush-interval 3600 so that only a stop writes usage to the store: token buckets
// per key and namespace with their headers and 429 rate_limited; monthly and storage quotas with
// 429 quota_exceeded until the month rolls over or the plan changes; GET /v1/usage summing to
// exactly what was done; and reads that leave the store's write counter alone, with counts that
// survive a SIGTERM and a restart.

#include "AwaitReply.h"
#include "KvdProcess.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

/// Plans small enough to reach in a test. A new plan needs rate_per_second and burst; 0 is
/// unlimited. Quotas not given are unlimited.
const char* const kConfig = R"(threads = 2
[plan.limited]
name = Limited
rate_per_second = 1
burst = 5

[plan.open]
name = Open
rate_per_second = 0
burst = 1

[plan.metered]
name = Metered
reads_per_month = 3
writes_per_month = 3
lists_per_month = 2
deletes_per_month = 2
rate_per_second = unlimited
burst = 1

[plan.tiny]
name = Tiny
storage_bytes = 100
rate_per_second = 0
burst = 1

[plan.charted]
name = Charted
reads_per_month = 1000
lists_per_month = 500
deletes_per_month = 400
storage_bytes = 1MiB
rate_per_second = 0
burst = 1
)";

const QList<QByteArray> kRateLimitHeaders { "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
    "RateLimit", "RateLimit-Policy" };

struct Reply
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QJsonObject error() const { return json().value(u"error"_s).toObject(); }
    [[nodiscard]] QString code() const { return error().value(u"code"_s).toString(); }
    [[nodiscard]] bool has(const QByteArray& name) const { return headers.contains(name.toLower()); }
    [[nodiscard]] QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    [[nodiscard]] qint64 number(const QByteArray& name) const
    {
        bool ok = false;
        const qint64 value = header(name).toLongLong(&ok);
        return ok ? value : -1;
    }
    [[nodiscard]] bool hasAnyRateLimitHeader() const
    {
        return std::any_of(
            kRateLimitHeaders.cbegin(), kRateLimitHeaders.cend(), [this](const QByteArray& name) { return has(name); });
    }
    /// For failure messages.
    [[nodiscard]] QByteArray describe() const { return QByteArray::number(status) + ' ' + body.left(400); }
};

/// Seconds from `now` to the start of the next UTC month.
qint64 secondsToNextMonth(const QDateTime& now)
{
    const QDate date = now.toUTC().date();
    const QDateTime next(QDate(date.year(), date.month(), 1).addMonths(1), QTime(0, 0), QTimeZone::utc());
    return static_cast<qint64>(std::ceil(static_cast<double>(now.msecsTo(next)) / 1000.0));
}

/// Sums of a /v1/usage answer's buckets.
struct Sums
{
    qint64 reads = 0;
    qint64 writes = 0;
    qint64 lists = 0;
    qint64 deletes = 0;
};

Sums sumOf(const QJsonArray& buckets)
{
    Sums sums;
    for (const QJsonValue& value : buckets) {
        const QJsonObject bucket = value.toObject();
        sums.reads += bucket.value(u"reads"_s).toInteger();
        sums.writes += bucket.value(u"writes"_s).toInteger();
        sums.lists += bucket.value(u"lists"_s).toInteger();
        sums.deletes += bucket.value(u"deletes"_s).toInteger();
    }
    return sums;
}

Sums sumOf(const QJsonObject& totals)
{
    return Sums { totals.value(u"reads"_s).toInteger(), totals.value(u"writes"_s).toInteger(),
        totals.value(u"lists"_s).toInteger(), totals.value(u"deletes"_s).toInteger() };
}

} // namespace

class TestKvdLimits final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;
    std::unique_ptr<KvdProcess> m_kvd;
    QNetworkAccessManager m_network;

    [[nodiscard]] QStringList serveArguments() const
    {
        return { u"--config"_s, m_config, u"--flush-interval"_s, u"3600"_s };
    }

    Reply call(const QByteArray& method, const QString& path, const QByteArray& body = {}, QString key = {},
        KvdProcess* kvd = nullptr, const QList<std::pair<QByteArray, QByteArray>>& headers = {})
    {
        kvd = kvd ? kvd : m_kvd.get();
        if (key.isEmpty()) {
            key = kvd->adminKey();
        }
        QNetworkRequest request(QUrl(kvd->baseUrl() + path));
        request.setRawHeader("Authorization", "Bearer " + key.toLatin1());
        if (method == "POST" || method == "PATCH") {
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        }
        for (const auto& [name, value] : headers) {
            request.setRawHeader(name, value);
        }
        QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
        return awaitReply<Reply>(reply, 10000);
    }

    Reply get(const QString& path, const QString& key = {}) { return call("GET", path, {}, key); }

    /// Creates a namespace on a plan; fails the test unless kvd says 201.
    void createNamespace(const QString& ns, const QString& plan)
    {
        const Reply created = call("POST", u"/v1/namespaces"_s,
            QJsonDocument(QJsonObject { { u"id"_s, ns }, { u"plan"_s, plan } }).toJson(QJsonDocument::Compact));
        QVERIFY2(created.status == 201, created.describe().constData());
    }

    void setPlan(const QString& ns, const QString& plan)
    {
        const Reply changed = call("PATCH", u"/v1/namespaces/"_s + ns,
            QJsonDocument(QJsonObject { { u"plan"_s, plan } }).toJson(QJsonDocument::Compact));
        QVERIFY2(changed.status == 200, changed.describe().constData());
    }

    void put(const QString& ns, const QString& key, const QByteArray& value)
    {
        const Reply written = call("PUT", u"/v1/namespaces/%1/values/%2"_s.arg(ns, key), value);
        QVERIFY2(written.status == 200, written.describe().constData());
    }

    /// A new API key with `scopes` on `namespaces` (empty: all); returns its secret.
    QString createKey(const QStringList& scopes, const QStringList& namespaces)
    {
        QJsonObject body { { u"name"_s, u"limits-test"_s }, { u"scopes"_s, QJsonArray::fromStringList(scopes) } };
        if (!namespaces.isEmpty()) {
            body.insert(u"namespaces"_s, QJsonArray::fromStringList(namespaces));
        }
        const Reply created = call("POST", u"/v1/apikeys"_s, QJsonDocument(body).toJson(QJsonDocument::Compact));
        [&] { QVERIFY2(created.status == 201, created.describe().constData()); }();
        return created.json().value(u"secret"_s).toString();
    }

    /// kvd_store_rows_written_total from /metrics (no key needed), or -1.
    qint64 rowsWritten(KvdProcess* kvd = nullptr)
    {
        const Reply metrics = call("GET", u"/metrics"_s, {}, {}, kvd);
        static const QRegularExpression line(
            u"^kvd_store_rows_written_total (\\d+)$"_s, QRegularExpression::MultilineOption);
        const auto match = line.match(QString::fromUtf8(metrics.body));
        return match.hasMatch() ? match.captured(1).toLongLong() : -1;
    }

    /// The five rate-limit headers agree with each other and with `limit` and `remaining`.
    static void checkRateLimitHeaders(const Reply& reply, qint64 limit, qint64 remaining, qint64 ratePerSecond)
    {
        for (const QByteArray& name : kRateLimitHeaders) {
            QVERIFY2(reply.has(name), name.constData());
        }
        QCOMPARE(reply.number("X-RateLimit-Limit"), limit);
        QCOMPARE(reply.number("X-RateLimit-Remaining"), remaining);
        const qint64 reset = reply.number("X-RateLimit-Reset");
        // Seconds until the bucket is full: what is missing, refilled at the plan's rate.
        QVERIFY2(reset >= 0 && reset <= (limit - remaining) / ratePerSecond + 1, reply.header("X-RateLimit-Reset"));
        QCOMPARE(reply.header("RateLimit"),
            "limit=" + QByteArray::number(limit) + ", remaining=" + QByteArray::number(remaining)
                + ", reset=" + QByteArray::number(reset));
        QCOMPARE(reply.header("RateLimit-Policy"),
            QByteArray::number(limit) + ";w=" + QByteArray::number(limit / ratePerSecond));
    }

    /// A 429 quota_exceeded naming `quota`, with a Retry-After of the rest of the UTC month.
    static void checkMonthlyQuotaRefusal(const Reply& reply, const QString& ns, const QString& quota, qint64 limit)
    {
        QVERIFY2(reply.status == 429, reply.describe().constData());
        QCOMPARE(reply.code(), u"quota_exceeded"_s);
        const QJsonObject details = reply.error().value(u"details"_s).toObject();
        QCOMPARE(details.value(u"quota"_s).toString(), quota);
        QCOMPARE(details.value(u"namespace"_s).toString(), ns);
        QCOMPARE(details.value(u"limit"_s).toInteger(), limit);
        QCOMPARE(details.value(u"used"_s).toInteger(), limit);
        const qint64 expected = secondsToNextMonth(QDateTime::currentDateTimeUtc());
        const qint64 retryAfter = reply.number("Retry-After");
        QVERIFY2(std::abs(retryAfter - expected) <= 5,
            qPrintable(u"Retry-After %1, expected about %2"_s.arg(retryAfter).arg(expected)));
        // Quotas are not rate limits: a plan without a rate sends no bucket headers.
        QVERIFY(!reply.hasAnyRateLimitHeader());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_config = m_dir.filePath(u"limits.conf"_s);
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kConfig);
        file.close();
        m_kvd = std::make_unique<KvdProcess>(QStringLiteral(KVD_BINARY));
        QVERIFY2(m_kvd->start(serveArguments()), qPrintable(m_kvd->failureLog()));
    }

    void cleanupTestCase()
    {
        if (m_kvd) {
            QCOMPARE(m_kvd->terminate(), 0);
        }
    }

    void headersCountDownAndTheBurstIsRefused()
    {
        // Set up on an unlimited plan, then move to the limited one: the admin key's bucket for
        // the namespace starts full with the first GET below.
        for (const QString& ns : { u"rl-a"_s, u"rl-b"_s }) {
            createNamespace(ns, u"open"_s);
            put(ns, u"k"_s, "value");
            setPlan(ns, u"limited"_s);
        }
        const QString path = u"/v1/namespaces/rl-a/values/k"_s;
        for (qint64 remaining = 4; remaining >= 0; --remaining) {
            const Reply reply = get(path);
            QVERIFY2(reply.status == 200, reply.describe().constData());
            QCOMPARE(reply.body, QByteArray("value"));
            checkRateLimitHeaders(reply, 5, remaining, 1);
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        const Reply refused = get(path);
        QVERIFY2(refused.status == 429, refused.describe().constData());
        QCOMPARE(refused.code(), u"rate_limited"_s);
        const qint64 retryAfter = refused.number("Retry-After");
        QVERIFY2(retryAfter >= 1, refused.header("Retry-After").constData());
        QCOMPARE(refused.error().value(u"details"_s).toObject().value(u"retryAfterSeconds"_s).toInteger(), retryAfter);
        checkRateLimitHeaders(refused, 5, 0, 1);

        // Another key on the same namespace has its own bucket.
        const QString reader = createKey({ u"read"_s }, { u"rl-a"_s });
        const Reply other = get(path, reader);
        QVERIFY2(other.status == 200, other.describe().constData());
        checkRateLimitHeaders(other, 5, 4, 1);

        // So has the same key on another namespace.
        const Reply elsewhere = get(u"/v1/namespaces/rl-b/values/k"_s);
        QVERIFY2(elsewhere.status == 200, elsewhere.describe().constData());
        checkRateLimitHeaders(elsewhere, 5, 4, 1);

        // Routes without a namespace in the path are not rate-limited and say nothing of it.
        for (const QString& open :
            { u"/v1/namespaces"_s, u"/healthz"_s, u"/v1/apikeys"_s, u"/v1/usage?namespace=rl-a"_s }) {
            const Reply reply = get(open);
            QVERIFY2(reply.status == 200, qPrintable(open + u": "_s + QString::fromUtf8(reply.describe())));
            QVERIFY2(!reply.hasAnyRateLimitHeader(), qPrintable(open));
        }

        // Once Retry-After has passed, a token is back (polled, bounded by Retry-After).
        // QTRY evaluates its condition once more after the loop: the status is kept so that the
        // token won is not spent again.
        int status = refused.status;
        QTRY_VERIFY_WITH_TIMEOUT(
            status == 200 || (status = get(path).status) == 200, static_cast<int>(retryAfter + 3) * 1000);
    }

    void unlimitedPlanSendsNoRateLimitHeaders()
    {
        createNamespace(u"rl-open"_s, u"open"_s);
        put(u"rl-open"_s, u"k"_s, "v");
        for (int i = 0; i < 10; ++i) {
            const Reply reply = get(u"/v1/namespaces/rl-open/values/k"_s);
            QVERIFY2(reply.status == 200, reply.describe().constData());
            QVERIFY(!reply.hasAnyRateLimitHeader());
        }
    }

    void monthlyQuotasRefuseWithQuotaExceeded()
    {
        const QString ns = u"q-month"_s;
        createNamespace(ns, u"metered"_s);
        put(ns, u"a"_s, "1"); // write 1 of 3
        const QString value = u"/v1/namespaces/q-month/values/a"_s;
        for (int i = 0; i < 3; ++i) {
            const Reply reply = get(value);
            QVERIFY2(reply.status == 200, reply.describe().constData());
            QVERIFY(!reply.hasAnyRateLimitHeader());
        }
        checkMonthlyQuotaRefusal(get(value), ns, u"reads"_s, 3);
        // A refused read is not a read: still refused, still at 3.
        checkMonthlyQuotaRefusal(get(value), ns, u"reads"_s, 3);
        // Bulk reads count against the same quota.
        checkMonthlyQuotaRefusal(
            call("POST", u"/v1/namespaces/q-month/bulk/get"_s, R"({"keys":["a"]})"), ns, u"reads"_s, 3);

        put(ns, u"b"_s, "2");
        put(ns, u"c"_s, "3");
        checkMonthlyQuotaRefusal(call("PUT", u"/v1/namespaces/q-month/values/d"_s, "4"), ns, u"writes"_s, 3);

        const QString keys = u"/v1/namespaces/q-month/keys"_s;
        QCOMPARE(get(keys).status, 200);
        QCOMPARE(get(keys).status, 200);
        checkMonthlyQuotaRefusal(get(keys), ns, u"lists"_s, 2);

        QCOMPARE(call("DELETE", u"/v1/namespaces/q-month/values/b"_s).status, 200);
        QCOMPARE(call("DELETE", u"/v1/namespaces/q-month/values/missing"_s).status, 200);
        checkMonthlyQuotaRefusal(call("DELETE", u"/v1/namespaces/q-month/values/c"_s), ns, u"deletes"_s, 2);

        // Other namespace routes count nothing and stay open.
        QCOMPARE(get(u"/v1/namespaces/q-month"_s).status, 200);

        // A larger plan lifts every quota at once.
        setPlan(ns, u"open"_s);
        QCOMPARE(get(value).status, 200);
        QCOMPARE(call("PUT", u"/v1/namespaces/q-month/values/d"_s, "4").status, 200);
        QCOMPARE(get(keys).status, 200);
        QCOMPARE(call("DELETE", u"/v1/namespaces/q-month/values/c"_s).status, 200);
    }

    void storageQuotaRefusesWritesButNotDeletes()
    {
        const QString ns = u"q-storage"_s;
        createNamespace(ns, u"tiny"_s);
        put(ns, u"a"_s, QByteArray(60, 'a'));
        const Reply refused = call("PUT", u"/v1/namespaces/q-storage/values/b"_s, QByteArray(60, 'b'));
        QVERIFY2(refused.status == 429, refused.describe().constData());
        QCOMPARE(refused.code(), u"quota_exceeded"_s);
        const QJsonObject details = refused.error().value(u"details"_s).toObject();
        QCOMPARE(details.value(u"quota"_s).toString(), u"storage"_s);
        QCOMPARE(details.value(u"limit"_s).toInteger(), 100);
        QCOMPARE(get(u"/v1/namespaces/q-storage/values/b"_s).status, 404);
        // Rewriting a value in place adds nothing: allowed at 61 of 100 bytes.
        put(ns, u"a"_s, QByteArray(60, 'A'));
        QCOMPARE(get(u"/v1/namespaces/q-storage/values/a"_s).body, QByteArray(60, 'A'));
        // Metadata counts as stored bytes too.
        const Reply withMetadata = call("PUT", u"/v1/namespaces/q-storage/values/a"_s, QByteArray(60, 'a'), {}, nullptr,
            { { "Kv-Metadata", R"({"note":"forty bytes of metadata, more or less"})" } });
        QVERIFY2(withMetadata.status == 429, withMetadata.describe().constData());
        QCOMPARE(withMetadata.code(), u"quota_exceeded"_s);

        const Reply deleted = call("DELETE", u"/v1/namespaces/q-storage/values/a"_s);
        QVERIFY2(deleted.status == 200, deleted.describe().constData());
        QCOMPARE(deleted.json().value(u"deleted"_s).toBool(), true);
        put(ns, u"b"_s, QByteArray(60, 'b'));

        setPlan(ns, u"open"_s);
        put(ns, u"c"_s, QByteArray(200, 'c'));
    }

    void usageBucketsSumToTheRequestsMade()
    {
        const QString ns = u"usage"_s;
        createNamespace(ns, u"charted"_s);
        const QString values = u"/v1/namespaces/usage/values/"_s;
        // 4 writes
        for (const QString& key : { u"a"_s, u"b"_s, u"c"_s, u"d"_s }) {
            put(ns, key, "v");
        }
        // 3 reads, one of a missing key
        QCOMPARE(get(values + u"a"_s).status, 200);
        QCOMPARE(get(values + u"b"_s).status, 200);
        QCOMPARE(get(values + u"nope"_s).status, 404);
        // 2 lists
        QCOMPARE(get(u"/v1/namespaces/usage/keys"_s).status, 200);
        QCOMPARE(get(u"/v1/namespaces/usage/keys?prefix=a"_s).status, 200);
        // 2 deletes
        QCOMPARE(call("DELETE", values + u"c"_s).status, 200);
        QCOMPARE(call("DELETE", values + u"d"_s).status, 200);
        // 3 reads in one bulk get
        QCOMPARE(call("POST", u"/v1/namespaces/usage/bulk/get"_s, R"({"keys":["a","b","zz"]})").status, 200);
        // Neither the namespace's own route nor /v1/usage counts.
        QCOMPARE(get(u"/v1/namespaces/usage"_s).status, 200);
        const Sums expected { 6, 4, 2, 2 };

        for (const QString& step : { u"hour"_s, u"day"_s }) {
            const Reply usage = get(u"/v1/usage?namespace=usage&step="_s + step);
            QVERIFY2(usage.status == 200, usage.describe().constData());
            const QJsonObject body = usage.json();
            QCOMPARE(body.value(u"namespace"_s).toString(), ns);
            QCOMPARE(body.value(u"plan"_s).toString(), u"charted"_s);
            QCOMPARE(body.value(u"step"_s).toString(), step);
            QVERIFY(body.value(u"from"_s).isString());
            QVERIFY(body.value(u"to"_s).isString());
            const QJsonArray buckets = body.value(u"buckets"_s).toArray();
            QVERIFY(!buckets.isEmpty());
            const Sums sums = sumOf(buckets);
            QCOMPARE(sums.reads, expected.reads);
            QCOMPARE(sums.writes, expected.writes);
            QCOMPARE(sums.lists, expected.lists);
            QCOMPARE(sums.deletes, expected.deletes);
            for (const QJsonValue& bucket : buckets) {
                QVERIFY(bucket.toObject().value(u"start"_s).isString());
            }
            const QJsonObject month = body.value(u"month"_s).toObject();
            const Sums monthly = sumOf(month);
            QCOMPARE(monthly.reads, expected.reads);
            QCOMPARE(monthly.writes, expected.writes);
            QCOMPARE(monthly.lists, expected.lists);
            QCOMPARE(monthly.deletes, expected.deletes);
            QVERIFY(month.value(u"start"_s).toString().endsWith(u"T00:00:00.000Z"_s));
            QVERIFY(month.value(u"storageBytes"_s).toInteger() > 0);

            const QJsonObject quota = body.value(u"quota"_s).toObject();
            QCOMPARE(quota.value(u"reads"_s).toInteger(), 1000);
            QVERIFY(quota.value(u"writes"_s).isNull()); // unlimited
            QCOMPARE(quota.value(u"lists"_s).toInteger(), 500);
            QCOMPARE(quota.value(u"deletes"_s).toInteger(), 400);
            QCOMPARE(quota.value(u"storageBytes"_s).toInteger(), 1024 * 1024);
            QCOMPARE(quota.value(u"ratePerSecond"_s).toDouble(), 0.0);
            QCOMPARE(quota.value(u"burst"_s).toInteger(), 1);
        }

        // An explicit range around now gives the same sums.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QUrlQuery range;
        range.addQueryItem(u"namespace"_s, ns);
        range.addQueryItem(u"from"_s, now.addDays(-1).toString(Qt::ISODateWithMs));
        range.addQueryItem(u"to"_s, now.addSecs(3600).toString(Qt::ISODateWithMs));
        range.addQueryItem(u"step"_s, u"hour"_s);
        const Reply ranged = get(u"/v1/usage?"_s + range.toString(QUrl::FullyEncoded));
        QVERIFY2(ranged.status == 200, ranged.describe().constData());
        QCOMPARE(sumOf(ranged.json().value(u"buckets"_s).toArray()).reads, expected.reads);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("no namespace") << u""_s << 400 << u"bad_request"_s;
        QTest::newRow("empty namespace") << u"namespace="_s << 400 << u"bad_request"_s;
        QTest::newRow("unknown namespace") << u"namespace=nowhere"_s << 404 << u"namespace_not_found"_s;
        QTest::newRow("step week") << u"namespace=usage&step=week"_s << 400 << u"invalid_time_range"_s;
        QTest::newRow("from equals to") << u"namespace=usage&from=2026-01-02T00:00:00Z&to=2026-01-02T00:00:00Z"_s << 400
                                        << u"invalid_time_range"_s;
        QTest::newRow("from after to") << u"namespace=usage&from=2026-01-03T00:00:00Z&to=2026-01-02T00:00:00Z"_s << 400
                                       << u"invalid_time_range"_s;
        QTest::newRow("bad time") << u"namespace=usage&from=yesterday"_s << 400 << u"invalid_time_range"_s;
        QTest::newRow("too many hours") << u"namespace=usage&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z"_s << 400
                                        << u"invalid_time_range"_s;
    }

    void usageErrors()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, code);
        const Reply reply = get(u"/v1/usage?"_s + query);
        QVERIFY2(reply.status == status, reply.describe().constData());
        QCOMPARE(reply.code(), code);
    }

    void usageTooLongForHoursIsFineInDays()
    {
        const Reply days
            = get(u"/v1/usage?namespace=usage&step=day&from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z"_s);
        QVERIFY2(days.status == 200, days.describe().constData());
    }

    void usageNeedsAccessToTheNamespace()
    {
        const QString outsider = createKey({ u"read"_s }, { u"rl-a"_s });
        const Reply refused = get(u"/v1/usage?namespace=usage"_s, outsider);
        QVERIFY2(refused.status == 403, refused.describe().constData());
        QCOMPARE(refused.code(), u"forbidden"_s);
        QCOMPARE(get(u"/v1/usage?namespace=rl-a"_s, outsider).status, 200);
    }

    void readsCauseNoStoreWritesAndCountsSurviveARestart()
    {
        const QString ns = u"quiet"_s;
        createNamespace(ns, u"open"_s);
        put(ns, u"k"_s, "v");
        const qint64 before = rowsWritten();
        QVERIFY(before > 0);
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(get(u"/v1/namespaces/quiet/values/k"_s).status, 200);
            QCOMPARE(get(u"/v1/namespaces/quiet/keys"_s).status, 200);
        }
        QCOMPARE(call("POST", u"/v1/namespaces/quiet/bulk/get"_s, R"({"keys":["k","x"]})").status, 200);
        QCOMPARE(get(u"/v1/usage?namespace=quiet"_s).status, 200);
        QCOMPARE(rowsWritten(), before);

        // The counts are in memory only; SIGTERM flushes them, and a new kvd on the same data
        // reads them back.
        QCOMPARE(m_kvd->terminate(), 0);
        KvdProcess restarted { QStringLiteral(KVD_BINARY) };
        restarted.useAdminKey(m_kvd->adminKey());
        QVERIFY2(restarted.start(serveArguments() + QStringList { u"--data"_s, m_kvd->dataDir() }),
            qPrintable(restarted.failureLog()));
        const Reply usage = call("GET", u"/v1/usage?namespace=quiet&step=day"_s, {}, {}, &restarted);
        QVERIFY2(usage.status == 200, usage.describe().constData());
        const Sums buckets = sumOf(usage.json().value(u"buckets"_s).toArray());
        QCOMPARE(buckets.reads, 52);
        QCOMPARE(buckets.lists, 50);
        QCOMPARE(buckets.writes, 1);
        const Sums month = sumOf(usage.json().value(u"month"_s).toObject());
        QCOMPARE(month.reads, 52);
        QCOMPARE(month.lists, 50);
        QCOMPARE(month.writes, 1);
        // And the earlier namespace's counts too.
        const Reply charted = call("GET", u"/v1/usage?namespace=usage&step=day"_s, {}, {}, &restarted);
        QCOMPARE(sumOf(charted.json().value(u"buckets"_s).toArray()).reads, 6);
        QCOMPARE(restarted.terminate(), 0);
        m_kvd.reset();
    }
};

QTEST_GUILESS_MAIN(TestKvdLimits)
#include "tst_kvdlimits.moc"
