// The API key table model on a real embedded store: QAbstractItemModelTester throughout, every
// column and status worked out from the key's fields (Active, Expired once the clock passes the
// expiry, Revoked, Rotated), a reload merged into the rows in place, a key turning Expired when
// its time comes without a reload; and, with a client that answers on cue, a reload overtaken by
// a newer one dropped when it finally answers.

#include "AwaitFuture.h"
#include "client/EmbeddedClient.h"
#include "ui/apikeys/ApiKeyModel.h"

#include <QAbstractItemModelTester>
#include <QPromise>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using kv::Result;
using kv::client::EmbeddedClient;
using kv::client::IssuedApiKey;
using kv::client::NewApiKey;
using kv::model::ApiKey;
using kv::model::Scope;
using kv::ui::ApiKeyModel;
using namespace Qt::StringLiterals;

namespace {

/// Long enough for a loaded machine; QTRY returns as soon as the condition holds.
constexpr int kWaitMs = 15000;

/// A client whose listApiKeys() calls wait until the test answers them, in any order; every
/// other call fails at once. For what a real backend cannot be made to do on cue.
class PendingClient final : public kv::client::Client
{
public:
    using Keys = Result<QList<ApiKey>>;

    void answer(int call, const Keys& keys)
    {
        m_lists[call]->addResult(keys);
        m_lists[call]->finish();
    }
    [[nodiscard]] qsizetype calls() const { return m_lists.size(); }

    QFuture<Keys> listApiKeys() override
    {
        auto promise = std::make_shared<QPromise<Keys>>();
        promise->start();
        m_lists.append(promise);
        return promise->future();
    }

    [[nodiscard]] kv::client::BackendInfo backendInfo() const override { return {}; }
    QFuture<Result<kv::client::Health>> health() override { return none<kv::client::Health>(); }
    QFuture<Result<QList<kv::model::Namespace>>> listNamespaces() override
    {
        return none<QList<kv::model::Namespace>>();
    }
    QFuture<Result<kv::model::Namespace>> getNamespace(const QString&) override { return none<kv::model::Namespace>(); }
    QFuture<Result<kv::model::Namespace>> createNamespace(const QString&, const QString&) override
    {
        return none<kv::model::Namespace>();
    }
    QFuture<Result<kv::model::Namespace>> setNamespacePlan(const QString&, const QString&) override
    {
        return none<kv::model::Namespace>();
    }
    QFuture<Result<void>> deleteNamespace(const QString&) override { return none<void>(); }
    QFuture<Result<QList<kv::model::Plan>>> listPlans() override { return none<QList<kv::model::Plan>>(); }
    QFuture<Result<kv::model::KeyPage>> listKeys(const QString&, const kv::client::ListRequest&) override
    {
        return none<kv::model::KeyPage>();
    }
    QFuture<Result<kv::model::Entry>> getValue(const QString&, const QString&) override
    {
        return none<kv::model::Entry>();
    }
    QFuture<Result<kv::client::PutResult>> putValue(const QString&, const kv::client::PutRequest&) override
    {
        return none<kv::client::PutResult>();
    }
    QFuture<Result<bool>> deleteValue(const QString&, const QString&, const kv::client::Precondition&) override
    {
        return none<bool>();
    }
    QFuture<Result<QList<kv::client::ItemResult>>> getMany(const QString&, const QList<QString>&) override
    {
        return none<QList<kv::client::ItemResult>>();
    }
    QFuture<Result<kv::client::BatchResult>> putMany(const QString&, const QList<kv::client::PutRequest>&) override
    {
        return none<kv::client::BatchResult>();
    }
    QFuture<Result<kv::client::BatchResult>> deleteMany(
        const QString&, const QList<kv::client::DeleteRequest>&) override
    {
        return none<kv::client::BatchResult>();
    }
    QFuture<Result<IssuedApiKey>> createApiKey(const NewApiKey&) override { return none<IssuedApiKey>(); }
    QFuture<Result<IssuedApiKey>> rotateApiKey(const QString&) override { return none<IssuedApiKey>(); }
    QFuture<Result<void>> revokeApiKey(const QString&) override { return none<void>(); }
    QFuture<Result<kv::client::UsageReport>> usage(const kv::client::UsageQuery&) override
    {
        return none<kv::client::UsageReport>();
    }
    QFuture<Result<kv::client::AuditPage>> auditPage(const kv::client::AuditQuery&) override
    {
        return none<kv::client::AuditPage>();
    }
    QFuture<Result<QList<kv::model::Peer>>> listPeers(const QString&) override
    {
        return none<QList<kv::model::Peer>>();
    }
    void startEvents() override { }
    void stopEvents() override { }
    [[nodiscard]] kv::client::FeedState feedState() const override { return kv::client::FeedState::Off; }

private:
    template <typename T> static QFuture<Result<T>> none()
    {
        return QtFuture::makeReadyFuture(
            Result<T>(kv::Error(kv::ErrorCode::Internal, QStringLiteral("not part of this test"))));
    }

    QList<std::shared_ptr<QPromise<Keys>>> m_lists;
};

ApiKey fakeKey(const QString& id)
{
    ApiKey key;
    key.id = id;
    key.name = id;
    key.prefix = u"kvd_"_s + id;
    key.scopes = Scope::Read;
    key.createdAt = 1;
    return key;
}

} // namespace

class TestApiKeyModel final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EmbeddedClient> m_client;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto client = EmbeddedClient::open(m_dir.filePath(u"models.kvstore"_s));
        QVERIFY(client);
        m_client = std::move(client.value());
    }

    void modelListsEveryKeyWithItsStatus()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        auto reader = awaitFuture(m_client->createApiKey({ u"reader"_s, Scope::Read, {}, {} }));
        QVERIFY(reader);
        auto limited = awaitFuture(m_client->createApiKey(
            { u"limited"_s, Scope::Write | Scope::Signal, { u"alpha"_s, u"beta"_s }, now + 3'600'000 }));
        QVERIFY(limited);
        auto revoked = awaitFuture(m_client->createApiKey({ u"revoked"_s, Scope::Admin, {}, {} }));
        QVERIFY(revoked);
        QVERIFY(awaitFuture(m_client->revokeApiKey(revoked->key.id)));
        auto old = awaitFuture(m_client->createApiKey({ u"rotating"_s, Scope::Read, {}, {} }));
        QVERIFY(old);
        auto rotated = awaitFuture(m_client->rotateApiKey(old->key.id));
        QVERIFY(rotated);

        kv::model::ManualClock clock(now);
        ApiKeyModel model(*m_client, nullptr, clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ApiKeyModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(kWaitMs));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(ApiKeyModel::ColumnCount));

        const auto at = [&model](const IssuedApiKey& issued, int column, int role = Qt::DisplayRole) {
            return model.index(model.rowOf(issued.key.id), column).data(role);
        };
        QCOMPARE(at(*reader, ApiKeyModel::NameColumn).toString(), u"reader"_s);
        QCOMPARE(at(*reader, ApiKeyModel::PrefixColumn).toString(), reader->secret.left(reader->key.prefix.size()));
        QCOMPARE(at(*reader, ApiKeyModel::ScopesColumn).toString(), u"Read"_s);
        QCOMPARE(at(*reader, ApiKeyModel::NamespacesColumn).toString(), u"All"_s);
        QCOMPARE(at(*reader, ApiKeyModel::ExpiresColumn).toString(), u"Never"_s);
        QCOMPARE(at(*reader, ApiKeyModel::LastUsedColumn).toString(), u"Never"_s);
        QCOMPARE(at(*reader, ApiKeyModel::StatusColumn).toString(), u"Active"_s);
        QCOMPARE(at(*reader, ApiKeyModel::NameColumn, ApiKeyModel::IdRole).toString(), reader->key.id);
        QCOMPARE(at(*limited, ApiKeyModel::ScopesColumn).toString(), u"Write, Signal"_s);
        QCOMPARE(at(*limited, ApiKeyModel::NamespacesColumn).toString(), u"alpha, beta"_s);
        QVERIFY(at(*limited, ApiKeyModel::ExpiresColumn).toString() != u"Never"_s);
        QCOMPARE(at(*limited, ApiKeyModel::ExpiresColumn, ApiKeyModel::SortRole).toLongLong(), now + 3'600'000);
        QCOMPARE(at(*limited, ApiKeyModel::StatusColumn).toString(), u"Active"_s);
        QCOMPARE(at(*revoked, ApiKeyModel::StatusColumn).toString(), u"Revoked"_s);
        QCOMPARE(at(*old, ApiKeyModel::StatusColumn).toString(), u"Rotated"_s);
        QVERIFY(at(*old, ApiKeyModel::StatusColumn, Qt::ToolTipRole).toString().contains(rotated->key.id));
        QCOMPARE(at(*rotated, ApiKeyModel::StatusColumn).toString(), u"Active"_s);
        QCOMPARE(at(*rotated, ApiKeyModel::StatusColumn, ApiKeyModel::StatusRole).value<ApiKeyModel::Status>(),
            ApiKeyModel::Status::Active);
        QVERIFY(!at(*revoked, ApiKeyModel::NameColumn, Qt::ForegroundRole).isNull());
        QVERIFY(at(*reader, ApiKeyModel::NameColumn, Qt::ForegroundRole).isNull());
        QCOMPARE(model.headerData(ApiKeyModel::StatusColumn, Qt::Horizontal, Qt::DisplayRole).toString(), u"Status"_s);

        // Past its expiry the key reads as expired, from its fields and the time alone.
        clock.advanceSeconds(2 * 3600);
        QCOMPARE(at(*limited, ApiKeyModel::StatusColumn).toString(), u"Expired"_s);
        QCOMPARE(at(*reader, ApiKeyModel::StatusColumn).toString(), u"Active"_s);

        // A reload merges in place: a revocation changes its row, a new key arrives, and the
        // rows that did not change stay where they were.
        const QPersistentModelIndex readerRow = model.index(model.rowOf(reader->key.id), 0);
        QVERIFY(awaitFuture(m_client->revokeApiKey(reader->key.id)));
        auto added = awaitFuture(m_client->createApiKey({ u"added"_s, Scope::Read, {}, {} }));
        QVERIFY(added);
        model.reload();
        QVERIFY(loaded.wait(kWaitMs));
        QCOMPARE(model.rowCount(), 6);
        QVERIFY(readerRow.isValid());
        QCOMPARE(readerRow.data(ApiKeyModel::IdRole).toString(), reader->key.id);
        QCOMPARE(at(*reader, ApiKeyModel::StatusColumn).toString(), u"Revoked"_s);
        QCOMPARE(at(*added, ApiKeyModel::NameColumn).toString(), u"added"_s);
    }

    void modelShowsAKeyExpiredWhenItsTimeComes()
    {
        // The system clock, and a key that expires while it is listed: no reload, the model
        // says so by itself.
        auto soon = awaitFuture(
            m_client->createApiKey({ u"soon"_s, Scope::Read, {}, QDateTime::currentMSecsSinceEpoch() + 3000 }));
        QVERIFY(soon);
        ApiKeyModel model(*m_client);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ApiKeyModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(kWaitMs));
        const int row = model.rowOf(soon->key.id);
        QVERIFY(row >= 0);
        if (model.index(row, ApiKeyModel::StatusColumn).data().toString() != u"Active"_s) {
            QSKIP("the list took longer to arrive than the key had to live");
        }
        QSignalSpy changed(&model, &ApiKeyModel::dataChanged);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(row, ApiKeyModel::StatusColumn).data().toString(), u"Expired"_s, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kWaitMs);
        const auto first = changed.first().at(0).value<QModelIndex>();
        const auto last = changed.first().at(1).value<QModelIndex>();
        QVERIFY(first.row() <= row && last.row() >= row);
        QVERIFY(first.column() <= ApiKeyModel::StatusColumn && last.column() >= ApiKeyModel::StatusColumn);
        QCOMPARE(loaded.size(), 1);
    }

    void modelDropsAnAnswerOvertakenByANewerReload()
    {
        PendingClient client;
        ApiKeyModel model(client);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<QStringList> seen;
        connect(&model, &ApiKeyModel::loaded, this, [&] {
            QStringList ids;
            for (int row = 0; row < model.rowCount(); ++row) {
                ids.append(model.keyAt(row)->id);
            }
            seen.append(ids);
        });
        model.reload();
        model.reload();
        QCOMPARE(client.calls(), 2);
        client.answer(1, QList<ApiKey> { fakeKey(u"newer"_s) });
        QTRY_COMPARE(seen.size(), 1);
        // The older answer comes last; a third reload's answer, queued behind it, tells when it
        // has been dealt with.
        client.answer(0, QList<ApiKey> { fakeKey(u"older"_s), fakeKey(u"stale"_s) });
        model.reload();
        client.answer(2, QList<ApiKey> { fakeKey(u"newer"_s), fakeKey(u"third"_s) });
        QTRY_COMPARE(seen.size(), 2);
        QCOMPARE(seen, (QList<QStringList> { { u"newer"_s }, { u"newer"_s, u"third"_s } }));

        // A failure is reported, and the rows stay.
        QSignalSpy failed(&model, &ApiKeyModel::failed);
        model.reload();
        client.answer(3, kv::Error(kv::ErrorCode::Unavailable, u"gone"_s));
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(model.rowCount(), 2);
    }
};

QTEST_MAIN(TestApiKeyModel)
#include "tst_apikeymodel.moc"
