// A control added by a test: its own row in a test-only table is all the pipeline needs. It is
// asked for the tree, gathers, evaluates, explains itself and shows its settings, and its
// finding is decided and reported like any other (ARCHITECTURE.md: where a new control goes).
#include <atomic>
#include <catch2/catch.hpp>

#include "report/report.h"
#include "run/control.h"
#include "run/controls/rows.h"
#include "run/explain_rule.h"
#include "run/judge_change.h"
#include "support/temp_repo.h"

namespace riskgate {
namespace {

// Blocks a change that adds a file named TOY anywhere.
class ToyControl final : public run::Control {
 public:
  std::string_view Name() const override { return "toy"; }

  bool WantsTree(const policy::Policy& /*policy*/) const override { return true; }

  core::Result<void> Gather(const policy::Policy& /*policy*/, run::GatherContext& context,
                            collect::ChangeFacts& facts) const override {
    ++gathered;
    saw_repo_root = context.repo.Workdir();
    tree_size = facts.tree.size();
    return {};
  }

  evaluate::Evaluation Evaluate(const collect::ChangeFacts& facts, const policy::Policy& /*policy*/,
                                const evaluate::RepositoryLayout& /*layout*/) const override {
    evaluate::Evaluation out;
    for (const auto& path : facts.changed_paths) {
      if (path != "TOY" && !path.ends_with("/TOY")) continue;
      core::Finding f;
      f.rule = "toy-file";
      f.control = std::string(Name());
      f.severity = core::Severity::kHigh;
      f.message = "a TOY file was added";
      f.location.path = path;
      f.location.line = 1;
      f.fingerprint = "toy:" + path;
      out.findings.push_back(std::move(f));
    }
    return out;
  }

  bool Explain(const policy::Policy& /*policy*/, std::string_view id,
               run::RuleExplanation& e) const override {
    if (id != "toy-file") return false;
    e.control = std::string(Name());
    e.description = "a file named TOY";
    e.severity = core::Severity::kHigh;
    e.fix = "Remove the TOY file";
    e.origin = "test";
    return true;
  }

  std::string Summary(const policy::Policy& /*policy*/) const override { return "toy: on\n"; }

  mutable std::atomic<int> gathered{0};
  mutable std::string saw_repo_root;
  mutable std::size_t tree_size = 0;
};

// A repository whose staged change adds src/TOY.
struct StagedToy : testing::TempRepo {
  StagedToy() {
    Write("README.md", "hello\n");
    Commit("base");
    Write("src/TOY", "toy\n");
    Git({"add", "-A"});
  }
};

TEST_CASE(
    "A control added as one row of a test-only table is gathered, evaluated, decided, "
    "explained and reported end to end",
    "[scenario][control]") {
  const StagedToy repo;

  ToyControl toy;
  const run::Control* const table[] = {&run::controls::Secrets(), &toy};
  run::JudgeRequest request;
  request.repo = repo.path();
  request.staged = true;
  auto judged = run::JudgeChange(request, table);
  REQUIRE(judged);
  CHECK(toy.gathered == 1);
  CHECK(toy.tree_size == 2);  // WantsTree asked collect for every file of the index
  REQUIRE(judged->verdict.findings.size() == 1);
  const auto& finding = judged->verdict.findings.front();
  CHECK(finding.rule == "toy-file");
  CHECK(finding.location.path == "src/TOY");
  CHECK(finding.decision == core::Decision::kBlock);  // high blocks under the default policy
  CHECK(judged->verdict.decision == core::Decision::kBlock);
  CHECK_FALSE(finding.remediation.empty());

  const report::ReportInput input{judged->verdict, judged->facts.scope,
                                  judged->inputs.policy.source};
  const std::string json = report::Render(report::Format::kJson, input, {});
  CHECK(json.find("\"toy-file\"") != std::string::npos);
  CHECK(json.find("\"control\": \"toy\"") != std::string::npos);

  auto explained = run::ExplainRule(judged->inputs.policy, "toy-file", table);
  REQUIRE(explained);
  CHECK(explained->control == "toy");
  CHECK(explained->decision == core::Decision::kBlock);
  // The pipeline, not the row, says who may accept a high finding under this policy.
  CHECK_FALSE(explained->accept.empty());
  CHECK(explained->accept.find("high") != std::string::npos);
  CHECK(run::ControlSummaries(judged->inputs.policy, table).find("toy: on") != std::string::npos);
  // riskgate's own table does not know the toy.
  CHECK_FALSE(run::ExplainRule(judged->inputs.policy, "toy-file"));
}

TEST_CASE("Without the toy row the same change passes: the table is what runs",
          "[scenario][control]") {
  const StagedToy repo;
  run::JudgeRequest request;
  request.repo = repo.path();
  request.staged = true;
  const run::Control* const table[] = {&run::controls::Secrets()};
  auto judged = run::JudgeChange(request, table);
  REQUIRE(judged);
  CHECK(judged->verdict.findings.empty());
  CHECK(judged->verdict.decision == core::Decision::kPass);
}

}  // namespace
}  // namespace riskgate
