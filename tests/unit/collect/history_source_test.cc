// Issue 21: the history source hashes the trees it reads a few at a time
// (HistorySource::CheckReads): a tree whose pack index entry was forged (a poisoned .git
// names a harmless folder's bytes for a folder that holds a secret) is found by CheckReads when
// Changes has not hashed it yet, by Changes itself when its queue fills, and never passes.
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "collect/blob_sweep.h"
#include "collect/git_repository.h"
#include "collect/history_source.h"
#include "core/text.h"
#include "support/temp_repo.h"

namespace riskgate::collect {
namespace {

using testing::TempRepo;

// Points the (only) pack index's entry for `forged` at the offset of `harmless`' entry.
void ForgeIndex(TempRepo& repo, const std::string& forged, const std::string& harmless) {
  std::string path;
  for (const auto& file : std::filesystem::directory_iterator(repo.path() + "/.git/objects/pack")) {
    if (file.path().extension() == ".idx") path = file.path().string();
  }
  REQUIRE_FALSE(path.empty());
  std::ifstream in(path, std::ios::binary);
  std::string idx((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  const auto u32 = [&](std::size_t at) {
    return (std::uint32_t{static_cast<unsigned char>(idx[at])} << 24) |
           (std::uint32_t{static_cast<unsigned char>(idx[at + 1])} << 16) |
           (std::uint32_t{static_cast<unsigned char>(idx[at + 2])} << 8) |
           std::uint32_t{static_cast<unsigned char>(idx[at + 3])};
  };
  const std::uint32_t count = u32(8 + 255 * 4);  // version 2: magic, version, fan-out
  const std::size_t ids = 8 + 256 * 4;
  const std::size_t offsets = ids + count * 24;  // ids, then CRCs, then 32-bit offsets
  std::size_t f = count;
  std::size_t h = count;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string id = core::HexBytes(std::string_view(idx).substr(ids + 20 * i, 20));
    if (id == forged) f = i;
    if (id == harmless) h = i;
  }
  REQUIRE(f < count);
  REQUIRE(h < count);
  idx.replace(offsets + 4 * f, 4, idx.substr(offsets + 4 * h, 4));
  std::filesystem::permissions(path, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << idx;
}

TEST_CASE("a forged tree read by the history source is found before anything learnt from it holds",
          "[collect][history]") {
  TempRepo repo;
  repo.Write("clean/notes.txt", "nothing to see\n");
  repo.Commit("base");
  repo.Write("vault/settings.ini", "key = value\n");
  repo.Commit("settings");
  repo.Git({"repack", "-adq"});
  const bool forge = GENERATE(false, true);
  if (forge) {
    ForgeIndex(repo, repo.Git({"rev-parse", "HEAD:vault"}).substr(0, 40),
               repo.Git({"rev-parse", "HEAD:clean"}).substr(0, 40));
  }
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  auto store = OpenObjectStore(**git);
  REQUIRE(store.has_value());
  auto walk = WalkHistory(**git, HistoryWalkRequest{}, *store);
  REQUIRE(walk.has_value());
  REQUIRE(walk->commits.size() == 2);
  auto source = OpenHistorySource(**git, *store);
  REQUIRE(source.has_value());
  // Newest first: the commit that added vault/.
  auto changes = (*source)->Changes(walk->commits.front());
  REQUIRE(changes.has_value());  // its trees are queued, not hashed yet
  auto checked = (*source)->CheckReads();
  INFO(forge);
  CHECK(checked.has_value() == !forge);
  if (forge) {
    CHECK(checked.error().message.find("does not hash to its id") != std::string::npos);
  } else {
    REQUIRE(changes->changed.size() == 1);
    CHECK(changes->changed.front().path == "vault/settings.ini");
  }
  // Read again through a fresh source's TreeFiles: checked before it returns.
  auto again = OpenHistorySource(**git, *store);
  REQUIRE(again.has_value());
  auto files = (*again)->TreeFiles(walk->commits.front().id);
  CHECK(files.has_value() == !forge);
}

}  // namespace
}  // namespace riskgate::collect
