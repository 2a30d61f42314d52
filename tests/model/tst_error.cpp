// kv::Error's wire contract (stable snake_case names, one HTTP status per code, the JSON form),
// plus the other name tables of core/model: API-key scopes and the built-in plans. The operator
// page of every code, docs/errors.md, is held to the same table here.

#include "ErrorCodePrinter.h"
#include "model/ApiKey.h"
#include "model/Error.h"
#include "model/Plan.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

Q_DECLARE_METATYPE(kv::ErrorCode)

namespace {

using kv::Error;
using kv::ErrorCode;
using kv::model::Plan;
using kv::model::Scope;
using kv::model::Scopes;

constexpr int kCodeCount = static_cast<int>(ErrorCode::UpgradeRequired) + 1;

const QList<Scope>& allScopes()
{
    static const QList<Scope> scopes { Scope::Read, Scope::Write, Scope::Admin, Scope::Signal };
    return scopes;
}

} // namespace

class TestError final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allCodesListsEveryCodeOnce();
    void codeNamesAreUniqueSnakeCase();
    void codeFromNameRejectsUnknown_data();
    void codeFromNameRejectsUnknown();
    void httpStatus_data();
    void httpStatus();
    void onlyRealFaultsAre5xx();
    void errorsDocMatchesTheCodes();

    void toJson();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void fromJsonUnknownCode();
    void fromJsonWithoutCode();

    void scopeNames();
    void scopeFromNameRejectsUnknown_data();
    void scopeFromNameRejectsUnknown();
    void scopesFromNames();

    void builtinPlans();
    void findPlan();
};

void TestError::allCodesListsEveryCodeOnce()
{
    const QList<ErrorCode> codes = Error::allCodes();
    QCOMPARE(codes.size(), qsizetype { kCodeCount });
    QSet<int> seen;
    for (const ErrorCode code : codes) {
        const int value = static_cast<int>(code);
        QVERIFY2(value >= 0 && value < kCodeCount, qPrintable(QStringLiteral("code %1 out of range").arg(value)));
        QVERIFY2(!seen.contains(value), qPrintable(QStringLiteral("code %1 listed twice").arg(value)));
        seen.insert(value);
    }
    QCOMPARE(seen.size(), qsizetype { kCodeCount });
}

void TestError::codeNamesAreUniqueSnakeCase()
{
    const QRegularExpression snakeCase(QStringLiteral("\\A[a-z][a-z0-9]*(_[a-z0-9]+)*\\z"));
    QSet<QString> names;
    for (const ErrorCode code : Error::allCodes()) {
        const QString name = Error::codeName(code);
        QVERIFY2(!name.isEmpty(), qPrintable(QStringLiteral("code %1 has no name").arg(static_cast<int>(code))));
        QVERIFY2(snakeCase.match(name).hasMatch(), qPrintable(QStringLiteral("\"%1\" is not snake_case").arg(name)));
        QVERIFY2(!names.contains(name), qPrintable(QStringLiteral("\"%1\" names two codes").arg(name)));
        names.insert(name);

        const auto parsed = Error::codeFromName(name);
        QVERIFY2(parsed.has_value(), qPrintable(name));
        QCOMPARE(*parsed, code);
        QCOMPARE(Error(code, QStringLiteral("m")).codeName(), name);
    }
    // Spot checks that pin the wire names themselves, not only their consistency.
    QCOMPARE(Error::codeName(ErrorCode::InvalidKey), QStringLiteral("invalid_key"));
    QCOMPARE(Error::codeName(ErrorCode::VersionConflict), QStringLiteral("version_conflict"));
    QCOMPARE(Error::codeName(ErrorCode::ApiKeyNotFound), QStringLiteral("apikey_not_found"));
    QCOMPARE(Error::codeName(ErrorCode::InvalidTtl), QStringLiteral("invalid_ttl"));
}

void TestError::codeFromNameRejectsUnknown_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("unknown") << QStringLiteral("teapot");
    QTest::newRow("upper case") << QStringLiteral("INVALID_KEY");
    QTest::newRow("camel case") << QStringLiteral("InvalidKey");
    QTest::newRow("kebab case") << QStringLiteral("invalid-key");
    QTest::newRow("leading space") << QStringLiteral(" invalid_key");
    QTest::newRow("trailing space") << QStringLiteral("invalid_key ");
    QTest::newRow("prefix") << QStringLiteral("invalid_ke");
    QTest::newRow("suffix") << QStringLiteral("invalid_keys");
}

void TestError::codeFromNameRejectsUnknown()
{
    QFETCH(QString, name);
    const auto code = Error::codeFromName(name);
    QVERIFY2(!code.has_value(),
        qPrintable(QStringLiteral("\"%1\" was read as %2").arg(name, code ? Error::codeName(*code) : QString())));
}

void TestError::httpStatus_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("status");
    // DESIGN.md, "HTTP API v1": 400 invalid, 401 no/bad key, 403 scope, 404, 409/412 conflict,
    // 413 too large, 429 rate limit or quota, 5xx only for real faults.
    QTest::newRow("bad_request") << QStringLiteral("bad_request") << 400;
    QTest::newRow("invalid_key") << QStringLiteral("invalid_key") << 400;
    QTest::newRow("invalid_metadata") << QStringLiteral("invalid_metadata") << 400;
    QTest::newRow("invalid_ttl") << QStringLiteral("invalid_ttl") << 400;
    QTest::newRow("unauthorized") << QStringLiteral("unauthorized") << 401;
    QTest::newRow("forbidden") << QStringLiteral("forbidden") << 403;
    QTest::newRow("key_not_found") << QStringLiteral("key_not_found") << 404;
    QTest::newRow("namespace_not_found") << QStringLiteral("namespace_not_found") << 404;
    QTest::newRow("method_not_allowed") << QStringLiteral("method_not_allowed") << 405;
    QTest::newRow("namespace_exists") << QStringLiteral("namespace_exists") << 409;
    QTest::newRow("version_conflict") << QStringLiteral("version_conflict") << 412;
    QTest::newRow("value_too_large") << QStringLiteral("value_too_large") << 413;
    QTest::newRow("metadata_too_large") << QStringLiteral("metadata_too_large") << 413;
    QTest::newRow("batch_too_large") << QStringLiteral("batch_too_large") << 413;
    QTest::newRow("rate_limited") << QStringLiteral("rate_limited") << 429;
    QTest::newRow("quota_exceeded") << QStringLiteral("quota_exceeded") << 429;
    QTest::newRow("internal") << QStringLiteral("internal") << 500;
    QTest::newRow("unavailable") << QStringLiteral("unavailable") << 503;
    QTest::newRow("timeout") << QStringLiteral("timeout") << 504;
    // The signaling relay's codes (docs/signaling.md): its close codes are 4000 + the status.
    QTest::newRow("invalid_message") << QStringLiteral("invalid_message") << 400;
    QTest::newRow("invalid_sdp") << QStringLiteral("invalid_sdp") << 400;
    QTest::newRow("invalid_candidate") << QStringLiteral("invalid_candidate") << 400;
    QTest::newRow("message_too_large") << QStringLiteral("message_too_large") << 413;
    QTest::newRow("peer_not_found") << QStringLiteral("peer_not_found") << 404;
    QTest::newRow("peer_id_taken") << QStringLiteral("peer_id_taken") << 409;
    QTest::newRow("room_taken") << QStringLiteral("room_taken") << 403;
    QTest::newRow("invalid_resume_token") << QStringLiteral("invalid_resume_token") << 403;
    QTest::newRow("not_joined") << QStringLiteral("not_joined") << 409;
    QTest::newRow("already_joined") << QStringLiteral("already_joined") << 409;
    QTest::newRow("auth_timeout") << QStringLiteral("auth_timeout") << 408;
    QTest::newRow("upgrade_required") << QStringLiteral("upgrade_required") << 426;
}

void TestError::httpStatus()
{
    QFETCH(QString, name);
    QFETCH(int, status);
    const auto code = Error::codeFromName(name);
    QVERIFY2(code.has_value(), qPrintable(QStringLiteral("no code is named \"%1\"").arg(name)));
    QCOMPARE(Error::httpStatusFor(*code), status);
    QCOMPARE(Error(*code, QStringLiteral("m")).httpStatus(), status);
}

void TestError::onlyRealFaultsAre5xx()
{
    const QList<ErrorCode> faults { ErrorCode::Internal, ErrorCode::StoreCorrupt, ErrorCode::StoreTooNew,
        ErrorCode::StoreLocked, ErrorCode::StoreIo, ErrorCode::Unavailable, ErrorCode::Timeout, ErrorCode::Network,
        ErrorCode::TlsError };
    for (const ErrorCode code : Error::allCodes()) {
        const int status = Error::httpStatusFor(code);
        const QString what = QStringLiteral("%1 -> %2").arg(Error::codeName(code)).arg(status);
        QVERIFY2(status >= 400 && status <= 599, qPrintable(what));
        QVERIFY2((status >= 500) == faults.contains(code), qPrintable(what));
    }
}

// docs/errors.md gives each code one heading, "### `wire_name` — STATUS", optionally followed by
// ", closes with 4xxx" for the signaling codes that end a connection. Every problem is reported
// at once, so that one run lists every line to fix.
void TestError::errorsDocMatchesTheCodes()
{
    const QString path = QStringLiteral(KV_ERRORS_DOC);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(QStringLiteral("cannot read %1").arg(path)));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));

    // Any level-3 heading that starts with a code span is meant to document a code.
    const QRegularExpression codeHeading(QStringLiteral("^###\\s+`"));
    const QRegularExpression wellFormed(
        QStringLiteral("^### `([a-z0-9_]+)` \u2014 ([0-9]{3})(?:, closes with ([0-9]{4}))?\\s*$"));
    QStringList problems;
    QHash<QString, int> documentedAt; // wire name -> line
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const QString& line = lines.at(index);
        const int number = static_cast<int>(index) + 1;
        if (!codeHeading.match(line).hasMatch()) {
            continue;
        }
        const auto match = wellFormed.match(line);
        if (!match.hasMatch()) {
            problems.append(QStringLiteral("line %1: \"%2\" is not of the form ### `wire_name` \u2014 STATUS")
                                .arg(number)
                                .arg(line));
            continue;
        }
        const QString name = match.captured(1);
        const int status = match.captured(2).toInt();
        if (documentedAt.contains(name)) {
            problems.append(QStringLiteral("line %1: `%2` is documented twice (first at line %3)")
                                .arg(number)
                                .arg(name)
                                .arg(documentedAt.value(name)));
            continue;
        }
        documentedAt.insert(name, number);
        const auto code = Error::codeFromName(name);
        if (!code) {
            problems.append(
                QStringLiteral("line %1: `%2` is not an error code of core/model/Error.h").arg(number).arg(name));
            continue;
        }
        const int actual = Error::httpStatusFor(*code);
        if (status != actual) {
            problems.append(QStringLiteral("line %1: `%2` is documented with status %3, but its status is %4")
                                .arg(number)
                                .arg(name)
                                .arg(status)
                                .arg(actual));
        }
        if (!match.captured(3).isEmpty() && match.captured(3).toInt() != 4000 + actual) {
            problems.append(QStringLiteral("line %1: `%2` closes with 4000 + its status, %3, not %4")
                                .arg(number)
                                .arg(name)
                                .arg(4000 + actual)
                                .arg(match.captured(3)));
        }
    }
    for (const ErrorCode code : Error::allCodes()) {
        if (!documentedAt.contains(Error::codeName(code))) {
            problems.append(QStringLiteral("`%1` (status %2) has no heading in docs/errors.md")
                                .arg(Error::codeName(code))
                                .arg(Error::httpStatusFor(code)));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(path + QStringLiteral(":\n  ") + problems.join(QStringLiteral("\n  "))));
    QCOMPARE(documentedAt.size(), qsizetype { kCodeCount });
}

void TestError::toJson()
{
    const Error plain(ErrorCode::KeyNotFound, QStringLiteral("no key \"a\""));
    const QJsonObject plainJson { { QStringLiteral("code"), QStringLiteral("key_not_found") },
        { QStringLiteral("message"), QStringLiteral("no key \"a\"") } };
    // No "details" member at all when there are none.
    QCOMPARE(plain.toJson(), plainJson);

    const QJsonObject details { { QStringLiteral("bytes"), 513 }, { QStringLiteral("limit"), 512 } };
    const Error detailed(ErrorCode::InvalidKey, QStringLiteral("too long"), details);
    const QJsonObject detailedJson { { QStringLiteral("code"), QStringLiteral("invalid_key") },
        { QStringLiteral("message"), QStringLiteral("too long") }, { QStringLiteral("details"), details } };
    QCOMPARE(detailed.toJson(), detailedJson);
}

void TestError::jsonRoundTrip_data()
{
    QTest::addColumn<kv::ErrorCode>("code");
    QTest::addColumn<QJsonObject>("details");
    const QJsonObject details { { QStringLiteral("bytes"), 1025 },
        { QStringLiteral("nested"), QJsonObject { { QStringLiteral("list"), QJsonArray { 1, 2 } } } },
        { QStringLiteral("text"), QStringLiteral("caf\u00e9") } };
    for (const ErrorCode code : Error::allCodes()) {
        const QByteArray name = Error::codeName(code).toUtf8();
        QTest::addRow("%s", name.constData()) << code << QJsonObject();
        QTest::addRow("%s with details", name.constData()) << code << details;
    }
}

void TestError::jsonRoundTrip()
{
    QFETCH(kv::ErrorCode, code);
    QFETCH(QJsonObject, details);
    const Error error(code, QStringLiteral("something \"quoted\" and caf\u00e9"), details);
    const Error back = Error::fromJson(error.toJson());
    QCOMPARE(back.code(), code);
    QCOMPARE(back.message(), error.message());
    QCOMPARE(back.details(), details);
    QVERIFY(back == error);
}

void TestError::fromJsonUnknownCode()
{
    const QJsonObject json { { QStringLiteral("code"), QStringLiteral("teapot") },
        { QStringLiteral("message"), QStringLiteral("short and stout") },
        { QStringLiteral("details"), QJsonObject { { QStringLiteral("spout"), 1 } } } };
    const Error error = Error::fromJson(json);
    QCOMPARE(error.code(), ErrorCode::Internal);
    QCOMPARE(error.httpStatus(), 500);
    QCOMPARE(error.message(), QStringLiteral("short and stout"));
    QCOMPARE(error.details().value(QStringLiteral("code")).toString(), QStringLiteral("teapot"));
    // The sender's own details survive next to it.
    QCOMPARE(error.details().value(QStringLiteral("spout")).toInt(), 1);
    QCOMPARE(error.details().size(), qsizetype { 2 });

    const Error noDetails = Error::fromJson(QJsonObject { { QStringLiteral("code"), QStringLiteral("gone_fishing") },
        { QStringLiteral("message"), QStringLiteral("m") } });
    QCOMPARE(noDetails.code(), ErrorCode::Internal);
    QCOMPARE(noDetails.details(), (QJsonObject { { QStringLiteral("code"), QStringLiteral("gone_fishing") } }));
}

void TestError::fromJsonWithoutCode()
{
    const Error error = Error::fromJson(QJsonObject { { QStringLiteral("message"), QStringLiteral("m") } });
    QCOMPARE(error.code(), ErrorCode::Internal);
    QCOMPARE(error.message(), QStringLiteral("m"));

    // A code that is not a string is not a known code either.
    const Error numeric = Error::fromJson(QJsonObject { { QStringLiteral("code"), 404 } });
    QCOMPARE(numeric.code(), ErrorCode::Internal);
}

void TestError::scopeNames()
{
    const QStringList expected { QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("admin"),
        QStringLiteral("signal") };
    QStringList names;
    for (const Scope scope : allScopes()) {
        const QString name = kv::model::scopeName(scope);
        names.append(name);
        const auto back = kv::model::scopeFromName(name);
        QVERIFY2(back.has_value(), qPrintable(name));
        QVERIFY2(*back == scope, qPrintable(name));
    }
    QCOMPARE(names, expected);

    QCOMPARE(kv::model::scopeNames(Scopes()), QStringList());
    QCOMPARE(kv::model::scopeNames(Scope::Read | Scope::Admin),
        (QStringList { QStringLiteral("read"), QStringLiteral("admin") }));
    QCOMPARE(kv::model::scopeNames(Scope::Read | Scope::Write | Scope::Admin | Scope::Signal), expected);
}

void TestError::scopeFromNameRejectsUnknown_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("unknown") << QStringLiteral("delete");
    QTest::newRow("capitalised") << QStringLiteral("Read");
    QTest::newRow("upper case") << QStringLiteral("WRITE");
    QTest::newRow("plural") << QStringLiteral("reads");
    QTest::newRow("padded") << QStringLiteral(" admin");
    QTest::newRow("wildcard") << QStringLiteral("*");
}

void TestError::scopeFromNameRejectsUnknown()
{
    QFETCH(QString, name);
    QVERIFY2(!kv::model::scopeFromName(name).has_value(), qPrintable(name));
    QVERIFY2(!kv::model::scopesFromNames({ QStringLiteral("read"), name }).has_value(), qPrintable(name));
}

void TestError::scopesFromNames()
{
    // Every combination of the four scopes goes to names and back unchanged.
    for (uint bits = 0; bits < 16; ++bits) {
        const Scopes scopes = Scopes::fromInt(bits);
        const QStringList names = kv::model::scopeNames(scopes);
        QCOMPARE(names.size(), qsizetype { qPopulationCount(bits) });
        const auto back = kv::model::scopesFromNames(names);
        QVERIFY2(back.has_value(), qPrintable(names.join(u',')));
        QCOMPARE(back->toInt(), bits);
    }
    const auto none = kv::model::scopesFromNames({});
    QVERIFY(none.has_value());
    QCOMPARE(none->toInt(), 0);
    const auto repeated = kv::model::scopesFromNames({ QStringLiteral("write"), QStringLiteral("write") });
    QVERIFY(repeated.has_value());
    QVERIFY(*repeated == Scopes(Scope::Write));
}

void TestError::builtinPlans()
{
    const QList<Plan> plans = Plan::builtins();
    QStringList ids;
    QSet<QString> priceIds;
    for (const Plan& plan : plans) {
        ids.append(plan.id);
        QVERIFY2(!plan.name.isEmpty(), qPrintable(plan.id));
        QVERIFY2(plan.ratePerSecond > 0 && plan.burst > 0, qPrintable(plan.id));
        // A billing webhook selects a plan by price id: one id must never select two plans.
        for (const QString& price : plan.priceIds) {
            QVERIFY2(!priceIds.contains(price), qPrintable(price));
            priceIds.insert(price);
        }
    }
    QCOMPARE(ids, (QStringList { QStringLiteral("free"), QStringLiteral("pro"), QStringLiteral("business") }));
    QVERIFY(ids.contains(Plan::defaultPlanId()));
}

void TestError::findPlan()
{
    const QList<Plan> plans = Plan::builtins();
    for (const Plan& plan : plans) {
        const auto found = kv::model::findPlan(plans, plan.id);
        QVERIFY2(found.has_value(), qPrintable(plan.id));
        QVERIFY2(*found == plan, qPrintable(plan.id));
    }
    const auto free = kv::model::findPlan(plans, Plan::defaultPlanId());
    QVERIFY(free.has_value());
    QCOMPARE(free->id, QStringLiteral("free"));

    QVERIFY(!kv::model::findPlan(plans, QStringLiteral("enterprise")).has_value());
    QVERIFY(!kv::model::findPlan(plans, QString()).has_value());
    QVERIFY(!kv::model::findPlan({}, QStringLiteral("free")).has_value());

    Plan custom;
    custom.id = QStringLiteral("team");
    custom.limits.maxKeyBytes = 128;
    QList<Plan> catalog = plans;
    catalog.append(custom);
    const auto team = kv::model::findPlan(catalog, QStringLiteral("team"));
    QVERIFY(team.has_value());
    QCOMPARE(team->limits.maxKeyBytes, qsizetype { 128 });
}

QTEST_GUILESS_MAIN(TestError)
#include "tst_error.moc"
