#include "evaluate/custom/custom_evaluator.h"

#include <algorithm>

#include "core/path_glob.h"
#include "core/text.h"
#include "evaluate/custom/custom_rules.h"

namespace riskgate::evaluate::custom {
namespace {

// The paths a `changed` condition looks at: the change's, or in an audit every file scanned.
bool TouchesAny(const std::vector<std::string>& globs, const collect::ChangeFacts& facts) {
  if (facts.scope.mode != core::ScanMode::kWorktree) {
    return std::any_of(facts.changed_paths.begin(), facts.changed_paths.end(),
                       [&](const std::string& p) { return policy::AnyGlobMatches(globs, p); });
  }
  return std::any_of(
      facts.fragments.begin(), facts.fragments.end(),
      [&](const collect::Fragment& f) { return policy::AnyGlobMatches(globs, f.path); });
}

}  // namespace

core::Finding MakeFinding(const policy::CustomRule& rule, std::string message, std::string path,
                          int line, int column, const std::string& subject) {
  core::Finding finding;
  finding.control = std::string(kControl);
  finding.rule = rule.id;
  finding.severity = rule.severity;
  finding.message = std::move(message);
  finding.location.path = std::move(path);
  finding.location.line = line;
  finding.location.column = column;
  const std::string prefix = std::string(kControl) + '\0' + rule.id + '\0';
  finding.fingerprint =
      core::Sha256Hex(prefix + finding.location.path + '\0' + subject).substr(0, 32);
  finding.content_id = core::Sha256Hex(prefix + subject).substr(0, 32);
  finding.hints.fix = policy::CustomRuleFix(rule);
  finding.hints.mitigate = rule.mitigate;
  return finding;
}

bool RuleApplies(const policy::CustomRule& rule, const collect::ChangeFacts& facts) {
  const auto& when = rule.when;
  if (!when.branches.empty() && !policy::AnyGlobMatches(when.branches, facts.context.branch))
    return false;
  if (!when.events.empty() &&
      std::find(when.events.begin(), when.events.end(), facts.context.event) == when.events.end()) {
    return false;
  }
  return when.changed.empty() || TouchesAny(when.changed, facts);
}

bool WantsTree(const policy::CustomControl& control) {
  if (!control.enabled) return false;
  return std::any_of(control.rules.begin(), control.rules.end(), [](const auto& rule) {
    return rule.kind == policy::CustomKind::kRequirePath ||
           rule.kind == policy::CustomKind::kForbidPath;
  });
}

std::vector<core::Finding> EvaluateCustom(const collect::ChangeFacts& facts,
                                          const policy::Policy& policy) {
  std::vector<core::Finding> out;
  if (!policy.custom.enabled) return out;
  for (const policy::CustomRule& rule : policy.custom.rules) {
    if (!RuleApplies(rule, facts)) continue;
    switch (rule.kind) {
      case policy::CustomKind::kForbidContent:
        ForbidContent(rule, facts, out);
        break;
      case policy::CustomKind::kForbidPath:
        ForbidPath(rule, facts, out);
        break;
      case policy::CustomKind::kRequirePath:
        RequirePath(rule, facts, out);
        break;
      case policy::CustomKind::kRequireChange:
        RequireChange(rule, facts, out);
        break;
      case policy::CustomKind::kRestrictChange:
        RestrictChange(rule, facts, policy, out);
        break;
      case policy::CustomKind::kCommitMessage:
        CommitMessage(rule, facts, out);
        break;
    }
  }
  return out;
}

}  // namespace riskgate::evaluate::custom
