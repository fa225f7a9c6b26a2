#include "app/risk_commands.h"

#include <iostream>

#include "app/app.h"
#include "app/atomic_file.h"
#include "app/error_output.h"
#include "core/text.h"
#include "decide/waivers.h"
#include "policy/baseline.h"
#include "report/register.h"
#include "run/judge_change.h"
#include "run/new_waiver.h"

namespace riskgate::app {
namespace {

core::Result<run::Judgement> JudgeWorktree(const std::string& repo, const std::string& policy) {
  return run::JudgeChange(run::WorktreeAudit(repo, policy, true));
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
  auto draft = run::DraftWaiver(*judged, options.waiver);
  if (!draft) return Fail(draft.error());
  const auto& waiver = draft->waiver;
  return WriteAndSay(draft->path, judged->repo->Workdir(), draft->text,
                     "added waiver " + core::EscapeForDisplay(waiver.id) + " to " +
                         judged->inputs.policy.waivers.file + " (" + draft->severity +
                         ", expires " + core::FormatDate(waiver.expires) +
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
  const report::ReportOrigin origin{&judged->run, &judged->inputs.policy.source,
                                    judged->facts.scope.head.value_or("")};
  std::cout << report::WriteRegister(*format, entries, core::FormatDate(judged->today), origin)
            << std::flush;
  return std::cout ? kExitPass : Fail("cannot write to standard output");
}

int RunBaseline(const BaselineOptions& options) {
  auto judged = JudgeWorktree(options.repo, options.policy);
  if (!judged) return Fail(judged.error());
  std::vector<core::JudgedFinding> kept;
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
