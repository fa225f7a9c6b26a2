#include "ledger/sqlite_db.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/temp_repo.h"

namespace riskgate::ledger {
namespace {

TEST_CASE("a failed transaction leaves the database as it was", "[ledger]") {
  testing::TempDir dir;
  auto db = SqliteDb::Open(dir.path() + "/l.sqlite", OpenMode::kReadWrite);
  REQUIRE(db);
  REQUIRE((*db)->Script("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)"));
  REQUIRE(InTransaction(**db, [&]() -> core::Result<void> {
    return (*db)->Run("INSERT INTO t (k, v) VALUES (?1, ?2)", {std::string("a"), std::int64_t{1}});
  }));
  auto failed = InTransaction(**db, [&]() -> core::Result<void> {
    if (auto r = (*db)->Run("INSERT INTO t (k, v) VALUES ('b', 2)"); !r) return r;
    return (*db)->Run("INSERT INTO t (k, v) VALUES ('a', 3)");  // duplicate key
  });
  REQUIRE_FALSE(failed);
  CHECK_THAT(failed.error().message, Catch::Contains("UNIQUE"));
  std::vector<std::string> keys;
  REQUIRE((*db)->Run("SELECT k, v FROM t ORDER BY k", {},
                     [&](const Row& row) { keys.push_back(row.Text(0) + "=" + row.Text(1)); }));
  CHECK(keys == std::vector<std::string>{"a=1"});
}

TEST_CASE("a ledger opened read-only is never created", "[ledger]") {
  testing::TempDir dir;
  const std::string path = dir.path() + "/missing.sqlite";
  auto db = SqliteDb::Open(path, OpenMode::kReadOnly);
  REQUIRE_FALSE(db);
  CHECK_THAT(db.error().message, Catch::Contains("cannot open the ledger"));
  CHECK_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace riskgate::ledger
