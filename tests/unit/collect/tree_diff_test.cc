// Issue 21: the history walk's own tree reading (collect/pack/tree_object.h, collect/tree_diff.h),
// checked against git itself (`git diff-tree -r`, `git rev-parse <commit>:<path>`) on a real
// repository, and on hostile trees written byte by byte: out of order, with duplicate names,
// malformed, nested without end or cycling. A hostile tree may make entries look added (scanned
// twice); it must never make new content look unchanged, crash, or run without bound.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "collect/pack/object_reader.h"
#include "collect/pack/object_store.h"
#include "collect/pack/tree_object.h"
#include "collect/tree_diff.h"
#include "core/text.h"
#include "support/temp_repo.h"

namespace riskgate::collect {
namespace {

using pack::EntryMode;
using pack::ParsedTree;
using testing::Shell;
using testing::TempRepo;

std::string Raw(const std::string& hex) { return core::BytesFromHex(hex).value(); }

// A loader over the repository's object store, through riskgate's own reader.
TreeLoader StoreLoader(const pack::ObjectStore& store, pack::ObjectReader& reader) {
  return [&store,
          &reader](std::string_view raw_id) -> core::Result<std::shared_ptr<const ParsedTree>> {
    const auto where = store.Locate(raw_id);
    if (!where) return core::MakeError(core::ErrorCode::kRepository, "missing tree");
    auto object = reader.Read(*where);
    if (!object) return tl::unexpected(object.error());
    auto parsed = ParsedTree::Parse(object->bytes);
    if (!parsed) return tl::unexpected(parsed.error());
    return std::make_shared<const ParsedTree>(std::move(*parsed));
  };
}

// A loader over trees held in memory, by raw id.
TreeLoader MapLoader(const std::map<std::string, std::string>& trees) {
  return [&trees](std::string_view raw_id) -> core::Result<std::shared_ptr<const ParsedTree>> {
    const auto found = trees.find(std::string(raw_id));
    if (found == trees.end()) return core::MakeError(core::ErrorCode::kRepository, "no such tree");
    auto parsed = ParsedTree::Parse(std::make_shared<const std::string>(found->second));
    if (!parsed) return tl::unexpected(parsed.error());
    return std::make_shared<const ParsedTree>(std::move(*parsed));
  };
}

// One tree entry as git stores it.
std::string Entry(const std::string& mode, const std::string& name, const std::string& raw_id) {
  return mode + " " + name + std::string(1, '\0') + raw_id;
}

struct Expected {
  std::set<std::tuple<std::string, std::string, std::string>> changed;  // path, blob, old blob
  std::set<std::pair<std::string, std::string>> replaced;
  std::set<std::tuple<std::string, std::string, bool>> entries;  // path, link blob, added
};

bool Regular(const std::string& mode) { return mode == "100644" || mode == "100755"; }

// What riskgate must list for `commit` against `parent`, from `git diff-tree -r --raw`.
Expected FromGit(TempRepo& repo, const std::string& parent, const std::string& commit) {
  Expected out;
  std::istringstream lines(
      repo.Git({"diff-tree", "-r", "--no-renames", "--raw", "--abbrev=40", parent, commit}));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] != ':') continue;
    std::istringstream fields(line.substr(1));
    std::string old_mode, new_mode, old_id, new_id, status, path;
    fields >> old_mode >> new_mode >> old_id >> new_id >> status;
    std::getline(fields, path);
    path = path.substr(path.find_first_not_of(" \t"));
    if (Regular(old_mode) && Regular(new_mode) && old_id == new_id) continue;  // mode only
    if (Regular(new_mode)) out.changed.emplace(path, new_id, Regular(old_mode) ? old_id : "");
    if (Regular(old_mode)) out.replaced.emplace(path, old_id);
    const bool added = status == "A";
    if (added || new_mode == "120000") {
      out.entries.emplace(path, new_mode == "120000" ? new_id : "", added);
    }
  }
  return out;
}

Expected FromRiskgate(const CommitChanges& changes) {
  Expected out;
  for (const auto& change : changes.changed) {
    out.changed.emplace(change.path, change.blob, change.parent_blobs.at(0));
  }
  for (const auto& [path, blob] : changes.replaced) out.replaced.emplace(path, blob);
  for (const auto& entry : changes.entries)
    out.entries.emplace(entry.path, entry.link_blob, entry.added);
  return out;
}

std::string TreeOf(TempRepo& repo, const std::string& rev) {
  std::string id = repo.Git({"rev-parse", rev + "^{tree}"});
  return id.substr(0, 40);
}

TEST_CASE("the tree comparison lists what git diff-tree lists, commit by commit",
          "[unit][collect][history]") {
  TempRepo repo;
  repo.Write("README", "readme\n");
  repo.Write("foo", "a file named foo\n");
  repo.Write("foo.txt", "sorts before foo/ in git's order\n");
  repo.Write("dir/a.txt", "a\n");
  repo.Write("dir/deep/b.txt", "b\n");
  repo.Commit("root");
  // Modified, added in a new folder, removed; a file becomes a folder and a folder a file.
  repo.Write("dir/a.txt", "a changed\n");
  repo.Write("new/x/y.txt", "new\n");
  repo.Remove("README");
  repo.Remove("foo");
  repo.Write("foo/inside.txt", "foo is a folder now\n");
  REQUIRE(Shell("rm -r dir/deep", repo.path()).exit_code == 0);
  repo.Write("dir/deep", "deep is a file now\n");
  repo.Commit("reshape");
  // Only the executable bit: no new content. A symlink added, then retargeted; a submodule.
  repo.Git({"update-index", "--chmod=+x", "dir/a.txt"});
  repo.Git({"commit", "-q", "-m", "exec bit"});
  REQUIRE(Shell("ln -s dir/a.txt link", repo.path()).exit_code == 0);
  repo.Git({"update-index", "--add", "--cacheinfo",
            "160000,1111111111111111111111111111111111111111,vendor/sub"});
  repo.Commit("link and submodule");
  REQUIRE(Shell("ln -sfn foo.txt link", repo.path()).exit_code == 0);
  repo.Write("foo.txt", "changed too\n");
  repo.Commit("retarget");
  // A file replaced by a symlink of the same name.
  repo.Remove("foo.txt");
  REQUIRE(Shell("ln -s dir foo.txt", repo.path()).exit_code == 0);
  repo.Commit("file to link");
  // A file that sorts just before the folder foo/ in git's order ('.' < '/'), not before foo.
  repo.Write("foo.zz", "next to the folder\n");
  repo.Commit("beside a folder");
  repo.Git({"repack", "-adq"});

  auto store = pack::ObjectStore::Open(repo.path() + "/.git/objects");
  REQUIRE(store);
  pack::ObjectReader reader(**store, 1 << 20);
  TreeDiff diff(StoreLoader(**store, reader));
  const int commits = 7;
  for (int back = commits - 2; back >= 0; --back) {
    const std::string commit = "HEAD~" + std::to_string(back);
    const std::string parent = commit + "^";
    CommitChanges changes;
    REQUIRE(diff.Compare(Raw(TreeOf(repo, parent)), Raw(TreeOf(repo, commit)), changes));
    const Expected expected = FromGit(repo, parent, commit);
    const Expected got = FromRiskgate(changes);
    INFO(commit);
    CHECK(got.changed == expected.changed);
    CHECK(got.replaced == expected.replaced);
    CHECK(got.entries == expected.entries);
  }
  // The root commit: every file, as added.
  CommitChanges root;
  REQUIRE(diff.Compare("", Raw(TreeOf(repo, "HEAD~6")), root));
  CHECK(root.changed.size() == 5);
  CHECK(root.entries.size() == 5);
  CHECK(root.replaced.empty());

  SECTION("a path looked up in a tree is the blob git names there") {
    const std::string tree = Raw(TreeOf(repo, "HEAD"));
    for (const std::string path : {"dir/a.txt", "dir/deep", "foo/inside.txt", "new/x/y.txt"}) {
      auto blob = diff.BlobAt(tree, path);
      REQUIRE(blob);
      CHECK(*blob == repo.Git({"rev-parse", "HEAD:" + path}).substr(0, 40));
    }
    for (const std::string path : {"dir", "link", "vendor/sub", "missing", "dir/a.txt/x", ""}) {
      auto blob = diff.BlobAt(tree, path);
      REQUIRE(blob);
      CHECK(blob->empty());  // no regular file there
    }
    // Many paths at once (folders read once, looked up often enough to be indexed): the same.
    std::vector<std::string> paths;
    for (int round = 0; round < 4; ++round) {
      for (const char* path : {"dir/a.txt", "dir/deep", "foo/inside.txt", "new/x/y.txt", "dir",
                               "missing", "dir/a.txt/x", "new/x/none", "new/none/y.txt"}) {
        paths.emplace_back(path);
      }
    }
    const std::vector<std::string_view> views(paths.begin(), paths.end());
    auto blobs = diff.BlobsAt(tree, views);
    REQUIRE(blobs);
    REQUIRE(blobs->size() == paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
      INFO(paths[i]);
      auto one = diff.BlobAt(tree, paths[i]);
      REQUIRE(one);
      CHECK((*blobs)[i] == *one);
    }
  }
}

TEST_CASE("a hostile tree out of order or with duplicate names never hides new content",
          "[unit][collect][history]") {
  const std::string a(20, 'a');
  const std::string b(20, 'b');
  const std::string c(20, 'c');
  const std::string secret(20, 's');
  const std::string old_root(20, '1');
  const std::string new_root(20, '2');
  std::map<std::string, std::string> trees;
  trees[old_root] = Entry("100644", "a", a) + Entry("100644", "m", b) + Entry("100644", "z", c);
  // Out of git's order, "config" twice with different blobs.
  trees[new_root] = Entry("100644", "z", c) + Entry("100644", "config", secret) +
                    Entry("100644", "a", a) + Entry("100644", "config", b) +
                    Entry("100644", "m", b);
  TreeDiff diff(MapLoader(trees));
  CommitChanges changes;
  REQUIRE(diff.Compare(old_root, new_root, changes));
  std::set<std::pair<std::string, std::string>> listed;
  for (const auto& change : changes.changed) listed.emplace(change.path, change.blob);
  // Every (name, blob) of the new tree that the old tree does not have at that name is listed.
  CHECK(listed.count({"config", core::HexBytes(secret)}) == 1);
  CHECK(listed.count({"config", core::HexBytes(b)}) == 1);
  // Looked up by path, a name is its first entry of the kind, however often it is asked for
  // (a folder asked often is indexed).
  for (const std::size_t times : {std::size_t{1}, std::size_t{20}}) {
    const std::vector<std::string_view> paths(times, "config");
    auto blobs = diff.BlobsAt(new_root, paths);
    REQUIRE(blobs);
    CHECK(*blobs == std::vector<std::string>(times, core::HexBytes(secret)));
  }
}

TEST_CASE("trees nested without end, cycling or with overlong paths are refused",
          "[unit][collect][history]") {
  std::map<std::string, std::string> trees;
  SECTION("a tree that holds itself") {
    const std::string self(20, 'x');
    trees[self] = Entry("40000", "again", self);
    TreeDiff diff(MapLoader(trees));
    CommitChanges changes;
    auto compared = diff.Compare("", self, changes);
    REQUIRE_FALSE(compared);
    CHECK(compared.error().message.find("nested deeper") != std::string::npos);
  }
  SECTION("a chain deeper than the limit") {
    std::string id;
    for (int level = 0; level < kMaxTreeDepth + 10; ++level) {
      std::string next(20, '\0');
      std::snprintf(next.data(), next.size(), "t%08d", level);
      trees[next] =
          level == 0 ? Entry("100644", "leaf", std::string(20, 'l')) : Entry("40000", "d", id);
      id = next;
    }
    TreeDiff diff(MapLoader(trees));
    CommitChanges changes;
    CHECK_FALSE(diff.Compare("", id, changes));
  }
  SECTION("a path longer than PATH_MAX") {
    const std::string root(20, 'r');
    const std::string sub(20, 'q');
    trees[root] = Entry("40000", std::string(3000, 'n'), sub);
    trees[sub] = Entry("100644", std::string(3000, 'm'), std::string(20, 'b'));
    TreeDiff diff(MapLoader(trees));
    CommitChanges changes;
    auto compared = diff.Compare("", root, changes);
    REQUIRE_FALSE(compared);
    CHECK(compared.error().code == core::ErrorCode::kRepository);
  }
}

TEST_CASE("tree objects parse as libgit2 reads them and malformed ones are errors",
          "[unit][collect]") {
  const std::string id(20, 'i');
  auto parse = [](const std::string& bytes) {
    return ParsedTree::Parse(std::make_shared<const std::string>(bytes));
  };
  auto tree = parse(Entry("100664", "old-mode", id) + Entry("40000", "dir", id) +
                    Entry("120000", "link", id) + Entry("160000", "sub", id) +
                    Entry("100755", "run", id) + Entry("040000", "zero-padded", id));
  REQUIRE(tree);
  REQUIRE(tree->size() == 6);
  CHECK((*tree)[0].mode == EntryMode::kBlob);  // old git's group-writable files
  CHECK((*tree)[0].name == "old-mode");
  CHECK((*tree)[0].id == id);
  CHECK((*tree)[1].mode == EntryMode::kTree);
  CHECK((*tree)[2].mode == EntryMode::kLink);
  CHECK((*tree)[3].mode == EntryMode::kSubmodule);
  CHECK((*tree)[4].mode == EntryMode::kExecutable);
  CHECK((*tree)[5].mode == EntryMode::kTree);
  CHECK(parse("")->size() == 0);

  for (const std::string& bad :
       {std::string("100644 name"), "100644 name" + std::string(1, '\0') + "short",
        "10064x name" + std::string(1, '\0') + id, "100644name" + std::string(1, '\0') + id,
        " 100644 name" + std::string(1, '\0') + id, "100644 " + std::string(1, '\0') + id,
        "1777777 big" + std::string(1, '\0') + id}) {
    INFO(bad);
    CHECK_FALSE(parse(bad));
  }
  // Names of every length around the 16 bytes a name's end is first looked for in, ids full
  // of NUL bytes, and names without their NUL anywhere near the tree's end.
  std::string long_tree;
  std::vector<std::string> names;
  for (std::size_t length = 1; length <= 40; ++length) {
    names.push_back(std::string(length, static_cast<char>('a' + length % 26)));
    long_tree += Entry(length % 2 != 0 ? "100644" : "40000", names.back(), std::string(20, '\0'));
  }
  auto parsed = parse(long_tree);
  REQUIRE(parsed);
  REQUIRE(parsed->size() == names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    CHECK((*parsed)[i].name == names[i]);
    CHECK((*parsed)[i].id == std::string(20, '\0'));
  }
  for (std::size_t length = 1; length <= 40; ++length) {
    INFO(length);
    CHECK_FALSE(parse(Entry("100644", "x", id) + "100644 " + std::string(length, 'n')));
    CHECK_FALSE(
        parse("100644 " + std::string(length, 'n') + std::string(1, '\0') + std::string(19, 'i')));
  }
  CHECK(pack::CommitTreeId("tree " + std::string(40, 'a') + "\nparent x\n").value() ==
        std::string(20, '\xaa'));
  CHECK_FALSE(pack::CommitTreeId("parent " + std::string(40, 'a') + "\n"));
  CHECK_FALSE(pack::CommitTreeId("tree " + std::string(39, 'a') + "g\n"));
}

}  // namespace
}  // namespace riskgate::collect
