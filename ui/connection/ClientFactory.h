#pragma once
// ClientFactory makes the client a profile describes: an EmbeddedClient opened on a worker
// thread (opening a store runs SQLite's recovery and can take a while) and handed back living
// on the UI thread, or a RemoteClient with the profile's URL, trusted certificates and API key.
// Results come as futures of OpenedClient, which carries the new client until one owner takes it.

#include "client/Client.h"
#include "model/Error.h"
#include "model/Result.h"
#include "ui/connection/ConnectionProfile.h"

#include <QFuture>
#include <QString>

#include <memory>

namespace kv::ui {

/// A client on its way to its owner. QFuture copies its results, so the client sits behind a
/// shared handle: the first take() gets it, and if nobody does, the last copy deletes it on the
/// client's own thread.
class OpenedClient final
{
public:
    OpenedClient() = default;
    explicit OpenedClient(std::unique_ptr<client::Client> client);

    [[nodiscard]] client::Client* get() const;
    /// The client, once; null afterwards (and for every other copy).
    [[nodiscard]] std::unique_ptr<client::Client> take() const;

private:
    struct Holder;
    std::shared_ptr<Holder> m_holder;
};

class ClientFactory final
{
public:
    enum class StoreMode {
        /// The store file must exist: a profile whose file went away reports that instead of
        /// silently opening a new empty store.
        MustExist,
        /// Creates the file (and its directory) when missing.
        CreateIfMissing,
    };

    /// An embedded profile opens on a worker thread; a remote one is made at once (the future is
    /// finished) with `apiKey`. Either way, the client lives on the calling thread, which must
    /// be the thread that will use it.
    static QFuture<Result<OpenedClient>> open(
        const ConnectionProfile& profile, const QString& apiKey = {}, StoreMode mode = StoreMode::MustExist);

    /// The RemoteClient of a remote profile, made at once on the calling thread.
    static std::unique_ptr<client::Client> remote(const ConnectionProfile& profile, const QString& apiKey);

    /// A RemoteClient for one short check ("Test connection"): one attempt per call, short
    /// timeout, so a wrong address answers in seconds.
    static std::unique_ptr<client::Client> probeClient(const ConnectionProfile& profile, const QString& apiKey);
};

/// What a person should read about a failed connection: the error, then what to do about it.
[[nodiscard]] QString connectionErrorText(const Error& error);

} // namespace kv::ui
