#include "AdminCommands.h"

#include "DataDir.h"
#include "service/ApiKeyService.h"
#include "store/SqliteStore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QTextStream>

namespace kvd {

namespace {

constexpr int kUsageError = 64;
constexpr int kFailure = 1;

int failWith(const kv::Error& error)
{
    QTextStream(stderr) << QStringLiteral("kvd: %1\n").arg(error.message());
    return kFailure;
}

int usage(const QString& command, const QString& message)
{
    QTextStream(stderr) << QStringLiteral("kvd %1: %2\n").arg(command, message);
    return kUsageError;
}

QCommandLineOption dataOption()
{
    return QCommandLineOption(QStringLiteral("data"), QStringLiteral("The data directory."), QStringLiteral("dir"));
}

/// The key's secret goes alone on the last line, so scripts can take it with `tail -n 1`.
void printIssued(const kv::service::IssuedApiKey& issued)
{
    QTextStream out(stdout);
    out << QStringLiteral("API key %1 (%2), scopes %3.\n")
               .arg(issued.key.id, issued.key.name, kv::model::scopeNames(issued.key.scopes).join(u','));
    out << QStringLiteral("The secret is shown this once and cannot be recovered; keep it in a password manager:\n");
    out << issued.secret << '\n';
}

struct OpenedStore
{
    std::unique_ptr<kv::store::SqliteStore> store;
    QByteArray secret;
};

kv::Result<OpenedStore> openDataDir(const DataDir& dir)
{
    auto secret = dir.loadSecret();
    if (!secret) {
        return secret.error();
    }
    auto store = kv::store::SqliteStore::open(kv::store::SqliteStore::Options { dir.storePath() });
    if (!store) {
        return store.error();
    }
    return OpenedStore { std::move(store.value()), *secret };
}

} // namespace

int init(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Create a store and its server secret, and print the first "
                                                    "admin API key once."));
    parser.addHelpOption();
    const QCommandLineOption data = dataOption();
    parser.addOption(data);
    if (!parser.parse(arguments)) {
        return usage(QStringLiteral("init"), parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (!parser.isSet(data)) {
        return usage(QStringLiteral("init"), QStringLiteral("--data DIR is required"));
    }
    const DataDir dir(parser.value(data));
    auto secret = dir.createSecret();
    if (!secret) {
        return failWith(secret.error());
    }
    auto store = kv::store::SqliteStore::open(kv::store::SqliteStore::Options { dir.storePath() });
    if (!store) {
        return failWith(store.error());
    }
    kv::service::AuditLog audit(**store, kv::model::SystemClock::instance());
    kv::service::ApiKeyService keys(
        **store, *secret, kv::model::SystemClock::instance(), kv::service::ApiKeyService::Options { .audit = &audit });
    auto issued = keys.create(kv::service::NewApiKey { QStringLiteral("first admin key"),
        kv::model::Scope::Read | kv::model::Scope::Write | kv::model::Scope::Admin | kv::model::Scope::Signal, {},
        std::nullopt });
    if (!issued) {
        return failWith(issued.error());
    }
    QTextStream(stdout) << QStringLiteral("Initialised %1.\n").arg(dir.storePath());
    printIssued(*issued);
    return 0;
}

int apikey(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Manage API keys: create, list, revoke <id>."));
    parser.addHelpOption();
    const QCommandLineOption data = dataOption();
    const QCommandLineOption name(
        QStringLiteral("name"), QStringLiteral("create: the key's name."), QStringLiteral("name"));
    const QCommandLineOption scopes(QStringLiteral("scopes"),
        QStringLiteral("create: comma-separated scopes (read,write,admin,signal)."), QStringLiteral("list"));
    const QCommandLineOption namespaces(QStringLiteral("namespaces"),
        QStringLiteral("create: comma-separated namespaces (default: all)."), QStringLiteral("list"));
    const QCommandLineOption expires(
        QStringLiteral("expires"), QStringLiteral("create: expiry, RFC 3339."), QStringLiteral("time"));
    parser.addOptions({ data, name, scopes, namespaces, expires });
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("create, list or revoke <id>"));
    if (!parser.parse(arguments)) {
        return usage(QStringLiteral("apikey"), parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (!parser.isSet(data) || positional.isEmpty()) {
        return usage(QStringLiteral("apikey"), QStringLiteral("usage: kvd apikey create|list|revoke <id> --data DIR"));
    }
    auto opened = openDataDir(DataDir(parser.value(data)));
    if (!opened) {
        return failWith(opened.error());
    }
    kv::service::AuditLog audit(*opened->store, kv::model::SystemClock::instance());
    kv::service::ApiKeyService keys(*opened->store, opened->secret, kv::model::SystemClock::instance(),
        kv::service::ApiKeyService::Options { .audit = &audit });
    const QString action = positional.first();
    if (action == QLatin1StringView("create")) {
        const auto parsedScopes = kv::model::scopesFromNames(parser.value(scopes).split(u',', Qt::SkipEmptyParts));
        if (!parsedScopes) {
            return usage(QStringLiteral("apikey"), QStringLiteral("--scopes takes read, write, admin and signal"));
        }
        kv::service::NewApiKey request { parser.value(name), *parsedScopes,
            parser.value(namespaces).split(u',', Qt::SkipEmptyParts), std::nullopt };
        if (parser.isSet(expires)) {
            const QDateTime at = QDateTime::fromString(parser.value(expires), Qt::ISODateWithMs);
            if (!at.isValid()) {
                return usage(QStringLiteral("apikey"), QStringLiteral("--expires takes an RFC 3339 time"));
            }
            request.expiresAt = at.toMSecsSinceEpoch();
        }
        auto issued = keys.create(request);
        if (!issued) {
            return failWith(issued.error());
        }
        printIssued(*issued);
        return 0;
    }
    if (action == QLatin1StringView("list")) {
        auto list = keys.list();
        if (!list) {
            return failWith(list.error());
        }
        QTextStream out(stdout);
        const auto time = [](const std::optional<kv::model::Timestamp>& at) {
            return at ? QDateTime::fromMSecsSinceEpoch(*at, Qt::UTC).toString(Qt::ISODate) : QStringLiteral("-");
        };
        for (const kv::model::ApiKey& key : *list) {
            out << QStringLiteral("%1  %2  %3  %4  expires %5  last used %6%7\n")
                       .arg(key.id, key.prefix, kv::model::scopeNames(key.scopes).join(u','),
                           key.namespaces.isEmpty() ? QStringLiteral("*") : key.namespaces.join(u','),
                           time(key.expiresAt), time(key.lastUsedAt),
                           key.revokedAt ? QStringLiteral("  REVOKED") : QString())
                << QStringLiteral("    %1\n").arg(key.name);
        }
        return 0;
    }
    if (action == QLatin1StringView("revoke") && positional.size() == 2) {
        auto revoked = keys.revoke(positional.at(1));
        if (!revoked) {
            return failWith(revoked.error());
        }
        QTextStream(stdout) << QStringLiteral("Revoked %1.\n").arg(positional.at(1));
        return 0;
    }
    return usage(QStringLiteral("apikey"), QStringLiteral("usage: kvd apikey create|list|revoke <id> --data DIR"));
}

namespace {

/// Parses `kvd <command> --data DIR FILE`; returns the data directory and the file, or exits.
std::optional<std::pair<DataDir, QString>> dataAndFile(
    const QString& command, const QString& description, const QStringList& arguments, int& exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    const QCommandLineOption data = dataOption();
    parser.addOption(data);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The backup file."));
    if (!parser.parse(arguments)) {
        exitCode = usage(command, parser.errorText());
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        exitCode = 0;
        return std::nullopt;
    }
    const QStringList positional = parser.positionalArguments();
    // The parser takes the command's own name for the program name, so FILE is all that is left.
    if (!parser.isSet(data) || positional.size() != 1) {
        exitCode = usage(command, QStringLiteral("usage: kvd %1 --data DIR FILE").arg(command));
        return std::nullopt;
    }
    return std::pair { DataDir(parser.value(data)), positional.at(0) };
}

} // namespace

int backup(const QStringList& arguments)
{
    int exitCode = 0;
    const auto parsed = dataAndFile(QStringLiteral("backup"),
        QStringLiteral("Write a consistent copy of the store to FILE, while kvd serves."), arguments, exitCode);
    if (!parsed) {
        return exitCode;
    }
    auto store = kv::store::SqliteStore::open(kv::store::SqliteStore::Options { parsed->first.storePath() });
    if (!store) {
        return failWith(store.error());
    }
    if (auto done = (*store)->backupTo(parsed->second); !done) {
        return failWith(done.error());
    }
    QTextStream(stdout) << QStringLiteral("Backed up %1 to %2.\n").arg(parsed->first.storePath(), parsed->second);
    return 0;
}

int restore(const QStringList& arguments)
{
    int exitCode = 0;
    const auto parsed = dataAndFile(QStringLiteral("restore"),
        QStringLiteral("Replace the store with a checked copy of FILE. Stop kvd first; "
                       "the server secret stays, so API keys keep working."),
        arguments, exitCode);
    if (!parsed) {
        return exitCode;
    }
    // Replacing the files under a running kvd would lose what it writes next: refused.
    const auto lock = parsed->first.lock(QStringLiteral("stop it before restoring; nothing was changed"));
    if (!lock) {
        return failWith(lock.error());
    }
    if (auto done = kv::store::SqliteStore::restore(parsed->second, parsed->first.storePath()); !done) {
        return failWith(done.error());
    }
    QTextStream(stdout) << QStringLiteral("Restored %1 from %2.\n").arg(parsed->first.storePath(), parsed->second);
    return 0;
}

} // namespace kvd
