#include "run/new_waiver.h"

#include "collect/safe_read.h"
#include "core/date.h"
#include "decide/decide.h"

namespace riskgate::run {
namespace {

tl::unexpected<core::Error> Usage(std::string message) {
  return tl::unexpected(core::Error{core::ErrorCode::kUsage, std::move(message), ""});
}

}  // namespace

core::Result<NewWaiver> DraftWaiver(const Judgement& judged, const WaiverRequest& options) {
  const core::JudgedFinding* finding = nullptr;
  for (const auto& f : judged.verdict.findings) {
    if (f.fingerprint != options.fingerprint) continue;
    finding = &f;
    break;
  }
  if (finding == nullptr) {
    return Usage("no finding with fingerprint " + options.fingerprint +
                 " in the working tree; `riskgate check --worktree --format json` lists them");
  }
  const auto& rules = judged.inputs.policy.waivers;
  const auto severity = finding->severity;
  const std::string severity_name(core::SeverityName(severity));
  const auto expires = core::ParseDate(options.expires);
  if (!expires) return Usage("--expires must be a date YYYY-MM-DD, not '" + options.expires + "'");
  if (*expires <= judged.today) return Usage("--expires must be after today");
  policy::Waiver waiver;
  waiver.id =
      options.id.empty() ? finding->rule + "-" + finding->fingerprint.substr(0, 8) : options.id;
  waiver.control = finding->control;
  waiver.rule = finding->rule;
  waiver.fingerprint = finding->fingerprint;
  waiver.reason = options.reason;
  waiver.owner = options.owner;
  waiver.approver = options.approver;
  waiver.created = judged.today;
  waiver.expires = *expires;
  waiver.ticket = options.ticket;
  waiver.mitigation = options.mitigation;
  switch (decide::StatusOf(waiver, *finding, judged.inputs.policy, judged.today)) {
    case core::WaiverStatus::kUnauthorized: {
      if (!decide::HasAuthority(judged.inputs.policy, severity, options.approver)) {
        return Usage(options.approver + " may not accept " + severity_name +
                     " risks under the policy (waivers.approvers." + severity_name + ")");
      }
      std::string who;
      for (const auto& name : finding->hints.acceptors) who += (who.empty() ? "" : ", ") + name;
      return Usage(options.approver + " may not accept this risk: only " + who + " may");
    }
    case core::WaiverStatus::kTooLong: {
      const int max_days = rules.max_days[static_cast<std::size_t>(severity)];
      return Usage("a waiver for a " + severity_name + " finding may last at most " +
                   std::to_string(max_days) + " days (waivers.max_days." + severity_name +
                   "): expire it on " + core::FormatDate(judged.today + max_days) + " or earlier");
    }
    default:
      break;
  }
  const std::string file = judged.repo->Workdir() + rules.file;
  auto text = collect::ReadFileIfPresent(
      file, collect::ReadLimits{collect::kMaxPolicyFileBytes, judged.repo->Workdir()});
  if (!text) return tl::unexpected(text.error());
  std::string existing = text->value_or("");
  for (const auto& w : judged.inputs.waivers) {
    if (w.id == waiver.id) return Usage("waiver id '" + waiver.id + "' exists already; use --id");
  }
  const std::string updated = policy::AppendWaiver(existing, waiver);
  core::Diagnostics diagnostics;
  const auto reread = policy::LoadWaivers(updated, rules.file, diagnostics);
  if (!diagnostics.empty()) {
    return Usage(
        "the waiver file would not be valid after adding the entry (is its list in "
        "flow style?):\n" +
        diagnostics.ToError().message);
  }
  return NewWaiver{std::move(waiver), severity_name, file, updated};
}

}  // namespace riskgate::run
