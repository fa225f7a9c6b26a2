#include "decide/waivers.h"

#include <set>

#include "core/path_glob.h"
#include "core/text.h"

namespace riskgate::decide {
namespace {

std::string Normalise(std::string_view name) {
  while (name.starts_with('@')) name.remove_prefix(1);
  return core::AsciiLower(name);
}

core::WaiverMark MarkFor(const policy::Waiver& w, core::WaiverStatus status) {
  return core::WaiverMark{w.id,    status,     core::FormatDate(w.expires),
                          w.owner, w.approver, w.reason,
                          w.file,  w.mark.line};
}

// The status of `w` for a finding of `severity` on `today`.
core::WaiverStatus StatusOf(const policy::Waiver& w, core::Severity severity,
                            const policy::Policy& policy, core::Day today) {
  const policy::WaiverPolicy& rules = policy.waivers;
  if (!HasAuthority(policy, severity, w.approver)) return core::WaiverStatus::kUnauthorized;
  if (w.expires - w.created > rules.max_days[static_cast<std::size_t>(severity)]) {
    return core::WaiverStatus::kTooLong;
  }
  if (today > w.expires) return core::WaiverStatus::kExpired;
  if (w.expires - today <= rules.warn_before_days) return core::WaiverStatus::kExpiring;
  return core::WaiverStatus::kActive;
}

core::Finding AboutWaiver(const policy::Waiver& w, std::string rule, core::Severity severity,
                          std::string message, const policy::Policy& policy) {
  core::Finding f;
  f.control = std::string(kWaiverControl);
  f.rule = std::move(rule);
  f.severity = severity;
  f.decision = policy.DecisionFor(severity);
  f.message = std::move(message);
  f.location = {w.file, w.mark.line, w.mark.column, std::nullopt};
  f.fingerprint = core::Sha256Hex("waivers\0" + f.rule + '\0' + w.id).substr(0, 32);
  f.hints.fix = "Edit waiver '" + w.id + "' in " + w.file + ".";
  return f;
}

std::string AuthorityList(const policy::WaiverPolicy& rules, core::Severity severity) {
  const auto& names = rules.approvers[static_cast<std::size_t>(severity)];
  if (names.empty())
    return "nobody: set waivers.approvers." + std::string(core::SeverityName(severity));
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

bool Covers(const policy::Waiver& w, const core::Finding& f) {
  if (w.control && *w.control != f.control) return false;
  if (w.rule && *w.rule != f.rule) return false;
  if (w.fingerprint && *w.fingerprint != f.fingerprint) return false;
  if (w.path && !core::MatchPathGlob(*w.path, f.location.path)) return false;
  return true;
}

bool HasAuthority(const policy::Policy& policy, core::Severity severity,
                  std::string_view approver) {
  const std::string who = Normalise(approver);
  if (who.empty()) return false;
  for (const auto& name : policy.waivers.approvers[static_cast<std::size_t>(severity)]) {
    if (name == "*" || Normalise(name) == who) return true;
    if (!name.starts_with('@') || name.find('/') == std::string::npos) continue;
    for (const auto& [team, members] : policy.reviews.teams) {
      if (Normalise(team) != Normalise(name)) continue;
      for (const auto& member : members) {
        if (Normalise(member) == who) return true;
      }
    }
  }
  return false;
}

void ApplyWaivers(std::vector<core::Finding>& findings, const policy::Policy& policy,
                  const WaiverInput& input) {
  if (input.waivers == nullptr || input.waivers->empty()) return;
  const auto& rules = policy.waivers;
  std::set<std::string> used;
  std::set<std::pair<std::string, std::string>> reported;  // (waiver id, rule) already raised
  std::vector<core::Finding> about;
  auto raise = [&](const policy::Waiver& w, const std::string& rule, core::Severity severity,
                   const std::string& message) {
    if (reported.insert({w.id, rule}).second) {
      about.push_back(AboutWaiver(w, rule, severity, message, policy));
    }
  };
  for (auto& finding : findings) {
    if (finding.control == kWaiverControl) continue;
    const policy::Waiver* chosen = nullptr;
    core::WaiverStatus chosen_status = core::WaiverStatus::kExpired;
    for (const auto& w : *input.waivers) {
      if (!Covers(w, finding)) continue;
      used.insert(w.id);
      const auto status = StatusOf(w, finding.severity, policy, input.today);
      // A waiver that applies beats one that does not; the first that applies wins.
      const bool applies =
          status == core::WaiverStatus::kActive || status == core::WaiverStatus::kExpiring;
      const bool chosen_applies =
          chosen != nullptr && (chosen_status == core::WaiverStatus::kActive ||
                                chosen_status == core::WaiverStatus::kExpiring);
      if (chosen == nullptr || (applies && !chosen_applies)) chosen = &w, chosen_status = status;
    }
    if (chosen == nullptr) continue;
    const auto& w = *chosen;
    finding.waiver = MarkFor(w, chosen_status);
    const std::string severity(core::SeverityName(finding.severity));
    switch (chosen_status) {
      case core::WaiverStatus::kActive:
        finding.decision = core::Decision::kPass;
        break;
      case core::WaiverStatus::kExpiring:
        finding.decision = core::Decision::kPass;
        raise(w, "waiver-expiring", core::Severity::kLow,
              "waiver '" + w.id + "' expires on " + core::FormatDate(w.expires) + " (in " +
                  std::to_string(w.expires - input.today) + " days); " + w.owner +
                  " must renew it with an approver or fix the finding");
        break;
      case core::WaiverStatus::kExpired:
        break;  // the finding keeps its own decision; the mark says when the waiver ended
      case core::WaiverStatus::kUnauthorized:
        raise(w, "waiver-unauthorized", core::Severity::kMedium,
              "waiver '" + w.id + "' is approved by " + w.approver + ", who may not accept " +
                  severity + " risks (allowed: " + AuthorityList(rules, finding.severity) +
                  "); it does not apply");
        break;
      case core::WaiverStatus::kTooLong:
        raise(w, "waiver-too-long", core::Severity::kMedium,
              "waiver '" + w.id + "' lasts " + std::to_string(w.expires - w.created) +
                  " days; the policy allows at most " +
                  std::to_string(rules.max_days[static_cast<std::size_t>(finding.severity)]) +
                  " for " + severity + " risks; it does not apply");
        break;
    }
  }
  if (input.full_scan) {
    for (const auto& w : *input.waivers) {
      if (used.contains(w.id)) continue;
      raise(w, "waiver-orphaned", core::Severity::kLow,
            "waiver '" + w.id +
                "' matches no finding in the whole tree; remove it so it "
                "cannot silently cover a future finding");
    }
  }
  for (auto& f : about) findings.push_back(std::move(f));
}

}  // namespace riskgate::decide
