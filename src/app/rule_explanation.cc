#include "app/rule_explanation.h"

#include "core/json_out.h"
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

struct BuiltinRule {
  std::string_view id;
  std::string_view control;
  std::string_view description;
  std::string_view why;
  std::string_view fix;
};

// The controls' rules that are not patterns: what each finding means and how it is fixed.
constexpr BuiltinRule kBuiltinRules[] = {
    {"approvals-missing", "reviews", "the change has fewer counted approvals than required",
     "two people looked at it is the oldest control in the book",
     "Ask for reviews; authors, bots and stale approvals do not count"},
    {"code-owner-approval-missing", "reviews",
     "a changed file's CODEOWNERS owners (read from the base) have not approved",
     "owners know the invariants of their code", "Request a review from the named owners"},
    {"codeowners-malformed", "reviews", "a CODEOWNERS line cannot be read",
     "an unreadable line silently drops an ownership rule", "Fix the line the finding names"},
    {"forge-approvals-missing", "reviews", "GitLab's own approval rules still want approvals",
     "the forge's rules and the gate agree", "Get the approvals the merge request lists"},
    {"reviews-unavailable", "reviews", "the forge could not be read and on_error is block",
     "a gate that cannot see approvals must not pass", "Fix the token or the forge URL"},
    {"threat-model-missing", "threat_model", "a touched component has no threat model",
     "risky code should not ship before anyone thought about how it fails",
     "riskgate threat-model init COMPONENT"},
    {"threat-model-stale", "threat_model", "the component's model is older than the policy allows",
     "a model that no longer describes the code gives false comfort",
     "Review and update the model in the same change"},
    {"threat-model-incomplete", "threat_model", "the model misses required parts",
     "every part answers a question an attacker will ask", "Fill in the parts the finding names"},
    {"threat-model-unparsable", "threat_model", "the model file cannot be parsed",
     "an unreadable model cannot be judged", "Fix the syntax at the location named"},
    {"threat-model-uncovered", "threat_model", "the model does not name the component",
     "a model of something else does not cover this", "Add a heading or element naming it"},
    {"entry-point-unmodelled", "threat_model", "a new entry point is not in the model",
     "new ways in are where attacks start", "Describe the entry point in the model"},
    {"residual-risk-unowned", "threat_model", "an open or accepted threat has no owner",
     "a risk nobody owns is a risk nobody watches", "Name an owner for the threat"},
    {"residual-risk-acceptance-incomplete", "threat_model",
     "an accepted threat lacks its date or expiry", "acceptance is a decision with a lifetime",
     "Add the acceptance date and expiry"},
    {"residual-risk-expired", "threat_model", "an accepted threat's acceptance has expired",
     "acceptances are revisited, not forgotten", "Re-assess the threat and renew or fix it"},
    {"policy-file-changed", "policy", "the change edits the policy or a file it reads",
     "a change must not weaken the rules that judge it; the new version applies once merged",
     "Have the policy's owners review the change"},
    {"waiver-changed", "policy", "the change adds or alters a waiver",
     "accepting risk needs the named approver's consent",
     "Add an Approved-by trailer or an approving review from the approver"},
    {"waiver-expiring", "waivers", "a waiver ends soon", "accepted risk has an end date",
     "Fix the finding or renew the waiver with its approver"},
    {"waiver-orphaned", "waivers", "a waiver matches no finding any more",
     "stale waivers hide future findings", "Delete the waiver"},
    {"waiver-too-long", "waivers", "a waiver lasts longer than the policy allows",
     "long waivers become permanent", "Shorten the expiry"},
    {"waiver-unauthorized", "waivers", "a waiver's approver lacks authority for the severity",
     "only the people the policy names may accept a risk", "Have an authorised approver sign"},
};

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
    if (rule.regex) {
      e.matches.push_back("text matching /" + rule.regex->source() + "/" +
                          (rule.keywords.empty() ? ""
                                                 : " (checked when a line holds " +
                                                       List(rule.keywords, " or ") + ")"));
    }
    if (rule.path) e.matches.push_back("files whose path matches /" + rule.path->source() + "/");
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
  for (const auto& rule : kBuiltinRules) {
    if (found || rule.id != id) continue;
    found = true;
    e.control = std::string(rule.control);
    e.description = std::string(rule.description);
    e.why = std::string(rule.why);
    e.matches = {e.description};
    e.fix = std::string(rule.fix);
    e.origin = "built-in";
    if (rule.control == "reviews") {
      e.severity = policy.reviews.severity;
      if (!policy.reviews.enabled) e.applies = "never: controls.reviews is off";
    } else if (rule.control == "threat_model") {
      e.severity_note = "set by the component's risk tier";
      if (!policy.threat_model.enabled) e.applies = "never: controls.threat_model is off";
    } else if (rule.control == "waivers") {
      e.severity_note = "the waived finding's";
    } else {
      e.severity = core::Severity::kMedium;
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
  if (e.control == "waivers") {
    e.accept = "none: a finding about a waiver is resolved in the waiver file";
  } else if (!e.severity_note.empty()) {
    e.accept = "a waiver in " + policy.waivers.file +
               " approved by someone with authority for the finding's severity "
               "(waivers.approvers), within waivers.max_days";
  }
  return e;
}

std::string ExplanationText(const RuleExplanation& e) {
  std::string out = e.id + " (" + e.control + (e.kind.empty() ? "" : ", " + e.kind) + ")\n";
  out += "  " + e.description + "\n";
  if (!e.why.empty()) out += "why: " + e.why + "\n";
  for (const auto& m : e.matches) out += "matches: " + m + "\n";
  out += "applies: " + e.applies + "\n";
  if (e.severity_note.empty()) {
    out += "severity: " + std::string(core::SeverityName(e.severity)) +
           ", which this policy decides as " + std::string(core::DecisionName(e.decision)) + "\n";
  } else {
    out += "severity: " + e.severity_note + "\n";
  }
  out += "remedies:\n";
  if (!e.fix.empty()) out += "  fix: " + e.fix + "\n";
  if (!e.mitigate.empty()) out += "  mitigate: " + e.mitigate + "\n";
  out += "  accept: " + e.accept + "\n";
  out += "defined at: " + e.origin + "\n";
  return out;
}

std::string ExplanationJson(const RuleExplanation& e) {
  const auto doc = core::JsonOut::Object(
      {{"id", e.id},
       {"control", e.control},
       {"kind", e.kind},
       {"description", e.description},
       {"why", e.why},
       {"matches", e.matches},
       {"applies", e.applies},
       {"severity", e.severity_note.empty() ? core::JsonOut(core::SeverityName(e.severity))
                                            : core::JsonOut(nullptr)},
       {"decision", e.severity_note.empty() ? core::JsonOut(core::DecisionName(e.decision))
                                            : core::JsonOut(nullptr)},
       {"severity_note", e.severity_note},
       {"remedies",
        core::JsonOut::Object({{"fix", e.fix}, {"mitigate", e.mitigate}, {"accept", e.accept}})},
       {"origin", e.origin}});
  return doc.Dump(2, core::JsonKeys::kSorted);
}

}  // namespace riskgate::app
