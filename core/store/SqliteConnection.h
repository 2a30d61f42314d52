#pragma once
// A thin RAII layer over one sqlite3 connection: statements prepared once and kept for the
// connection's life, transactions that roll back unless committed, and SQLite result codes
// turned into kv::Error. Internal to core/store; not thread-safe (one user at a time).

#include "model/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace kv::store {

class SqliteConnection;

class SqliteStatement final
{
public:
    SqliteStatement(SqliteConnection& connection, sqlite3_stmt* stmt, std::optional<Error> prepareError);
    ~SqliteStatement();
    Q_DISABLE_COPY_MOVE(SqliteStatement)

    void bind(int index, const QString& text);
    void bind(int index, qint64 value);
    void bindText(int index, QByteArrayView utf8);
    void bindBlob(int index, QByteArrayView bytes);
    void bindNull(int index);

    /// true: a row is ready to read; false: done (the statement is reset for its next use).
    Result<bool> step();
    /// Steps to the end and resets: for statements that return no rows.
    Result<void> run();
    /// Ends the current execution (releasing its read snapshot) and clears the bindings.
    void reset();

    [[nodiscard]] qint64 columnInt64(int column) const;
    [[nodiscard]] QByteArray columnText(int column) const;
    [[nodiscard]] QByteArray columnBlob(int column) const;
    [[nodiscard]] bool columnIsNull(int column) const;

private:
    SqliteConnection& m_connection;
    sqlite3_stmt* m_stmt;
    std::optional<Error> m_prepareError;
};

class SqliteTransaction final
{
public:
    explicit SqliteTransaction(SqliteConnection* connection)
        : m_connection(connection)
    { }
    SqliteTransaction(SqliteTransaction&& other) noexcept
        : m_connection(std::exchange(other.m_connection, nullptr))
    { }
    SqliteTransaction& operator=(SqliteTransaction&&) = delete;
    Q_DISABLE_COPY(SqliteTransaction)
    /// Rolls back when neither commit() nor rollback() was called.
    ~SqliteTransaction();

    Result<void> commit();
    void rollback();

private:
    SqliteConnection* m_connection;
};

class SqliteConnection final
{
public:
    /// Opens a connection in WAL-friendly settings. readOnly connections may not write
    /// (PRAGMA query_only), which keeps the reader pool honest.
    static Result<std::unique_ptr<SqliteConnection>> open(
        const QString& path, bool readOnly, int busyTimeoutMs, const char* synchronous);
    ~SqliteConnection();
    Q_DISABLE_COPY_MOVE(SqliteConnection)

    /// The connection's prepared statement for this SQL (a string literal: its address is the
    /// cache key), ready to bind.
    SqliteStatement& statement(const char* sql);
    /// Runs one or more statements that return no rows (migrations, pragmas).
    Result<void> exec(const QByteArray& sql);
    Result<qint64> scalarInt(const char* sql);
    Result<qint64> pragmaInt(const char* name);
    Result<void> enableWal();
    /// BEGIN IMMEDIATE takes the write lock at once (a writer never fails half-way on
    /// upgrading its lock); a deferred BEGIN opens a read snapshot.
    Result<SqliteTransaction> begin(bool immediate = true);
    /// Resets every statement, so none holds a read snapshot open after an operation.
    void resetAll();
    [[nodiscard]] qint64 changes() const;
    /// The raw handle, for the few SQLite APIs this class does not wrap (online backup).
    [[nodiscard]] sqlite3* handle() const { return m_db; }

    /// Turns the connection's last failure into an error carrying SQLite's message.
    [[nodiscard]] Error error(int resultCode, const QString& doing) const;

private:
    SqliteConnection(sqlite3* db, QString path);
    sqlite3* m_db;
    QString m_path;
    std::unordered_map<const char*, std::unique_ptr<SqliteStatement>> m_statements;
    std::unique_ptr<SqliteStatement> m_failedStatement;
};

} // namespace kv::store
