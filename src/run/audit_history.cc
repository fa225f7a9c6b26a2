#include "run/audit_history.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <optional>
#include <thread>

#include "collect/blob_sweep.h"
#include "collect/git_repository.h"
#include "collect/history_source.h"
#include "collect/run_identity.h"
#include "core/abandon.h"
#include "core/progress.h"
#include "core/thread_heap.h"
#include "run/judge_change.h"
#include "run/policy_files.h"
#include "run/risk_inputs.h"

namespace riskgate::run {
namespace {

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
  history.ref_objects = audit.ref_objects;
  history.blobs_read = audit.blobs_read;
  history.bytes_read = audit.bytes_read;
  history.stopped_at = walk.stopped_at;
  history.missing_blobs = audit.missing_blobs;
  history.shard = shard;
  history.seconds = seconds;
  scope.history = std::move(history);
  return scope;
}

}  // namespace

core::Result<HistoryAudit> AuditHistory(const HistoryRequest& request,
                                        evaluate::history::AuditProgress& audit_progress) {
  const auto start = std::chrono::steady_clock::now();
  auto& progress = core::RunProgress();
  progress.stage = core::RunStage::kCollecting;
  collect::HistoryWalkRequest walk_request;
  walk_request.revs = request.branches;
  walk_request.max_commits = request.max_commits;
  walk_request.since = request.since;
  walk_request.until = request.until;

  auto repo = collect::GitRepository::Open(request.repo);
  if (!repo) return tl::unexpected(repo.error());
  auto today = Today();
  if (!today) return tl::unexpected(today.error());
  // A bare repository has no working tree: its policy is the tip's.
  const std::string workdir = (*repo)->Workdir();
  std::string tip;
  if (workdir.empty()) {
    auto named = collect::HistoryTip(**repo, walk_request);
    if (!named) return tl::unexpected(named.error());
    tip = std::move(*named);
  }
  PolicyFiles policy_files(**repo, tip);
  auto inputs = LoadRiskInputs(request.policy, policy_files, workdir);
  if (!inputs) return tl::unexpected(inputs.error());
  // A full audit reaches nearly every blob: read them all once in pack order first. A walk
  // narrowed by revision, time, count or shard reads only what it reaches.
  const bool full = request.branches.empty() && !request.since && !request.until &&
                    request.max_commits == 0 && !request.shard;
  // Trees (every audit) and blobs (the sweep) are read by riskgate's own reader where it can.
  auto store = collect::OpenObjectStore(**repo);
  if (!store) return tl::unexpected(store.error());
  const std::uint64_t sweep_bytes = full ? collect::StoredBytes(store->get()) : 0;
  // The commits are walked on a thread of their own (libgit2 reads them one by one) while the
  // scanner is made (its rules' prefilter loaded or compiled) and, in a full audit, the blobs
  // are swept, which needs no commit.
  std::optional<core::Result<collect::HistoryWalk>> walk;
  std::jthread walker([&] {
    core::AdviseThreadHeap();
    try {
      walk.emplace(collect::WalkHistory(**repo, walk_request, *store));
    } catch (const std::exception& e) {  // as main() would report it: exit 2, never a pass
      walk.emplace(
          core::MakeError(core::ErrorCode::kInternal, std::string("internal error: ") + e.what()));
    }
  });
  const auto walked = [&]() -> core::Result<const collect::HistoryWalk*> {
    if (walker.joinable()) walker.join();
    if (!*walk) return tl::unexpected(walk->error());
    return &**walk;
  };
  evaluate::history::HistoryScanner scanner(inputs->policy);
  scanner.ExpectText(sweep_bytes);

  progress.stage = core::RunStage::kEvaluating;
  evaluate::history::AuditOptions audit_options;
  audit_options.threads = request.jobs > 0
                              ? request.jobs
                              : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  audit_options.max_file_bytes =
      request.max_file_bytes.value_or(inputs->policy.limits.max_file_bytes);
  if (request.shard) {
    audit_options.shard_index = request.shard->index;
    audit_options.shard_count = request.shard->count;
  }
  if (full) {
    audit_options.sweep_bytes = sweep_bytes;
    audit_options.sweep = [&](const collect::BlobSink& sink) {
      return collect::SweepBlobs(**repo, store->get(), audit_options.threads,
                                 audit_options.max_file_bytes, sink);
    };
  }
  auto audit = evaluate::history::AuditHistory(
      walked, [&] { return collect::OpenHistorySource(**repo, *store); }, scanner, audit_options,
      audit_progress);
  if (!audit) return tl::unexpected(audit.error());
  if (walker.joinable()) walker.join();

  progress.stage = core::RunStage::kDeciding;
  decide::DecideOptions decide_options;
  decide_options.keep_preexisting = true;
  decide_options.waivers = {&inputs->waivers, *today, false};
  decide_options.baseline = &inputs->baseline;
  decide_options.suppressed_inline = audit->suppressed_inline;
  decide_options.inline_ignored = audit->inline_ignored;
  decide::Verdict verdict =
      decide::Decide(std::move(audit->findings), inputs->policy, decide_options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string shard_name = !request.shard ? ""
                                                : std::to_string(request.shard->index + 1) + "/" +
                                                      std::to_string(request.shard->count);
  core::ScopeSummary scope = Scope(**walk, *audit, shard_name, seconds);
  const collect::EnvReader environment = collect::ProcessEnvironment();
  core::RunIdentity identity = collect::DetectRunIdentity(
      environment, **repo, collect::DetectRunContext(environment, **repo), NowSeconds());
  // The walk's commits (a hundred thousand, with their messages) go with the process.
  core::Abandon(walk);
  return HistoryAudit{std::move(inputs->policy), std::move(verdict), std::move(scope),
                      std::move(identity)};
}

}  // namespace riskgate::run
