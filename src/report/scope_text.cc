#include "report/scope_text.h"

namespace riskgate::report {
namespace {

std::string Short(const std::optional<std::string>& id) { return id.value_or("").substr(0, 12); }

std::string Plural(long long n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

std::string DescribeHistory(const core::ScopeSummary& scope) {
  if (!scope.history) return "history";
  const core::HistoryScope& history = *scope.history;
  if (scope.merged_shards > 0) {
    std::string out = "history: " + std::to_string(history.commits) + " commits reachable from " +
                      std::to_string(history.refs.size()) + " refs, merged from " +
                      std::to_string(scope.merged_shards) + " shard reports";
    if (!history.stopped_at.empty()) {
      out += "; history is shallow: it stops at " + std::to_string(history.stopped_at.size()) +
             " commits whose parents are missing";
    }
    return out;
  }
  std::string out = "history: " + Plural(history.commits, "commit") + " reachable from " +
                    Plural(static_cast<long long>(history.refs.size()), "ref") + ", " +
                    Plural(history.blobs_read, "distinct blob") + " read";
  if (!history.shard.empty()) out += " (shard " + history.shard + ")";
  if (!history.stopped_at.empty()) {
    out += "; history is shallow: it stops at " +
           Plural(static_cast<long long>(history.stopped_at.size()), "commit") +
           " whose parents are missing (" + history.stopped_at.front().substr(0, 12) +
           (history.stopped_at.size() > 1 ? ", ..." : "") + ")";
  }
  if (history.missing_blobs > 0) {
    out += "; " + Plural(history.missing_blobs, "blob") + " missing (a partial clone), not scanned";
  }
  return out;
}

}  // namespace

std::string DescribeScope(const core::ScopeSummary& scope) {
  std::string out;
  switch (scope.mode) {
    case core::ScanMode::kStaged:
      out = scope.head ? "staged changes against HEAD (" + Short(scope.head) + ")"
                       : "staged changes of the first commit (HEAD is unborn)";
      break;
    case core::ScanMode::kRange:
      out = "commits " + (scope.base == core::kEmptyTreeId ? "root" : Short(scope.base)) + ".." +
            Short(scope.head) + " (" + std::to_string(scope.commits) + " commits)";
      break;
    case core::ScanMode::kWorktree:
      out = "every tracked file in the working tree (" + std::to_string(scope.tracked_files) +
            " files)";
      break;
    case core::ScanMode::kHistory:
      out = DescribeHistory(scope);
      break;
  }
  if (!scope.detected_by.empty()) out += " [detected: " + scope.detected_by + "]";
  return out;
}

}  // namespace riskgate::report
