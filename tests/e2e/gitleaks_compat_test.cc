// "Bring your gitleaks config" (issue 9, item 5): riskgate run with a gitleaks config on
// gitleaks' own test repositories reports what gitleaks 8.19.3 reported there with the same
// config (../shared/corpus/gitleaks/expected-findings): rule, file, line and commit.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

#include "e2e/gitleaks_corpus.h"
#include "support/corpus.h"

namespace riskgate::testing {
namespace {

namespace fs = std::filesystem;
using Key = std::tuple<std::string, std::string, int, std::string>;  // rule, file, line, commit

std::set<Key> Expected(const std::string& file) {
  const auto doc = ExpectedReport(file);
  std::set<Key> out;
  for (const auto& f : doc) {
    out.emplace(f["RuleID"].get<std::string>(), f["File"].get<std::string>(),
                f["StartLine"].get<int>(), f["Commit"].get<std::string>());
  }
  return out;
}

// The JSON report with every finding, as gitleaks lists them all.
nlohmann::json Report(const std::string& repo, std::vector<std::string> args) {
  args.push_back("--all-findings");
  return RunJson(repo, args);
}

// Secrets findings as keys. riskgate folds the same secret seen again (in a later commit of the
// range, or in the range's net diff) into its first sighting and counts `occurrences`; gitleaks
// lists each commit's sighting. The comparison is exact, so a fold that hid a sighting in
// another commit would show as a missing key. (On these repositories `occurrences` is 2 where
// the net diff sees a commit's secret again at head.)
std::set<Key> Found(const nlohmann::json& doc) {
  std::set<Key> out;
  for (const auto& f : doc["findings"]) {
    if (f["control"] != "secrets") continue;
    out.emplace(f["rule"].get<std::string>(), f["path"].get<std::string>(), f["line"].get<int>(),
                f["commit"].is_string() ? f["commit"].get<std::string>() : "");
  }
  return out;
}

// gitleaks' git mode walks every ref (`git log --all`); riskgate walks base..head, so the range
// from the empty tree is run once per branch and the findings are united.
std::set<Key> History(const std::string& repo) {
  std::set<Key> found;
  for (const auto& branch : Branches(repo)) {
    const auto keys = Found(Report(repo, {"check", "--base", kEmptyTree, "--head", branch}));
    found.insert(keys.begin(), keys.end());
  }
  return found;
}

std::string Describe(const std::set<Key>& keys) {
  std::string out;
  for (const auto& [rule, file, line, commit] : keys) {
    out += "  " + rule + " " + file + ":" + std::to_string(line) + " " + commit + "\n";
  }
  return out;
}

void CompareExactly(const std::set<Key>& expected, const std::set<Key>& found) {
  INFO("expected (gitleaks):\n" << Describe(expected) << "found (riskgate):\n" << Describe(found));
  CHECK(found == expected);
}

}  // namespace

TEST_CASE("gitleaks compat: the small repo's history with simple.toml matches gitleaks",
          "[e2e][gitleaks]") {
  RISKGATE_SKIP_WITHOUT_CORPUS("gitleaks");
  // .gitleaksignore drops api/ignoreGlobal.go (3 parts: every commit) and api/ignoreCommit.go
  // (4 parts: commit 53cd7a3c only).
  TempDir dir;
  const auto repo = CheckOut("small", dir, "testdata/config/simple.toml");
  CompareExactly(Expected("small-git-simple.json"), History(repo));
}

TEST_CASE("gitleaks compat: the small repo's history with the upstream config matches gitleaks",
          "[e2e][gitleaks]") {
  RISKGATE_SKIP_WITHOUT_CORPUS("gitleaks");
  TempDir dir;
  const auto repo = CheckOut("small", dir, "gitleaks.toml");
  CompareExactly(Expected("small-git-default.json"), History(repo));
}

TEST_CASE("gitleaks compat: the small repo's working tree matches gitleaks' dir mode",
          "[e2e][gitleaks]") {
  RISKGATE_SKIP_WITHOUT_CORPUS("gitleaks");
  TempDir dir;
  const auto simple = CheckOut("small", dir, "testdata/config/simple.toml");
  // A 4-part .gitleaksignore entry names a commit, so it cannot drop a working-tree finding.
  CompareExactly(Expected("small-dir-simple.json"), Found(Report(simple, {"check", "--worktree"})));
  TempDir other;
  const auto upstream = CheckOut("small", other, "gitleaks.toml");
  CompareExactly(Expected("small-dir-default.json"),
                 Found(Report(upstream, {"check", "--worktree"})));
}

TEST_CASE("gitleaks compat: the staged repo's staged change matches gitleaks on what is staged",
          "[e2e][gitleaks]") {
  RISKGATE_SKIP_WITHOUT_CORPUS("gitleaks");
  // gitleaks 8.19.3's `git --staged` report (staged-staged-default.json) lists history commits,
  // not the staged change; its dir-mode report of the same repository lists what is staged
  // (api/api.go), which is what a pre-commit gate judges. So --staged is compared with that.
  TempDir dir;
  const auto simple = CheckOut("staged", dir, "testdata/config/simple.toml");
  CompareExactly(Expected("staged-dir-simple.json"), Found(Report(simple, {"check", "--staged"})));
  TempDir other;
  const auto upstream = CheckOut("staged", other, "gitleaks.toml");
  CompareExactly(Expected("staged-dir-default.json"),
                 Found(Report(upstream, {"check", "--staged"})));
}

TEST_CASE("gitleaks compat: the staged repo's history and working tree match gitleaks",
          "[e2e][gitleaks]") {
  RISKGATE_SKIP_WITHOUT_CORPUS("gitleaks");
  TempDir dir;
  const auto simple = CheckOut("staged", dir, "testdata/config/simple.toml");
  CompareExactly(Expected("staged-git-simple.json"), History(simple));
  CompareExactly(Expected("staged-dir-simple.json"),
                 Found(Report(simple, {"check", "--worktree"})));
  TempDir other;
  const auto upstream = CheckOut("staged", other, "gitleaks.toml");
  CompareExactly(Expected("staged-git-default.json"), History(upstream));
  CompareExactly(Expected("staged-dir-default.json"),
                 Found(Report(upstream, {"check", "--worktree"})));
}

TEST_CASE("gitleaks compat: a broken gitleaks config stops the run naming the rule",
          "[e2e][gitleaks]") {
  RISKGATE_SKIP_WITHOUT_CORPUS("gitleaks");
  TempDir dir;
  const auto repo = CheckOut("small", dir, "testdata/config/invalid/rule_bad_entropy_group.toml");
  const auto result = Run({RiskgateBinary(), "check", "--worktree"}, repo,
                          {{"GIT_DIR", ""}, {"GITHUB_ACTIONS", ""}, {"GITLAB_CI", ""}, {"CI", ""}});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("discord-api-key: invalid regex secret group 5"));
}

}  // namespace riskgate::testing

namespace riskgate::testing {

TEST_CASE(
    "gitleaks compat: gitleaks_config auto loads .gitleaks.toml, scans it like any file, and "
    "honours path-only rules and gitleaks:allow",
    "[e2e][gitleaks]") {
  TempRepo repo;
  repo.Write(".riskgate.yaml", "version: 1\ncontrols:\n  secrets:\n    gitleaks_config: auto\n");
  repo.Write(".gitleaks.toml",
             "# example: demo_zzzzzzzz00000000\n"
             "[[rules]]\nid = \"demo-token\"\nregex = '''demo_[a-z0-9]{16}'''\n"
             "[[rules]]\nid = \"pem-file\"\npath = '''\\.pem$'''\n");
  repo.Write("app.txt", "\nt = demo_abcdefgh12345678\n");
  repo.Write("allowed.txt", "t = demo_abcdefgh87654321 # gitleaks:allow\n");
  repo.Write("key.pem", "not really a key\n");
  repo.Commit("init");
  const auto doc = repo.RiskgateJson({"check", "--worktree"}, 1,
                                     {{"GITHUB_ACTIONS", ""}, {"GITLAB_CI", ""}, {"CI", ""}});
  std::set<std::tuple<std::string, std::string, int>> found;
  for (const auto& f : doc["findings"]) {
    found.emplace(f["rule"].get<std::string>(), f["path"].get<std::string>(), f["line"].get<int>());
  }
  // The config is a file of the change like any other: a token in it is found (issue #16).
  CHECK(found ==
        std::set<std::tuple<std::string, std::string, int>>{{"demo-token", "app.txt", 2},
                                                            {"demo-token", ".gitleaks.toml", 1},
                                                            {"pem-file", "key.pem", 0}});
}

}  // namespace riskgate::testing
