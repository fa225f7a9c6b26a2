#include <catch2/catch.hpp>

#include <type_traits>

#include "core/date.h"
#include "decide/decide.h"

namespace riskgate::decide {
namespace {

core::Finding MakeFinding(core::Severity severity, std::string path = "a.py",
                          std::optional<std::string> commit = std::nullopt) {
  core::Finding f;
  f.control = "secrets";
  f.rule = "demo-token";
  f.severity = severity;
  f.location.path = std::move(path);
  f.location.line = 3;
  f.location.commit = std::move(commit);
  f.fingerprint = "0123456789abcdef0123456789abcdef";
  f.hints.provider = "Demo";
  f.hints.revoke_url = "https://demo.example/tokens";
  f.hints.fix = "Revoke it in the Demo console.";
  return f;
}

// Which stage has run shows in the type: evaluate's finding carries no decision, remedies,
// waiver or baseline mark; only decide's judged finding does.
template <typename T>
concept HasDecideFields = requires(T f) {
  f.decision;
  f.remediation;
  f.waiver;
  f.baselined;
};
static_assert(!HasDecideFields<core::Finding>);
static_assert(HasDecideFields<core::JudgedFinding>);
static_assert(!std::is_convertible_v<core::Finding, core::JudgedFinding>,
              "only decide (explicitly) turns a finding into a judged one");

}  // namespace

TEST_CASE("no findings pass", "[decide]") {
  policy::Policy policy;
  auto verdict = Decide({}, policy);
  CHECK(verdict.decision == core::Decision::kPass);
  CHECK(verdict.summary.total == 0);
}

TEST_CASE("each finding's decision comes from its severity and the run takes the worst",
          "[decide]") {
  policy::Policy policy;
  auto verdict = Decide({MakeFinding(core::Severity::kLow), MakeFinding(core::Severity::kHigh),
                         MakeFinding(core::Severity::kInfo)},
                        policy);
  CHECK(verdict.decision == core::Decision::kBlock);
  CHECK(verdict.summary.block == 1);
  CHECK(verdict.summary.warn == 1);
  CHECK(verdict.summary.pass == 1);
  CHECK(verdict.findings.front().decision == core::Decision::kBlock);
  CHECK(verdict.findings.back().decision == core::Decision::kPass);
}

TEST_CASE("warnings alone make the run warn", "[decide]") {
  policy::Policy policy;
  auto verdict = Decide({MakeFinding(core::Severity::kMedium)}, policy);
  CHECK(verdict.decision == core::Decision::kWarn);
}

TEST_CASE("a policy can turn a severity into a block", "[decide]") {
  policy::Policy policy;
  policy.decisions[static_cast<std::size_t>(core::Severity::kMedium)] = core::Decision::kBlock;
  CHECK(Decide({MakeFinding(core::Severity::kMedium)}, policy).decision == core::Decision::kBlock);
}

TEST_CASE("a secret finding offers fix, mitigate and accept remedies", "[decide]") {
  policy::Policy policy;
  auto verdict =
      Decide({MakeFinding(core::Severity::kCritical, "src/x.py", "abcdef1234567890")}, policy);
  const auto& remedies = verdict.findings[0].remediation;
  REQUIRE(remedies.size() == 3);
  CHECK(remedies[0].kind == core::RemedyKind::kFix);
  CHECK(remedies[0].summary.find("Demo") != std::string::npos);
  CHECK(remedies[0].detail.find("https://demo.example/tokens") != std::string::npos);
  CHECK(remedies[0].detail.find("git filter-repo") != std::string::npos);
  CHECK(remedies[1].kind == core::RemedyKind::kMitigate);
  CHECK(remedies[2].kind == core::RemedyKind::kAccept);
  // By default nobody may accept a critical risk: the remedy says so instead of a recipe.
  CHECK(remedies[2].summary ==
        "Nobody may accept a critical risk under this policy (waivers.approvers.critical is "
        "empty): fix or mitigate it");
  CHECK(remedies[2].detail.empty());
}

TEST_CASE("issue 19: the accept remedy is the riskgate waive command within the policy's limits",
          "[decide][waivers]") {
  policy::Policy policy;
  policy.waivers.approvers[static_cast<std::size_t>(core::Severity::kCritical)] = {"carol",
                                                                                   "@acme/sec"};
  DecideOptions options;
  options.waivers.today = *core::ParseDate("2026-12-04");
  auto verdict = Decide({MakeFinding(core::Severity::kCritical)}, policy, options);
  const auto& accept = verdict.findings[0].remediation.back();
  REQUIRE(accept.kind == core::RemedyKind::kAccept);
  CHECK(accept.detail.starts_with(
      "riskgate waive 0123456789abcdef0123456789abcdef --owner OWNER --approver APPROVER "
      "--reason 'WHY' --expires 2027-01-03\n"));
  CHECK_THAT(accept.detail, Catch::Contains("APPROVER: one of carol, @acme/sec "
                                            "(waivers.approvers.critical)"));
  CHECK_THAT(accept.detail, Catch::Contains("at most 30 days from today "
                                            "(waivers.max_days.critical), so 2027-01-03 or "
                                            "earlier"));
  CHECK_THAT(accept.summary, Catch::Contains("`riskgate waive`"));
}

TEST_CASE("a staged secret's fix explains how to unstage it", "[decide]") {
  policy::Policy policy;
  auto verdict = Decide({MakeFinding(core::Severity::kHigh)}, policy);
  CHECK(verdict.findings[0].remediation[0].detail.find("git restore --staged -- a.py") !=
        std::string::npos);
}

TEST_CASE("finding caps list the worst findings and count the rest, which still decide",
          "[decide][issue5]") {
  policy::Policy policy;
  policy.limits.max_findings_per_file = 3;
  policy.limits.max_findings = 5;
  std::vector<core::Finding> findings;
  for (int i = 0; i < 6; ++i) findings.push_back(MakeFinding(core::Severity::kLow, "noisy.py"));
  findings.push_back(MakeFinding(core::Severity::kCritical, "noisy.py"));
  for (int i = 0; i < 4; ++i) findings.push_back(MakeFinding(core::Severity::kMedium, "b.py"));
  auto verdict = Decide(findings, policy);
  CHECK(verdict.decision == core::Decision::kBlock);
  CHECK(verdict.summary.total == 11);
  CHECK(verdict.summary.block == 1);
  CHECK(verdict.summary.warn == 10);
  REQUIRE(verdict.findings.size() == 5);
  CHECK(verdict.findings[0].severity == core::Severity::kCritical);
  CHECK(verdict.summary.omitted == 6);
  CHECK(verdict.summary.capped_paths == std::vector<std::string>{"b.py"});
  CHECK(verdict.summary.run_cap_reached);
}

TEST_CASE("under the caps nothing is omitted", "[decide][issue5]") {
  policy::Policy policy;
  auto verdict =
      Decide({MakeFinding(core::Severity::kLow), MakeFinding(core::Severity::kHigh)}, policy);
  CHECK(verdict.summary.omitted == 0);
  CHECK(verdict.summary.capped_paths.empty());
  CHECK_FALSE(verdict.summary.run_cap_reached);
}

}  // namespace riskgate::decide

namespace riskgate::decide {

TEST_CASE("a waiver approver may have authority through a team the policy lists",
          "[decide][waivers]") {
  policy::Policy policy;
  policy.waivers.approvers[static_cast<std::size_t>(core::Severity::kHigh)] = {"@acme/security"};
  policy.reviews.teams["@acme/security"] = {"alice", "bob@example.com"};
  CHECK(HasAuthority(policy, core::Severity::kHigh, "alice"));
  CHECK(HasAuthority(policy, core::Severity::kHigh, "@Alice"));
  CHECK(HasAuthority(policy, core::Severity::kHigh, "bob@example.com"));
  CHECK(HasAuthority(policy, core::Severity::kHigh, "@acme/security"));
  CHECK_FALSE(HasAuthority(policy, core::Severity::kHigh, "mallory"));
  CHECK_FALSE(HasAuthority(policy, core::Severity::kHigh, ""));
  // A severity nobody may accept stays so whatever the teams.
  CHECK_FALSE(HasAuthority(policy, core::Severity::kCritical, "alice"));
}

}  // namespace riskgate::decide

namespace riskgate::decide {

TEST_CASE("a finding that names its acceptors can be waived only by them", "[decide][waivers]") {
  policy::Policy policy;
  policy.waivers.approvers[static_cast<std::size_t>(core::Severity::kHigh)] = {"*"};
  policy.reviews.teams["@acme/payments"] = {"alice"};
  core::Finding f;
  f.control = "threat_model";
  f.rule = "threat-model-missing";
  f.severity = core::Severity::kHigh;
  f.location.path = "src/payments/a.cc";
  f.fingerprint = "00112233445566778899aabbccddeeff";
  f.hints.acceptors = {"@acme/payments"};
  CHECK(MayAccept(policy, f, "alice"));
  CHECK_FALSE(MayAccept(policy, f, "mallory"));
  policy::Waiver w;
  w.id = "W-1";
  w.rule = "threat-model-missing";
  w.owner = "alice";
  w.approver = "mallory";
  w.created = 20400;
  w.expires = 20430;
  std::vector<policy::Waiver> waivers = {w};
  DecideOptions options;
  options.waivers = {&waivers, 20410, false};
  auto verdict = Decide({f}, policy, options);
  REQUIRE(!verdict.findings.empty());
  CHECK(verdict.decision == core::Decision::kBlock);
  bool said = false;
  for (const auto& g : verdict.findings) {
    said = said || (g.rule == "waiver-unauthorized" &&
                    g.message.find("only @acme/payments may") != std::string::npos);
  }
  CHECK(said);
  waivers[0].approver = "alice";
  CHECK(Decide({f}, policy, options).decision == core::Decision::kPass);
}

}  // namespace riskgate::decide

namespace riskgate::decide {

TEST_CASE("issue 8: the accept remedy of a finding with acceptors names who may accept it",
          "[decide][waivers]") {
  policy::Policy policy;
  policy.waivers.approvers[static_cast<std::size_t>(core::Severity::kHigh)] = {"@acme/payments"};
  core::Finding f;
  f.control = "threat_model";
  f.rule = "threat-model-stale";
  f.severity = core::Severity::kHigh;
  f.location.path = "docs/tm/payments.md";
  f.fingerprint = "00112233445566778899aabbccddeeff";
  f.hints.acceptors = {"@acme/payments", "@carol"};
  const auto verdict = Decide({f}, policy);
  const auto& remedies = verdict.findings[0].remediation;
  REQUIRE_FALSE(remedies.empty());
  const auto& accept = remedies.back();
  REQUIRE(accept.kind == core::RemedyKind::kAccept);
  CHECK_THAT(accept.summary, Catch::Contains("one of @acme/payments, @carol"));
  CHECK_THAT(accept.detail, Catch::Contains("APPROVER: one of @acme/payments, @carol (only they "
                                            "may)"));
  CHECK_THAT(accept.detail, Catch::Contains("authority for high risks: @acme/payments"));
  // Without acceptors the remedy names the policy's approvers.
  f.hints.acceptors.clear();
  const auto generic = Decide({f}, policy).findings[0].remediation.back();
  CHECK_THAT(generic.detail,
             Catch::Contains("APPROVER: one of @acme/payments (waivers.approvers.high)"));
}

}  // namespace riskgate::decide

namespace riskgate::decide {

TEST_CASE("issue 18: a finding's decision cap (by confidence) lowers, never raises, its decision",
          "[decide][confidence]") {
  policy::Policy policy;
  auto low = MakeFinding(core::Severity::kCritical);
  low.confidence = core::Confidence::kLow;
  low.decision_cap = core::Decision::kWarn;
  auto verdict = Decide({low}, policy);
  REQUIRE(verdict.findings.size() == 1);
  CHECK(verdict.findings[0].decision == core::Decision::kWarn);
  CHECK(verdict.decision == core::Decision::kWarn);
  // A cap above the severity's decision changes nothing.
  auto medium = MakeFinding(core::Severity::kLow);
  medium.decision_cap = core::Decision::kBlock;
  CHECK(Decide({medium}, policy).findings[0].decision == policy.DecisionFor(core::Severity::kLow));
}

}  // namespace riskgate::decide
