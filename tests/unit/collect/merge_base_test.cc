#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "collect/git_repository.h"
#include "support/temp_repo.h"

namespace riskgate::collect {
namespace {

using testing::Shell;
using testing::TempRepo;

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// What git says the merge base of `a` and `b` is.
std::string GitMergeBase(TempRepo& repo, const std::string& a, const std::string& b) {
  return Trimmed(repo.Git({"merge-base", a, b}));
}

std::string RiskgateMergeBase(TempRepo& repo, const std::string& a, const std::string& b) {
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  auto base = (*git)->MergeBase(a, b);
  INFO((base ? std::string() : base.error().message));
  REQUIRE(base.has_value());
  return *base;
}

// main: c1 - c2 - c3 - m - c4, where m merges f1 (branched at c1); f2 follows f1 unmerged.
struct Forked {
  TempRepo repo;
  std::string c1, c2, c3, f1, f2, m, c4;
};

void Build(Forked& f) {
  TempRepo& repo = f.repo;
  repo.Write("a.txt", "1\n");
  f.c1 = repo.CommitAt("c1", "2026-01-01T10:00:00Z");
  repo.Git({"checkout", "-q", "-b", "feature"});
  repo.Write("f.txt", "f1\n");
  f.f1 = repo.CommitAt("f1", "2026-01-02T10:00:00Z");
  repo.Git({"checkout", "-q", "main"});
  repo.Write("a.txt", "2\n");
  f.c2 = repo.CommitAt("c2", "2026-01-03T10:00:00Z");
  repo.Write("a.txt", "3\n");
  f.c3 = repo.CommitAt("c3", "2026-01-04T10:00:00Z");
  repo.Git({"merge", "-q", "--no-ff", "-m", "m", "feature"});
  f.m = repo.Head();
  repo.Write("a.txt", "4\n");
  f.c4 = repo.CommitAt("c4", "2026-01-05T10:00:00Z");
  repo.Git({"checkout", "-q", "feature"});
  repo.Write("f.txt", "f2\n");
  f.f2 = repo.CommitAt("f2", "2026-01-06T10:00:00Z");
  repo.Git({"checkout", "-q", "main"});
}

TEST_CASE("the merge base of two commits is the one git gives, whichever way it is found",
          "[collect][merge-base]") {
  Forked f;
  Build(f);
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {f.c2, f.c4},  // the base on the head's first-parent chain
      {f.c4, f.c2},  // the head behind the base
      {f.f1, f.c4},  // the base reached through a merge's second parent only
      {f.f2, f.c4},  // diverged
      {f.c4, f.f2},  //
      {f.c1, f.f2},  // on a branch's first-parent chain
      {f.c4, f.c4},  // one commit
  };
  for (const auto& [a, b] : pairs) {
    INFO(a << " " << b);
    CHECK(RiskgateMergeBase(f.repo, a, b) == GitMergeBase(f.repo, a, b));
  }
}

TEST_CASE("the merge base of a base on the head's first-parent chain reads only that chain",
          "[collect][merge-base]") {
  Forked f;
  Build(f);
  // f1 gone: a walk of both histories could not read it, the first-parent chain never needs to.
  const auto loose =
      std::filesystem::path(f.repo.path()) / ".git/objects" / f.f1.substr(0, 2) / f.f1.substr(2);
  REQUIRE(std::filesystem::remove(loose));
  CHECK(RiskgateMergeBase(f.repo, f.c2, f.c4) == f.c2);
  CHECK(RiskgateMergeBase(f.repo, f.c4, f.c3) == f.c3);
  auto git = GitRepository::Open(f.repo.path());
  REQUIRE(git.has_value());
  CHECK_FALSE((*git)->MergeBase(f.f2, f.c4).has_value());  // diverged: walks through f1
}

TEST_CASE("committer times and chain length only bound the first-parent search",
          "[collect][merge-base]") {
  TempRepo repo;
  // 1,100 commits one minute apart, then three dated a week before the first (clock skew), by
  // git fast-import: one process instead of a thousand.
  std::string stream;
  for (int n = 1; n <= 1103; ++n) {
    const long long when = n <= 1100 ? 1767225600LL + 60LL * n : 1767225600LL - 7 * 86400 + n;
    stream += "commit refs/heads/main\nmark :" + std::to_string(n) +
              "\ncommitter C <c@example.com> " + std::to_string(when) + " +0000\ndata 0\n";
    if (n > 1) stream += "from :" + std::to_string(n - 1) + "\n";
    stream += "\n";
  }
  const std::string stream_path = repo.path() + "/.git/history.stream";
  std::ofstream(stream_path, std::ios::binary) << stream;
  REQUIRE(Shell("git fast-import --quiet < .git/history.stream", repo.path()).exit_code == 0);
  const std::string head = Trimmed(repo.Git({"rev-parse", "main"}));
  const std::string far = Trimmed(repo.Git({"rev-parse", "main~1080"}));  // past 1,024
  const std::string near = Trimmed(repo.Git({"rev-parse", "main~10"}));   // before the skew
  const std::string skewed = Trimmed(repo.Git({"rev-parse", "main~1"}));  // a week "older"
  CHECK(RiskgateMergeBase(repo, far, head) == far);
  CHECK(RiskgateMergeBase(repo, head, far) == far);
  CHECK(RiskgateMergeBase(repo, near, head) == near);
  CHECK(RiskgateMergeBase(repo, near, skewed) == near);
  CHECK(RiskgateMergeBase(repo, skewed, head) == skewed);
}

}  // namespace
}  // namespace riskgate::collect
