// Issue 8, end to end: the threat-model control on real repositories whose commits are dated
// with GIT_AUTHOR_DATE/GIT_COMMITTER_DATE. A change to a component without a model blocks; a
// stale model blocks; a fresh but incomplete one reports each missing part; updating the model
// in the same range passes; a change outside every component is untouched.
#include <catch2/catch.hpp>

#include <ctime>
#include <fstream>
#include <set>

#include "core/date.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

using nlohmann::json;

const std::string kPolicy = R"(version: 1
controls:
  threat_model:
    max_age_days: 90
    entry_points: ['**/routes/**']
    components:
      - name: payments
        paths: ['src/payments/**']
        tier: high
        models: [docs/threat-models/payments.md]
        owners: ['@acme/payments']
)";

std::string CompleteModel(const std::string& extra = "") {
  return "# Threat model: payments\n\n"
         "## Assets\nCard tokens, ledger.\n\n"
         "## Actors\nCustomers, support staff, attackers on the internet.\n\n"
         "## Entry points\n- src/payments/routes/charge.cc\n\n"
         "## Trust boundaries\nThe API gateway.\n\n"
         "## Abuse cases\nReplay of a charge.\n\n"
         "## Controls\nIdempotency keys.\n\n"
         "## Residual risk\n\n"
         "| Threat | Severity | Status | Owner | Accepted | Expires |\n"
         "|---|---|---|---|---|---|\n"
         "| Replay within 5 s | High | Accepted | @alice | 2026-11-01 | 2027-05-01 |\n" +
         extra;
}

struct Repo {
  TempRepo repo;
  std::string base;
  explicit Repo(const std::optional<std::string>& model, const std::string& model_date) {
    repo.Write(".riskgate.yaml", kPolicy);
    repo.Write("README.md", "shop\n");
    repo.CommitAt("policy", "2026-01-01T12:00:00Z");
    if (model) repo.Write("docs/threat-models/payments.md", *model);
    repo.Write("src/payments/charge.cc", "int charge();\n");
    base = repo.CommitAt("payments", model_date);
  }
  std::vector<json> Findings(int expected_exit, const std::string& date = "2026-11-20T12:00:00Z") {
    repo.CommitAt("change", date);
    const json doc = repo.RiskgateJson({"check", "--base", base}, expected_exit,
                                       {{"RISKGATE_NOW", "2026-11-27"}});
    std::vector<json> out;
    for (const auto& f : doc["findings"]) {
      if (f["control"] == "threat_model") out.push_back(f);
    }
    return out;
  }
};

std::set<std::string> Rules(const std::vector<json>& findings) {
  std::set<std::string> rules;
  for (const auto& f : findings) rules.insert(f["rule"].get<std::string>());
  return rules;
}

}  // namespace

TEST_CASE("a change to a component without a threat model blocks", "[e2e][threat_model]") {
  Repo r(std::nullopt, "2026-11-01T12:00:00Z");
  r.repo.Write("src/payments/charge.cc", "int charge(int);\n");
  const auto findings = r.Findings(1);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]["rule"] == "threat-model-missing");
  CHECK(findings[0]["decision"] == "block");
  CHECK(findings[0]["path"] == "src/payments/charge.cc");
  CHECK_THAT(findings[0]["message"].get<std::string>(),
             Catch::Contains("docs/threat-models/payments.md"));
  CHECK_THAT(findings[0]["remediation"][0]["summary"].get<std::string>(),
             Catch::Contains("riskgate threat-model init payments"));
}

TEST_CASE("a stale threat model blocks", "[e2e][threat_model]") {
  Repo r(CompleteModel(), "2026-03-01T12:00:00Z");  // 271 days before RISKGATE_NOW
  r.repo.Write("src/payments/charge.cc", "int charge(int);\n");
  const auto findings = r.Findings(1);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]["rule"] == "threat-model-stale");
  CHECK_THAT(findings[0]["message"].get<std::string>(),
             Catch::Contains("last updated 271 days ago (2026-03-01; at most 90 allowed)"));
}

TEST_CASE("a fresh but incomplete model reports each missing part", "[e2e][threat_model]") {
  Repo r("# payments\n\n## Assets\nCard tokens.\n\n## Actors\n\n## Controls\nTLS.\n",
         "2026-11-01T12:00:00Z");
  r.repo.Write("src/payments/charge.cc", "int charge(int);\n");
  const auto findings = r.Findings(0);  // incomplete parts warn
  std::set<std::string> messages;
  for (const auto& f : findings) {
    CHECK(f["rule"] == "threat-model-incomplete");
    CHECK(f["decision"] == "warn");
    messages.insert(f["message"].get<std::string>());
  }
  const std::string m = "docs/threat-models/payments.md has ";
  CHECK(messages ==
        std::set<std::string>{m + "an empty 'Actors' section", m + "no 'Entry points' heading",
                              m + "no 'Trust boundaries' heading", m + "no 'Abuse cases' heading",
                              m + "no 'Residual risk' heading"});
}

TEST_CASE("updating a stale model in the same range satisfies freshness", "[e2e][threat_model]") {
  Repo r(CompleteModel(), "2026-03-01T12:00:00Z");
  r.repo.Write("src/payments/charge.cc", "int charge(int);\n");
  r.repo.Write("docs/threat-models/payments.md", CompleteModel("\nReviewed for charge(int).\n"));
  CHECK(r.Findings(0).empty());
}

TEST_CASE("issue 16: a change commit back-dated to just after the model does not make it fresh",
          "[e2e][threat_model]") {
  Repo r(CompleteModel(), "2026-03-01T12:00:00Z");
  r.repo.Write("src/payments/charge.cc", "int charge(int);\n");
  const auto findings = r.Findings(1, "2026-03-02T12:00:00Z");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]["rule"] == "threat-model-stale");
  CHECK_THAT(findings[0]["message"].get<std::string>(), Catch::Contains("271 days ago"));
}

TEST_CASE("issue 16: a model edit reverted inside the range is no update", "[e2e][threat_model]") {
  Repo r(CompleteModel(), "2026-03-01T12:00:00Z");
  r.repo.Write("src/payments/charge.cc", "int charge(int);\n");
  r.repo.Write("docs/threat-models/payments.md", CompleteModel("\nReviewed for charge(int).\n"));
  r.repo.CommitAt("code and model", "2026-11-19T12:00:00Z");
  r.repo.Write("docs/threat-models/payments.md", CompleteModel());
  const auto findings = r.Findings(1);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]["rule"] == "threat-model-stale");
}

TEST_CASE("issue 16: bumping only the review date of a stale model keeps it stale",
          "[e2e][threat_model]") {
  Repo r(CompleteModel("\nLast reviewed: 2026-03-01\n"), "2026-03-01T12:00:00Z");
  r.repo.Write("src/payments/charge.cc", "int charge(int);\n");
  r.repo.Write("docs/threat-models/payments.md", CompleteModel("\nLast reviewed:  2026-11-20\n"));
  const auto findings = r.Findings(1);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]["rule"] == "threat-model-stale");
  CHECK_THAT(findings[0]["message"].get<std::string>(),
             Catch::Contains("edits only its whitespace or numbers"));
}

TEST_CASE("issue 16: a commit on the base that only bumped the model's date is no update",
          "[e2e][threat_model]") {
  Repo r(CompleteModel("\nLast reviewed: 2026-03-01\n"), "2026-03-01T12:00:00Z");
  r.repo.Write("docs/threat-models/payments.md", CompleteModel("\nLast reviewed: 2026-11-01\n"));
  r.base = r.repo.CommitAt("bump the review date", "2026-11-01T12:00:00Z");
  r.repo.Write("src/payments/charge.cc", "int charge(int);\n");
  const auto findings = r.Findings(1);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]["rule"] == "threat-model-stale");
  CHECK_THAT(findings[0]["message"].get<std::string>(), Catch::Contains("(2026-03-01;"));
}

TEST_CASE("issue 16: a merged branch that edited the model and reverted the edit is no update",
          "[e2e][threat_model]") {
  Repo r(CompleteModel(), "2026-03-01T12:00:00Z");
  r.repo.Git({"checkout", "-q", "-b", "touch"});
  r.repo.Write("docs/threat-models/payments.md", CompleteModel("\nTouched.\n"));
  r.repo.CommitAt("touch", "2026-11-01T12:00:00Z");
  r.repo.Write("docs/threat-models/payments.md", CompleteModel());
  r.repo.CommitAt("untouch", "2026-11-02T12:00:00Z");
  r.repo.Git({"checkout", "-q", "-"});
  r.repo.Git({"merge", "-q", "--no-ff", "--no-edit", "touch"});
  r.base = r.repo.Git({"rev-parse", "HEAD"});
  while (!r.base.empty() && r.base.back() == '\n') r.base.pop_back();
  r.repo.Write("src/payments/charge.cc", "int charge(int);\n");
  const auto findings = r.Findings(1);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]["rule"] == "threat-model-stale");
}

TEST_CASE("a change outside every component is untouched", "[e2e][threat_model]") {
  Repo r(std::nullopt, "2026-11-01T12:00:00Z");
  r.repo.Write("README.md", "shop, now with docs\n");
  CHECK(r.Findings(0).empty());
}

TEST_CASE("an unowned residual risk and an unmodelled entry point are findings",
          "[e2e][threat_model]") {
  std::string model = CompleteModel(
      "| Card testing | Critical | Open | TBD | | |\n"
      "| Old bug | High | Accepted | @bob | 2025-01-01 | 2025-06-01 |\n");
  Repo r(model, "2026-11-01T12:00:00Z");
  r.repo.Write("src/payments/routes/refund.cc", "int refund();\n");
  const auto findings = r.Findings(1);
  CHECK(Rules(findings) == std::set<std::string>{"residual-risk-unowned", "residual-risk-expired",
                                                 "entry-point-unmodelled"});
  for (const auto& f : findings) {
    if (f["rule"] == "residual-risk-unowned") {
      CHECK(f["line"] == 26);
      CHECK_THAT(f["message"].get<std::string>(), Catch::Contains("'Card testing' (open)"));
      CHECK_THAT(f["remediation"][0]["summary"].get<std::string>(),
                 Catch::Contains("@acme/payments"));
    }
    if (f["rule"] == "entry-point-unmodelled") {
      CHECK(f["path"] == "src/payments/routes/refund.cc");
    }
  }
}

}  // namespace riskgate::testing

namespace riskgate::testing {

TEST_CASE("threat-model init writes a skeleton the control accepts once it is filled in",
          "[e2e][threat_model]") {
  Repo r(std::nullopt, "2026-11-01T12:00:00Z");
  r.repo.Write("src/payments/routes/charge.cc", "int route();\n");
  r.repo.CommitAt("a route", "2026-11-02T12:00:00Z");
  const auto init = r.repo.Riskgate({"threat-model", "init", "payments"});
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  const std::string path = r.repo.path() + "/docs/threat-models/payments.md";
  std::ifstream in(path);
  std::string skeleton(std::istreambuf_iterator<char>(in), {});
  for (const char* part : {"## Assets", "## Actors", "## Entry points", "## Trust boundaries",
                           "## Abuse cases", "## Controls", "## Residual risk"}) {
    CHECK_THAT(skeleton, Catch::Contains(part));
  }
  CHECK_THAT(skeleton, Catch::Contains("- `src/payments/routes/charge.cc`"));
  CHECK_THAT(skeleton, Catch::Contains("- Owners: @acme/payments"));
  // Never overwrites.
  const auto again = r.repo.Riskgate({"threat-model", "init", "payments"});
  CHECK(again.exit_code == 2);
  CHECK_THAT(again.err, Catch::Contains("never overwrites"));
  // With its placeholders, every part is reported empty and the residual risk unowned.
  r.repo.Write("src/payments/charge.cc", "int charge(int);\n");
  const auto unfilled = r.Findings(1);
  std::set<std::string> rules;
  for (const auto& f : unfilled) rules.insert(f["rule"].get<std::string>());
  CHECK(rules == std::set<std::string>{"threat-model-incomplete", "residual-risk-unowned"});
  CHECK(unfilled.size() == 7);  // six empty parts; the residual-risk table's row has no owner
  // Filled in, it is present, complete and owned.
  std::string filled = skeleton;
  for (std::size_t at; (at = filled.find("<fill in: owner>")) != std::string::npos;) {
    filled.replace(at, 16, "@alice");
  }
  for (std::size_t at; (at = filled.find("<fill in")) != std::string::npos;) {
    filled.replace(at, filled.find('>', at) - at + 1, "written down");
  }
  r.repo.Write("docs/threat-models/payments.md", filled);
  r.repo.Write("src/payments/charge.cc", "int charge(long);\n");
  CHECK(r.Findings(0).empty());
  // And the coverage report says so.
  const auto status = r.repo.Riskgate({"threat-model", "status", "--format", "json"},
                                      {{"RISKGATE_NOW", "2026-11-27"}});
  INFO(status.err);
  REQUIRE(status.exit_code == 0);
  const auto doc = nlohmann::json::parse(status.out);
  CHECK(doc["high_tier_coverage"]["usable"] == 1);
  CHECK(doc["high_tier_coverage"]["total"] == 1);
  CHECK(doc["components"][0]["models"][0]["age_days"] == 7);
  CHECK(doc["components"][0]["models"][0]["open_residual_risks"] == 1);
}

TEST_CASE("threat-model status reports missing models and parts as text", "[e2e][threat_model]") {
  Repo r("# payments\n\n## Assets\nTokens.\n", "2026-11-01T12:00:00Z");
  const auto status = r.repo.Riskgate({"threat-model", "status"}, {{"RISKGATE_NOW", "2026-11-27"}});
  REQUIRE(status.exit_code == 0);
  CHECK_THAT(status.out, Catch::Contains("payments (high risk): NO usable threat model"));
  CHECK_THAT(status.out, Catch::Contains("docs/threat-models/payments.md: Markdown, updated 26 "
                                         "days ago, missing: Actors, Entry points"));
  CHECK_THAT(status.out, Catch::Contains("high-tier coverage: 0 of 1 components"));
}

}  // namespace riskgate::testing

namespace riskgate::testing {

TEST_CASE("a pre-commit run judges the staged model against the staged code",
          "[e2e][threat_model]") {
  Repo r(CompleteModel(), "2026-03-01T12:00:00Z");  // stale by the time of the change
  r.repo.Write("src/payments/charge.cc", "int charge(int);\n");
  r.repo.Git({"add", "-A"});
  const auto stale =
      r.repo.RiskgateJson({"check", "--staged"}, 1, {{"RISKGATE_NOW", "2026-11-27"}});
  CHECK(stale["findings"][0]["rule"] == "threat-model-stale");
  r.repo.Write("docs/threat-models/payments.md", CompleteModel("\nReviewed again.\n"));
  r.repo.Git({"add", "-A"});
  const auto fresh =
      r.repo.RiskgateJson({"check", "--staged"}, 0, {{"RISKGATE_NOW", "2026-11-27"}});
  CHECK(fresh["findings"].empty());
}

}  // namespace riskgate::testing

// Issue 8 audit, on real repositories dated relative to today (nothing here rots).
namespace riskgate::testing {
namespace {

std::string DaysAgo(int days) {
  return core::FormatTimestamp(static_cast<long long>(std::time(nullptr)) - days * 86400LL);
}

}  // namespace

TEST_CASE("issue 8: only entry points a change adds need a mention, in any of the models",
          "[e2e][threat_model]") {
  TempRepo repo;
  repo.Write(".riskgate.yaml", R"(version: 1
controls:
  threat_model:
    entry_points: ['**/routes/**']
    required_parts: [Assets]
    components:
      - name: payments
        paths: ['src/payments/**']
        tier: medium
        models: [docs/tm/payments.md, docs/tm/routes.md]
)");
  repo.Write("docs/tm/payments.md", "# payments\n## Assets\nTokens.\n");
  repo.Write("docs/tm/routes.md", "# payments routes\n## Assets\n- refund.cc: refunds\n");
  repo.Write("src/payments/routes/legacy.cc", "int legacy();\n");
  const std::string base = repo.CommitAt("payments", DaysAgo(3));
  repo.Write("src/payments/routes/legacy.cc", "int legacy(int);\n");  // modified
  repo.Write("src/payments/routes/refund.cc", "int refund();\n");     // added, in routes.md
  repo.Write("src/payments/routes/export.cc", "int dump();\n");       // added, nowhere
  repo.CommitAt("routes", DaysAgo(1));
  const auto doc = repo.RiskgateJson({"check", "--base", base}, 0);
  std::vector<std::string> paths;
  for (const auto& f : doc["findings"]) {
    if (f["rule"] == "entry-point-unmodelled") paths.push_back(f["path"].get<std::string>());
  }
  CHECK(paths == std::vector<std::string>{"src/payments/routes/export.cc"});
}

TEST_CASE("issue 8: status and check agree on freshness after the last code change",
          "[e2e][threat_model]") {
  TempRepo repo;
  repo.Write(".riskgate.yaml", R"(version: 1
controls:
  threat_model:
    freshness: last_change
    required_parts: [Assets]
    components:
      - name: payments
        paths: ['src/payments/**']
        tier: high
        models: [docs/tm/payments.md]
        owners: ['@acme/payments']
)");
  repo.Write("docs/tm/payments.md", "# payments\n## Assets\nTokens.\n");
  repo.Write("src/payments/charge.cc", "int charge();\n");
  repo.CommitAt("model", DaysAgo(10));
  repo.Write("src/payments/charge.cc", "int charge(int);\n");
  repo.CommitAt("code moves on", DaysAgo(5));
  const auto status = repo.Riskgate({"threat-model", "status", "--format", "json"});
  INFO(status.err);
  REQUIRE(status.exit_code == 0);
  const auto doc = nlohmann::json::parse(status.out);
  CHECK(doc["components"][0]["usable"] == false);
  CHECK(doc["components"][0]["models"][0]["fresh"] == false);
  CHECK_THAT(doc["components"][0]["models"][0]["stale_reason"].get<std::string>(),
             Catch::Contains("before the component's code changed"));
  const auto audit = repo.RiskgateJson({"check", "--worktree"}, 1);
  bool stale = false;
  for (const auto& f : audit["findings"]) stale = stale || f["rule"] == "threat-model-stale";
  CHECK(stale);
  repo.Write("docs/tm/payments.md", "# payments\n## Assets\nTokens, reviewed.\n");
  repo.CommitAt("model reviewed", DaysAgo(0));
  const auto fresh =
      nlohmann::json::parse(repo.Riskgate({"threat-model", "status", "--format", "json"}).out);
  CHECK(fresh["components"][0]["usable"] == true);
}

TEST_CASE("issue 8: a high-tier component without owners stops the run with a clear error",
          "[e2e][threat_model]") {
  TempRepo repo;
  repo.Write(".riskgate.yaml", R"(version: 1
controls:
  threat_model:
    components:
      - name: payments
        paths: ['src/payments/**']
        tier: high
        models: [docs/tm/payments.md]
)");
  repo.Write("src/payments/charge.cc", "int charge();\n");
  repo.CommitAt("payments", DaysAgo(1));
  const auto run = repo.Riskgate({"check", "--worktree"});
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Catch::Contains("components[0].owners"));
  CHECK_THAT(run.err, Catch::Contains("only its owners may accept its risks"));
}

}  // namespace riskgate::testing
