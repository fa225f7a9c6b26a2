#include "evaluate/guard/policy_changes.h"

#include <map>

#include "core/date.h"
#include "core/text.h"

namespace riskgate::evaluate::guard {
namespace {

std::string Approvers(const policy::WaiverPolicy& rules) {
  const auto& names = rules.approvers[static_cast<std::size_t>(core::Severity::kCritical)];
  if (names.empty()) return "the owners of the policy (waivers.approvers.critical is empty)";
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

core::Finding Make(std::string rule, const std::string& path, int line, std::string message,
                   std::string identity) {
  core::Finding f;
  f.control = std::string(kControl);
  f.rule = std::move(rule);
  f.severity = core::Severity::kMedium;
  f.message = std::move(message);
  f.location = {path, line, 0, std::nullopt};
  f.fingerprint =
      core::Sha256Hex("policy\0" + f.rule + '\0' + path + '\0' + identity).substr(0, 32);
  return f;
}

std::map<std::string, policy::Waiver> ById(const std::optional<std::string>& text,
                                           const std::string& file) {
  std::map<std::string, policy::Waiver> out;
  if (!text) return out;
  policy::Diagnostics ignored;  // a broken new file is reported by the run that merges it
  for (auto& w : policy::LoadWaivers(*text, file, ignored)) out.emplace(w.id, std::move(w));
  return out;
}

bool SameWaiver(const policy::Waiver& a, const policy::Waiver& b) {
  return a.control == b.control && a.rule == b.rule && a.path == b.path &&
         a.fingerprint == b.fingerprint && a.approver == b.approver && a.owner == b.owner &&
         a.expires == b.expires && a.created == b.created;
}

}  // namespace

std::vector<core::Finding> EvaluatePolicyChanges(const std::vector<collect::FileVersions>& changes,
                                                 const policy::Policy& policy) {
  std::vector<core::Finding> out;
  for (const auto& change : changes) {
    if (change.base_content == change.head_content) continue;
    const std::string verb =
        !change.base_content ? "adds" : (!change.head_content ? "deletes" : "edits");
    auto f = Make("policy-file-changed", change.path, 0,
                  "this change " + verb + " " + change.path +
                      ", which the gate reads its rules from; the base revision's version judged "
                      "this run and the new one applies after the merge. Have it approved by " +
                      Approvers(policy.waivers),
                  core::Sha256Hex(change.head_content.value_or("")));
    f.hints.fix = "Merge the policy change on its own, reviewed by " + Approvers(policy.waivers) +
                  ", before changes that rely on it";
    out.push_back(std::move(f));
    if (change.path != policy.waivers.file) continue;
    const auto before = ById(change.base_content, change.path);
    for (const auto& [id, w] : ById(change.head_content, change.path)) {
      auto old = before.find(id);
      if (old != before.end() && SameWaiver(old->second, w)) continue;
      auto waiver =
          Make("waiver-changed", change.path, w.mark.line,
               "this change " + std::string(old == before.end() ? "adds" : "alters") + " waiver '" +
                   id + "' (owner " + w.owner + ", approver " + w.approver + ", expires " +
                   core::FormatDate(w.expires) + "); it does not apply to this change, and " +
                   w.approver + " must approve it",
               id + '\0' + core::FormatDate(w.expires));
      waiver.hints.fix = "Ask " + w.approver +
                         " to approve this change (a review, or an "
                         "`Approved-by: " +
                         w.approver + "` trailer on the commit)";
      out.push_back(std::move(waiver));
    }
  }
  return out;
}

}  // namespace riskgate::evaluate::guard
