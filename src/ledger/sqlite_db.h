// Ledger: the one file that talks to SQLite (Debian's libsqlite3). Input: a database path and
// SQL text with bound values; output: rows as strings/integers/doubles, or an Error naming the
// database and what SQLite said. Statements are prepared once and cached by their text.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace riskgate::ledger {

// A bound parameter or a column value: NULL, an integer, a real or text.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Row {
  std::vector<Value> columns;
  std::int64_t Integer(std::size_t i) const;  // 0 for NULL
  double Real(std::size_t i) const;           // integers widen; 0 for NULL
  std::string Text(std::size_t i) const;      // "" for NULL
  bool IsNull(std::size_t i) const;
};

enum class OpenMode { kReadWrite, kReadOnly };

class SqliteDb {
 public:
  // Creates the file in kReadWrite mode when missing (never in kReadOnly).
  static core::Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, OpenMode mode);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs SQL text of one or more statements without parameters (schema, pragmas).
  core::Result<void> Script(std::string_view sql);
  // Runs one statement with `params` bound to ?1, ?2, ...; calls `row` for each result row.
  core::Result<void> Run(std::string_view sql, const std::vector<Value>& params = {},
                         const std::function<void(const Row&)>& row = nullptr);
  // The first row of a query, nullopt when it returns none.
  core::Result<std::optional<Row>> First(std::string_view sql,
                                         const std::vector<Value>& params = {});
  std::int64_t LastInsertId() const;
  int Changes() const;  // rows the last statement inserted, updated or deleted
  const std::string& Path() const { return path_; }

 private:
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  core::Error Failure(std::string_view what) const;
  core::Result<sqlite3_stmt*> Prepared(std::string_view sql);

  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

// Runs `work` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it fails (nothing half-written).
core::Result<void> InTransaction(SqliteDb& db, const std::function<core::Result<void>()>& work);

}  // namespace riskgate::ledger
