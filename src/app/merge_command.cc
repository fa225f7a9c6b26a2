#include "app/merge_command.h"

#include <algorithm>
#include <set>

#include "app/app.h"
#include "app/error_output.h"
#include "app/history_command.h"
#include "collect/safe_read.h"
#include "decide/merge.h"
#include "report/report_reader.h"

namespace riskgate::app {
namespace {

core::Result<std::string> ReadInput(const std::string& path) {
  auto text = collect::ReadFileBounded(path, collect::ReadLimits{collect::kMaxReportFileBytes});
  if (!text) {
    auto error = text.error();
    error.message = "cannot read the report: " + error.message;
    return tl::unexpected(error);
  }
  return text;
}

core::Error Mismatch(const std::string& path, const std::string& what) {
  return core::Error{core::ErrorCode::kUsage,
                     "cannot merge: " + what + " (merge joins the shards of one history audit)",
                     path};
}

// The shards must be one audit: the same policy and tip, and every shard of K/N exactly once,
// so a merged report never passes because a job's report went missing.
core::Result<void> CheckShards(const std::vector<report::ReadReport>& reports,
                               const std::vector<std::string>& paths) {
  std::set<int> seen;
  int count = 0;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const auto& r = reports[i];
    if (r.scope.mode != core::ScanMode::kHistory || !r.scope.history) {
      return tl::unexpected(Mismatch(paths[i], "it is not a `riskgate history` report"));
    }
    if (r.policy.sha256 != reports.front().policy.sha256) {
      return tl::unexpected(Mismatch(paths[i], "it was judged by another policy"));
    }
    const auto& first_run = reports.front().run;
    if (r.run.has_value() != first_run.has_value() ||
        (r.run && r.run->repository != first_run->repository)) {
      return tl::unexpected(Mismatch(paths[i], "it names another repository than " + paths[0]));
    }
    if (r.scope.history->tip != reports.front().scope.history->tip) {
      return tl::unexpected(Mismatch(paths[i], "it audited another tip commit"));
    }
    const auto& first = *reports.front().scope.history;
    if (r.scope.history->commits_walked != first.commits_walked ||
        r.scope.history->refs != first.refs || r.scope.history->stopped_at != first.stopped_at) {
      return tl::unexpected(Mismatch(
          paths[i], "it walked another history (other refs, limits or depth) than " + paths[0]));
    }
    const std::string& shard = r.scope.history->shard;
    auto parsed = ParseShard(shard);
    if (shard.empty() || !parsed) {
      return tl::unexpected(Mismatch(paths[i], "it is not a shard (run with --shard K/N)"));
    }
    const int k = parsed->index + 1;
    const int n = parsed->count;
    if (count != 0 && n != count) {
      return tl::unexpected(Mismatch(paths[i], "its shard " + shard + " is of another split"));
    }
    count = n;
    if (!seen.insert(k).second) {
      return tl::unexpected(Mismatch(paths[i], "shard " + shard + " is given twice"));
    }
  }
  for (int k = 1; k <= count; ++k) {
    if (!seen.contains(k)) {
      return tl::unexpected(
          Mismatch("", "shard " + std::to_string(k) + "/" + std::to_string(count) + " is missing"));
    }
  }
  return {};
}

core::ScopeSummary MergedScope(const std::vector<report::ReadReport>& reports) {
  core::ScopeSummary scope = reports.front().scope;
  core::HistoryScope history = *scope.history;
  history.commits = 0;
  history.ref_objects = 0;
  history.blobs_read = 0;
  history.bytes_read = 0;
  history.missing_blobs = 0;
  history.seconds = 0;
  history.shard.clear();
  std::set<std::string> stopped;
  scope.files_scanned = 0;
  for (const auto& r : reports) {
    const auto& h = *r.scope.history;
    history.commits += h.commits;
    history.ref_objects += h.ref_objects;
    history.blobs_read += h.blobs_read;
    history.bytes_read += h.bytes_read;
    history.missing_blobs += h.missing_blobs;
    history.seconds = std::max(history.seconds, h.seconds);
    stopped.insert(h.stopped_at.begin(), h.stopped_at.end());
    scope.files_scanned += r.scope.files_scanned;
  }
  history.stopped_at.assign(stopped.begin(), stopped.end());
  scope.commits = history.commits;
  scope.merged_shards = static_cast<int>(reports.size());
  scope.history = std::move(history);
  return scope;
}

}  // namespace

int RunMerge(const MergeOptions& options) {
  auto plans = PlanOutputs(options.report);
  if (!plans) return Fail(plans.error());
  std::vector<report::ReadReport> reports;
  for (const auto& path : options.inputs) {
    auto text = ReadInput(path);
    if (!text) return Fail(text.error());
    auto read = report::ReadAnyReport(*text, path);
    if (!read) return Fail(read.error());
    reports.push_back(std::move(*read));
  }
  if (reports.empty()) return Fail("merge needs at least one report");
  if (auto checked = CheckShards(reports, options.inputs); !checked) return Fail(checked.error());

  std::vector<decide::Verdict> verdicts;
  for (auto& r : reports) {
    decide::Verdict verdict;
    verdict.decision = r.decision;
    verdict.findings = std::move(r.findings);
    verdict.summary.omitted = r.omitted;
    verdict.summary.suppressed_inline = r.suppressed_inline;
    verdict.summary.inline_ignored = r.inline_ignored;
    verdicts.push_back(std::move(verdict));
  }
  const decide::Verdict verdict = decide::MergeVerdicts(std::move(verdicts));
  const core::ScopeSummary scope = MergedScope(reports);
  // The merged audit's run: the shards' repository, at the time the last shard finished.
  std::optional<core::RunIdentity> run = reports.front().run;
  for (const auto& r : reports) {
    if (run && r.run && r.run->time > run->time) run = r.run;
  }
  const report::ReportInput input{verdict, scope, reports.front().policy, options.report.dry_run,
                                  run ? &*run : nullptr};
  return Publish(options.report, *plans, input);
}

}  // namespace riskgate::app
