#include "report/scope_text.h"

#include "core/text.h"

namespace riskgate::report {
namespace {

std::string Short(const std::optional<std::string>& id) { return id.value_or("").substr(0, 12); }

std::string DescribeHistory(const core::ScopeSummary& scope) {
  if (!scope.history) return "history";
  const core::HistoryScope& history = *scope.history;
  if (scope.merged_shards > 0) {
    std::string out = "history: " + core::Plural(history.commits, "commit") + " reachable from " +
                      core::Plural(static_cast<long long>(history.refs.size()), "ref") +
                      ", merged from " + core::Plural(scope.merged_shards, "shard report");
    if (!history.stopped_at.empty()) {
      out += "; history is shallow: it stops at " + std::to_string(history.stopped_at.size()) +
             " commits whose parents are missing";
    }
    return out;
  }
  std::string out = "history: " + core::Plural(history.commits, "commit") + " reachable from " +
                    core::Plural(static_cast<long long>(history.refs.size()), "ref") + ", " +
                    core::Plural(history.blobs_read, "distinct blob") + " read";
  if (history.ref_objects > 0) {
    out += ", and " + std::to_string(history.ref_objects) +
           (history.ref_objects == 1 ? " tree or blob" : " trees or blobs") +
           " that only refs name";
  }
  if (!history.shard.empty()) out += " (shard " + history.shard + ")";
  if (!history.stopped_at.empty()) {
    out += "; history is shallow: it stops at " +
           core::Plural(static_cast<long long>(history.stopped_at.size()), "commit") +
           " whose parents are missing (" + history.stopped_at.front().substr(0, 12) +
           (history.stopped_at.size() > 1 ? ", ..." : "") + ")";
  }
  if (history.missing_blobs > 0) {
    out += "; " + core::Plural(history.missing_blobs, "blob") +
           " missing (a partial clone), not scanned";
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
            Short(scope.head) + " (" + core::Plural(scope.commits, "commit") + ")";
      break;
    case core::ScanMode::kWorktree:
      out = scope.named_files ? "the named files as they are in the working tree (" +
                                    core::Plural(*scope.named_files, "tracked file") + ")"
                              : "every tracked file in the working tree (" +
                                    core::Plural(scope.tracked_files, "file") + ")";
      break;
    case core::ScanMode::kHistory:
      out = DescribeHistory(scope);
      break;
  }
  if (!scope.detected_by.empty()) out += " [detected: " + scope.detected_by + "]";
  return out;
}

std::string NothingJudgedNote(const core::ScopeSummary& scope) {
  if (!core::JudgedNothing(scope)) return "";
  const std::string what =
      scope.mode == core::ScanMode::kStaged
          ? "nothing is staged"
          : "the range " + Short(scope.base) + ".." + Short(scope.head) + " has no commits";
  return "nothing to judge: " + what + "; `riskgate check --worktree` audits every tracked file";
}

}  // namespace riskgate::report
