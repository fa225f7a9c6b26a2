#include "ledger/sqlite_db.h"

#include <sqlite3.h>

namespace riskgate::ledger {

std::int64_t Row::Integer(std::size_t i) const {
  if (const auto* v = std::get_if<std::int64_t>(&columns.at(i))) return *v;
  if (const auto* d = std::get_if<double>(&columns.at(i))) return static_cast<std::int64_t>(*d);
  return 0;
}

double Row::Real(std::size_t i) const {
  if (const auto* d = std::get_if<double>(&columns.at(i))) return *d;
  if (const auto* v = std::get_if<std::int64_t>(&columns.at(i))) return static_cast<double>(*v);
  return 0;
}

std::string Row::Text(std::size_t i) const {
  if (const auto* s = std::get_if<std::string>(&columns.at(i))) return *s;
  if (const auto* v = std::get_if<std::int64_t>(&columns.at(i))) return std::to_string(*v);
  return "";
}

bool Row::IsNull(std::size_t i) const {
  return std::holds_alternative<std::monostate>(columns.at(i));
}

core::Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, OpenMode mode) {
  sqlite3* db = nullptr;
  const int flags = mode == OpenMode::kReadOnly ? SQLITE_OPEN_READONLY
                                                : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOFOLLOW, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return core::MakeError(core::ErrorCode::kIo, "cannot open the ledger: " + message, path);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 10000);
  return std::unique_ptr<SqliteDb>(new SqliteDb(db, path));
}

SqliteDb::~SqliteDb() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close(db_);
}

core::Error SqliteDb::Failure(std::string_view what) const {
  return core::Error{core::ErrorCode::kIo, std::string(what) + ": " + sqlite3_errmsg(db_), path_};
}

core::Result<void> SqliteDb::Script(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string said = message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    return tl::unexpected(core::Error{core::ErrorCode::kIo, "ledger: " + said, path_});
  }
  return {};
}

core::Result<sqlite3_stmt*> SqliteDb::Prepared(std::string_view sql) {
  const std::string key(sql);
  if (auto found = statements_.find(key); found != statements_.end()) {
    sqlite3_reset(found->second);
    sqlite3_clear_bindings(found->second);
    return found->second;
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                         &statement, nullptr) != SQLITE_OK) {
    return tl::unexpected(Failure("ledger: cannot prepare a statement"));
  }
  statements_.emplace(key, statement);
  return statement;
}

core::Result<void> SqliteDb::Run(std::string_view sql, const std::vector<Value>& params,
                                 const std::function<void(const Row&)>& row) {
  auto prepared = Prepared(sql);
  if (!prepared) return tl::unexpected(prepared.error());
  sqlite3_stmt* statement = *prepared;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int at = static_cast<int>(i + 1);
    int rc = SQLITE_OK;
    if (const auto* v = std::get_if<std::int64_t>(&params[i])) {
      rc = sqlite3_bind_int64(statement, at, *v);
    } else if (const auto* d = std::get_if<double>(&params[i])) {
      rc = sqlite3_bind_double(statement, at, *d);
    } else if (const auto* s = std::get_if<std::string>(&params[i])) {
      rc = sqlite3_bind_text64(statement, at, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else {
      rc = sqlite3_bind_null(statement, at);
    }
    if (rc != SQLITE_OK) return tl::unexpected(Failure("ledger: cannot bind a value"));
  }
  Row out;
  while (true) {
    const int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      auto failure = Failure("ledger");
      sqlite3_reset(statement);
      return tl::unexpected(failure);
    }
    if (!row) continue;
    const int count = sqlite3_column_count(statement);
    out.columns.assign(static_cast<std::size_t>(count), Value{});
    for (int c = 0; c < count; ++c) {
      auto& v = out.columns[static_cast<std::size_t>(c)];
      switch (sqlite3_column_type(statement, c)) {
        case SQLITE_INTEGER:
          v = static_cast<std::int64_t>(sqlite3_column_int64(statement, c));
          break;
        case SQLITE_FLOAT:
          v = sqlite3_column_double(statement, c);
          break;
        case SQLITE_NULL:
          break;
        default: {
          const auto* text = sqlite3_column_text(statement, c);
          v = std::string(reinterpret_cast<const char*>(text),
                          static_cast<std::size_t>(sqlite3_column_bytes(statement, c)));
        }
      }
    }
    row(out);
  }
  sqlite3_reset(statement);
  return {};
}

core::Result<std::optional<Row>> SqliteDb::First(std::string_view sql,
                                                 const std::vector<Value>& params) {
  std::optional<Row> first;
  auto ran = Run(sql, params, [&first](const Row& row) {
    if (!first) first = row;
  });
  if (!ran) return tl::unexpected(ran.error());
  return first;
}

std::int64_t SqliteDb::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

int SqliteDb::Changes() const { return sqlite3_changes(db_); }

core::Result<void> InTransaction(SqliteDb& db, const std::function<core::Result<void>()>& work) {
  if (auto begun = db.Script("BEGIN IMMEDIATE"); !begun) return begun;
  auto done = work();
  if (!done) {
    (void)db.Script("ROLLBACK");
    return done;
  }
  if (auto committed = db.Script("COMMIT"); !committed) {
    (void)db.Script("ROLLBACK");
    return committed;
  }
  return {};
}

}  // namespace riskgate::ledger
