#include "app/risk_commands.h"

#include <iostream>

#include "app/app.h"
#include "app/atomic_file.h"
#include "app/error_output.h"
#include "collect/safe_read.h"
#include "core/text.h"
#include "decide/waivers.h"
#include "policy/baseline.h"
#include "policy/waivers.h"
#include "report/register.h"
#include "run/judge_change.h"

namespace riskgate::app {
namespace {

core::Result<run::Judgement> JudgeWorktree(const std::string& repo, const std::string& policy) {
  return run::JudgeChange(run::WorktreeAudit(repo, policy, true));
}

const core::Finding* FindByFingerprint(const run::Judgement& judged,
                                       const std::string& fingerprint) {
  for (const auto& f : judged.verdict.findings) {
    if (f.fingerprint == fingerprint) return &f;
  }
  return nullptr;
}

// `workdir`, when not empty: the working tree `path` must stay in.
int WriteAndSay(const std::string& path, const std::string& workdir, const std::string& text,
                const std::string& said) {
  const WriteOptions into_repo{workdir, WriteOptions::Folders::kCreate};
  if (auto written = WriteFileAtomically(path, text, into_repo); !written) {
    return Fail(written.error());
  }
  std::cout << said << "\n";
  return kExitPass;
}

}  // namespace

int RunWaive(const WaiveOptions& options) {
  auto judged = JudgeWorktree(options.repo, options.policy);
  if (!judged) return Fail(judged.error());
  const auto* finding = FindByFingerprint(*judged, options.fingerprint);
  if (finding == nullptr) {
    return Fail("no finding with fingerprint " + options.fingerprint +
                " in the working tree; `riskgate check --worktree --format json` lists them");
  }
  const auto& rules = judged->inputs.policy.waivers;
  const auto severity = finding->severity;
  const std::string severity_name(core::SeverityName(severity));
  const auto expires = core::ParseDate(options.expires);
  if (!expires) return Fail("--expires must be a date YYYY-MM-DD, not '" + options.expires + "'");
  if (*expires <= judged->today) return Fail("--expires must be after today");
  policy::Waiver waiver;
  waiver.id =
      options.id.empty() ? finding->rule + "-" + finding->fingerprint.substr(0, 8) : options.id;
  waiver.control = finding->control;
  waiver.rule = finding->rule;
  waiver.fingerprint = finding->fingerprint;
  waiver.reason = options.reason;
  waiver.owner = options.owner;
  waiver.approver = options.approver;
  waiver.created = judged->today;
  waiver.expires = *expires;
  waiver.ticket = options.ticket;
  waiver.mitigation = options.mitigation;
  switch (decide::StatusOf(waiver, *finding, judged->inputs.policy, judged->today)) {
    case core::WaiverStatus::kUnauthorized: {
      if (!decide::HasAuthority(judged->inputs.policy, severity, options.approver)) {
        return Fail(options.approver + " may not accept " + severity_name +
                    " risks under the policy (waivers.approvers." + severity_name + ")");
      }
      std::string who;
      for (const auto& name : finding->hints.acceptors) who += (who.empty() ? "" : ", ") + name;
      return Fail(options.approver + " may not accept this risk: only " + who + " may");
    }
    case core::WaiverStatus::kTooLong: {
      const int max_days = rules.max_days[static_cast<std::size_t>(severity)];
      return Fail("a waiver for a " + severity_name + " finding may last at most " +
                  std::to_string(max_days) + " days (waivers.max_days." + severity_name +
                  "): expire it on " + core::FormatDate(judged->today + max_days) + " or earlier");
    }
    default:
      break;
  }
  const std::string file = judged->repo->Workdir() + rules.file;
  auto text = collect::ReadFileIfPresent(
      file, collect::ReadLimits{collect::kMaxPolicyFileBytes, judged->repo->Workdir()});
  if (!text) return Fail(text.error());
  std::string existing = text->value_or("");
  for (const auto& w : judged->inputs.waivers) {
    if (w.id == waiver.id) return Fail("waiver id '" + waiver.id + "' exists already; use --id");
  }
  const std::string updated = policy::AppendWaiver(existing, waiver);
  policy::Diagnostics diagnostics;
  const auto reread = policy::LoadWaivers(updated, rules.file, diagnostics);
  if (!diagnostics.empty()) {
    return Fail(
        "the waiver file would not be valid after adding the entry (is its list in "
        "flow style?):\n" +
        diagnostics.ToError().message);
  }
  return WriteAndSay(file, judged->repo->Workdir(), updated,
                     "added waiver " + core::EscapeForDisplay(waiver.id) + " to " + rules.file +
                         " (" + severity_name + ", expires " + core::FormatDate(waiver.expires) +
                         "); it takes effect when a change carrying it, approved by " +
                         core::EscapeForDisplay(waiver.approver) + ", has merged");
}

int RunWaivers(const WaiversOptions& options) {
  const auto format = report::ParseRegisterFormat(options.format);
  if (!format) return Fail("--format must be text, json or markdown, not '" + options.format + "'");
  auto judged = JudgeWorktree(options.repo, options.policy);
  if (!judged) return Fail(judged.error());
  std::vector<report::RegisterEntry> entries;
  for (const auto& w : judged->inputs.waivers) {
    report::RegisterEntry e;
    e.id = w.id;
    e.owner = w.owner;
    e.approver = w.approver;
    e.created = core::FormatDate(w.created);
    e.expires = core::FormatDate(w.expires);
    e.age_days = judged->today - w.created;
    e.days_left = w.expires - judged->today;
    e.reason = w.reason;
    e.ticket = w.ticket;
    e.file = w.file;
    e.line = w.mark.line;
    for (const auto& [label, value] : {std::pair{"control", w.control},
                                       {"rule", w.rule},
                                       {"path", w.path},
                                       {"fingerprint", w.fingerprint}}) {
      if (value) e.covers += (e.covers.empty() ? "" : ", ") + std::string(label) + " " + *value;
    }
    std::optional<core::Severity> worst;
    std::optional<core::WaiverStatus> status;
    for (const auto& f : judged->verdict.findings) {
      if (!f.waiver || f.waiver->id != w.id) continue;
      ++e.findings;
      if (!worst || f.severity > *worst) worst = f.severity, status = f.waiver->status;
    }
    if (worst) e.severity = core::SeverityName(*worst);
    // Covers nothing: orphaned; covers findings another waiver was chosen for: unused.
    bool covers_any = false;
    for (const auto& f : judged->verdict.findings) {
      covers_any = covers_any || (f.control != decide::kWaiverControl && decide::Covers(w, f));
    }
    e.status = status ? std::string(core::WaiverStatusName(*status))
                      : (covers_any ? "unused" : "orphaned");
    entries.push_back(std::move(e));
  }
  std::cout << report::WriteRegister(*format, entries, core::FormatDate(judged->today))
            << std::flush;
  return std::cout ? kExitPass : Fail("cannot write to standard output");
}

int RunBaseline(const BaselineOptions& options) {
  auto judged = JudgeWorktree(options.repo, options.policy);
  if (!judged) return Fail(judged.error());
  std::vector<core::Finding> kept;
  for (const auto& f : judged->verdict.findings) {
    if (f.control == decide::kWaiverControl || f.control == "policy") continue;
    kept.push_back(f);
  }
  const std::string path = options.output.empty()
                               ? judged->repo->Workdir() + std::string(policy::kBaselineFile)
                               : options.output;
  // An --output the user names may be anywhere; the default one is a file of the repository.
  const std::string confine = options.output.empty() ? judged->repo->Workdir() : "";
  return WriteAndSay(path, confine, policy::FormatBaseline(kept),
                     "recorded " + std::to_string(kept.size()) + " finding(s) in " + path);
}

}  // namespace riskgate::app
