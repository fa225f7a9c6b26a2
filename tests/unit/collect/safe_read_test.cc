#include "collect/safe_read.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support/temp_repo.h"

namespace riskgate::collect {

namespace fs = std::filesystem;
using testing::TempDir;

namespace {

void Put(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string ErrorOf(const std::string& path, const ReadLimits& limits = {}) {
  auto read = ReadFileBounded(path, limits);
  REQUIRE_FALSE(read.has_value());
  CHECK(read.error().location == path);
  return read.error().message;
}

}  // namespace

TEST_CASE("the bounded reader reads a regular file whole and tells a missing one apart",
          "[collect]") {
  TempDir dir;
  Put(dir.path() + "/a.txt", "hello\n");
  auto read = ReadFileBounded(dir.path() + "/a.txt", {});
  REQUIRE(read.has_value());
  CHECK(*read == "hello\n");
  auto missing = ReadFileIfPresent(dir.path() + "/none", {});
  REQUIRE(missing.has_value());
  CHECK_FALSE(missing->has_value());
  CHECK(ErrorOf(dir.path() + "/none") == "no such file");
}

TEST_CASE("the bounded reader refuses folders, FIFOs and devices without blocking", "[collect]") {
  TempDir dir;
  fs::create_directories(dir.path() + "/folder");
  CHECK(ErrorOf(dir.path() + "/folder") == "is a folder, not a file");
  REQUIRE(::mkfifo((dir.path() + "/fifo").c_str(), 0644) == 0);
  CHECK(ErrorOf(dir.path() + "/fifo") == "is a FIFO, not a regular file");
  CHECK(ErrorOf("/dev/zero") == "is a device, not a regular file");
}

TEST_CASE("the bounded reader never reads past its limit", "[collect]") {
  TempDir dir;
  Put(dir.path() + "/big", std::string(5000, 'x'));
  CHECK(ErrorOf(dir.path() + "/big", ReadLimits{4096}) == "is larger than the 4096 bytes allowed");
  CHECK(ReadFileBounded(dir.path() + "/big", ReadLimits{5000}).has_value());
  // /proc files say size 0: read, but bounded all the same.
  auto status = ReadFileBounded("/proc/self/status", ReadLimits{1 << 20});
  REQUIRE(status.has_value());
  CHECK_FALSE(status->empty());
  CHECK_FALSE(ReadFileBounded("/proc/self/status", ReadLimits{16}).has_value());
}

TEST_CASE("the bounded reader refuses a symlink out of its root and allows one inside",
          "[collect]") {
  TempDir root;
  TempDir outside;
  Put(outside.path() + "/secret", "s\n");
  Put(root.path() + "/real.yaml", "r\n");
  fs::create_symlink(outside.path() + "/secret", root.path() + "/out.yaml");
  fs::create_symlink("real.yaml", root.path() + "/in.yaml");
  fs::create_symlink("/nonexistent/x", root.path() + "/dangling.yaml");
  const ReadLimits confined{kMaxPolicyFileBytes, root.path()};
  CHECK(ErrorOf(root.path() + "/out.yaml", confined).find("leads outside the repository") == 0);
  CHECK(ErrorOf(root.path() + "/dangling.yaml", confined) == "is a symlink to nothing");
  auto inside = ReadFileBounded(root.path() + "/in.yaml", confined);
  REQUIRE(inside.has_value());
  CHECK(*inside == "r\n");
  CHECK(ReadFileBounded(root.path() + "/out.yaml", {}).has_value());  // no root: followed
  CHECK(ResolvesInside(root.path() + "/new/file", root.path()));
  CHECK_FALSE(ResolvesInside(root.path() + "/../x", root.path()));
  CHECK_FALSE(ResolvesInside(root.path() + "/out.yaml", root.path()));
}

TEST_CASE("the bounded reader refuses a path longer than the system allows", "[collect]") {
  const std::string path = "/tmp/" + std::string(5000, 'a');
  auto read = ReadFileBounded(path, {});
  REQUIRE_FALSE(read.has_value());
  CHECK(read.error().message.find("longer than the system allows") != std::string::npos);
}

}  // namespace riskgate::collect
