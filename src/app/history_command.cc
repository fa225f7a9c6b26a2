#include "app/history_command.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "app/app.h"
#include "app/error_output.h"
#include "app/judge.h"
#include "app/policy_files.h"
#include "app/progress_line.h"
#include "app/risk_inputs.h"
#include "app/watchdog.h"
#include "collect/git_repository.h"
#include "collect/history_source.h"
#include "core/date.h"
#include "core/progress.h"
#include "decide/decide.h"
#include "evaluate/history/history_audit.h"

namespace riskgate::app {

core::Result<Shard> ParseShard(const std::string& text) {
  Shard shard;
  if (text.empty()) return shard;
  const auto slash = text.find('/');
  int k = 0;
  int n = 0;
  const auto parse = [](std::string_view part, int& value) {
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    return ec == std::errc() && end == part.data() + part.size();
  };
  if (slash == std::string::npos || !parse(std::string_view(text).substr(0, slash), k) ||
      !parse(std::string_view(text).substr(slash + 1), n) || n < 1 || n > 10000 || k < 1 || k > n) {
    return core::MakeError(core::ErrorCode::kUsage,
                           "--shard takes K/N with 1 <= K <= N <= 10000, not '" + text + "'");
  }
  return Shard{k - 1, n};
}

namespace {

// A --since/--until date as seconds: the start of the day, or its end for `until`.
core::Result<std::optional<long long>> ParseBound(const std::string& text, std::string_view flag,
                                                  bool end_of_day) {
  if (text.empty()) return std::optional<long long>();
  auto day = core::ParseDate(text);
  if (!day) {
    return core::MakeError(core::ErrorCode::kUsage,
                           std::string(flag) + " takes a date YYYY-MM-DD, not '" + text + "'");
  }
  return std::optional<long long>(*day * 86400 + (end_of_day ? 86399 : 0));
}

bool ShowProgress(ProgressMode mode) {
  if (mode == ProgressMode::kAlways) return true;
  if (mode == ProgressMode::kNever) return false;
  return ::isatty(STDERR_FILENO) == 1 && std::getenv("CI") == nullptr;
}

std::string Plural(long long n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

core::ScopeSummary Scope(const collect::HistoryWalk& walk,
                         const evaluate::history::AuditResult& audit, const std::string& shard,
                         double seconds) {
  core::ScopeSummary scope;
  scope.mode = core::ScanMode::kHistory;
  if (!walk.tip.empty()) scope.head = walk.tip;
  scope.commits = audit.commits;
  scope.files_scanned = static_cast<int>(audit.blobs_read);
  scope.skipped = audit.skipped;
  core::HistoryScope history;
  history.refs = walk.refs;
  history.tip = walk.tip;
  history.commits = audit.commits;
  history.commits_walked = static_cast<int>(walk.commits.size());
  history.blobs_read = audit.blobs_read;
  history.bytes_read = audit.bytes_read;
  history.stopped_at = walk.stopped_at;
  history.missing_blobs = audit.missing_blobs;
  history.shard = shard;
  history.seconds = seconds;
  scope.description = "history: " + Plural(audit.commits, "commit") + " reachable from " +
                      Plural(static_cast<long long>(walk.refs.size()), "ref") + ", " +
                      Plural(audit.blobs_read, "distinct blob") + " read";
  if (!shard.empty()) scope.description += " (shard " + shard + ")";
  if (!walk.stopped_at.empty()) {
    scope.description += "; history is shallow: it stops at " +
                         Plural(static_cast<long long>(walk.stopped_at.size()), "commit") +
                         " whose parents are missing (" + walk.stopped_at.front().substr(0, 12) +
                         (walk.stopped_at.size() > 1 ? ", ..." : "") + ")";
  }
  if (audit.missing_blobs > 0) {
    scope.description +=
        "; " + Plural(audit.missing_blobs, "blob") + " missing (a partial clone), not scanned";
  }
  scope.history = std::move(history);
  return scope;
}

}  // namespace

int RunHistory(const HistoryOptions& options) {
  auto plans = PlanOutputs(options.report);
  if (!plans) return Fail(plans.error());
  auto shard = ParseShard(options.shard);
  if (!shard) return Fail(shard.error());
  collect::HistoryWalkRequest request;
  request.revs = options.branches;
  request.max_commits = options.max_commits;
  auto since = ParseBound(options.since, "--since", false);
  if (!since) return Fail(since.error());
  auto until = ParseBound(options.until, "--until", true);
  if (!until) return Fail(until.error());
  request.since = *since;
  request.until = *until;
  const Watchdog watchdog(options.timeout_seconds);
  const auto start = std::chrono::steady_clock::now();
  auto& progress = core::RunProgress();
  progress.stage = core::RunStage::kCollecting;

  auto repo = collect::GitRepository::Open(options.repo);
  if (!repo) return Fail(repo.error());
  auto today = Today();
  if (!today) return Fail(today.error());
  auto walk = collect::WalkHistory(**repo, request);
  if (!walk) return Fail(walk.error());
  // A bare repository has no working tree: its policy is the tip's.
  const std::string workdir = (*repo)->Workdir();
  PolicyFiles policy_files(**repo, workdir.empty() ? walk->tip : "");
  auto inputs = LoadRiskInputs(options.policy, policy_files, workdir);
  if (!inputs) return Fail(inputs.error());

  progress.stage = core::RunStage::kEvaluating;
  evaluate::history::AuditOptions audit_options;
  audit_options.threads = options.jobs > 0
                              ? options.jobs
                              : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  audit_options.max_file_bytes =
      options.max_file_bytes.value_or(inputs->policy.limits.max_file_bytes);
  audit_options.shard_index = shard->index;
  audit_options.shard_count = shard->count;
  evaluate::history::AuditProgress audit_progress;
  core::Result<evaluate::history::AuditResult> audit = [&] {
    const ProgressLine line(audit_progress, ShowProgress(options.progress));
    return evaluate::history::AuditHistory(
        *walk, [&] { return collect::OpenHistorySource(**repo); }, inputs->policy, audit_options,
        audit_progress);
  }();
  if (!audit) return Fail(audit.error());

  progress.stage = core::RunStage::kDeciding;
  decide::DecideOptions decide_options;
  decide_options.keep_preexisting = true;
  decide_options.waivers = {&inputs->waivers, *today, false};
  decide_options.baseline = &inputs->baseline;
  decide::Verdict verdict =
      decide::Decide(std::move(audit->findings), inputs->policy, decide_options);
  verdict.summary.suppressed_inline = audit->suppressed_inline;
  verdict.summary.inline_ignored = audit->inline_ignored;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string shard_name =
      options.shard.empty() ? ""
                            : std::to_string(shard->index + 1) + "/" + std::to_string(shard->count);
  const core::ScopeSummary scope = Scope(*walk, *audit, shard_name, seconds);

  progress.stage = core::RunStage::kReporting;
  const report::ReportInput input{verdict, scope, inputs->policy.source, options.report.dry_run};
  return Publish(options.report, *plans, input);
}

}  // namespace riskgate::app
