#include "app/rule_explanation.h"

#include <nlohmann/json.hpp>

#include "policy/pins_rules.h"

namespace riskgate::app {
namespace {

std::string List(const std::vector<std::string>& items, std::string_view joiner = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(joiner)) + item;
  return out;
}

std::string Patterns(const std::vector<policy::PatternPtr>& patterns) {
  std::vector<std::string> out;
  for (const auto& p : patterns) out.push_back("/" + p->source() + "/");
  return List(out, " or ");
}

std::string Where(const policy::CustomRule& rule) {
  std::string out = rule.paths.empty() ? "any file" : "files matching " + List(rule.paths);
  if (!rule.exclude_paths.empty()) out += " (except " + List(rule.exclude_paths) + ")";
  return out;
}

std::vector<std::string> CustomMatches(const policy::CustomRule& rule) {
  using policy::CustomKind;
  switch (rule.kind) {
    case CustomKind::kForbidContent: {
      std::string s = "lines a change adds (whole files in --worktree audits) to " + Where(rule) +
                      " that match /" + (rule.pattern ? rule.pattern->source() : "") + "/";
      if (!rule.unless.empty()) s += ", unless the same line matches " + Patterns(rule.unless);
      return {s};
    }
    case CustomKind::kForbidPath:
      return {(rule.max_bytes ? "files over " + std::to_string(*rule.max_bytes) + " bytes among "
                              : std::string("")) +
              Where(rule) + " that a change adds or modifies (every such file in audits)"};
    case CustomKind::kRequirePath:
      return {"the judged tree has no file matching " + List(rule.paths)};
    case CustomKind::kRequireChange:
      return {"a change touches " + Where(rule) + " without changing any file matching " +
              List(rule.require)};
    case CustomKind::kRestrictChange:
      return {"a change touches " + Where(rule) + " and its author is not one of " +
              List(rule.owners) + " (nor did one of them approve it, when reviews are read)"};
    case CustomKind::kCommitMessage: {
      std::vector<std::string> out;
      if (!rule.must_match.empty()) {
        out.push_back("a commit message of the range does not match " + Patterns(rule.must_match));
      }
      if (!rule.must_not_match.empty()) {
        out.push_back("a commit message of the range matches " + Patterns(rule.must_not_match));
      }
      return out;
    }
  }
  return {};
}

std::string Applies(const policy::RuleConditions& when) {
  if (when.empty()) return "always";
  std::vector<std::string> parts;
  if (!when.branches.empty()) parts.push_back("the branch matches " + List(when.branches));
  if (!when.events.empty()) parts.push_back("the CI event is " + List(when.events, " or "));
  if (!when.changed.empty()) parts.push_back("the change touches " + List(when.changed));
  return "only when " + List(parts, " and ");
}

std::string AcceptText(const policy::Policy& policy, core::Severity severity) {
  const auto index = static_cast<std::size_t>(severity);
  const auto& approvers = policy.waivers.approvers[index];
  if (approvers.empty()) {
    return "cannot be waived: the policy names nobody who may accept " +
           std::string(core::SeverityName(severity)) + " risks";
  }
  return "a waiver in " + policy.waivers.file + " with an owner, a reason and an expiry at most " +
         std::to_string(policy.waivers.max_days[index]) + " days out, approved by " +
         (approvers.front() == "*" ? std::string("anyone") : List(approvers));
}

}  // namespace

core::Result<RuleExplanation> ExplainRule(const policy::Policy& policy, const std::string& id) {
  RuleExplanation e;
  e.id = id;
  e.applies = "always";
  bool found = false;
  for (const auto& rule : policy.custom.rules) {
    if (rule.id != id) continue;
    found = true;
    e.control = "custom";
    e.kind = std::string(policy::CustomKindName(rule.kind));
    e.description = rule.description;
    e.why = rule.why;
    e.matches = CustomMatches(rule);
    e.applies = Applies(rule.when);
    e.severity = rule.severity;
    e.fix = policy::CustomRuleFix(rule);
    e.mitigate = rule.mitigate;
    e.origin = rule.origin;
    if (!policy.custom.enabled) e.applies = "never: controls.custom is disabled";
  }
  for (const auto& rule : policy.secrets.rules) {
    if (found || rule.id != id) continue;
    found = true;
    e.control = "secrets";
    e.description = rule.description;
    e.why = "a credential in a repository is readable by everyone who can clone it, forever";
    e.matches = {"text matching /" + rule.regex->source() + "/" +
                 (rule.keywords.empty()
                      ? ""
                      : " (checked when a line holds " + List(rule.keywords, " or ") + ")")};
    e.severity = rule.severity;
    e.fix = rule.fix.empty()
                ? "Revoke the credential" +
                      (rule.revoke_url.empty() ? std::string() : " at " + rule.revoke_url) +
                      ", then remove it from the change"
                : rule.fix;
    e.mitigate = rule.mitigate;
    e.origin = rule.origin;
    if (!policy.secrets.enabled) e.applies = "never: controls.secrets is disabled";
  }
  if (const auto* pins = policy::FindPinsRule(id); !found && pins != nullptr) {
    found = true;
    e.control = "pins";
    e.description = std::string(pins->description);
    e.why = "a mutable reference lets whoever controls it change what your pipeline runs";
    e.matches = {std::string(pins->description)};
    auto it = policy.pins.severity.find(id);
    e.severity = it != policy.pins.severity.end() ? it->second : pins->severity;
    e.fix = "riskgate fix pins rewrites action references to commit SHAs";
    e.origin = "built-in";
    if (!policy.pins.enabled || policy.pins.disabled_rules.contains(id)) {
      e.applies = "never: disabled by the policy";
    }
  }
  if (!found) {
    std::string known;
    for (const auto& rule : policy.custom.rules) known += (known.empty() ? "" : ", ") + rule.id;
    return core::MakeError(core::ErrorCode::kUsage,
                           "no rule '" + id + "' in the active policy" +
                               (known.empty() ? std::string() : " (custom rules: " + known + ")"));
  }
  e.decision = policy.DecisionFor(e.severity);
  e.accept = AcceptText(policy, e.severity);
  return e;
}

std::string ExplanationText(const RuleExplanation& e) {
  std::string out = e.id + " (" + e.control + (e.kind.empty() ? "" : ", " + e.kind) + ")\n";
  out += "  " + e.description + "\n";
  if (!e.why.empty()) out += "why: " + e.why + "\n";
  for (const auto& m : e.matches) out += "matches: " + m + "\n";
  out += "applies: " + e.applies + "\n";
  out += "severity: " + std::string(core::SeverityName(e.severity)) +
         ", which this policy decides as " + std::string(core::DecisionName(e.decision)) + "\n";
  out += "remedies:\n";
  if (!e.fix.empty()) out += "  fix: " + e.fix + "\n";
  if (!e.mitigate.empty()) out += "  mitigate: " + e.mitigate + "\n";
  out += "  accept: " + e.accept + "\n";
  out += "defined at: " + e.origin + "\n";
  return out;
}

std::string ExplanationJson(const RuleExplanation& e) {
  nlohmann::json doc = {
      {"id", e.id},
      {"control", e.control},
      {"kind", e.kind},
      {"description", e.description},
      {"why", e.why},
      {"matches", e.matches},
      {"applies", e.applies},
      {"severity", core::SeverityName(e.severity)},
      {"decision", core::DecisionName(e.decision)},
      {"remedies", {{"fix", e.fix}, {"mitigate", e.mitigate}, {"accept", e.accept}}},
      {"origin", e.origin}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace riskgate::app
