#include "store/SqliteConnection.h"

#include <sqlite3.h>

#include <QJsonObject>

namespace kv::store {

namespace {

ErrorCode errorCodeFor(int resultCode)
{
    switch (resultCode & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return ErrorCode::StoreLocked;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return ErrorCode::StoreCorrupt;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return ErrorCode::StoreIo;
    default:
        return ErrorCode::Internal;
    }
}

} // namespace

// SqliteStatement ----------------------------------------------------------------------------

SqliteStatement::SqliteStatement(SqliteConnection& connection, sqlite3_stmt* stmt, std::optional<Error> prepareError)
    : m_connection(connection)
    , m_stmt(stmt)
    , m_prepareError(std::move(prepareError))
{ }

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::bind(int index, const QString& text)
{
    bindText(index, text.toUtf8());
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bindText(int index, QByteArrayView utf8)
{
    // SQLITE_TRANSIENT: SQLite copies the bytes, so temporaries may be passed.
    sqlite3_bind_text64(m_stmt, index, utf8.isNull() ? "" : utf8.data(), static_cast<sqlite3_uint64>(utf8.size()),
        SQLITE_TRANSIENT, SQLITE_UTF8);
}

void SqliteStatement::bindBlob(int index, QByteArrayView bytes)
{
    sqlite3_bind_blob64(
        m_stmt, index, bytes.isNull() ? "" : bytes.data(), static_cast<sqlite3_uint64>(bytes.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

Result<bool> SqliteStatement::step()
{
    if (m_prepareError) {
        return *m_prepareError;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        reset();
        return false;
    }
    const Error error = m_connection.error(rc, QStringLiteral("running a statement"));
    reset();
    return error;
}

Result<void> SqliteStatement::run()
{
    while (true) {
        auto row = step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return {};
        }
    }
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 SqliteStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QByteArray SqliteStatement::columnText(int column) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QByteArray(text, sqlite3_column_bytes(m_stmt, column));
}

QByteArray SqliteStatement::columnBlob(int column) const
{
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return size > 0 ? QByteArray(blob, size) : QByteArray("");
}

bool SqliteStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// SqliteTransaction --------------------------------------------------------------------------

SqliteTransaction::~SqliteTransaction()
{
    rollback();
}

Result<void> SqliteTransaction::commit()
{
    if (!m_connection) {
        return {};
    }
    m_connection->resetAll();
    auto done = m_connection->exec(QByteArrayLiteral("COMMIT"));
    if (!done) {
        rollback();
        return done;
    }
    m_connection = nullptr;
    return {};
}

void SqliteTransaction::rollback()
{
    if (auto* connection = std::exchange(m_connection, nullptr)) {
        connection->resetAll();
        (void)connection->exec(QByteArrayLiteral("ROLLBACK"));
    }
}

// SqliteConnection ---------------------------------------------------------------------------

SqliteConnection::SqliteConnection(sqlite3* db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{ }

SqliteConnection::~SqliteConnection()
{
    m_statements.clear(); // finalize before closing
    sqlite3_close(m_db);
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(
    const QString& path, bool readOnly, int busyTimeoutMs, const char* synchronous)
{
    sqlite3* db = nullptr;
    // NOMUTEX: each connection has one user at a time (the writer mutex or a reader lease).
    const int flags
        = SQLITE_OPEN_READWRITE | (readOnly ? 0 : SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db, path));
    if (rc != SQLITE_OK) {
        return connection->error(rc, QStringLiteral("opening the store"));
    }
    sqlite3_busy_timeout(db, busyTimeoutMs);
    QByteArray pragmas = QByteArrayLiteral("PRAGMA synchronous = ") + synchronous + ';';
    if (readOnly) {
        pragmas += "PRAGMA query_only = 1;";
    }
    if (auto done = connection->exec(pragmas); !done) {
        return done.error();
    }
    return connection;
}

SqliteStatement& SqliteConnection::statement(const char* sql)
{
    if (auto it = m_statements.find(sql); it != m_statements.end()) {
        return *it->second;
    }
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        // Not cached, so the next call prepares again; this one reports the error when stepped.
        m_failedStatement
            = std::make_unique<SqliteStatement>(*this, nullptr, error(rc, QStringLiteral("preparing a statement")));
        return *m_failedStatement;
    }
    return *m_statements.emplace(sql, std::make_unique<SqliteStatement>(*this, stmt, std::nullopt)).first->second;
}

Result<void> SqliteConnection::exec(const QByteArray& sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK) {
        return error(rc, QStringLiteral("running \"%1\"").arg(QString::fromUtf8(sql.left(40).simplified())));
    }
    return {};
}

Result<qint64> SqliteConnection::scalarInt(const char* sql)
{
    auto& stmt = statement(sql);
    auto row = stmt.step();
    if (!row) {
        return row.error();
    }
    const qint64 value = *row ? stmt.columnInt64(0) : 0;
    stmt.reset();
    return value;
}

Result<qint64> SqliteConnection::pragmaInt(const char* name)
{
    const QByteArray sql = QByteArrayLiteral("PRAGMA ") + name;
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql.constData(), -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        return error(rc, QStringLiteral("reading PRAGMA %1").arg(QString::fromLatin1(name)));
    }
    rc = sqlite3_step(stmt);
    const qint64 value = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return error(rc, QStringLiteral("reading PRAGMA %1").arg(QString::fromLatin1(name)));
    }
    return value;
}

Result<void> SqliteConnection::enableWal()
{
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, "PRAGMA journal_mode = WAL", -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
    }
    const QByteArray mode
        = rc == SQLITE_ROW ? QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) : QByteArray();
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW) {
        return error(rc, QStringLiteral("switching the store to WAL mode"));
    }
    if (mode != "wal") {
        return Error(ErrorCode::StoreIo,
            QStringLiteral("%1 cannot use write-ahead logging (journal mode stayed \"%2\"); is it on a "
                           "network file system?")
                .arg(m_path, QString::fromUtf8(mode)),
            QJsonObject { { QStringLiteral("path"), m_path } });
    }
    return {};
}

Result<SqliteTransaction> SqliteConnection::begin(bool immediate)
{
    auto done = exec(immediate ? QByteArrayLiteral("BEGIN IMMEDIATE") : QByteArrayLiteral("BEGIN"));
    if (!done) {
        return done.error();
    }
    return SqliteTransaction(this);
}

void SqliteConnection::resetAll()
{
    for (sqlite3_stmt* stmt = sqlite3_next_stmt(m_db, nullptr); stmt; stmt = sqlite3_next_stmt(m_db, stmt)) {
        if (sqlite3_stmt_busy(stmt)) {
            sqlite3_reset(stmt);
        }
    }
}

qint64 SqliteConnection::changes() const
{
    return sqlite3_changes64(m_db);
}

Error SqliteConnection::error(int resultCode, const QString& doing) const
{
    const QString sqliteMessage
        = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(resultCode));
    const ErrorCode code = errorCodeFor(resultCode);
    QString message;
    switch (code) {
    case ErrorCode::StoreLocked:
        message = QStringLiteral("the store %1 is locked by another writer (%2 while %3); try again, or close the "
                                 "other program using it")
                      .arg(m_path, sqliteMessage, doing);
        break;
    case ErrorCode::StoreCorrupt:
        message
            = QStringLiteral("the store %1 is damaged or not a kvdesk store (%2 while %3); restore it from a backup")
                  .arg(m_path, sqliteMessage, doing);
        break;
    case ErrorCode::StoreIo:
        message = QStringLiteral("cannot read or write the store %1 (%2 while %3); check the disk, its free space "
                                 "and the file's permissions")
                      .arg(m_path, sqliteMessage, doing);
        break;
    default:
        message = QStringLiteral("the store %1 failed (%2 while %3)").arg(m_path, sqliteMessage, doing);
        break;
    }
    return Error(code, message,
        QJsonObject { { QStringLiteral("path"), m_path }, { QStringLiteral("sqliteCode"), resultCode } });
}

} // namespace kv::store
