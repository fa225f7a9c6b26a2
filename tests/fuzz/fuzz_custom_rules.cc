// Fuzz target: a policy with custom rules and `extends:`, as a pull request could write it, then
// evaluated over a fixed change. An extended file named "self..." is the input itself (a cycle),
// "base..." a small valid baseline; anything else is missing.
#include <set>

#include "evaluate/custom/custom_evaluator.h"
#include "fuzz_input.h"
#include "policy/policy.h"

namespace {

riskgate::collect::ChangeFacts Facts(riskgate::core::ScanMode mode) {
  using namespace riskgate::collect;
  ChangeFacts facts;
  facts.scope.mode = mode;
  facts.changed_paths = {"deploy/prod/a.yaml", "migrations/1.sql", "src/app.js", ".env"};
  facts.path_changes = {{".env", 10, false}, {"src/app.js", 5000, false}};
  facts.tree = {{"README.md", 3, false}, {"src/app.js", 5000, false}};
  facts.fragments = {{"src/app.js", std::nullopt, 1, "eval(x)\nconsole.log(1)\nTODO"},
                     {".env", std::nullopt, 1, "A=1"}};
  CommitFacts commit{std::string(40, 'a'), "Dev <dev@example.com>", {{"Approved-by", "@rel"}}};
  commit.message = "WIP change\n\nSigned-off-by: Dev <dev@example.com>";
  commit.paths = facts.changed_paths;
  facts.commits = {commit};
  facts.pending_author = "Dev <dev@example.com>";
  facts.context = {"main", "push"};
  return facts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = riskgate::fuzz::AsText(data, size);
  auto read = [&text](const std::string& path) -> riskgate::core::Result<std::string> {
    if (path.find("self") != std::string::npos) return std::string(text);
    if (path.find("base") != std::string::npos) {
      return std::string(
          "version: 1\ncontrols:\n  custom:\n    rules:\n      - {id: base-rule, kind: "
          "require_path, description: d, severity: low, paths: [SECURITY.md]}\n");
    }
    return riskgate::core::MakeError(riskgate::core::ErrorCode::kIo, "no such file", path);
  };
  auto policy = riskgate::policy::LoadPolicy(text, "fuzz.yaml", read);
  if (!policy) {
    if (policy.error().message.empty()) __builtin_trap();  // errors must explain
    return 0;
  }
  std::set<std::string> ids;
  for (const auto& rule : policy->custom.rules) ids.insert(rule.id);
  for (auto mode : {riskgate::core::ScanMode::kRange, riskgate::core::ScanMode::kStaged,
                    riskgate::core::ScanMode::kWorktree}) {
    for (const auto& finding : riskgate::evaluate::custom::EvaluateCustom(Facts(mode), *policy)) {
      if (finding.control != "custom" || !ids.contains(finding.rule) ||
          finding.fingerprint.size() != 32) {
        __builtin_trap();
      }
    }
  }
  return 0;
}
