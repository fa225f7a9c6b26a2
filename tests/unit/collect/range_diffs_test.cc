#include "collect/range_diffs.h"

#include <catch2/catch.hpp>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "collect/git_repository.h"
#include "collect/merge_diff.h"
#include "collect/net_diff.h"
#include "support/temp_repo.h"

namespace riskgate::collect {
namespace {

using testing::TempRepo;

// What a diff lists, to compare two computations of it.
std::vector<std::string> Listed(const std::vector<FileDiff>& diffs) {
  std::vector<std::string> out;
  for (const FileDiff& diff : diffs) {
    std::string line = diff.path + (diff.deleted ? " deleted" : "") + (diff.added ? " added" : "");
    for (const AddedHunk& hunk : diff.hunks) {
      line += " @" + std::to_string(hunk.first_line) + ":" + hunk.text;
    }
    out.push_back(line);
  }
  return out;
}

// The repository opened twice (the handle under test, a reference handle) and its HEAD.
struct Opened {
  std::unique_ptr<GitRepository> git;
  std::unique_ptr<GitRepository> reference;
  std::string head;
};

Opened OpenTwice(const TempRepo& repo) {
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  auto reference = GitRepository::Open(repo.path());
  REQUIRE(reference.has_value());
  auto head = (*git)->ResolveCommit("HEAD");
  REQUIRE(head.has_value());
  return Opened{std::move(*git), std::move(*reference), *head};
}

// What a walk gives, to compare two walks of a range.
std::vector<std::string> Walked(const std::vector<CommitRef>& commits) {
  std::vector<std::string> out;
  for (const CommitRef& commit : commits) {
    std::string line = commit.id + " " + std::to_string(commit.parents) + " " + commit.author +
                       " " + commit.message;
    for (const auto& parent : commit.parent_ids) line += " ^" + parent;
    for (const auto& [key, value] : commit.trailers) line += " " + key + "=" + value;
    out.push_back(line);
  }
  return out;
}

}  // namespace

// More commits than are diffed ahead (64), with merges: every commit taken in order gets the
// diff computed for it alone, whichever thread computed it; a range dropped half way stops.
TEST_CASE("a range's diffs computed ahead on several threads are each commit's own", "[collect]") {
  TempRepo repo;
  repo.Write("a.txt", "start\n");
  const std::string base = repo.Commit("base");
  for (int i = 0; i < 150; ++i) {
    if (i % 50 == 25) {
      repo.Git({"checkout", "-q", "-b", "side" + std::to_string(i)});
      repo.Write("side" + std::to_string(i) + ".txt", "side " + std::to_string(i) + "\n");
      repo.Commit("side " + std::to_string(i));
      repo.Git({"checkout", "-q", "main"});
      repo.Write("a.txt", "line " + std::to_string(i) + "\n");
      repo.Commit("main " + std::to_string(i));
      repo.Git({"merge", "-q", "--no-ff", "-m", "merge", "side" + std::to_string(i)});
      continue;
    }
    repo.Write("f" + std::to_string(i % 7) + ".txt", "version " + std::to_string(i) + "\nkept\n");
    repo.Commit("commit " + std::to_string(i));
  }
  auto [git, reference, head] = OpenTwice(repo);
  auto commits = git->RangeCommits(base, head);
  REQUIRE(commits.has_value());
  REQUIRE(commits->size() > 150);
  std::set<std::string, std::less<>> in_range;
  for (const CommitRef& commit : *commits) in_range.insert(commit.id);
  int merges = 0;
  {
    RangeDiffs diffs(*git, *commits, in_range, base, 1 << 20);
    for (std::size_t c = 0; c < commits->size(); ++c) {
      const CommitRef& commit = (*commits)[c];
      auto taken = diffs.Take(c);
      REQUIRE(taken.has_value());
      core::Result<std::vector<FileDiff>> alone;
      if (commit.parents > 1) {
        ++merges;
        alone = DiffMerge(*reference, commit.id, commit.parent_ids, 1 << 20);
      } else {
        alone = reference->DiffCommit(commit.id, 1 << 20);
      }
      REQUIRE(alone.has_value());
      INFO("commit " << c);
      CHECK(Listed(*taken) == Listed(*alone));
    }
  }
  CHECK(merges == 3);
  {
    RangeDiffs dropped(*git, *commits, in_range, base, 1 << 20);
    for (std::size_t c = 0; c < 10; ++c) REQUIRE(dropped.Take(c).has_value());
  }  // its helpers stop with it
}

// The net diff computed on its own thread while the same repository's commits are walked and
// diffed on others is the one DiffCommits gives in one piece; taken without waiting for anything
// else, or never taken (the thread is joined when it is dropped).
TEST_CASE("a range's net diff computed ahead is the diff of its ends", "[collect]") {
  TempRepo repo;
  repo.Write("a.txt", "start\n");
  const std::string base = repo.Commit("base");
  for (int i = 0; i < 40; ++i) {
    repo.Write("f" + std::to_string(i % 9) + ".txt",
               "version " + std::to_string(i) + "\nkept\n" + std::string(i * 100, 'x') + "\n");
    if (i % 13 == 5) repo.Git({"rm", "-q", "a.txt"});
    if (i % 13 == 6) repo.Write("a.txt", "back " + std::to_string(i) + "\n");
    repo.Commit("commit " + std::to_string(i));
  }
  auto [git, reference, head] = OpenTwice(repo);
  auto whole = reference->DiffCommits(base, head, 1 << 20);
  REQUIRE(whole.has_value());
  REQUIRE(whole->size() >= 9);
  {
    NetDiffAhead ahead(*git, base, head, 1 << 20);
    auto commits = git->RangeCommits(base, head);  // the caller's handle, meanwhile
    REQUIRE(commits.has_value());
    std::set<std::string, std::less<>> in_range;
    for (const CommitRef& commit : *commits) in_range.insert(commit.id);
    RangeDiffs diffs(*git, *commits, in_range, base, 1 << 20);
    for (std::size_t c = 0; c < commits->size(); ++c) REQUIRE(diffs.Take(c).has_value());
    auto net = ahead.Take();
    REQUIRE(net.has_value());
    CHECK(Listed(*net) == Listed(*whole));
  }
  {
    NetDiffAhead from_root(*git, "", head, 1 << 20);
    auto net = from_root.Take();
    REQUIRE(net.has_value());
    auto all = reference->DiffCommits("", head, 1 << 20);
    REQUIRE(all.has_value());
    CHECK(Listed(*net) == Listed(*all));
  }
  { NetDiffAhead dropped(*git, base, head, 1 << 20); }  // never taken: joined, nothing leaks
  {
    NetDiffAhead unknown(*git, base, std::string(40, 'e'), 1 << 20);
    CHECK_FALSE(unknown.Take().has_value());  // an error, as DiffCommits gives it
  }
}

// A range's commits walked ahead on their own thread and handle while the caller's handle finds
// the merge base are the commits RangeCommits walks itself; another range asked meanwhile is
// walked as asked; a walk never taken is joined when its handle goes; a walk that fails gives
// the error walking gives.
TEST_CASE("a range's commits walked ahead are the range's own", "[collect]") {
  TempRepo repo;
  repo.Write("a.txt", "start\n");
  const std::string base = repo.Commit("base");
  for (int i = 0; i < 30; ++i) {
    if (i % 10 == 4) repo.Git({"checkout", "-q", "-b", "topic" + std::to_string(i)});
    repo.Write("f" + std::to_string(i % 4) + ".txt", "version " + std::to_string(i) + "\n");
    repo.Commit("commit " + std::to_string(i) + "\n\nSigned-off-by: A <a@example.com>");
    if (i % 10 == 7) {
      repo.Git({"checkout", "-q", "-"});
      repo.Git({"merge", "-q", "--no-ff", "-m", "merge", "topic" + std::to_string(i - 3)});
    }
  }
  auto [git, reference, head] = OpenTwice(repo);
  auto middle = reference->ResolveCommit("HEAD~6");
  REQUIRE(middle.has_value());
  auto expected = reference->RangeCommits(base, head);
  REQUIRE(expected.has_value());
  REQUIRE(expected->size() > 30);
  auto expected_middle = reference->RangeCommits(*middle, head);
  REQUIRE(expected_middle.has_value());

  git->WalkRangeAhead(base, head);
  REQUIRE(git->MergeBase(base, head).has_value());  // the caller's handle, meanwhile
  auto other = git->RangeCommits(*middle, head);    // not the range walked ahead: walked here
  REQUIRE(other.has_value());
  CHECK(Walked(*other) == Walked(*expected_middle));
  auto taken = git->RangeCommits(base, head);
  REQUIRE(taken.has_value());
  CHECK(Walked(*taken) == Walked(*expected));
  auto again = git->RangeCommits(base, head);  // taken once: walked here the second time
  REQUIRE(again.has_value());
  CHECK(Walked(*again) == Walked(*expected));

  git->WalkRangeAhead("", head);       // from the root
  git->WalkRangeAhead(*middle, head);  // replaces it: the first is waited for and dropped
  auto replaced = git->RangeCommits(*middle, head);
  REQUIRE(replaced.has_value());
  CHECK(Walked(*replaced) == Walked(*expected_middle));

  const std::string unknown(40, 'e');
  git->WalkRangeAhead(base, unknown);
  auto failed = git->RangeCommits(base, unknown);
  auto failed_here = reference->RangeCommits(base, unknown);
  REQUIRE_FALSE(failed.has_value());
  REQUIRE_FALSE(failed_here.has_value());
  CHECK(failed.error().message == failed_here.error().message);

  git->WalkRangeAhead(base, head);  // never taken: its thread ends before the handle does
  git.reset();
}

}  // namespace riskgate::collect
