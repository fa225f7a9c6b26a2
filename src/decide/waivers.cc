#include "decide/waivers.h"

#include <algorithm>
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

// Whether `who` is one of `names`, directly or as a member of a team listed there (members
// from `controls.reviews.teams`).
bool IsNamed(const policy::Policy& policy, const std::vector<std::string>& names,
             std::string_view who_raw) {
  const std::string who = Normalise(who_raw);
  if (who.empty()) return false;
  for (const auto& name : names) {
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

core::JudgedFinding AboutWaiver(const policy::Waiver& w, std::string rule, core::Severity severity,
                                std::string message, const policy::Policy& policy) {
  core::JudgedFinding f;
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

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string AuthorityList(const policy::WaiverPolicy& rules, core::Severity severity) {
  const auto& names = rules.approvers[static_cast<std::size_t>(severity)];
  if (names.empty())
    return "nobody: set waivers.approvers." + std::string(core::SeverityName(severity));
  return Join(names);
}

}  // namespace

core::WaiverStatus StatusOf(const policy::Waiver& w, const core::Finding& finding,
                            const policy::Policy& policy, core::Day today) {
  const policy::WaiverPolicy& rules = policy.waivers;
  const core::Severity severity = finding.severity;
  if (!MayAccept(policy, finding, w.approver)) return core::WaiverStatus::kUnauthorized;
  // A waiver written today cannot have been created tomorrow: a future `created` would let
  // `expires - created` fit max_days while the waiver lasts for years from today.
  if (w.created > today) return core::WaiverStatus::kNotYetValid;
  const int max_days = rules.max_days[static_cast<std::size_t>(severity)];
  if (w.expires - w.created > max_days || w.expires - today > max_days) {
    return core::WaiverStatus::kTooLong;
  }
  if (today > w.expires) return core::WaiverStatus::kExpired;
  if (w.expires - today <= rules.warn_before_days) return core::WaiverStatus::kExpiring;
  return core::WaiverStatus::kActive;
}

bool Covers(const policy::Waiver& w, const core::Finding& f) {
  if (w.control && *w.control != f.control) return false;
  if (w.rule && *w.rule != f.rule) return false;
  if (w.fingerprint && *w.fingerprint != f.fingerprint) return false;
  if (w.path && !core::MatchPathGlob(*w.path, f.location.path)) return false;
  return true;
}

bool HasAuthority(const policy::Policy& policy, core::Severity severity,
                  std::string_view approver) {
  return IsNamed(policy, policy.waivers.approvers[static_cast<std::size_t>(severity)], approver);
}

bool MayAccept(const policy::Policy& policy, const core::Finding& finding,
               std::string_view approver) {
  return HasAuthority(policy, finding.severity, approver) &&
         (finding.hints.acceptors.empty() || IsNamed(policy, finding.hints.acceptors, approver));
}

void ApplyWaivers(std::vector<core::JudgedFinding>& findings, const policy::Policy& policy,
                  const WaiverInput& input) {
  if (input.waivers == nullptr || input.waivers->empty()) return;
  const auto& rules = policy.waivers;
  std::set<std::string> used;
  std::set<std::pair<std::string, std::string>> reported;  // (waiver id, rule) already raised
  std::vector<core::JudgedFinding> about;
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
      const auto status = StatusOf(w, finding, policy, input.today);
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
        raise(
            w, "waiver-unauthorized", core::Severity::kMedium,
            "waiver '" + w.id + "' is approved by " + w.approver + ", who may not accept " +
                (finding.hints.acceptors.empty()
                     ? severity + " risks (allowed: " + AuthorityList(rules, finding.severity) + ")"
                     : "this risk (only " + Join(finding.hints.acceptors) + " may, and for " +
                           severity + " risks " + AuthorityList(rules, finding.severity) + ")") +
                "; it does not apply");
        break;
      case core::WaiverStatus::kNotYetValid:
        raise(w, "waiver-not-yet-valid", core::Severity::kMedium,
              "waiver '" + w.id + "' says it was created on " + core::FormatDate(w.created) +
                  ", after today (" + core::FormatDate(input.today) +
                  "); a waiver cannot be dated in the future, so it does not apply");
        break;
      case core::WaiverStatus::kTooLong:
        raise(w, "waiver-too-long", core::Severity::kMedium,
              "waiver '" + w.id + "' lasts " +
                  std::to_string(std::max(w.expires - w.created, w.expires - input.today)) +
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
