// Stage 3 (evaluate): what the full-history audit's workers share about blobs: each blob's
// prefilter verdict (from the sweep, or from the first worker that reads it while the others
// wait), dirty blobs' texts within a budget, content ids per (blob, path), why a blob could
// not be scanned, and the totals. Input: the sweep's blobs and the workers' reads; output:
// verdicts and texts. Thread-safe; used by evaluate/history/history_audit.cc only.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "collect/blob_sweep.h"
#include "collect/history_source.h"
#include "collect/pack/pack_index.h"
#include "core/error.h"
#include "core/scope.h"
#include "evaluate/history/history_audit.h"
#include "evaluate/history/history_scanner.h"
#include "evaluate/history/prefilter_answers.h"

namespace riskgate::evaluate::history {

// What the prefilter said of a blob, once for all the paths and commits it appears in.
enum class BlobVerdict { kPending, kClean, kDirty, kSkipped };

// Why a blob could not be scanned.
struct Unscanned {
  core::SkipReason reason = core::SkipReason::kBinary;
  std::int64_t size = 0;
  std::string magic = {};  // a binary's first bytes (a keystore's magic number)
};

class SharedBlobState {
 public:
  SharedBlobState(const HistoryScanner& scanner, const AuditOptions& options,
                  AuditProgress& progress)
      : scanner_(scanner), options_(options), progress_(progress) {}

  struct Classified {
    BlobVerdict verdict = BlobVerdict::kClean;
    std::optional<std::string> text;  // the dirty blob's text, when at hand
  };

  // The sweep's reading of `blob` (from the sweep's threads): prefiltered now, remembered for
  // the walk's first look at it; a dirty text is kept within the budget.
  void Presweep(const std::string& blob, const collect::SweptBlob& content);

  // `blob`'s verdict: the sweep's, another worker's (waited for), or read and prefiltered now.
  core::Result<Classified> Classify(collect::HistorySource& source, const std::string& blob);

  // The text of a blob the prefilter found dirty (read again if it was not kept).
  core::Result<std::string> Text(collect::HistorySource& source, const std::string& blob,
                                 Classified& classified);

  std::optional<std::vector<std::string>> CachedIds(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = ids_.find(key);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
  }
  void StoreIds(const std::string& key, std::vector<std::string> ids) {
    std::lock_guard lock(mutex_);
    ids_.emplace(key, std::move(ids));
  }

  // Why `blob` could not be scanned, once Classify has read it; nullopt when it was scanned.
  std::optional<Unscanned> UnscannedOf(const std::string& blob) {
    std::lock_guard lock(mutex_);
    auto it = unscanned_.find(blob);
    if (it == unscanned_.end()) return std::nullopt;
    return it->second;
  }

  AuditResult& totals() { return totals_; }
  std::mutex& mutex() { return mutex_; }

 private:
  // What the sweep learnt of a blob, for the walk's first look at it (BlobContent without
  // text).
  struct Swept {
    collect::BlobState state = collect::BlobState::kText;
    std::int64_t size = 0;
    std::size_t text_bytes = 0;
    std::string magic;  // moved to the unscanned record once reached
    BlobVerdict verdict = BlobVerdict::kClean;
    bool reached = false;  // by the walk: counted, and recorded if unscanned
  };

  // A blob's verdict as known already, with its text when kept (the lock is held).
  Classified Known(const std::string& blob, BlobVerdict verdict) const;
  void Count(collect::BlobState state, std::size_t text_bytes);

  const HistoryScanner& scanner_;
  const AuditOptions& options_;
  AuditProgress& progress_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::unordered_map<std::string, BlobVerdict> verdicts_;
  std::unordered_map<std::string, std::string> texts_;
  std::size_t text_bytes_ = 0;
  std::unordered_map<std::string, std::vector<std::string>> ids_;  // blob '\0' path -> ids
  std::unordered_map<std::string, Unscanned> unscanned_;
  // By the blob's raw id: git/git's 165,000 hex keys cost a string compare and a cache miss
  // for each of the walk's lookups.
  std::unordered_map<collect::pack::RawId, Swept, collect::pack::RawIdHash> swept_;
  PrefilterAnswers answers_;  // the sweep's prefilter answers, by place
  AuditResult totals_;
};

}  // namespace riskgate::evaluate::history
