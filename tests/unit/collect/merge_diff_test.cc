#include "collect/merge_diff.h"

#include <catch2/catch.hpp>

#include "collect/git_repository.h"
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

}  // namespace riskgate::collect
