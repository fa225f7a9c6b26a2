// End to end, issue 6: waivers with owner authority and expiry, judged against RISKGATE_NOW.
#include <catch2/catch.hpp>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

const std::string kPolicy =
    "version: 1\n"
    "waivers:\n"
    "  max_days: {critical: 30, high: 90}\n"
    "  warn_before_days: 14\n"
    "  approvers:\n"
    "    critical: ['@acme/security-leads', carol]\n"
    "    high: ['@acme/security']\n";

std::string Waiver(const std::string& id, const std::string& fingerprint,
                   const std::string& approver, const std::string& created,
                   const std::string& expires) {
  return "  - id: " + id + "\n    rule: github-pat-classic\n    fingerprint: " + fingerprint +
         "\n    reason: test fixture token, revoked\n    owner: alice\n    approver: '" + approver +
         "'\n    created: " + created + "\n    expires: " + expires + "\n";
}

struct Fixture {
  TempRepo repo;
  std::string fingerprint;

  Fixture() {
    repo.Write(".riskgate.yaml", kPolicy);
    repo.Write("config.env", "TOKEN=" + FakeGithubToken() + "\n");
    repo.Git({"add", "-A"});
    auto doc = repo.RiskgateJson({"check", "--staged"}, 1);
    fingerprint = doc["findings"][0]["fingerprint"];
  }

  nlohmann::json Run(const std::string& waivers, const std::string& now, int expected_exit,
                     std::vector<std::string> args = {"check", "--staged"}) {
    repo.Write(".riskgate/waivers.yaml", "version: 1\nwaivers:\n" + waivers);
    return repo.RiskgateJson(args, expected_exit, {{"RISKGATE_NOW", now}});
  }
};

const nlohmann::json* Find(const nlohmann::json& doc, const std::string& rule) {
  for (const auto& f : doc["findings"]) {
    if (f["rule"] == rule) return &f;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("an active waiver passes the finding and keeps it in the report", "[e2e][waivers]") {
  Fixture fx;
  auto doc =
      fx.Run(Waiver("W-1", fx.fingerprint, "carol", "2026-11-20", "2026-12-15"), "2026-11-27", 0);
  CHECK(doc["decision"] == "pass");
  const auto* f = Find(doc, "github-pat-classic");
  REQUIRE(f != nullptr);
  CHECK((*f)["decision"] == "pass");
  CHECK((*f)["waiver"]["id"] == "W-1");
  CHECK((*f)["waiver"]["status"] == "active");
  CHECK((*f)["waiver"]["expires"] == "2026-12-15");
  CHECK(doc["summary"]["waived"] == 1);
  auto sarif = fx.repo.Riskgate({"check", "--staged", "--format", "sarif"},
                                {{"RISKGATE_NOW", "2026-11-27"}});
  auto run = nlohmann::json::parse(sarif.out)["runs"][0];
  const auto& suppression = run["results"][0]["suppressions"][0];
  CHECK(suppression["kind"] == "external");
  CHECK(suppression["status"] == "accepted");
  CHECK(suppression["properties"]["expires"] == "2026-12-15");
  CHECK(suppression["properties"]["approved_by"] == "carol");
  auto text = fx.repo.Riskgate({"check", "--staged"}, {{"RISKGATE_NOW", "2026-11-27"}});
  CHECK(text.out.find("waived by W-1 until 2026-12-15 (owner alice, approved by carol)") !=
        std::string::npos);
}

TEST_CASE("a waiver close to expiry still applies and the run warns", "[e2e][waivers]") {
  Fixture fx;
  auto doc =
      fx.Run(Waiver("W-2", fx.fingerprint, "@acme/security-leads", "2026-11-20", "2026-12-01"),
             "2026-11-27", 0);
  CHECK(doc["decision"] == "warn");
  CHECK((*Find(doc, "github-pat-classic"))["waiver"]["status"] == "expiring");
  const auto* soon = Find(doc, "waiver-expiring");
  REQUIRE(soon != nullptr);
  CHECK((*soon)["path"] == ".riskgate/waivers.yaml");
  CHECK((*soon)["line"] == 3);
  CHECK((*soon)["message"].get<std::string>().find("in 4 days") != std::string::npos);
}

TEST_CASE("after expiry the finding blocks again and the report says when the waiver ended",
          "[e2e][waivers]") {
  Fixture fx;
  auto doc =
      fx.Run(Waiver("W-3", fx.fingerprint, "carol", "2026-10-01", "2026-10-30"), "2026-11-27", 1);
  const auto* f = Find(doc, "github-pat-classic");
  CHECK((*f)["decision"] == "block");
  CHECK((*f)["waiver"]["status"] == "expired");
  auto text = fx.repo.Riskgate({"check", "--staged"}, {{"RISKGATE_NOW", "2026-11-27"}});
  CHECK(text.out.find("waiver W-3 expired on 2026-10-30") != std::string::npos);
}

TEST_CASE("an approver without authority for the severity cannot waive it", "[e2e][waivers]") {
  Fixture fx;
  auto doc =
      fx.Run(Waiver("W-4", fx.fingerprint, "dave", "2026-11-20", "2026-12-15"), "2026-11-27", 1);
  CHECK((*Find(doc, "github-pat-classic"))["decision"] == "block");
  const auto* unauthorized = Find(doc, "waiver-unauthorized");
  REQUIRE(unauthorized != nullptr);
  CHECK((*unauthorized)["message"].get<std::string>().find(
            "dave, who may not accept critical risks (allowed: @acme/security-leads, carol)") !=
        std::string::npos);
}

TEST_CASE("a waiver longer than the policy allows for the severity does not apply",
          "[e2e][waivers]") {
  Fixture fx;
  auto doc =
      fx.Run(Waiver("W-5", fx.fingerprint, "carol", "2026-11-01", "2027-03-01"), "2026-11-27", 1);
  CHECK((*Find(doc, "github-pat-classic"))["waiver"]["status"] == "too_long");
  const auto* too_long = Find(doc, "waiver-too-long");
  REQUIRE(too_long != nullptr);
  CHECK((*too_long)["message"].get<std::string>().find("at most 30 for critical") !=
        std::string::npos);
}

TEST_CASE("issue 16: a waiver created in the future does not apply and says why",
          "[e2e][waivers][issue16]") {
  Fixture fx;
  // 2099-01-01..2099-01-30 fits max_days 30, but from today it lasts 73 years.
  auto doc =
      fx.Run(Waiver("W-6", fx.fingerprint, "carol", "2099-01-01", "2099-01-30"), "2026-11-27", 1);
  CHECK((*Find(doc, "github-pat-classic"))["decision"] == "block");
  CHECK((*Find(doc, "github-pat-classic"))["waiver"]["status"] == "not_yet_valid");
  const auto* future = Find(doc, "waiver-not-yet-valid");
  REQUIRE(future != nullptr);
  CHECK((*future)["message"].get<std::string>().find("created on 2099-01-01, after today") !=
        std::string::npos);
}

TEST_CASE("issue 16: a waiver date with a time or zone is refused", "[e2e][waivers][issue16]") {
  Fixture fx;
  fx.repo.Write(".riskgate/waivers.yaml",
                "version: 1\nwaivers:\n" + Waiver("W-9", fx.fingerprint, "carol",
                                                  "2026-11-20T00:00:00-12:00", "2026-12-15"));
  auto result = fx.repo.Riskgate({"check", "--staged"}, {{"RISKGATE_NOW", "2026-11-27"}});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("must be a date YYYY-MM-DD") != std::string::npos);
}

TEST_CASE("a waiver that matches nothing in a full scan is reported as orphaned",
          "[e2e][waivers]") {
  Fixture fx;
  fx.repo.Commit("fixture");
  auto doc = fx.Run(
      Waiver("W-1", fx.fingerprint, "carol", "2026-11-20", "2026-12-15") +
          Waiver("W-old", "00000000000000000000000000000000", "carol", "2026-11-20", "2026-12-15"),
      "2026-11-27", 0, {"check", "--worktree"});
  const auto* orphan = Find(doc, "waiver-orphaned");
  REQUIRE(orphan != nullptr);
  CHECK((*orphan)["message"].get<std::string>().find("'W-old'") != std::string::npos);
  CHECK((*orphan)["decision"] == "warn");
  CHECK((*Find(doc, "github-pat-classic"))["waiver"]["id"] == "W-1");
}

TEST_CASE("a malformed waiver file fails closed with every problem located", "[e2e][waivers]") {
  Fixture fx;
  fx.repo.Write(".riskgate/waivers.yaml",
                "version: 1\nwaivers:\n  - id: A\n    rule: x\n    owner: o\n    approver: a\n"
                "    reason: r\n    created: 2026-11-01\n    expires: 2026-02-30\n"
                "  - id: B\n    reason: r\n    owner: o\n    approver: a\n"
                "    created: 2026-11-01\n    expires: 2026-11-02\n");
  auto result = fx.repo.Riskgate({"check", "--staged"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find(".riskgate/waivers.yaml:9:14: waivers[0] (A).expires: must be a date") !=
        std::string::npos);
  CHECK(result.err.find("must name what it covers") != std::string::npos);
  CHECK(fx.repo.Riskgate({"check", "--staged"}, {{"RISKGATE_NOW", "soon"}}).exit_code == 2);
}

}  // namespace riskgate::testing
