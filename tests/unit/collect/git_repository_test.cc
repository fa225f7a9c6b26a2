#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "collect/change_collector.h"
#include "collect/git_repository.h"
#include "support/temp_repo.h"

namespace riskgate::collect {

using testing::TempRepo;

TEST_CASE("staged diffs of an unborn HEAD give every line of every new file", "[collect]") {
  TempRepo repo;
  repo.Write("a.txt", "one\ntwo\n");
  repo.Git({"add", "a.txt"});
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  auto head = (*git)->Head();
  REQUIRE(head.has_value());
  CHECK_FALSE(head->has_value());
  auto diffs = (*git)->DiffStaged(1 << 20);
  REQUIRE(diffs.has_value());
  REQUIRE(diffs->size() == 1);
  REQUIRE((*diffs)[0].hunks.size() == 1);
  CHECK((*diffs)[0].hunks[0].first_line == 1);
  CHECK((*diffs)[0].hunks[0].text == "one\ntwo");
}

TEST_CASE("added lines are grouped into hunks with their new line numbers", "[collect]") {
  TempRepo repo;
  repo.Write("a.txt", "1\n2\n3\n4\n5\n6\n");
  repo.Commit("base");
  repo.Write("a.txt", "1\nnew-a\n2\n3\n4\n5\nnew-b\nnew-c\n6\n");
  repo.Git({"add", "a.txt"});
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  auto diffs = (*git)->DiffStaged(1 << 20);
  REQUIRE(diffs.has_value());
  REQUIRE(diffs->size() == 1);
  const auto& hunks = (*diffs)[0].hunks;
  REQUIRE(hunks.size() == 2);
  CHECK(hunks[0].first_line == 2);
  CHECK(hunks[0].text == "new-a");
  CHECK(hunks[1].first_line == 7);
  CHECK(hunks[1].text == "new-b\nnew-c");
}

TEST_CASE("deleted files and removed lines give nothing to scan", "[collect]") {
  TempRepo repo;
  repo.Write("a.txt", "keep\ndrop\n");
  repo.Write("b.txt", "gone\n");
  repo.Write("c.txt", "one\n# drop\ntwo\n");
  repo.Commit("base");
  repo.Write("a.txt", "keep\n");
  repo.Remove("b.txt");
  repo.Write("c.txt", "one\ntwo\n");
  repo.Git({"add", "-A"});
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  ScopeRequest request;
  auto facts = CollectChange(**git, request);
  REQUIRE(facts.has_value());
  // No added lines; only the file of several lines left is given whole as context, with its
  // HEAD version, for secrets that a deletion joins across lines.
  REQUIRE(facts->fragments.size() == 1);
  CHECK(facts->fragments[0].kind == FragmentKind::kContext);
  CHECK(facts->fragments[0].path == "c.txt");
  REQUIRE(facts->fragments[0].prior.size() == 1);
  CHECK(*facts->fragments[0].prior[0] == "one\n# drop\ntwo\n");
  CHECK(facts->scope.skipped.empty());
}

TEST_CASE("a range's net diff read on every core is the one diff git gives", "[collect]") {
  // Enough paths for the net diff to be split into runs, with every kind of entry change: a
  // file that becomes a folder (a path that is a prefix of others), deletions, additions, a
  // symlink and lines added in the middle of existing files.
  TempRepo repo;
  for (int i = 0; i < 400; ++i) {
    repo.Write("dir" + std::to_string(i % 7) + "/f" + std::to_string(i) + ".txt",
               "line one\nline two\nline three\n");
  }
  repo.Write("thing", "a file first\n");
  repo.Commit("base");
  const std::string base = repo.Head();
  for (int i = 0; i < 400; ++i) {
    const std::string path = "dir" + std::to_string(i % 7) + "/f" + std::to_string(i) + ".txt";
    if (i % 5 == 0) {
      repo.Remove(path);
    } else if (i % 5 != 1) {
      repo.Write(path, "line one\nadded " + std::to_string(i) + "\nline two\nline three\n");
    }
    repo.Write("new/n" + std::to_string(i) + ".txt", "new " + std::to_string(i) + "\nmore\n");
  }
  repo.Remove("thing");
  repo.Write("thing/inner.txt", "a folder now\n");
  repo.Git({"add", "-A"});
  repo.Git({"commit", "-q", "-m", "many"});
  REQUIRE(std::system(("ln -s dir0/f7.txt " + repo.path() + "/link").c_str()) == 0);
  repo.Git({"add", "-A"});
  repo.Git({"commit", "-q", "-m", "link"});
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  auto whole = (*git)->DiffCommits(base, repo.Head(), 1 << 20);
  REQUIRE(whole.has_value());
  REQUIRE(whole->size() == 723);
  ScopeRequest request;
  request.mode = core::ScanMode::kRange;
  request.base = base;
  request.head = repo.Head();
  auto facts = CollectChange(**git, request);
  REQUIRE(facts.has_value());
  REQUIRE(facts->path_changes.size() == whole->size());
  std::vector<std::pair<std::string, bool>> expected;
  for (const FileDiff& diff : *whole) expected.emplace_back(diff.path, diff.deleted);
  std::sort(expected.begin(), expected.end());
  std::vector<std::pair<std::string, bool>> got;
  for (const PathFacts& change : facts->path_changes) got.emplace_back(change.path, change.deleted);
  std::sort(got.begin(), got.end());
  CHECK(got == expected);
  // The net diff's added lines (no commit) are the lines of the one diff, in its order.
  std::vector<std::string> net_lines;
  for (const Fragment& fragment : facts->fragments) {
    if (!fragment.commit && fragment.kind == FragmentKind::kLines) {
      net_lines.push_back(fragment.path + ":" + std::to_string(fragment.first_line) + ":" +
                          fragment.text);
    }
  }
  std::vector<std::string> whole_lines;
  for (const FileDiff& diff : *whole) {
    for (const AddedHunk& hunk : diff.hunks) {
      whole_lines.push_back(diff.path + ":" + std::to_string(hunk.first_line) + ":" + hunk.text);
    }
  }
  CHECK(net_lines == whole_lines);
  CHECK(std::count(whole_lines.begin(), whole_lines.end(), "thing/inner.txt:1:a folder now") == 1);
}

TEST_CASE("binary and oversized staged files are skipped and counted", "[collect]") {
  TempRepo repo;
  repo.Write("img.bin", std::string("\x89PNG\0\0\0data", 11));
  repo.Write("big.txt", std::string(5000, 'x') + "\n");
  repo.Write("ok.txt", "fine\n");
  repo.Git({"add", "-A"});
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  ScopeRequest request;
  request.max_file_bytes = 1000;
  auto facts = CollectChange(**git, request);
  REQUIRE(facts.has_value());
  CHECK(facts->scope.files_scanned == 1);
  REQUIRE(facts->scope.skipped.size() == 2);
  for (const auto& s : facts->scope.skipped) {
    if (s.path == "img.bin") CHECK(s.reason == core::SkipReason::kBinary);
    if (s.path == "big.txt") CHECK(s.reason == core::SkipReason::kTooLarge);
  }
}

TEST_CASE("opening a folder that is not a repository is an error", "[collect]") {
  testing::TempDir dir;
  auto git = GitRepository::Open(dir.path());
  REQUIRE_FALSE(git.has_value());
  CHECK(git.error().code == core::ErrorCode::kRepository);
  CHECK(git.error().message.find("not a git repository") != std::string::npos);
}

TEST_CASE("an unknown revision is an error naming it", "[collect]") {
  TempRepo repo;
  repo.Commit("base");
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  auto id = (*git)->ResolveCommit("no-such-branch");
  REQUIRE_FALSE(id.has_value());
  CHECK(id.error().code == core::ErrorCode::kRevision);
  CHECK(id.error().message.find("no-such-branch") != std::string::npos);
}

}  // namespace riskgate::collect

namespace riskgate::collect {

// A range counts every file whose content a commit changed (lines added or only deleted,
// line-diffed or cleared whole by ScopeRequest::lines_may_find), not a mode change; a cleared
// file gives no fragment of its lines and no context.
TEST_CASE("a range counts the files it judged and gives nothing of a cleared one", "[collect]") {
  testing::TempRepo repo;
  repo.Write("cleared.txt", "one\ntwo\nthree\n");
  repo.Write("diffed.txt", "one\ntwo\nthree\n");
  repo.Write("run.sh", "echo hi\n");
  const std::string base = repo.Commit("base");
  repo.Write("cleared.txt", "one\ntwo\nthree\nfour\n");
  repo.Write("diffed.txt", "one\nthree\n");  // only a deletion
  repo.Commit("edit");
  REQUIRE(chmod((repo.path() + "/run.sh").c_str(), 0755) == 0);  // only a mode change
  repo.Write("diffed.txt", "one\nthree\nadded\n");
  repo.Commit("mode");
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  ScopeRequest request;
  request.mode = core::ScanMode::kRange;
  request.base = base;
  request.head = repo.Head();
  request.lines_may_find = [](std::string_view path, std::string_view) {
    return path != "cleared.txt";
  };
  auto facts = CollectChange(**git, request);
  REQUIRE(facts.has_value());
  // edit: cleared.txt and diffed.txt; mode: diffed.txt (the net diff repeats them, uncounted).
  CHECK(facts->scope.files_scanned == 3);
  std::vector<std::string> lines;
  for (const Fragment& fragment : facts->fragments) {
    if (fragment.kind == FragmentKind::kMetadata) continue;
    CHECK(fragment.path != "cleared.txt");
    if (fragment.kind == FragmentKind::kLines) lines.push_back(fragment.path + ":" + fragment.text);
  }
  CHECK(lines == std::vector<std::string>{"diffed.txt:added", "diffed.txt:added"});
  // Without the test, every file is line-diffed, and counted the same.
  request.lines_may_find = nullptr;
  auto all = CollectChange(**git, request);
  REQUIRE(all.has_value());
  CHECK(all->scope.files_scanned == 3);
}

}  // namespace riskgate::collect
