// Threat-model parsers on real-shaped files written from the documented schemas: an OWASP
// Threat Dragon v2 model with threats under cells[].data.threats[], a Threagile model with
// risk_tracking, and Markdown with a residual-risk table.
#include <catch2/catch.hpp>

#include <ctime>
#include <fstream>

#include "core/date.h"
#include "evaluate/threat_model/freshness.h"
#include "evaluate/threat_model/model_document.h"
#include "evaluate/threat_model/model_status.h"
#include "evaluate/threat_model/threat_model_evaluator.h"

namespace riskgate::evaluate::threat_model {
namespace {

const std::vector<std::string> kParts = {"Assets",           "Actors",      "Entry points",
                                         "Trust boundaries", "Abuse cases", "Controls",
                                         "Residual risk"};

std::string Fixture(const std::string& name) {
  std::ifstream in("tests/unit/evaluate/threat_models/" + name);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("a Threat Dragon v2 model: parts from element types, open threats as residual risk",
          "[evaluate][threat_model]") {
  const auto doc = ReadModel("tm/payments.json", Fixture("payments.threat-dragon.json"), kParts);
  REQUIRE(doc.error.empty());
  CHECK(doc.format == ModelFormat::kThreatDragon);
  for (const auto& part : doc.parts) {
    INFO(part.name);
    CHECK(part.present);
  }
  REQUIRE(doc.residual.size() == 2);  // the mitigated threat is not residual
  CHECK(doc.residual[0].title == "Replayed charge request");
  CHECK(doc.residual[0].severity == core::Severity::kHigh);
  CHECK(doc.residual[1].severity == core::Severity::kMedium);
  CHECK_FALSE(HasOwner(doc.residual[0]));  // summary.owner is empty
  CHECK(Mentions(doc, "payments-api"));
  CHECK(Mentions(doc, "Ledger"));
  CHECK_FALSE(Mentions(doc, "refunds-worker"));
}

TEST_CASE("a Threagile model: parts from its sections, risk_tracking as residual risk",
          "[evaluate][threat_model]") {
  const auto doc = ReadModel("payments.threagile.yaml", Fixture("payments.threagile.yaml"), kParts);
  REQUIRE(doc.error.empty());
  CHECK(doc.format == ModelFormat::kThreagile);
  for (const auto& part : doc.parts) {
    INFO(part.name);
    CHECK(part.present);
  }
  REQUIRE(doc.residual.size() == 2);  // mitigated entries are not residual
  CHECK(doc.residual[0].title == "missing-authentication@payments-api");
  CHECK(doc.residual[0].status == "accepted");
  CHECK(doc.residual[0].owner == "alice");
  CHECK(doc.residual[0].date == "2026-09-30");
  CHECK(doc.residual[0].line == 47);
  CHECK(doc.residual[1].status == "in-discussion");
  CHECK_FALSE(HasOwner(doc.residual[1]));
  CHECK(Mentions(doc, "payments-api"));
}

TEST_CASE("models that are not what their name says are unparsable, not empty",
          "[evaluate][threat_model]") {
  CHECK_THAT(ReadModel("m.json", "{\"cells\": []}", kParts).error,
             Catch::Contains("not a Threat Dragon v2 model"));
  CHECK_THAT(ReadModel("m.json", "{\"summary\": ", kParts).error,
             Catch::Contains("not valid JSON"));
  // Located: the line where the JSON goes wrong.
  CHECK(ReadModel("m.json", "{\n  \"summary\": {},\n  \"detail\": ]\n}", kParts).error_line == 3);
  CHECK_THAT(ReadModel("m.yaml", "title: x\n", kParts).error,
             Catch::Contains("no `threagile_version`"));
  const auto bad = ReadModel("m.yaml", "a: [\n", kParts);
  CHECK_FALSE(bad.error.empty());
}

TEST_CASE("Markdown parts: numbered headings count, placeholders and fenced code do not",
          "[evaluate][threat_model]") {
  const auto doc = ReadModel("TM.md",
                             "# Model\n## 1. Assets\nx\n## 2. Actors:\n<fill in: actors>\n"
                             "## Controls\n```\n## Entry points\n```\n",
                             kParts);
  CHECK(doc.parts[0].present);
  CHECK_FALSE(doc.parts[0].empty);
  CHECK(doc.parts[1].present);
  CHECK(doc.parts[1].empty);
  CHECK_FALSE(doc.parts[2].present);  // inside a code fence
  CHECK(doc.parts[5].present);
}

}  // namespace riskgate::evaluate::threat_model

// Issue 8 audit regressions: Markdown status words, format by content, whole-word mentions,
// and the Threagile acceptance messages the evaluator gives (dates relative to today).
namespace riskgate::evaluate::threat_model {
namespace {

std::string ResidualTable(const std::string& rows) {
  return "# payments\n## Residual risk\n\n"
         "| Threat | Severity | Status | Owner | Accepted | Expires |\n"
         "|---|---|---|---|---|---|\n" +
         rows;
}

// One high-tier component "payments" (owners @acme/payments and alice) with `models`, judged by a
// change made now that touches its code (or, `models_only`, only its models).
std::vector<core::Finding> JudgeModels(const std::vector<collect::ModelFile>& models,
                                       core::ScanMode mode, const collect::ReviewFacts& reviews,
                                       const policy::ReviewsControl& reviews_control,
                                       bool models_only) {
  policy::ThreatModelControl control;
  control.enabled = true;
  control.required_parts = {"Residual risk"};
  policy::Component component;
  component.name = "payments";
  component.paths = {"src/payments/**"};
  component.tier = policy::RiskTier::kHigh;
  for (const auto& model : models) component.models.push_back(model.path);
  component.owners = {"@acme/payments", "alice"};
  control.components = {component};
  collect::ChangeFacts facts;
  facts.threat_models.change_time = static_cast<long long>(std::time(nullptr));
  collect::ComponentFacts c;
  c.name = "payments";
  c.touched = {"src/payments/charge.cc"};
  c.models = models;
  c.models_only = models_only;
  if (models_only) c.touched.clear();
  facts.threat_models.components = {c};
  facts.scope.mode = mode;
  facts.reviews = reviews;
  return EvaluateThreatModels(facts, control, reviews_control);
}

// The component's only model is `path` holding `content`, which the change edits from `base`
// (by default the change adds it; `content` nullopt: the change deletes it).
std::vector<core::Finding> Judge(const std::string& path, const std::optional<std::string>& content,
                                 std::optional<std::string> base = std::nullopt,
                                 core::ScanMode mode = core::ScanMode::kStaged,
                                 const collect::ReviewFacts& reviews = {},
                                 const policy::ReviewsControl& reviews_control = {},
                                 bool models_only = false) {
  collect::ModelFile model;
  model.path = path;
  model.content = content;
  model.changed = true;
  model.base_content = base;
  return JudgeModels({model}, mode, reviews, reviews_control, models_only);
}

std::string DaysFromToday(int days) {
  return core::FormatDate(core::DayOfUnixTime(static_cast<long long>(std::time(nullptr))) + days);
}

std::string ThreagileWithEntry(const std::string& entry) {
  return "threagile_version: 1.0.0\n"
         "title: payments\n"
         "technical_assets:\n"
         "  payments-api:\n"
         "    id: payments-api\n"
         "risk_tracking:\n"
         "  missing-authentication@payments-api:\n" +
         entry;
}

}  // namespace

TEST_CASE("issue 8: mitigated and closed Markdown residual-risk rows are not residual",
          "[evaluate][threat_model]") {
  const auto doc = ReadModel("TM.md",
                             ResidualTable("| Old XSS | High | Mitigated | | | |\n"
                                           "| Legacy SSRF | Critical | **Closed** | TBD | | |\n"
                                           "| Fixed CSRF | High | fixed in v2 | | | |\n"
                                           "| Replay | High | Open | | | |\n"
                                           "| Card testing | High | Accepted | @bob | | |\n"),
                             kParts);
  REQUIRE(doc.residual.size() == 2);
  CHECK(doc.residual[0].title == "Replay");
  CHECK(doc.residual[0].status == "open");
  CHECK(doc.residual[1].status == "accepted");
  // So only the open row lacks an owner, and only the accepted one lacks dates.
  std::vector<std::string> rules;
  for (const auto& f : Judge("TM.md", ResidualTable("| Old XSS | High | Mitigated | | | |\n"
                                                    "| Replay | High | Open | | | |\n"))) {
    rules.push_back(f.rule);
  }
  CHECK(rules == std::vector<std::string>{"residual-risk-unowned"});
}

TEST_CASE("issue 8: a model's format is told by its content, not its file name",
          "[evaluate][threat_model]") {
  const auto dragon =
      ReadModel("docs/tm/payments.md", Fixture("payments.threat-dragon.json"), kParts);
  CHECK(dragon.format == ModelFormat::kThreatDragon);
  CHECK(dragon.error.empty());
  CHECK(Mentions(dragon, "payments-api"));
  const auto threagile =
      ReadModel("docs/tm/payments.model", Fixture("payments.threagile.yaml"), kParts);
  CHECK(threagile.format == ModelFormat::kThreagile);
  CHECK(threagile.error.empty());
  CHECK(threagile.residual.size() == 2);
  // A Threagile file someone named .json, and Threat Dragon JSON named .yaml.
  CHECK(ReadModel("tm/threagile.json", Fixture("payments.threagile.yaml"), kParts).format ==
        ModelFormat::kThreagile);
  CHECK(ReadModel("tm/dragon.yaml", Fixture("payments.threat-dragon.json"), kParts).format ==
        ModelFormat::kThreatDragon);
  // Markdown under any name stays Markdown; JSON that is not Threat Dragon is unparsable.
  const auto markdown = ReadModel("tm/payments.txt", "# payments\n## Assets\nTokens.\n", kParts);
  CHECK(markdown.format == ModelFormat::kMarkdown);
  CHECK(markdown.parts[0].present);
  CHECK_THAT(ReadModel("tm/payments.md", "{\"cells\": []}", kParts).error,
             Catch::Contains("not a Threat Dragon v2 model"));
}

TEST_CASE("issue 8: a component is mentioned only as a whole word", "[evaluate][threat_model]") {
  const auto doc = ReadModel("TM.md",
                             "# Rapid response\n## Assets\n- grapi-cache: tokens\n"
                             "## Payments service\n- `src/payments/routes/refund.cc`: refunds\n",
                             kParts);
  CHECK_FALSE(Mentions(doc, "api"));  // "rapid", "grapi-cache"
  CHECK_FALSE(Mentions(doc, "pay"));
  CHECK(Mentions(doc, "payments"));
  CHECK(Mentions(doc, "Payments service"));
  CHECK(Mentions(doc, "refund.cc"));
  CHECK(Mentions(doc, "src/payments/routes/refund.cc"));
  // Punctuation separates words: "payments-api" names both "payments-api" and "api".
  const auto hyphenated = ReadModel("TM.md", "# Model\n- payments-api: the service\n", kParts);
  CHECK(Mentions(hyphenated, "payments-api"));
  CHECK(Mentions(hyphenated, "api"));
  CHECK(Mentions(ReadModel("TM.md", "# The API gateway\n", kParts), "api"));
}

TEST_CASE("issue 8: a Threagile acceptance without an expiry says which risk and what to add",
          "[evaluate][threat_model]") {
  const std::string accepted = DaysFromToday(-20);
  const auto findings = Judge("threagile.yaml", ThreagileWithEntry("    status: accepted\n"
                                                                   "    checked_by: alice\n"
                                                                   "    date: " +
                                                                   accepted + "\n"));
  REQUIRE(findings.size() == 1);
  const auto& f = findings[0];
  CHECK(f.rule == "residual-risk-acceptance-incomplete");
  CHECK(f.location.line == 7);
  CHECK_THAT(f.message,
             Catch::Contains("risk_tracking entry 'missing-authentication@payments-api'"));
  CHECK_THAT(f.message, Catch::Contains("accepted by alice on " + accepted));
  CHECK_THAT(f.message, Catch::Contains("has no `expires:`"));
  CHECK_THAT(f.hints.fix, Catch::Contains("`expires:` (YYYY-MM-DD)"));
  CHECK_THAT(f.hints.fix, Catch::Contains("risk_tracking"));
  CHECK_THAT(f.hints.fix, Catch::Contains("threagile.yaml"));
}

TEST_CASE("issue 8: an expired Threagile acceptance says when it ended and how to renew it",
          "[evaluate][threat_model]") {
  const std::string accepted = DaysFromToday(-40);
  const std::string expired = DaysFromToday(-3);
  const auto findings = Judge("threagile.yaml", ThreagileWithEntry("    status: accepted\n"
                                                                   "    checked_by: alice\n"
                                                                   "    date: " +
                                                                   accepted +
                                                                   "\n"
                                                                   "    expires: " +
                                                                   expired + "\n"));
  REQUIRE(findings.size() == 1);
  const auto& f = findings[0];
  CHECK(f.rule == "residual-risk-expired");
  CHECK_THAT(f.message, Catch::Contains("risk_tracking entry 'missing-authentication@payments-api' "
                                        "(accepted by alice on " +
                                        accepted + ") expired on " + expired + ", 3 days ago"));
  CHECK_THAT(f.hints.fix, Catch::Contains("mark it mitigated"));
  CHECK_THAT(f.hints.fix, Catch::Contains("a new `date:` and a later `expires:`"));
  // Not a date at all is reported too, rather than read as "never expires".
  const auto garbled = Judge("threagile.yaml", ThreagileWithEntry("    status: accepted\n"
                                                                  "    checked_by: alice\n"
                                                                  "    date: " +
                                                                  accepted +
                                                                  "\n"
                                                                  "    expires: next quarter\n"));
  REQUIRE(garbled.size() == 1);
  CHECK(garbled[0].rule == "residual-risk-acceptance-incomplete");
  CHECK_THAT(garbled[0].message, Catch::Contains("'next quarter', which is not a date"));
}

TEST_CASE("issue 8: only entry points the change adds count, and any model may mention them",
          "[evaluate][threat_model]") {
  policy::ThreatModelControl control;
  control.enabled = true;
  control.required_parts = {};
  control.entry_points = {"**/routes/**"};
  policy::Component component;
  component.name = "payments";
  component.paths = {"src/payments/**"};
  component.models = {"docs/tm/payments.md", "docs/tm/routes.md"};
  control.components = {component};
  collect::ChangeFacts facts;
  facts.threat_models.change_time = static_cast<long long>(std::time(nullptr));
  collect::ComponentFacts c;
  c.name = "payments";
  c.touched = {"src/payments/routes/export.cc", "src/payments/routes/legacy.cc",
               "src/payments/routes/refund.cc"};
  c.added = {"src/payments/routes/export.cc", "src/payments/routes/refund.cc"};
  collect::ModelFile overview{"docs/tm/payments.md", "# payments\n", std::nullopt, true,
                              std::nullopt};
  collect::ModelFile routes{"docs/tm/routes.md", "# payments routes\n- refund.cc: refunds\n",
                            std::nullopt, true, std::nullopt};
  c.models = {overview, routes};
  facts.threat_models.components = {c};
  const auto findings = EvaluateThreatModels(facts, control);
  // legacy.cc was there before (modified only); refund.cc is named by the second model.
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "entry-point-unmodelled");
  CHECK(findings[0].location.path == "src/payments/routes/export.cc");
  CHECK_THAT(findings[0].message,
             Catch::Contains("none of docs/tm/payments.md, docs/tm/routes.md mentions"));
}

TEST_CASE("issue 8: status judges freshness as the check does (last_change mode)",
          "[evaluate][threat_model]") {
  const long long now = static_cast<long long>(std::time(nullptr));
  constexpr long long kDay = 86400;
  policy::ThreatModelControl control;
  control.enabled = true;
  control.required_parts = {};
  control.freshness = policy::Freshness::kLastChange;
  policy::Component component;
  component.name = "payments";
  component.paths = {"src/payments/**"};
  component.tier = policy::RiskTier::kHigh;
  component.models = {"docs/tm/payments.md"};
  component.owners = {"@acme/payments", "alice"};
  control.components = {component};
  collect::ChangeFacts facts;
  facts.threat_models.change_time = now;
  collect::ComponentFacts c;
  c.name = "payments";
  c.models = {collect::ModelFile{"docs/tm/payments.md", "# payments\n", now - 10 * kDay, false,
                                 std::nullopt}};
  c.last_code_change = now - 5 * kDay;  // the code moved on after the model
  facts.threat_models.components = {c};
  const auto stale = ComponentStatuses(facts.threat_models, control);
  REQUIRE(stale.size() == 1);
  REQUIRE(stale[0].models.size() == 1);
  CHECK_FALSE(stale[0].usable);
  CHECK_FALSE(stale[0].models[0].fresh);
  CHECK_THAT(stale[0].models[0].stale_reason,
             Catch::Contains("before the component's code changed on " +
                             core::FormatDate(core::DayOfUnixTime(now - 5 * kDay))));
  // The check says the same.
  c.touched = {"src/payments/charge.cc"};
  facts.threat_models.components = {c};
  const auto findings = EvaluateThreatModels(facts, control);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "threat-model-stale");
  // A model updated after the code is fresh for both, however old.
  facts.threat_models.components[0].models[0].last_updated = now - 4 * kDay;
  facts.threat_models.components[0].last_code_change = now - 400 * kDay;
  CHECK(ComponentStatuses(facts.threat_models, control)[0].usable);
  CHECK(EvaluateThreatModels(facts, control).empty());
}

}  // namespace riskgate::evaluate::threat_model

namespace riskgate::evaluate::threat_model {
namespace {

constexpr long long kDaySeconds = 86400;

policy::ThreatModelControl MaxAge(int days) {
  policy::ThreatModelControl control;
  control.enabled = true;
  control.max_age_days = days;
  return control;
}

}  // namespace

TEST_CASE("issue 16: an edit of only whitespace or numbers is no update of a threat model",
          "[evaluate][threat_model]") {
  const std::string old_model = "# payments\nlast_reviewed: 2024-11-01\n## Assets\nCards.\n";
  collect::ModelFile model{"docs/tm/payments.md", std::nullopt, std::nullopt, true, old_model};
  model.content = "# payments\nlast_reviewed: 2026-12-01\n## Assets\n  Cards.\n\n";
  CHECK_FALSE(UpdatedByChange(model));
  model.content = "# payments\nlast_reviewed: 2026-12-01\n## Assets\nCards, refunds.\n";
  CHECK(UpdatedByChange(model));
  model.base_content.reset();  // the change adds the model
  CHECK(UpdatedByChange(model));
  model.changed = false;
  CHECK_FALSE(UpdatedByChange(model));
}

TEST_CASE("issue 16: a model whose only edit bumps its date stays as stale as its history says",
          "[evaluate][threat_model]") {
  const long long now = static_cast<long long>(std::time(nullptr));
  collect::ModelFile model{"docs/tm/payments.md", "# payments\nreviewed 2026-12-01\n",
                           now - 700 * kDaySeconds, true, "# payments\nreviewed 2024-11-01\n"};
  const auto verdict = JudgeFreshness(model, collect::ComponentFacts{}, MaxAge(180), now);
  CHECK_FALSE(verdict.fresh);
  CHECK_THAT(verdict.reason, Catch::Contains("700 days ago"));
  CHECK_THAT(verdict.reason, Catch::Contains("edits only its whitespace or numbers"));
}

TEST_CASE("issue 16: a model last updated by a commit dated in the future is stale",
          "[evaluate][threat_model]") {
  const long long now = static_cast<long long>(std::time(nullptr));
  collect::ModelFile model{"docs/tm/payments.md", "# payments\n", now + 400 * kDaySeconds, false,
                           std::nullopt};
  const auto verdict = JudgeFreshness(model, collect::ComponentFacts{}, MaxAge(180), now);
  CHECK_FALSE(verdict.fresh);
  CHECK_THAT(verdict.reason, Catch::Contains("in the future"));
  // A few hours ahead is clock skew between machines, not a forgery.
  model.last_updated = now + 3600;
  CHECK(JudgeFreshness(model, collect::ComponentFacts{}, MaxAge(180), now).fresh);
  // In last_change mode too, a future date proves nothing.
  auto control = MaxAge(180);
  control.freshness = policy::Freshness::kLastChange;
  model.last_updated = now + 400 * kDaySeconds;
  collect::ComponentFacts code;
  code.last_code_change = now - kDaySeconds;
  CHECK_FALSE(JudgeFreshness(model, code, control, now).fresh);
}

}  // namespace riskgate::evaluate::threat_model

namespace riskgate::evaluate::threat_model {

TEST_CASE("a Threat Dragon model that gives a key twice is unparsable, located",
          "[evaluate][threat_model][json]") {
  // Which status counts (open or mitigated) would depend on the reader.
  const auto doc =
      ReadModel("m.json",
                "{\"summary\": {}, \"detail\": {\"diagrams\": [{\"cells\": [{\"data\": "
                "{\"threats\": [\n{\"status\": \"Open\", \"status\": \"Mitigated\"}]}}]}]}}",
                {"Residual risk"});
  CHECK_THAT(doc.error, Catch::Contains("duplicate key 'status'"));
  CHECK(doc.error_line == 2);
  const auto deep = ReadModel("m.json", std::string(500, '[') + std::string(500, ']'), {});
  CHECK(deep.error == "JSON nested more than 128 levels deep");
}

TEST_CASE("Threat Dragon flags count only as JSON true", "[evaluate][threat_model][json]") {
  auto with_flags = [](const std::string& flags) {
    return ReadModel("m.json",
                     "{\"summary\": {\"owner\": \"o\"}, \"detail\": {\"diagrams\": [{\"cells\": "
                     "[{\"data\": {\"type\": \"tm.Process\"" +
                         flags + ", \"threats\": [{\"status\": \"Open\", \"title\": \"t\"}]}}]}]}}",
                     {"Trust boundaries"});
  };
  const auto plain = with_flags("");
  REQUIRE(plain.error.empty());
  CHECK_FALSE(plain.parts.at(0).present);
  CHECK(plain.residual.size() == 1);
  CHECK(with_flags(", \"isTrustBoundary\": true").parts.at(0).present);
  CHECK_FALSE(with_flags(", \"isTrustBoundary\": \"true\"").parts.at(0).present);
  CHECK_FALSE(with_flags(", \"isTrustBoundary\": 1").parts.at(0).present);
  CHECK(with_flags(", \"outOfScope\": true").residual.empty());
  CHECK(with_flags(", \"outOfScope\": \"yes\"").residual.size() == 1);
}

}  // namespace riskgate::evaluate::threat_model

namespace riskgate::evaluate::threat_model {
namespace {

std::vector<std::string> RulesOf(const std::vector<core::Finding>& findings) {
  std::vector<std::string> rules;
  for (const auto& f : findings) rules.push_back(f.rule);
  return rules;
}

// `model` as the version a change edits: the same residual-risk table under another title.
std::string Draft(const std::string& model) { return "# payments (draft)\n" + model.substr(11); }

std::string AcceptedRow(const std::string& owner, int accepted_in, int expires_in) {
  return "| Card testing | Critical | Accepted | " + owner + " | " + DaysFromToday(accepted_in) +
         " | " + DaysFromToday(expires_in) + " |\n";
}

TEST_CASE("an acceptance the change writes is dated, bounded and given by an owner",
          "[evaluate][threat_model]") {
  const auto judge = [](const std::string& row) {
    return Judge("docs/tm.md", ResidualTable(row));  // the change adds the model
  };
  CHECK(judge(AcceptedRow("@acme/payments", 0, 30)).empty());
  CHECK(judge(AcceptedRow("@ACME/Payments", -10, 355)).empty());  // 365 days, names match
  const auto future = judge(AcceptedRow("@acme/payments", 2, 30));
  REQUIRE(RulesOf(future) == std::vector<std::string>{"residual-risk-acceptance-invalid"});
  CHECK_THAT(future[0].message, Catch::Contains("is dated after today"));
  const auto long_lived = judge(AcceptedRow("@acme/payments", 0, 400));
  REQUIRE(RulesOf(long_lived) == std::vector<std::string>{"residual-risk-acceptance-invalid"});
  CHECK_THAT(long_lived[0].message, Catch::Contains("runs for 400 days, past the 365"));
  const auto stranger = judge(AcceptedRow("mallory", 0, 30));
  REQUIRE(RulesOf(stranger) == std::vector<std::string>{"residual-risk-acceptance-invalid"});
  CHECK_THAT(stranger[0].message,
             Catch::Contains("is not by one of the component's owners (@acme/payments, alice)"));
  // A member of the owning team, where the policy lists the team's members.
  policy::ReviewsControl teams;
  teams.teams["@acme/payments"] = {"carol"};
  CHECK(RulesOf(Judge("docs/tm.md", ResidualTable(AcceptedRow("@carol", 0, 30)), std::nullopt,
                      core::ScanMode::kStaged, {}, teams))
            .empty());
  CHECK(RulesOf(Judge("docs/tm.md", ResidualTable(AcceptedRow("@carol", 0, 30)))) ==
        std::vector<std::string>{"residual-risk-acceptance-invalid"});
  // An acceptance the base already holds was given through the trusted process: only its
  // expiry is judged.
  const std::string inherited = ResidualTable(AcceptedRow("mallory", 2, 900));
  CHECK(Judge("docs/tm.md", inherited, Draft(inherited)).empty());
  // An edit of the row (a renewal) is the change's own acceptance again.
  CHECK(RulesOf(
            Judge("docs/tm.md", ResidualTable(AcceptedRow("mallory", 0, 30)), Draft(inherited))) ==
        std::vector<std::string>{"residual-risk-acceptance-invalid"});
}

TEST_CASE("in a range, an acceptance the change writes stands only with an owner's approval",
          "[evaluate][threat_model]") {
  const std::string base = ResidualTable(AcceptedRow("@acme/payments", -200, -10));  // expired
  const std::string renewed = ResidualTable(AcceptedRow("@carol", 0, 60));
  policy::ReviewsControl control;
  control.teams["@acme/payments"] = {"carol"};
  collect::ReviewFacts none;
  none.origin = collect::ReviewOrigin::kGithub;
  none.authors = {"bob"};
  const auto unapproved = Judge("docs/tm.md", renewed, base, core::ScanMode::kRange, none, control);
  REQUIRE(RulesOf(unapproved) == std::vector<std::string>{"residual-risk-acceptance-unapproved"});
  CHECK_THAT(unapproved[0].message,
             Catch::Contains("none of its owners (@acme/payments, alice) approved the change"));
  CHECK(unapproved[0].severity == core::Severity::kHigh);  // the high tier: it blocks
  // carol, of the owning team, approves on the forge.
  collect::ReviewFacts approved = none;
  collect::Review carol;
  carol.login = "carol";
  carol.shown = "@carol";
  approved.reviews.push_back(carol);
  CHECK(Judge("docs/tm.md", renewed, base, core::ScanMode::kRange, approved, control).empty());
  // The author's own approval, or a trailer the author wrote, is none.
  collect::ReviewFacts own = none;
  collect::Review bob;
  bob.login = "bob";
  bob.shown = "@bob";
  own.reviews.push_back(bob);
  CHECK(RulesOf(Judge("docs/tm.md", renewed, base, core::ScanMode::kRange, own, control)) ==
        std::vector<std::string>{"residual-risk-acceptance-unapproved"});
  collect::ReviewFacts trailer = approved;
  trailer.origin = collect::ReviewOrigin::kTrailers;
  const auto self_asserted =
      Judge("docs/tm.md", renewed, base, core::ScanMode::kRange, trailer, control);
  REQUIRE(RulesOf(self_asserted) ==
          std::vector<std::string>{"residual-risk-acceptance-unapproved"});
  CHECK_THAT(self_asserted[0].message, Catch::Contains("written by the change's author"));
  // The acceptance the base holds needs nobody's approval; staged changes judge none.
  CHECK(
      Judge("docs/tm.md", renewed, Draft(renewed), core::ScanMode::kRange, none, control).empty());
  CHECK(Judge("docs/tm.md", renewed, base, core::ScanMode::kStaged, none, control).empty());
}

TEST_CASE("a change cannot lower, relabel or drop a residual risk past its owners",
          "[evaluate][threat_model]") {
  const auto row = [](const std::string& severity, const std::string& status,
                      const std::string& owner, int accepted_in, int expires_in) {
    return "| Card testing | " + severity + " | " + status + " | " + owner + " | " +
           DaysFromToday(accepted_in) + " | " + DaysFromToday(expires_in) + " |\n";
  };
  // Lowered below residual_severity: judged at the base's severity.
  const std::string base = ResidualTable(row("Critical", "Accepted", "@acme/payments", -10, 100));
  CHECK(RulesOf(Judge("docs/tm.md", ResidualTable(row("Medium", "Accepted", "mallory", 0, 30)),
                      Draft(base))) ==
        std::vector<std::string>{"residual-risk-acceptance-invalid"});
  // A Low acceptance the base holds is not one of a Critical risk.
  const std::string low = ResidualTable(row("Low", "Accepted", "mallory", 0, 900));
  CHECK(RulesOf(Judge("docs/tm.md", ResidualTable(row("Critical", "Accepted", "mallory", 0, 900)),
                      Draft(low))) == std::vector<std::string>{"residual-risk-acceptance-invalid"});
  // "Risk accepted" is an acceptance.
  CHECK(RulesOf(Judge("docs/tm.md",
                      ResidualTable(row("Critical", "Risk accepted", "mallory", 0, 30)))) ==
        std::vector<std::string>{"residual-risk-acceptance-invalid"});
  // In a range, taking the risk out of the table (here: mitigated) needs an owner's approval.
  policy::ReviewsControl control;
  control.teams["@acme/payments"] = {"carol"};
  collect::ReviewFacts none;
  none.origin = collect::ReviewOrigin::kGithub;
  none.authors = {"bob"};
  const std::string mitigated =
      ResidualTable("| Card testing | Critical | Mitigated | @acme/payments | | |\n");
  const auto dropped =
      Judge("docs/tm.md", mitigated, Draft(base), core::ScanMode::kRange, none, control);
  REQUIRE(RulesOf(dropped) == std::vector<std::string>{"residual-risk-dropped-unapproved"});
  CHECK_THAT(dropped[0].message, Catch::Contains("takes 'Card testing' (accepted) out of"));
  collect::ReviewFacts approved = none;
  collect::Review carol;
  carol.login = "carol";
  carol.shown = "@carol";
  approved.reviews.push_back(carol);
  CHECK(Judge("docs/tm.md", mitigated, Draft(base), core::ScanMode::kRange, approved, control)
            .empty());
  // Deleting the model drops its risks too, with or without a change to the code.
  for (const bool models_only : {true, false}) {
    const auto deleted = Judge("docs/tm.md", std::nullopt, Draft(base), core::ScanMode::kRange,
                               none, control, models_only);
    REQUIRE(std::count_if(deleted.begin(), deleted.end(), [](const core::Finding& f) {
              return f.rule == "residual-risk-dropped-unapproved";
            }) == 1);
    CHECK_THAT(deleted[0].message, Catch::Contains("the change deletes the model"));
    const auto kept = Judge("docs/tm.md", std::nullopt, Draft(base), core::ScanMode::kRange,
                            approved, control, models_only);
    CHECK(std::none_of(kept.begin(), kept.end(), [](const core::Finding& f) {
      return f.rule == "residual-risk-dropped-unapproved";
    }));
  }
  // A risk moved to the component's other model is not dropped; moved as mitigated, it is.
  const auto moved_to = [&](const std::string& rows) {
    collect::ModelFile gone;
    gone.path = "docs/tm.md";
    gone.changed = true;
    gone.base_content = Draft(base);
    collect::ModelFile other;
    other.path = "docs/tm-api.md";
    other.content = ResidualTable(rows);
    return JudgeModels({gone, other}, core::ScanMode::kRange, none, control, true);
  };
  CHECK(moved_to(row("Critical", "Accepted", "@acme/payments", -10, 100)).empty());
  const auto as_mitigated =
      moved_to("| Card testing | Critical | Mitigated | @acme/payments | | |\n");
  REQUIRE(RulesOf(as_mitigated) == std::vector<std::string>{"residual-risk-dropped-unapproved"});
  // Moved with a lower severity or another owner, it is not the risk the base held.
  CHECK(RulesOf(moved_to(row("Low", "Accepted", "@acme/payments", -10, 100))) ==
        std::vector<std::string>{"residual-risk-dropped-unapproved"});
  CHECK(RulesOf(moved_to(row("Critical", "Accepted", "mallory", -10, 100))) ==
        std::vector<std::string>{"residual-risk-dropped-unapproved"});
}

TEST_CASE("a change to a component's models alone is judged on the rows it writes",
          "[evaluate][threat_model]") {
  // The base's expired acceptance is the next code change's business; the change's own row is
  // judged now.
  const std::string expired = AcceptedRow("@acme/payments", -200, -10);
  const std::string base = ResidualTable(expired);
  CHECK(Judge("docs/tm.md", Draft(base), base, core::ScanMode::kStaged, {}, {}, true).empty());
  CHECK(RulesOf(Judge("docs/tm.md", ResidualTable(expired + AcceptedRow("mallory", 0, 30)),
                      Draft(base), core::ScanMode::kStaged, {}, {}, true)) ==
        std::vector<std::string>{"residual-risk-acceptance-invalid"});
  // An unparsable model is reported, not skipped.
  CHECK(RulesOf(Judge("docs/tm.json", "{not json", base, core::ScanMode::kStaged, {}, {}, true)) ==
        std::vector<std::string>{"threat-model-unparsable"});
}

}  // namespace
}  // namespace riskgate::evaluate::threat_model
