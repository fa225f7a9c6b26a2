#include "run/explain_rule.h"

#include <sstream>

#include "run/controls/explain_text.h"

namespace riskgate::run {
namespace {

std::string AcceptText(const policy::Policy& policy, core::Severity severity) {
  const auto index = static_cast<std::size_t>(severity);
  const auto& approvers = policy.waivers.approvers[index];
  if (approvers.empty()) {
    return "cannot be waived: the policy names nobody who may accept " +
           std::string(core::SeverityName(severity)) + " risks";
  }
  return "a waiver in " + policy.waivers.file + " with an owner, a reason and an expiry at most " +
         std::to_string(policy.waivers.max_days[index]) + " days out, approved by " +
         (approvers.front() == "*" ? std::string("anyone") : controls::JoinList(approvers));
}

}  // namespace

core::Result<RuleExplanation> ExplainRule(const policy::Policy& policy, const std::string& id,
                                          ControlTable controls) {
  RuleExplanation e;
  e.id = id;
  bool found = false;
  for (const Control* control : controls) {
    if (control->Explain(policy, id, e)) {
      found = true;
      break;
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
  if (!e.accept.empty()) return e;
  if (e.severity_note.empty()) {
    e.accept = AcceptText(policy, e.severity);
  } else {
    e.accept = "a waiver in " + policy.waivers.file +
               " approved by someone with authority for the finding's severity "
               "(waivers.approvers), within waivers.max_days";
  }
  return e;
}

std::string ControlSummaries(const policy::Policy& policy, ControlTable controls) {
  std::string out;
  for (const Control* control : controls) out += control->Summary(policy);
  return out;
}

std::string EffectiveSettings(const policy::Policy& p, ControlTable controls) {
  std::ostringstream out;
  out << "# Effective settings (defaults included):\n#   decisions:";
  for (int s = 4; s >= 0; --s) {
    const auto severity = static_cast<core::Severity>(s);
    out << " " << core::SeverityName(severity) << "="
        << core::DecisionName(p.DecisionFor(severity));
  }
  out << "\n#   limits: max_file_bytes=" << p.limits.max_file_bytes
      << " max_findings_per_file=" << p.limits.max_findings_per_file
      << " max_findings=" << p.limits.max_findings << "\n#   waivers: " << p.waivers.file;
  for (int s = 4; s >= 0; --s) {
    const auto& approvers = p.waivers.approvers[static_cast<std::size_t>(s)];
    std::string who;
    for (const auto& a : approvers) who += (who.empty() ? "" : ",") + a;
    out << " " << core::SeverityName(static_cast<core::Severity>(s)) << "="
        << (who.empty() ? "nobody" : who) << "/" << p.waivers.max_days[static_cast<std::size_t>(s)]
        << "d";
  }
  out << "\n";
  std::istringstream lines(ControlSummaries(p, controls));
  for (std::string line; std::getline(lines, line);) out << "#   " << line << "\n";
  return out.str();
}

}  // namespace riskgate::run
