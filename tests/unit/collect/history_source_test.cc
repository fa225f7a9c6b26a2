// Issue 21: the history source hashes the trees it reads a few at a time
// (HistorySource::CheckReads): a tree whose pack index entry was forged (a poisoned .git
// names a harmless folder's bytes for a folder that holds a secret) is found by CheckReads when
// Changes has not hashed it yet, by Changes itself when its queue fills, and never passes.
// Trees and blobs that only refs name (no commit holds them; git pushes them with the ref) are
// walked as ref targets, each once, and read as root commits that add all they hold, under the
// ref's name.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

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

// The repository opened with its object store, and its walk over every ref.
struct Walked {
  std::unique_ptr<GitRepository> git;
  std::shared_ptr<const pack::ObjectStore> store;
  HistoryWalk walk;
};
Walked WalkAll(TempRepo& repo) {
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  auto store = OpenObjectStore(**git);
  REQUIRE(store.has_value());
  auto walk = WalkHistory(**git, HistoryWalkRequest{}, *store);
  REQUIRE(walk.has_value());
  return Walked{std::move(*git), std::move(*store), std::move(*walk)};
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
  const Walked walked = WalkAll(repo);
  // References, not a structured binding: clang 14 cannot capture one in a lambda.
  const auto& git = walked.git;
  const auto& store = walked.store;
  const HistoryWalk& walk = walked.walk;
  REQUIRE(walk.commits.size() == 2);
  auto source = OpenHistorySource(*git, store);
  REQUIRE(source.has_value());
  // Newest first: the commit that added vault/.
  auto changes = (*source)->Changes(walk.commits.front());
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
  auto again = OpenHistorySource(*git, store);
  REQUIRE(again.has_value());
  auto files = (*again)->TreeFiles(walk.commits.front().id);
  CHECK(files.has_value() == !forge);
}

TEST_CASE("trees and blobs only refs name are walked once each and read under the ref's name",
          "[collect][history]") {
  TempRepo repo;
  repo.Write("README.md", "hello\n");
  repo.Commit("base");
  // A tree only tags name: committed on a branch that is then deleted.
  repo.Git({"checkout", "-q", "-b", "side"});
  repo.Write("conf/app.ini", "key = value\n");
  repo.Commit("side");
  const std::string tree = repo.Git({"rev-parse", "HEAD^{tree}"}).substr(0, 40);
  repo.Git({"checkout", "-q", "-"});
  repo.Git({"branch", "-q", "-D", "side"});
  repo.Git({"tag", "z-tree", tree});
  repo.Git({"tag", "-a", "a-tree", "-m", "the same tree", tree});
  // A blob only a ref names.
  repo.Write("loose.txt", "alone\n");
  const std::string blob = repo.Git({"hash-object", "-w", "loose.txt"}).substr(0, 40);
  repo.Remove("loose.txt");
  repo.Git({"update-ref", "refs/notes/blob", blob});
  const bool packed = GENERATE(false, true);
  if (packed) repo.Git({"repack", "-adq"});
  const Walked walked = WalkAll(repo);
  // References, not a structured binding: clang 14 cannot capture one in a lambda.
  const auto& git = walked.git;
  const auto& store = walked.store;
  const HistoryWalk& walk = walked.walk;
  CHECK(walk.commits.size() == 1);
  REQUIRE(walk.ref_targets.size() == 2);
  const auto find = [&](const std::string& id) -> const HistoryCommit* {
    for (const auto& target : walk.ref_targets) {
      if (target.id == id) return &target;
    }
    FAIL("no target " << id);
    return nullptr;
  };
  const HistoryCommit& tree_target = *find(tree);
  const HistoryCommit& blob_target = *find(blob);
  // Named by the first of its refs; both refs' names and the tag's message are its texts.
  CHECK(tree_target.ref == "refs/tags/a-tree");
  CHECK(tree_target.tree == tree);
  CHECK(tree_target.blob.empty());
  CHECK(tree_target.parents.empty());
  std::vector<std::string> texts;
  for (const auto& [path, text] : tree_target.ref_texts)
    texts.push_back(std::string(path) + "=" + text);
  std::sort(texts.begin(), texts.end());
  CHECK(texts == std::vector<std::string>{"<ref name>=a-tree", "<ref name>=refs/tags/a-tree",
                                          "<ref name>=refs/tags/z-tree",
                                          "<tag message>=the same tree\n"});
  CHECK(blob_target.ref == "refs/notes/blob");
  CHECK(blob_target.blob == blob);
  CHECK(blob_target.tree.empty());
  // --branch walks only what it names: no ref targets.
  HistoryWalkRequest named;
  named.revs = {"HEAD"};
  auto only_head = WalkHistory(*git, named, store);
  REQUIRE(only_head.has_value());
  CHECK(only_head->ref_targets.empty());

  auto source = OpenHistorySource(*git, store);
  REQUIRE(source.has_value());
  auto tree_changes = (*source)->Changes(tree_target);
  REQUIRE(tree_changes.has_value());
  // All the tree holds is new: the README its commit shared with the branch too.
  std::vector<std::string> changed;
  for (const auto& change : tree_changes->changed) {
    changed.push_back(change.path);
    CHECK(change.parent_blobs.empty());
  }
  std::sort(changed.begin(), changed.end());
  CHECK(changed ==
        std::vector<std::string>{"refs/tags/a-tree:README.md", "refs/tags/a-tree:conf/app.ini"});
  std::vector<std::string> entries;
  for (const auto& entry : tree_changes->entries) entries.push_back(entry.path);
  CHECK(std::find(entries.begin(), entries.end(), "refs/tags/a-tree:conf/app.ini") !=
        entries.end());
  auto blob_changes = (*source)->Changes(blob_target);
  REQUIRE(blob_changes.has_value());
  REQUIRE(blob_changes->changed.size() == 1);
  CHECK(blob_changes->changed[0].path == "refs/notes/blob");
  CHECK(blob_changes->changed[0].blob == blob);
  CHECK((*source)->CheckReads().has_value());
}

}  // namespace
}  // namespace riskgate::collect
