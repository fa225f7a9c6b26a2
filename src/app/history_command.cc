#include "app/history_command.h"

#include <unistd.h>

#include <charconv>
#include <cstdlib>

#include "app/error_output.h"
#include "app/progress_line.h"
#include "app/watchdog.h"
#include "core/date.h"
#include "core/progress.h"
#include "run/audit_history.h"

namespace riskgate::app {

core::Result<run::Shard> ParseShard(const std::string& text) {
  run::Shard shard;
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
  return run::Shard{k - 1, n};
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

}  // namespace

int RunHistory(const HistoryOptions& options) {
  auto plans = PlanOutputs(options.report);
  if (!plans) return Fail(plans.error());
  run::HistoryRequest request;
  if (!options.shard.empty()) {
    auto shard = ParseShard(options.shard);
    if (!shard) return Fail(shard.error());
    request.shard = *shard;
  }
  auto since = ParseBound(options.since, "--since", false);
  if (!since) return Fail(since.error());
  auto until = ParseBound(options.until, "--until", true);
  if (!until) return Fail(until.error());
  request.repo = options.repo;
  request.branches = options.branches;
  request.since = *since;
  request.until = *until;
  request.max_commits = options.max_commits;
  request.policy = options.policy;
  request.jobs = options.jobs;
  request.max_file_bytes = options.max_file_bytes;
  const Watchdog watchdog(options.timeout_seconds);
  evaluate::history::AuditProgress audit_progress;
  auto audit = [&] {
    const ProgressLine line(audit_progress, ShowProgress(options.progress));
    return run::AuditHistory(request, audit_progress);
  }();
  if (!audit) return Fail(audit.error());
  core::RunProgress().stage = core::RunStage::kReporting;
  const report::ReportInput input{audit->verdict, audit->scope, audit->policy.source,
                                  options.report.dry_run, &audit->run};
  return Publish(options.report, *plans, input);
}

}  // namespace riskgate::app
