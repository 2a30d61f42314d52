#pragma once
// ForwardingClient hands every call and signal of the Client interface to a real client (a
// RemoteClient against the test's kvd, an EmbeddedClient on a temporary store). A test derives
// from it and overrides only what it needs to control — hold one call's answer back, drop some
// events, pretend a feed state — so that a race in the code under test happens exactly where the
// test puts it, while everything else still runs against the real backend.

#include "client/Client.h"

#include <memory>

class ForwardingClient : public kv::client::Client
{
public:
    explicit ForwardingClient(std::unique_ptr<kv::client::Client> inner)
        : m_inner(std::move(inner))
    {
        connect(m_inner.get(), &Client::eventReceived, this,
            [this](const kv::model::ServiceEvent& event) { forwardEvent(event); });
        connect(m_inner.get(), &Client::eventsMissed, this, &Client::eventsMissed);
        connect(m_inner.get(), &Client::feedStateChanged, this,
            [this](kv::client::FeedState state) { forwardFeedState(state); });
        connect(m_inner.get(), &Client::breakerStateChanged, this, &Client::breakerStateChanged);
    }
    Q_DISABLE_COPY_MOVE(ForwardingClient)

    [[nodiscard]] kv::client::Client& inner() const { return *m_inner; }

    [[nodiscard]] kv::client::BackendInfo backendInfo() const override { return m_inner->backendInfo(); }
    QFuture<kv::Result<kv::client::Health>> health() override { return m_inner->health(); }
    [[nodiscard]] kv::client::BreakerState breakerState() const override { return m_inner->breakerState(); }
    QFuture<kv::Result<QList<kv::model::Namespace>>> listNamespaces() override { return m_inner->listNamespaces(); }
    QFuture<kv::Result<kv::model::Namespace>> getNamespace(const QString& id) override
    {
        return m_inner->getNamespace(id);
    }
    QFuture<kv::Result<kv::model::Namespace>> createNamespace(const QString& id, const QString& plan) override
    {
        return m_inner->createNamespace(id, plan);
    }
    QFuture<kv::Result<kv::model::Namespace>> setNamespacePlan(const QString& id, const QString& plan) override
    {
        return m_inner->setNamespacePlan(id, plan);
    }
    QFuture<kv::Result<void>> deleteNamespace(const QString& id) override { return m_inner->deleteNamespace(id); }
    QFuture<kv::Result<QList<kv::model::Plan>>> listPlans() override { return m_inner->listPlans(); }
    QFuture<kv::Result<kv::model::KeyPage>> listKeys(const QString& ns, const kv::client::ListRequest& request) override
    {
        return m_inner->listKeys(ns, request);
    }
    QFuture<kv::Result<kv::model::Entry>> getValue(const QString& ns, const QString& key) override
    {
        return m_inner->getValue(ns, key);
    }
    QFuture<kv::Result<kv::client::PutResult>> putValue(
        const QString& ns, const kv::client::PutRequest& request) override
    {
        return m_inner->putValue(ns, request);
    }
    QFuture<kv::Result<bool>> deleteValue(
        const QString& ns, const QString& key, const kv::client::Precondition& precondition) override
    {
        return m_inner->deleteValue(ns, key, precondition);
    }
    QFuture<kv::Result<QList<kv::client::ItemResult>>> getMany(const QString& ns, const QList<QString>& keys) override
    {
        return m_inner->getMany(ns, keys);
    }
    QFuture<kv::Result<kv::client::BatchResult>> putMany(
        const QString& ns, const QList<kv::client::PutRequest>& requests) override
    {
        return m_inner->putMany(ns, requests);
    }
    QFuture<kv::Result<kv::client::BatchResult>> deleteMany(
        const QString& ns, const QList<kv::client::DeleteRequest>& requests) override
    {
        return m_inner->deleteMany(ns, requests);
    }
    QFuture<kv::Result<QList<kv::model::ApiKey>>> listApiKeys() override { return m_inner->listApiKeys(); }
    QFuture<kv::Result<kv::client::IssuedApiKey>> createApiKey(const kv::client::NewApiKey& request) override
    {
        return m_inner->createApiKey(request);
    }
    QFuture<kv::Result<kv::client::IssuedApiKey>> rotateApiKey(const QString& id) override
    {
        return m_inner->rotateApiKey(id);
    }
    QFuture<kv::Result<void>> revokeApiKey(const QString& id) override { return m_inner->revokeApiKey(id); }
    QFuture<kv::Result<kv::client::UsageReport>> usage(const kv::client::UsageQuery& query) override
    {
        return m_inner->usage(query);
    }
    QFuture<kv::Result<kv::client::AuditPage>> auditPage(const kv::client::AuditQuery& query) override
    {
        return m_inner->auditPage(query);
    }
    QFuture<kv::Result<QList<kv::model::Peer>>> listPeers(const QString& room) override
    {
        return m_inner->listPeers(room);
    }
    void startEvents() override { m_inner->startEvents(); }
    void stopEvents() override { m_inner->stopEvents(); }
    [[nodiscard]] kv::client::FeedState feedState() const override { return m_inner->feedState(); }

protected:
    /// What an event of the real client becomes; by default the same event of this one.
    virtual void forwardEvent(const kv::model::ServiceEvent& event) { Q_EMIT eventReceived(event); }
    /// What a feed state change of the real client becomes; by default the same change here.
    virtual void forwardFeedState(kv::client::FeedState state) { Q_EMIT feedStateChanged(state); }

private:
    std::unique_ptr<kv::client::Client> m_inner;
};
