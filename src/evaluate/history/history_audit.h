// Stage 3 (evaluate): the history audit. Input: the walk (collect), a way to open one
// HistorySource per worker thread, and the policy. Output: one finding per secret (or forbidden
// line) with every sighting: the commit that introduced it, where it moved or was copied, and
// whether the tip still has it. No line diffs: a commit introduces what its new blob has and no
// parent's blob at that path had. Each distinct blob is read and prefiltered once; only blobs
// where some pattern matches are scanned in full, per path.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "collect/blob_sweep.h"
#include "collect/history_source.h"
#include "core/error.h"
#include "core/finding.h"
#include "evaluate/history/history_scanner.h"
#include "policy/policy.h"

namespace riskgate::evaluate::history {

// Reads every blob of the store once, in pack order, handing each to the sink (concurrently).
// Whether it did: false leaves every read to the walk.
using BlobSweep = std::function<core::Result<bool>(const collect::BlobSink&)>;

struct AuditOptions {
  int threads = 1;
  std::int64_t max_file_bytes = 2 * 1024 * 1024;
  int shard_index = 0;  // 0-based; this run judges the commits of one shard of shard_count
  int shard_count = 1;
  // When set, every blob is read and prefiltered by this sweep before the walk, which then reads
  // only blobs the sweep did not see (missing from a partial clone) and dirty texts it did not
  // keep. Worth it when the walk reaches most of the store (a full audit), not for a few commits.
  BlobSweep sweep = {};
  // At least this many bytes of text the sweep will offer (the packs' size: deltas and zlib only
  // shrink it), so that the scanner prepares for them before the first.
  std::uint64_t sweep_bytes = 0;
};

// Counters the workers bump, for a progress line and a timed-out run's message.
struct AuditProgress {
  std::atomic<long long> commits_total{0};
  std::atomic<long long> commits_done{0};
  std::atomic<long long> blobs_read{0};
  std::atomic<long long> bytes_read{0};
};

struct AuditResult {
  std::vector<core::Finding> findings;
  int commits = 0;      // judged by this run (its shard)
  int ref_objects = 0;  // trees and blobs only refs name, judged by this run
  long long blobs_read = 0;
  long long bytes_read = 0;
  int missing_blobs = 0;
  int binary_blobs = 0;
  int large_blobs = 0;
  int lfs_pointers = 0;
  // Every (commit, path) that gave a path content riskgate could not scan (binary, too large,
  // undecodable, an LFS object not here), sorted by path then commit; each is also an
  // `unscanned-file` finding.
  std::vector<core::SkippedFile> skipped;
  int suppressed_inline = 0;
  int inline_ignored = 0;
};

using SourceFactory = std::function<core::Result<std::unique_ptr<collect::HistorySource>>()>;

// Whether `commit` belongs to shard `index` of `count`: a fixed function of the commit id, so
// N jobs that each take one index judge every commit exactly once.
bool InShard(std::string_view commit, int index, int count);

core::Result<AuditResult> AuditHistory(const collect::HistoryWalk& walk,
                                       const SourceFactory& open_source,
                                       const policy::Policy& policy, const AuditOptions& options,
                                       AuditProgress& progress);
// The same with a scanner of that policy made beforehand (its prefilter loaded while the
// commits were walked).
core::Result<AuditResult> AuditHistory(const collect::HistoryWalk& walk,
                                       const SourceFactory& open_source,
                                       const HistoryScanner& scanner, const AuditOptions& options,
                                       AuditProgress& progress);
// The walk given when the audit first needs it: after the sweep (`options.sweep`), which reads
// no commit, so that a caller can walk the commits on another thread meanwhile; first thing
// without a sweep. Its error is the audit's.
using WalkProvider = std::function<core::Result<const collect::HistoryWalk*>()>;
core::Result<AuditResult> AuditHistory(const WalkProvider& walk, const SourceFactory& open_source,
                                       const HistoryScanner& scanner, const AuditOptions& options,
                                       AuditProgress& progress);

}  // namespace riskgate::evaluate::history
