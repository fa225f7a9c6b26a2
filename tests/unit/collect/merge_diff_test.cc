#include "collect/merge_diff.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <map>
#include <mutex>
#include <string>

#include "collect/git_repository.h"
#include "core/text.h"
#include "support/temp_repo.h"

namespace riskgate::collect {

using testing::TempRepo;

TEST_CASE("a merge gives only the lines no parent had and the files every parent lost",
          "[collect]") {
  TempRepo repo;
  repo.Write("shared.txt", "1\n2\n3\n");
  repo.Write("kept.txt", "kept\n");
  repo.Write("dropped.txt", "dropped\n");
  repo.Commit("base");
  repo.Git({"checkout", "-q", "-b", "side"});
  repo.Write("shared.txt", "1\n2\n3\nside\n");
  repo.Write("side.txt", "side only\n");
  const std::string side = repo.Commit("side");
  repo.Git({"checkout", "-q", "main"});
  repo.Write("shared.txt", "main\n1\n2\n3\n");
  const std::string main = repo.Commit("main");
  repo.Git({"merge", "-q", "--no-ff", "--no-commit", "side"});
  // The resolution keeps both sides, adds a line of its own and drops a file both sides had.
  repo.Write("shared.txt", "main\n1\nevil\n2\n3\nside\n");
  repo.Remove("dropped.txt");
  repo.Git({"add", "-A"});
  repo.Git({"commit", "-q", "--no-edit"});
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  auto diffs = DiffMerge(**git, repo.Head(), {main, side}, 1 << 20);
  REQUIRE(diffs.has_value());
  REQUIRE(diffs->size() == 2);
  CHECK((*diffs)[0].path == "dropped.txt");
  CHECK((*diffs)[0].deleted);
  CHECK((*diffs)[1].path == "shared.txt");
  REQUIRE((*diffs)[1].hunks.size() == 1);
  CHECK((*diffs)[1].hunks[0].first_line == 3);
  CHECK((*diffs)[1].hunks[0].text == "evil");
  // Against the empty tree for one parent, everything the other parent lacks counts.
  auto from_nothing = DiffMerge(**git, repo.Head(), {main, ""}, 1 << 20);
  REQUIRE(from_nothing.has_value());
  REQUIRE(from_nothing->size() == 2);
  CHECK((*from_nothing)[0].path == "shared.txt");
  CHECK((*from_nothing)[0].hunks.size() == 2);
  CHECK((*from_nothing)[1].path == "side.txt");
  CHECK((*from_nothing)[1].added);
}

// Every kind of difference a merge can have from both parents, each with what it lists: the
// paths are found from the first parent's diff and looked up in the others, which must list
// exactly what diffing the merge against every parent lists.
TEST_CASE("a merge lists mode, kind and folder changes no parent had, and nothing one parent had",
          "[collect]") {
  TempRepo repo;
  repo.Write("shared.txt", "1\n2\n3\n");
  repo.Write("tool.sh", "echo\n");
  repo.Write("link", "target\n");
  repo.Write("node", "a file\n");
  repo.Write("deep/x/y.txt", "y\n");
  repo.Write("deep/x/z.txt", "z\n");
  repo.Commit("base");
  repo.Git({"checkout", "-q", "-b", "side"});
  repo.Write("shared.txt", "1\n2\n3\nside\n");
  repo.Write("deep/x/y.txt", "y\nside\n");
  const std::string side = repo.Commit("side");
  repo.Git({"checkout", "-q", "main"});
  repo.Write("shared.txt", "main\n1\n2\n3\n");
  repo.Write("deep/x/z.txt", "z\nmain\n");
  const std::string main = repo.Commit("main");
  repo.Git({"merge", "-q", "--no-ff", "--no-commit", "side"});
  REQUIRE(::chmod((repo.path() + "/tool.sh").c_str(), 0755) == 0);  // mode only
  repo.Remove("link");                                              // a file becomes a symlink
  repo.Git({"rm", "-q", "--cached", "link"});
  REQUIRE(::symlink("elsewhere", (repo.path() + "/link").c_str()) == 0);
  repo.Remove("node");  // a file becomes a folder
  repo.Git({"rm", "-q", "--cached", "node"});
  repo.Write("node/inside.txt", "inside\n");
  repo.Write("deep/x/y.txt", "y\nside\n");  // as the side had it
  repo.Git({"add", "-A"});
  repo.Git({"commit", "-q", "--no-edit"});
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  auto diffs = DiffMerge(**git, repo.Head(), {main, side}, 1 << 20);
  REQUIRE(diffs.has_value());
  std::vector<std::string> listed;
  for (const FileDiff& diff : *diffs) {
    listed.push_back(diff.path + (diff.deleted ? " deleted" : "") + (diff.added ? " added" : "") +
                     (diff.skip ? " skipped" : "") + " " + std::to_string(diff.hunks.size()));
  }
  CHECK(listed == std::vector<std::string>{"link deleted 0", "link added skipped 0",
                                           "node deleted 0", "node/inside.txt added 1",
                                           "shared.txt 0", "tool.sh 0"});
  // Taken from one parent as it was there: not listed, whichever parent comes first.
  auto swapped = DiffMerge(**git, repo.Head(), {side, main}, 1 << 20);
  REQUIRE(swapped.has_value());
  CHECK(swapped->size() == diffs->size());
}

TEST_CASE("entries are looked up folder by folder, a doubled name equal to nothing", "[collect]") {
  TempRepo repo;
  repo.Write("a/b/c.txt", "c\n");
  repo.Write("top.txt", "top\n");
  const std::string commit = repo.Commit("one");
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  auto entries = (*git)->EntriesAt(
      commit, {"a/b/c.txt", "top.txt", "a/b", "a/missing", "top.txt/x", "nowhere/y"});
  REQUIRE(entries.has_value());
  REQUIRE(entries->size() == 6);
  CHECK((*entries)[0].mode == 0100644);
  CHECK((*entries)[0].id == repo.Git({"rev-parse", commit + ":a/b/c.txt"}).substr(0, 40));
  CHECK((*entries)[1].mode == 0100644);
  CHECK((*entries)[2].mode == 040000);
  CHECK((*entries)[3].mode == 0);
  CHECK((*entries)[4].mode == 0);
  CHECK((*entries)[5].mode == 0);
  auto none = (*git)->EntriesAt("", {"top.txt"});
  REQUIRE(none.has_value());
  CHECK(none->front().mode == 0);
  // A hand-made tree naming one file twice (git fsck refuses it; a change may still hold it).
  const std::string blob = repo.Git({"rev-parse", commit + ":top.txt"}).substr(0, 40);
  const std::string other = repo.Git({"rev-parse", commit + ":a/b/c.txt"}).substr(0, 40);
  const std::string raw_tree = "100644 twice" + std::string(1, '\0') + *core::BytesFromHex(blob) +
                               "100644 twice" + std::string(1, '\0') + *core::BytesFromHex(other);
  repo.Write("tree.bin", raw_tree);
  const std::string tree =
      repo.Git({"hash-object", "-t", "tree", "--literally", "-w", "tree.bin"}).substr(0, 40);
  const std::string doubled = repo.Git({"commit-tree", tree, "-m", "doubled"}).substr(0, 40);
  auto ambiguous = (*git)->EntriesAt(doubled, {"twice"});
  REQUIRE(ambiguous.has_value());
  CHECK(ambiguous->front().ambiguous);
  CHECK_FALSE(ambiguous->front().SameAs(TreeEntryState{0100644, blob}));
  // Out of git's order, one name three times between others: each other name is still found,
  // the thrice-named one equals nothing.
  const auto entry = [](const std::string& name, const std::string& id) {
    return "100644 " + name + std::string(1, '\0') + *core::BytesFromHex(id);
  };
  repo.Write("tree.bin", entry("zeta", blob) + entry("thrice", blob) + entry("alpha", other) +
                             entry("thrice", other) + entry("mid", blob) + entry("thrice", blob));
  const std::string unsorted_tree =
      repo.Git({"hash-object", "-t", "tree", "--literally", "-w", "tree.bin"}).substr(0, 40);
  const std::string unsorted =
      repo.Git({"commit-tree", unsorted_tree, "-m", "unsorted"}).substr(0, 40);
  auto found = (*git)->EntriesAt(unsorted, {"alpha", "mid", "zeta", "thrice", "absent"});
  REQUIRE(found.has_value());
  CHECK((*found)[0].SameAs(TreeEntryState{0100644, other}));
  CHECK((*found)[1].SameAs(TreeEntryState{0100644, blob}));
  CHECK((*found)[2].SameAs(TreeEntryState{0100644, blob}));
  CHECK((*found)[3].ambiguous);
  CHECK((*found)[4].mode == 0);
}

}  // namespace riskgate::collect

namespace riskgate::collect {

// Files whose lines no control wants (LinesWanted) are judged by their new version alone: not
// line-diffed against any parent, each path and version asked once however many diffs read it.
TEST_CASE("a file whose lines are not wanted is cleared, not line-diffed, asked once",
          "[collect]") {
  TempRepo repo;
  repo.Write("clear.txt", "1\n2\n3\n");
  repo.Write("kept.txt", "1\n2\n3\n");
  repo.Write("mode.sh", "echo hi\n");
  repo.Commit("base");
  const std::string base = repo.Head();
  repo.Write("clear.txt", "1\n2\n3\nmore\n");
  repo.Write("kept.txt", "0\n1\n2\n3\n");
  REQUIRE(chmod((repo.path() + "/mode.sh").c_str(), 0755) == 0);
  const std::string edit = repo.Commit("edit");
  repo.Write("clear.txt", "2\n3\nmore\n");  // only a deletion: still counted as changed
  repo.Write("new.txt", "brand new\n");
  repo.Commit("more");
  std::map<std::string, int> asked;
  std::mutex asked_mutex;
  const LinesWanted wanted([&](std::string_view path, std::string_view text) {
    std::lock_guard lock(asked_mutex);
    ++asked[std::string(path) + ":" + std::string(text)];
    return path != "clear.txt" && path != "new.txt";
  });
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  auto first = (*git)->DiffCommits(base, edit, 1 << 20, nullptr, &wanted);
  REQUIRE(first.has_value());
  REQUIRE(first->size() == 3);
  const FileDiff& clear = (*first)[0];
  CHECK(clear.path == "clear.txt");
  CHECK(clear.lines_clear);
  CHECK(clear.hunks.empty());
  CHECK(clear.text.empty());
  CHECK_FALSE(clear.same_content);
  const FileDiff& kept = (*first)[1];
  CHECK(kept.path == "kept.txt");
  CHECK_FALSE(kept.lines_clear);
  REQUIRE(kept.hunks.size() == 1);
  CHECK(kept.hunks[0].text == "0");
  const FileDiff& mode = (*first)[2];
  CHECK(mode.path == "mode.sh");
  CHECK(mode.same_content);  // a mode change reads as before and is not asked about
  CHECK_FALSE(mode.lines_clear);
  CHECK(mode.hunks.empty());
  // The same versions diffed again (a range's net diff, a merge's other parent): not asked again.
  CHECK(wanted.Cleared("clear.txt", clear.blob_id));
  CHECK_FALSE(wanted.Cleared("kept.txt", kept.blob_id));
  CHECK_FALSE(wanted.Cleared("other.txt", clear.blob_id));  // a version is cleared at its path
  auto again = (*git)->DiffCommits(base, edit, 1 << 20, nullptr, &wanted);
  REQUIRE(again.has_value());
  REQUIRE(again->size() == 3);
  CHECK((*again)[0].lines_clear);  // not read again: its size from the object's header
  CHECK((*again)[0].size == clear.size);
  CHECK((*again)[0].blob_id == clear.blob_id);
  auto last = (*git)->DiffCommit(repo.Head(), 1 << 20, &wanted);
  REQUIRE(last.has_value());
  REQUIRE(last->size() == 2);
  CHECK((*last)[0].lines_clear);
  CHECK((*last)[1].path == "new.txt");
  CHECK((*last)[1].added);
  CHECK((*last)[1].lines_clear);
  CHECK(asked == std::map<std::string, int>{{"clear.txt:1\n2\n3\nmore\n", 1},
                                            {"clear.txt:2\n3\nmore\n", 1},
                                            {"kept.txt:0\n1\n2\n3\n", 1},
                                            {"new.txt:brand new\n", 1}});

  // A merge: a path cleared against one parent is cleared in the merge's diff.
  repo.Git({"checkout", "-q", "-b", "side", base});
  repo.Write("clear.txt", "side\n1\n2\n3\n");
  repo.Write("kept.txt", "1\n2\n3\nside\n");
  const std::string side = repo.Commit("side");
  repo.Git({"checkout", "-q", "main"});
  repo.Git({"merge", "-q", "--no-ff", "--no-commit", "-s", "ours", "side"});  // resolved by hand
  repo.Write("clear.txt", "side\n2\n3\nmore\nevil\n");
  repo.Write("kept.txt", "0\n1\n2\n3\nside\nevil\n");
  repo.Git({"add", "-A"});
  repo.Git({"commit", "-q", "--no-edit"});
  const std::string main = repo.Git({"rev-parse", "HEAD^1"}).substr(0, 40);
  auto merged = DiffMerge(**git, repo.Head(), {main, side}, 1 << 20, &wanted);
  REQUIRE(merged.has_value());
  REQUIRE(merged->size() == 2);
  CHECK((*merged)[0].path == "clear.txt");
  CHECK((*merged)[0].lines_clear);
  CHECK((*merged)[0].hunks.empty());
  CHECK((*merged)[1].path == "kept.txt");
  REQUIRE((*merged)[1].hunks.size() == 1);
  CHECK((*merged)[1].hunks[0].text == "evil");
  CHECK(asked["clear.txt:side\n2\n3\nmore\nevil\n"] == 1);  // once for both parents' diffs
}

}  // namespace riskgate::collect
