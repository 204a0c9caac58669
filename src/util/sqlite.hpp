// A thin RAII layer over SQLite: a connection and prepared statements, errors as values.
#pragma once

#include "util/result.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace empreinte::util {

class Statement;

// An open SQLite database.
class Database
{
public:
  enum class Mode { read_only, read_write_create };

  // Opens `path` (":memory:" for an in-memory database).
  static Result<Database> open(const std::string& path, Mode mode);

  Database(Database&&) noexcept = default;
  Database& operator=(Database&&) noexcept = default;

  // Runs one or more statements that return no rows.
  Status exec(const std::string& sql);
  Result<Statement> prepare(const std::string& sql);
  std::string last_error() const;
  sqlite3* handle() const { return m_db.get(); }

private:
  struct Closer
  {
    void operator()(sqlite3* db) const;
  };
  explicit Database(sqlite3* db) : m_db(db) {}
  std::unique_ptr<sqlite3, Closer> m_db;
};

// A prepared statement; bind parameters are 1-based, columns 0-based.
class Statement
{
public:
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;

  void bind(int index, std::string_view text);
  void bind(int index, std::int64_t value);
  // Steps once: true when a row is available, false when done. Errors go to `error`.
  bool step();
  void reset();
  const std::string& error() const { return m_error; }

  std::string column_text(int index) const;
  std::int64_t column_int(int index) const;

private:
  friend class Database;
  struct Finalizer
  {
    void operator()(sqlite3_stmt* stmt) const;
  };
  Statement(sqlite3_stmt* stmt, sqlite3* db) : m_stmt(stmt), m_db(db) {}
  std::unique_ptr<sqlite3_stmt, Finalizer> m_stmt;
  sqlite3* m_db = nullptr;
  std::string m_error;
};

} // namespace empreinte::util
