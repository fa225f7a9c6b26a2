// The custom control: the users' own rules (forbid_content, forbid_path, require_path,
// require_change, restrict_change, commit_message) (evaluate/custom/).
#include "evaluate/custom/custom_evaluator.h"
#include "run/controls/explain_text.h"
#include "run/controls/rows.h"

namespace riskgate::run::controls {
namespace {

std::string Where(const policy::CustomRule& rule) {
  std::string out = rule.paths.empty() ? "any file" : "files matching " + JoinList(rule.paths);
  if (!rule.exclude_paths.empty()) out += " (except " + JoinList(rule.exclude_paths) + ")";
  return out;
}

std::vector<std::string> Matches(const policy::CustomRule& rule) {
  using policy::CustomKind;
  switch (rule.kind) {
    case CustomKind::kForbidContent: {
      std::string s = "lines a change adds (whole files in --worktree audits) to " + Where(rule) +
                      " that match /" + (rule.pattern ? rule.pattern->source() : "") + "/";
      if (!rule.unless.empty()) s += ", unless the same line matches " + PatternList(rule.unless);
      return {s};
    }
    case CustomKind::kForbidPath:
      return {(rule.max_bytes ? "files over " + std::to_string(*rule.max_bytes) + " bytes among "
                              : std::string("")) +
              Where(rule) + " that a change adds or modifies (every such file in audits)"};
    case CustomKind::kRequirePath:
      return {"the judged tree has no file matching " + JoinList(rule.paths)};
    case CustomKind::kRequireChange:
      return {"a change touches " + Where(rule) + " without changing any file matching " +
              JoinList(rule.require)};
    case CustomKind::kRestrictChange:
      return {"a change touches " + Where(rule) + " and its author is not one of " +
              JoinList(rule.owners) + " (nor did one of them approve it, when reviews are read)"};
    case CustomKind::kCommitMessage: {
      std::vector<std::string> out;
      if (!rule.must_match.empty()) {
        out.push_back("a commit message of the range does not match " +
                      PatternList(rule.must_match));
      }
      if (!rule.must_not_match.empty()) {
        out.push_back("a commit message of the range matches " + PatternList(rule.must_not_match));
      }
      return out;
    }
  }
  return {};
}

std::string Applies(const policy::RuleConditions& when) {
  if (when.empty()) return "always";
  std::vector<std::string> parts;
  if (!when.branches.empty()) parts.push_back("the branch matches " + JoinList(when.branches));
  if (!when.events.empty()) parts.push_back("the CI event is " + JoinList(when.events, " or "));
  if (!when.changed.empty()) parts.push_back("the change touches " + JoinList(when.changed));
  return "only when " + JoinList(parts, " and ");
}

class CustomControl final : public Control {
 public:
  std::string_view Name() const override { return evaluate::custom::kControl; }

  bool WantsTree(const policy::Policy& policy) const override {
    return evaluate::custom::WantsTree(policy.custom);
  }

  evaluate::Evaluation Evaluate(const collect::ChangeFacts& facts, const policy::Policy& policy,
                                const evaluate::RepositoryLayout& /*layout*/) const override {
    return {evaluate::FoldRepeats(evaluate::custom::EvaluateCustom(facts, policy))};
  }

  // forbid_content reads the lines a change adds.
  CollectTests Tests(const policy::Policy& policy) const override {
    return {{}, [&custom = policy.custom](std::string_view path, std::string_view text) {
              return evaluate::custom::LinesMayForbid(custom, path, text);
            }};
  }

  bool Explain(const policy::Policy& policy, std::string_view id,
               RuleExplanation& e) const override {
    bool found = false;
    for (const auto& rule : policy.custom.rules) {
      if (rule.id != id) continue;
      found = true;
      e.control = std::string(Name());
      e.kind = std::string(policy::CustomKindName(rule.kind));
      e.description = rule.description;
      e.why = rule.why;
      e.matches = Matches(rule);
      e.applies = Applies(rule.when);
      e.severity = rule.severity;
      e.fix = policy::CustomRuleFix(rule);
      e.mitigate = rule.mitigate;
      e.origin = rule.origin;
      if (!policy.custom.enabled) e.applies = "never: controls.custom is disabled";
    }
    return found;
  }

  bool On(const policy::Policy& policy) const override { return policy.custom.enabled; }

  std::string Summary(const policy::Policy& policy) const override {
    std::string out = std::string("custom: ") + OnOff(policy.custom.enabled) + ", " +
                      std::to_string(policy.custom.rules.size()) + " rules\n";
    for (const auto& rule : policy.custom.rules) {
      out += "  " + rule.id + " (" + std::string(policy::CustomKindName(rule.kind)) + ", " +
             std::string(core::SeverityName(rule.severity)) + " -> " +
             std::string(core::DecisionName(policy.DecisionFor(rule.severity))) + ") from " +
             rule.origin + "\n";
    }
    return out;
  }
};

}  // namespace

const Control& Custom() {
  static const CustomControl control;
  return control;
}

}  // namespace riskgate::run::controls
