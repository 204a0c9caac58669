// Only the calls the project needs; SQLite's own API stays out of the other files.
#include "util/sqlite.hpp"

#include <sqlite3.h>

namespace empreinte::util {

void Database::Closer::operator()(sqlite3* db) const
{
  sqlite3_close_v2(db);
}

void Statement::Finalizer::operator()(sqlite3_stmt* stmt) const
{
  sqlite3_finalize(stmt);
}

Result<Database> Database::open(const std::string& path, Mode mode)
{
  sqlite3* db = nullptr;
  const int flags = (mode == Mode::read_only ? SQLITE_OPEN_READONLY
                                             : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                    | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return runtime_error("cannot open database: " + message, path);
  }
  sqlite3_busy_timeout(db, 5000);
  return Database(db);
}

Status Database::exec(const std::string& sql)
{
  char* message = nullptr;
  if (sqlite3_exec(m_db.get(), sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    return runtime_error("database error: " + text);
  }
  return ok_status();
}

Result<Statement> Database::prepare(const std::string& sql)
{
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(m_db.get(), sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr)
      != SQLITE_OK) {
    return runtime_error("database error: " + last_error());
  }
  return Statement(stmt, m_db.get());
}

std::string Database::last_error() const
{
  return sqlite3_errmsg(m_db.get());
}

void Statement::bind(int index, std::string_view text)
{
  sqlite3_bind_text(
    m_stmt.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int index, std::int64_t value)
{
  sqlite3_bind_int64(m_stmt.get(), index, value);
}

bool Statement::step()
{
  const int rc = sqlite3_step(m_stmt.get());
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc != SQLITE_DONE) {
    m_error = sqlite3_errmsg(m_db);
  }
  return false;
}

void Statement::reset()
{
  sqlite3_reset(m_stmt.get());
  sqlite3_clear_bindings(m_stmt.get());
  m_error.clear();
}

std::string Statement::column_text(int index) const
{
  const auto* text = sqlite3_column_text(m_stmt.get(), index);
  return text ? std::string(reinterpret_cast<const char*>(text),
                            static_cast<std::size_t>(sqlite3_column_bytes(m_stmt.get(), index)))
              : std::string();
}

std::int64_t Statement::column_int(int index) const
{
  return sqlite3_column_int64(m_stmt.get(), index);
}

} // namespace empreinte::util
