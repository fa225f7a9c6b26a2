// End to end, issue 10: `riskgate history` audits every commit of real repositories and
// `riskgate merge` joins sharded runs.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>

#include "support/process.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

const std::string kAws = FakeAwsKeyId();
const std::string kGh = FakeGithubToken();

// A distinct AWS key id per `n` (the fake with its last characters varied).
std::string AwsKey(int n) {
  std::string key = kAws;
  key[key.size() - 1] = static_cast<char>('A' + n % 26);
  key[key.size() - 2] = static_cast<char>('A' + n / 26 % 26);
  return key;
}

std::string Line(const std::string& out) { return out.substr(0, out.find('\n')); }

nlohmann::json RunJson(const std::vector<std::string>& args, const std::string& cwd,
                       int expected_exit) {
  std::vector<std::string> argv = {RiskgateBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto result = Run(argv, cwd);
  INFO("stderr: " << result.err << "\nstdout: " << result.out);
  REQUIRE(result.exit_code == expected_exit);
  return nlohmann::json::parse(result.out);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// What a finding says of history, without run-specific timings: compared across runs.
nlohmann::json Essence(const nlohmann::json& doc) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : doc["findings"]) {
    out.push_back({{"rule", f["rule"]},
                   {"path", f["path"]},
                   {"line", f["line"]},
                   {"commit", f["commit"]},
                   {"decision", f["decision"]},
                   {"fingerprint", f["fingerprint"]},
                   {"history", f["history"]}});
  }
  return out;
}

const nlohmann::json* OnlyFinding(const nlohmann::json& doc) {
  REQUIRE(doc["findings"].size() == 1);
  return &doc["findings"][0];
}

// A repository with secrets spread over branches, files and commits, for the sharding tests.
void BuildEstate(TempRepo& repo) {
  repo.Write("README.md", "estate\n");
  repo.Commit("init");
  for (int i = 0; i < 12; ++i) {
    repo.Write("src/mod" + std::to_string(i) + ".py", "value = " + std::to_string(i) + "\n");
    if (i % 4 == 1) repo.Write("conf/aws" + std::to_string(i) + ".env", "KEY=" + AwsKey(i) + "\n");
    if (i % 5 == 2) repo.Write("conf/gh" + std::to_string(i) + ".txt", "token " + kGh + "\n");
    repo.Commit("change " + std::to_string(i));
  }
  repo.Git({"checkout", "-q", "-b", "side", "HEAD~3"});
  repo.Write("side.cfg", "aws=" + AwsKey(1) + "\nother=" + AwsKey(40) + "\n");
  repo.Commit("side work");
  repo.Git({"checkout", "-q", "main"});
  repo.Git({"merge", "-q", "--no-edit", "side"});
  repo.Remove("conf/aws1.env");
  repo.Commit("remove one copy");
}

}  // namespace

TEST_CASE("a secret introduced on a side branch and merged is one finding from that commit",
          "[e2e][history]") {
  TempRepo repo;
  repo.Write("README.md", "hi\n");
  repo.Commit("init");
  repo.Git({"checkout", "-q", "-b", "feature"});
  repo.Write("cfg.py", "x = 1\nkey = \"" + kAws + "\"\n");
  const std::string introduced = repo.CommitAt("add config", "2026-03-04T10:00:00Z");
  repo.Git({"checkout", "-q", "main"});
  repo.Write("other.txt", "o\n");
  repo.Commit("main work");
  repo.Git({"merge", "-q", "--no-edit", "feature"});
  const std::string merge = repo.Head();

  auto doc = repo.RiskgateJson({"history"}, 1);
  CHECK(doc["decision"] == "block");
  CHECK(doc["scope"]["mode"] == "history");
  CHECK(doc["scope"]["commits"] == 4);
  CHECK(doc["scope"]["history"]["tip"] == merge);
  const auto& f = *OnlyFinding(doc);
  CHECK(f["rule"] == "aws-access-key-id");
  CHECK(f["commit"] == introduced);
  CHECK(f["path"] == "cfg.py");
  CHECK(f["line"] == 2);
  CHECK(f["history"]["introduced"]["commit"] == introduced);
  CHECK(f["history"]["introduced"]["date"] == "2026-03-04T10:00:00Z");
  CHECK(f["history"]["introduced"]["author"].get<std::string>().find('<') != std::string::npos);
  CHECK(f["history"]["present_at_head"] == true);
  // The merge brings the blob the side branch already had: not a new occurrence.
  REQUIRE(f["history"]["occurrences"].size() == 1);
  CHECK(f["history"]["occurrences"][0]["kind"] == "added");
  CHECK(doc.dump().find(kAws) == std::string::npos);
}

TEST_CASE("a secret moved between files stays one finding with a moved occurrence",
          "[e2e][history]") {
  TempRepo repo;
  repo.Write("a/settings.py", "# settings\nTOKEN = '" + kGh + "'\n");
  const std::string introduced = repo.Commit("settings");
  repo.Remove("a/settings.py");
  repo.Write("b/config.py", "# settings\nTOKEN = '" + kGh + "'\n");
  const std::string moved = repo.Commit("move settings");

  auto doc = repo.RiskgateJson({"history"}, 1);
  const auto& f = *OnlyFinding(doc);
  CHECK(f["commit"] == introduced);
  CHECK(f["path"] == "a/settings.py");
  const auto& occ = f["history"]["occurrences"];
  REQUIRE(occ.size() == 2);
  CHECK(occ[0]["commit"] == introduced);
  CHECK(occ[0]["kind"] == "added");
  CHECK(occ[1]["commit"] == moved);
  CHECK(occ[1]["path"] == "b/config.py");
  CHECK(occ[1]["kind"] == "moved");
  CHECK(f["history"]["present_at_head"] == true);
}

TEST_CASE(
    "the same secret committed twice is one finding with both occurrences, and HEAD "
    "presence follows its removal",
    "[e2e][history]") {
  TempRepo repo;
  repo.Write("deploy.sh", "export AWS_ACCESS_KEY_ID=" + kAws + "\n");
  const std::string first = repo.CommitAt("deploy", "2026-01-10T08:00:00Z");
  repo.Write("deploy.sh", "export AWS_ACCESS_KEY_ID=$KEY\n");
  repo.CommitAt("use env", "2026-01-11T08:00:00Z");
  repo.Write("tools/backup.sh", "#!/bin/sh\n\nKEY=" + kAws + "\n");
  const std::string second = repo.CommitAt("backup", "2026-01-12T08:00:00Z");

  auto doc = repo.RiskgateJson({"history"}, 1);
  const auto& f = *OnlyFinding(doc);
  CHECK(f["commit"] == first);
  CHECK(f["occurrences"] == 2);
  const auto& occ = f["history"]["occurrences"];
  REQUIRE(occ.size() == 2);
  CHECK(occ[0]["commit"] == first);
  CHECK(occ[1]["commit"] == second);
  CHECK(occ[1]["path"] == "tools/backup.sh");
  CHECK(occ[1]["line"] == 3);
  CHECK(occ[1]["kind"] == "added");
  CHECK(f["history"]["present_at_head"] == true);

  repo.Remove("tools/backup.sh");
  repo.Commit("remove backup");
  auto after = repo.RiskgateJson({"history"}, 1);
  CHECK((*OnlyFinding(after))["history"]["present_at_head"] == false);
  auto text = repo.Riskgate({"history", "--color", "never"});
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("\n  introduced in " + first.substr(0, 12) + " by ") != std::string::npos);
  CHECK(text.out.find("\n  then in " + second.substr(0, 12)) != std::string::npos);
  CHECK(text.out.find("\n  no longer at HEAD") != std::string::npos);
  CHECK(text.out.find("\\x0a") == std::string::npos);
  CHECK(text.out.find(kAws) == std::string::npos);
}

TEST_CASE("a shallow clone is scanned as far as it goes and says where it stopped",
          "[e2e][history]") {
  TempRepo origin;
  origin.Write("old.txt", "key " + kAws + "\n");
  origin.Commit("old secret");
  for (int i = 0; i < 4; ++i) {
    origin.Write("n" + std::to_string(i) + ".txt", std::to_string(i) + "\n");
    origin.Commit("c" + std::to_string(i));
  }
  origin.Write("new.txt", "tok " + kGh + "\n");
  const std::string newest = origin.Commit("new secret");
  TempDir dir;
  const auto clone =
      Shell("git clone -q --depth 2 file://" + origin.path() + " shallow", dir.path());
  REQUIRE(clone.exit_code == 0);
  const std::string path = dir.path() + "/shallow";

  auto doc = RunJson({"history", path, "--format", "json"}, dir.path(), 1);
  const auto& h = doc["scope"]["history"];
  CHECK(h["shallow"] == true);
  CHECK(h["commits"] == 2);
  REQUIRE(h["stopped_at"].size() == 1);
  // Both secrets are in the boundary commit's tree or added after it; the one committed before
  // the boundary is reported at the boundary, not as introduced there.
  std::map<std::string, nlohmann::json> by_rule;
  for (const auto& f : doc["findings"]) by_rule[f["rule"]] = f;
  REQUIRE(by_rule.count("github-pat-classic") == 1);
  CHECK(by_rule["github-pat-classic"]["commit"] == newest);
  CHECK(by_rule["github-pat-classic"]["history"]["occurrences"][0]["kind"] == "added");
  REQUIRE(by_rule.count("aws-access-key-id") == 1);
  CHECK(by_rule["aws-access-key-id"]["commit"] == h["stopped_at"][0]);
  CHECK(by_rule["aws-access-key-id"]["history"]["occurrences"][0]["kind"] == "boundary");
  auto text = Run({RiskgateBinary(), "history", path, "--color", "never"}, dir.path());
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("shallow") != std::string::npos);
}

TEST_CASE(
    "a partial clone counts the blobs it never fetched and says so, and a missing blob "
    "elsewhere is an error",
    "[e2e][history]") {
  TempRepo origin;
  origin.Git({"config", "uploadpack.allowfilter", "true"});
  origin.Write("old.txt", "key " + kAws + "\n");
  origin.Commit("old secret");
  origin.Write("old.txt", "key from the environment\n");
  origin.Commit("secret removed");
  TempDir dir;
  REQUIRE(Shell("git clone -q --filter=blob:none file://" + origin.path() + " partial", dir.path())
              .exit_code == 0);
  const std::string path = dir.path() + "/partial";
  auto doc = RunJson({"history", path, "--format", "json"}, dir.path(), 0);
  CHECK(doc["scope"]["history"]["missing_blobs"] == 1);
  CHECK(doc["scope"]["description"].get<std::string>().find("not scanned") != std::string::npos);

  // The same object store without the promisor remote is a damaged repository: fail closed.
  REQUIRE(Shell("git config --unset remote.origin.promisor", path).exit_code == 0);
  const auto damaged = Run({RiskgateBinary(), "history", path}, dir.path());
  CHECK(damaged.exit_code == 2);
  CHECK(damaged.err.find("missing from the object store") != std::string::npos);
}

TEST_CASE("sharded runs (--shard K/N) merged equal the unsharded audit, in JSON and SARIF",
          "[e2e][history][merge]") {
  TempRepo repo;
  BuildEstate(repo);
  auto whole = repo.RiskgateJson({"history"}, 1);
  REQUIRE(whole["findings"].size() >= 3);

  std::vector<std::string> json_reports, sarif_reports;
  std::set<std::string> shard_commits;
  int commits = 0;
  for (int k = 1; k <= 3; ++k) {
    const std::string shard = std::to_string(k) + "/3";
    const std::string json = repo.path() + "/shard" + std::to_string(k) + ".json";
    const std::string sarif = repo.path() + "/shard" + std::to_string(k) + ".sarif";
    const auto run = repo.Riskgate({"history", "--shard", shard, "--format", "json", "--output",
                                    json, "--format", "sarif", "--output", sarif});
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code <= 1);
    const auto doc = nlohmann::json::parse(ReadFile(json));
    CHECK(doc["scope"]["history"]["shard"] == shard);
    commits += doc["scope"]["history"]["commits"].get<int>();
    json_reports.push_back(json);
    sarif_reports.push_back(sarif);
  }
  CHECK(commits == whole["scope"]["history"]["commits"].get<int>());

  auto merged = repo.RiskgateJson({"merge", json_reports[2], json_reports[0], json_reports[1]}, 1);
  CHECK(merged["decision"] == whole["decision"]);
  CHECK(Essence(merged) == Essence(whole));
  CHECK(merged["scope"]["history"]["commits"] == whole["scope"]["history"]["commits"]);

  auto from_sarif =
      repo.RiskgateJson({"merge", sarif_reports[0], sarif_reports[1], sarif_reports[2]}, 1);
  CHECK(Essence(from_sarif) == Essence(whole));

  SECTION("a missing shard or a shard given twice is an error, not a partial pass") {
    auto missing = repo.Riskgate({"merge", json_reports[0], json_reports[1]});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("3/3") != std::string::npos);
    auto twice = repo.Riskgate({"merge", json_reports[0], json_reports[0], json_reports[1]});
    CHECK(twice.exit_code == 2);
  }
  SECTION("reports of different tips do not merge") {
    repo.Write("later.txt", "x\n");
    repo.Commit("later");
    const std::string later = repo.path() + "/later.json";
    repo.Riskgate({"history", "--shard", "3/3", "--format", "json", "--output", later});
    auto mixed = repo.Riskgate({"merge", json_reports[0], json_reports[1], later});
    CHECK(mixed.exit_code == 2);
    CHECK(mixed.err.find("riskgate: error") != std::string::npos);
  }
}

TEST_CASE("the audit is bounded by --branch, --since and --max-commits", "[e2e][history]") {
  TempRepo repo;
  repo.Write("a.txt", "k=" + kAws + "\n");
  repo.CommitAt("old", "2025-01-01T00:00:00Z");
  repo.Write("b.txt", "b\n");
  repo.CommitAt("mid", "2026-06-01T00:00:00Z");
  repo.Git({"checkout", "-q", "-b", "topic"});
  repo.Write("c.txt", "t=" + kGh + "\n");
  repo.CommitAt("topic", "2026-07-01T00:00:00Z");
  repo.Git({"checkout", "-q", "main"});

  auto all = repo.RiskgateJson({"history"}, 1);
  CHECK(all["findings"].size() == 2);
  auto main_only = repo.RiskgateJson({"history", "--branch", "main"}, 1);
  REQUIRE(main_only["findings"].size() == 1);
  CHECK(main_only["findings"][0]["rule"] == "aws-access-key-id");
  auto recent = repo.RiskgateJson({"history", "--since", "2026-05-01"}, 1);
  REQUIRE(recent["findings"].size() == 1);
  CHECK(recent["findings"][0]["rule"] == "github-pat-classic");
  auto newest = repo.RiskgateJson({"history", "--branch", "main", "--max-commits", "1"}, 0);
  CHECK(newest["scope"]["commits"] == 1);
  CHECK(newest["findings"].empty());
  CHECK(newest["decision"] == "pass");
}

TEST_CASE("history applies the policy's custom content rules to every version", "[e2e][history]") {
  TempRepo repo;
  repo.Write(".riskgate.yaml",
             "version: 1\ncontrols:\n  custom:\n    rules:\n"
             "      - {id: no-debug, kind: forbid_content, description: debug left on, "
             "severity: high, pattern: 'DEBUG\\s*=\\s*True', paths: ['**/*.py']}\n");
  repo.Write("app/settings.py", "NAME = 'x'\n");
  repo.Commit("init");
  repo.Write("app/settings.py", "NAME = 'x'\nDEBUG = True\n");
  const std::string introduced = repo.Commit("debug on");
  repo.Write("app/settings.py", "NAME = 'x'\nDEBUG = False\n");
  repo.Commit("debug off");
  repo.Write("notes.md", "DEBUG = True\n");
  repo.Commit("notes: outside the rule's paths");

  auto doc = repo.RiskgateJson({"history"}, 1);
  const auto& f = *OnlyFinding(doc);
  CHECK(f["control"] == "custom");
  CHECK(f["rule"] == "no-debug");
  CHECK(f["commit"] == introduced);
  CHECK(f["line"] == 2);
  CHECK(f["history"]["present_at_head"] == false);
}

TEST_CASE("history progress goes to stderr only when asked, and errors exit 2", "[e2e][history]") {
  TempRepo repo;
  repo.Write("a.txt", "k=" + kAws + "\n");
  repo.Commit("one");
  auto quiet = repo.Riskgate({"history", "--format", "json"});
  CHECK(quiet.exit_code == 1);
  CHECK(quiet.err.empty());
  auto loud = repo.Riskgate({"history", "--format", "json", "--progress", "always"});
  CHECK(loud.exit_code == 1);
  CHECK(loud.err.find("commits") != std::string::npos);
  CHECK_NOTHROW(nlohmann::json::parse(loud.out));

  TempDir empty;
  auto not_repo = Run({RiskgateBinary(), "history", empty.path()}, empty.path());
  CHECK(not_repo.exit_code == 2);
  CHECK(not_repo.err.find("riskgate: error") != std::string::npos);
  auto bad_shard = repo.Riskgate({"history", "--shard", "4/3"});
  CHECK(bad_shard.exit_code == 2);
  CHECK(bad_shard.err.find("--shard") != std::string::npos);
  auto bad_since = repo.Riskgate({"history", "--since", "yesterday-ish"});
  CHECK(bad_since.exit_code == 2);
  CHECK(bad_since.err.find("--since") != std::string::npos);
  CHECK(Line(bad_since.out).find("PASS") == std::string::npos);
}

}  // namespace riskgate::testing

namespace riskgate::testing {

// Issue 21: a full audit reads every blob first, in pack order, with riskgate's own object
// reader (collect/blob_sweep.h); a narrowed audit (--max-commits) reads blobs through libgit2 as
// the walk reaches them. With every commit in reach, both must say exactly the same.
TEST_CASE("the pack-order blob sweep of a full audit changes nothing in what history reports",
          "[e2e][history]") {
  TempRepo repo;
  BuildEstate(repo);
  repo.Git({"repack", "-adf", "-q", "--depth=50", "--window=50"});  // deltas in a pack
  // After the pack: loose objects of every kind the audit classifies.
  std::string utf16 = "\xff\xfe";
  for (const char c : "secret = " + AwsKey(7) + "\n") {
    utf16 += c;
    utf16 += '\0';
  }
  repo.Write("wide.txt", utf16);
  repo.Write("image.bin", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11) + AwsKey(8));
  repo.Write("big.log", std::string(70000, 'x') + "\n" + AwsKey(9) + "\n");
  repo.Write("model.bin",
             "version https://git-lfs.github.com/spec/v1\noid sha256:"
             "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n");
  repo.Commit("assorted content");
  repo.Write("moved.cfg", "aws=" + AwsKey(40) + "\n");
  repo.Remove("side.cfg");
  repo.Commit("move a secret");
  repo.Git({"repack", "-q"});  // a second pack beside the first
  repo.Write("late.env", "KEY=" + AwsKey(11) + "\n");
  repo.Commit("a loose one");

  const std::vector<std::string> base = {"history", "--max-file-size", "65536"};
  auto swept = repo.RiskgateJson(base, 1);
  auto args = base;
  args.insert(args.end(), {"--max-commits", "1000000"});  // same commits, no sweep
  auto walked = repo.RiskgateJson(args, 1);
  REQUIRE(swept["findings"].size() >= 6);
  CHECK(Essence(swept) == Essence(walked));
  for (const char* counter : {"commits", "blobs_read", "bytes_read", "missing_blobs"}) {
    INFO(counter);
    CHECK(swept["scope"]["history"][counter] == walked["scope"]["history"][counter]);
  }
  CHECK(swept["scope"]["skipped"] == walked["scope"]["skipped"]);
}

}  // namespace riskgate::testing
