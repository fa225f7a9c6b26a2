// End to end, issue 23: reports of real riskgate runs on a temporary repository (commit dates
// and RISKGATE_NOW set), recorded by `riskgate ledger ingest` and turned into figures by
// `riskgate dashboard`. Every expected figure is worked out by hand from the story below.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

const std::string kPolicy =
    "version: 1\n"
    "waivers:\n"
    "  approvers: {critical: [sec-lead], high: ['@acme/payments']}\n"
    "controls:\n"
    "  threat_model:\n"
    "    max_age_days: 90\n"
    "    components:\n"
    "      - name: payments\n"
    "        paths: ['src/payments/**']\n"
    "        tier: high\n"
    "        models: [docs/threat-models/payments.md]\n"
    "        owners: ['@acme/payments']\n";

const std::string kPinnedSha = "b4ffde65f46336ab88eb53be808477a3936bae11";

void Save(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

struct Story {
  TempRepo repo;
  TempDir artifacts;
  int saved = 0;

  std::map<std::string, std::string> At(const std::string& day) {
    return {{"RISKGATE_NOW", day}, {"GITHUB_TOKEN", ""}, {"RISKGATE_GITHUB_TOKEN", ""}};
  }
  std::string Next(const std::string& name) {
    return artifacts.path() + "/" + std::to_string(++saved) + "-" + name + ".json";
  }
  // Runs riskgate with --format json, keeps the report as a CI artifact, returns it.
  nlohmann::json Keep(const std::string& name, std::vector<std::string> args,
                      const std::string& day, int expected_exit) {
    auto doc = repo.RiskgateJson(args, expected_exit, At(day));
    Save(Next(name), doc.dump(2));
    return doc;
  }
};

}  // namespace

TEST_CASE("a ledger of real runs gives the figures worked out by hand", "[e2e][ledger]") {
  Story s;
  TempRepo& repo = s.repo;
  repo.Git({"remote", "add", "origin", "https://ci-bot:hunter2@GitHub.com/acme/shop.git"});
  repo.Write(".riskgate.yaml", kPolicy);
  repo.Write("README.md", "shop\n");
  repo.Write("src/payments/pay.py", "def pay():\n    return 1\n");
  repo.CommitAt("base", "2026-11-01T12:00:00Z");

  // 1. 2026-11-02: a branch leaks a token; its check blocks.
  repo.Git({"checkout", "-q", "-b", "leak"});
  repo.Write("config.env", "TOKEN=" + FakeGithubToken() + "\n");
  repo.CommitAt("config", "2026-11-02T10:00:00Z");
  auto leak = s.Keep("check", {"check", "--base", "main", "--head", "leak"}, "2026-11-02", 1);
  REQUIRE(leak["run"]["repository"] == "github.com/acme/shop");  // credentials dropped
  REQUIRE(leak["run"]["change"] == "leak");
  const std::string token_print = leak["findings"][0]["fingerprint"];
  const std::string token_severity = leak["findings"][0]["severity"];
  // 2. 2026-11-03: the history audit sees it too (introduced 2026-11-02T10:00Z).
  s.Keep("history", {"history"}, "2026-11-03", 1);
  // 3. 2026-11-05: the branch is rewritten without it; its check passes.
  repo.Git({"reset", "-q", "--hard", "main"});
  repo.Write("config.env", "TOKEN=${TOKEN}\n");
  repo.CommitAt("config from the environment", "2026-11-05T10:00:00Z");
  s.Keep("check", {"check", "--base", "main", "--head", "leak"}, "2026-11-05", 0);
  // 4. 2026-11-06: history no longer has it (the commit is unreachable).
  s.Keep("history", {"history"}, "2026-11-06", 0);

  // 5. 2026-11-10: a change to the high-tier payments component without a threat model.
  repo.Git({"checkout", "-q", "main"});
  repo.Git({"checkout", "-q", "-b", "pay"});
  repo.Write("src/payments/pay.py", "def pay():\n    return 2\n");
  repo.CommitAt("pay more", "2026-11-10T10:00:00Z");
  auto pay = s.Keep("check", {"check", "--base", "main", "--head", "pay"}, "2026-11-10", 1);
  REQUIRE(pay["findings"].size() == 1);
  REQUIRE(pay["findings"][0]["rule"] == "threat-model-missing");
  REQUIRE(pay["findings"][0]["component"]["tier"] == "high");
  const std::string model_print = pay["findings"][0]["fingerprint"];
  // 6. The owner accepts it on main (W-1, to 2026-11-30); the branch is rebased: it passes.
  repo.Git({"checkout", "-q", "main"});
  repo.Write(".riskgate/waivers.yaml",
             "version: 1\nwaivers:\n  - id: W-1\n    fingerprint: " + model_print +
                 "\n    reason: model in review\n    owner: payments-team\n    approver: "
                 "'@acme/payments'\n    created: 2026-11-10\n    expires: 2026-11-30\n");
  repo.CommitAt("accept W-1", "2026-11-10T13:00:00Z");
  repo.Git({"checkout", "-q", "pay"});
  repo.Git({"rebase", "-q", "main"});
  auto waived = s.Keep("check", {"check", "--base", "main", "--head", "pay"}, "2026-11-11", 0);
  REQUIRE(waived["findings"][0]["waiver"]["id"] == "W-1");

  // 7. 2026-11-11 on main: the register and the threat-model status.
  repo.Git({"checkout", "-q", "main"});
  for (const auto& [name, command] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"waivers", {"waivers", "--format", "json"}},
           {"models", {"threat-model", "status", "--format", "json"}}}) {
    auto result = repo.Riskgate(command, s.At("2026-11-11"));
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    Save(s.Next(name), result.out);
  }

  // A second repository: its nightly worktree audit counts secure defaults.
  TempRepo api;
  api.Git({"remote", "add", "origin", "git@gitlab.com:acme/api.git"});
  api.Write(".github/workflows/ci.yml",
            "on: push\npermissions: read-all\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
            "    container: node:20\n    steps:\n      - uses: actions/checkout@" +
                kPinnedSha +
                " # v4.1.1\n      - uses: actions/setup-node@v4\n      - uses: "
                "./.github/actions/local\n");
  api.Write(".github/workflows/lint.yml",
            "on: push\njobs:\n  lint:\n    uses: acme/shared/.github/workflows/lint.yml@main\n");
  api.Write("Dockerfile", "FROM golang:1.22 AS build\nFROM debian:12@sha256:" +
                              std::string(64, 'a') + "\nCOPY --from=build /x /x\n");
  api.CommitAt("api", "2026-11-15T12:00:00Z");
  auto tree = api.RiskgateJson({"check", "--worktree"}, 1, s.At("2026-11-20"));
  REQUIRE(tree["run"]["repository"] == "gitlab.com/acme/api");
  REQUIRE(tree["policy"]["controls"].size() > 0);
  Save(s.Next("tree"), tree.dump());
  Save(s.artifacts.path() + "/unrelated.json", "{\"not\": \"riskgate\"}");

  // Ingest every artifact, twice: the second time changes nothing.
  const std::string db = s.artifacts.path() + "/ledger.sqlite";
  auto first = repo.Riskgate({"ledger", "ingest", "--db", db, s.artifacts.path()});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK_THAT(first.out, Catch::Contains("9 report(s) added, 0 already recorded, 1 JSON file"));
  auto again = repo.Riskgate({"ledger", "ingest", "--db", db, s.artifacts.path()});
  REQUIRE(again.exit_code == 0);
  CHECK_THAT(again.out, Catch::Contains("0 report(s) added, 9 already recorded"));

  auto dash = repo.Riskgate({"dashboard", "--db", db, "--format", "json"}, s.At("2026-12-01"));
  INFO(dash.err);
  REQUIRE(dash.exit_code == 0);
  const auto m = nlohmann::json::parse(dash.out);
  CHECK(m["now"] == "2026-12-01");
  CHECK(m["repositories"] == 2);
  CHECK(m["reports"] == 9);

  // Time to remediate, secrets: the token was sighted at the first blocking run (11-02 noon)
  // and gone at the rewritten branch's run (11-05 noon): 3 days. The history audit reported it
  // under the same fingerprint, so it is the same finding, not a second one.
  const nlohmann::json* secrets = nullptr;
  const nlohmann::json* model = nullptr;
  for (const auto& row : m["remediation"]) {
    if (row["severity"] == token_severity && row["control"] == "secrets") secrets = &row;
    if (row["severity"] == "high" && row["control"] == "threat_model") model = &row;
  }
  REQUIRE(secrets != nullptr);
  CHECK((*secrets)["remediated"]["count"] == 1);
  CHECK((*secrets)["remediated"]["median_days"].get<double>() == Approx(3));
  // The payments finding: open since 11-10 noon, accepted by W-1: 21 days on 12-01.
  REQUIRE(model != nullptr);
  CHECK((*model)["remediated"]["count"] == 0);
  CHECK((*model)["open_age"]["count"] == 1);
  CHECK((*model)["open_age"]["median_days"].get<double>() == Approx(21));

  // The register: the accepted payments risk names its waiver's owner.
  const nlohmann::json* accepted = nullptr;
  for (const auto& risk : m["open_risks"]) {
    if (risk["fingerprint"] == model_print) accepted = &risk;
    CHECK(risk["fingerprint"] != token_print);  // remediated
  }
  REQUIRE(accepted != nullptr);
  CHECK((*accepted)["status"] == "accepted");
  CHECK((*accepted)["owner"] == "payments-team");
  CHECK((*accepted)["repository"] == "github.com/acme/shop");

  // Exceptions: W-1 listed on 11-11 (covering nothing on main: orphaned), ran out on 11-30.
  CHECK(m["exceptions"]["total"] == 1);
  CHECK(m["exceptions"]["expired"] == 1);
  CHECK(m["exceptions"]["oldest"][0]["id"] == "W-1");
  CHECK(m["exceptions"]["oldest"][0]["age_days"] == 21);
  CHECK(m["exceptions"]["oldest"][0]["days_left"] == -1);

  // Threat models: payments has none (0 of 1); the waived change went through without one.
  CHECK(m["threat_models"]["high_tier_total"] == 1);
  CHECK(m["threat_models"]["high_tier_covered"] == 0);
  CHECK(m["threat_models"]["share"].get<double>() == Approx(0));
  REQUIRE(m["threat_models"]["changes_without_model"].size() == 1);
  CHECK(m["threat_models"]["changes_without_model"][0]["date"] == "2026-11-11");

  // Secure defaults of the api: uses checkout (pinned), setup-node, the reusable lint workflow
  // (local ./ not counted): 1 of 3; workflows with permissions 1 of 2; images node:20,
  // golang:1.22 and the debian digest: 1 of 3. Reviews are on in neither policy.
  CHECK(m["adoption"]["uses_pinned_share"].get<double>() ==
        Approx(1.0 / 3).margin(1e-4));  // JSON keeps 4 decimals
  CHECK(m["adoption"]["workflows_with_permissions_share"].get<double>() == Approx(0.5));
  CHECK(m["adoption"]["images_pinned_share"].get<double>() ==
        Approx(1.0 / 3).margin(1e-4));  // JSON keeps 4 decimals
  CHECK(m["adoption"]["repositories_with_reviews_share"].get<double>() == Approx(0));

  // Friction: 5 check runs (4 on shop, 1 worktree audit of api that blocks on its pins);
  // blocks: leak 11-02, pay 11-10, api; the payments block was later waived; leak was blocked
  // 3 days, pay 1 day: median 2.
  CHECK(m["friction"]["runs"] == 5);
  CHECK(m["friction"]["block"] == 3);
  CHECK(m["friction"]["pass"] == 2);
  CHECK(m["friction"]["blocks_later_waived"] == 1);
  CHECK(m["friction"]["time_blocked"]["count"] == 2);
  CHECK(m["friction"]["time_blocked"]["median_days"].get<double>() == Approx(2));
  CHECK(m["friction"]["changes_still_blocked"] == 0);
}

TEST_CASE("ledger ingest refuses a report holding a secret and records the others",
          "[e2e][ledger]") {
  TempRepo repo;
  TempDir artifacts;
  repo.Write("README.md", "x\n");
  repo.Commit("base");
  auto good = repo.RiskgateJson({"check", "--worktree"}, 0, {{"RISKGATE_NOW", "2026-11-02"}});
  Save(artifacts.path() + "/good.json", good.dump());
  auto bad = good;
  bad["run"]["change"] = "token-" + FakeGithubToken();
  Save(artifacts.path() + "/bad.json", bad.dump());
  const std::string db = artifacts.path() + "/ledger.sqlite";
  auto result =
      repo.Riskgate({"ledger", "ingest", "--db", db, "--repository", "local/x", artifacts.path()});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("bad.json"));
  CHECK_THAT(result.err, Catch::Contains("run.change: holds what looks like a secret"));
  CHECK(result.err.find(FakeGithubToken()) == std::string::npos);
  CHECK_THAT(result.out, Catch::Contains("1 report(s) added"));
  auto dump = Run({"sqlite3", db, ".dump"});
  if (dump.exit_code == 0) CHECK(dump.out.find(FakeGithubToken()) == std::string::npos);
}

}  // namespace riskgate::testing
