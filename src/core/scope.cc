#include "core/scope.h"

namespace riskgate::core {

std::string_view ScanModeName(ScanMode mode) {
  switch (mode) {
    case ScanMode::kStaged:
      return "staged";
    case ScanMode::kRange:
      return "range";
    case ScanMode::kWorktree:
      return "worktree";
    case ScanMode::kHistory:
      return "history";
  }
  return "staged";
}

std::string_view SkipReasonName(SkipReason reason) {
  switch (reason) {
    case SkipReason::kBinary:
      return "binary";
    case SkipReason::kTooLarge:
      return "too_large";
    case SkipReason::kSymlink:
      return "symlink";
    case SkipReason::kSubmodule:
      return "submodule";
    case SkipReason::kUnreadable:
      return "unreadable";
    case SkipReason::kLfsPointer:
      return "lfs_pointer";
    case SkipReason::kUndecodable:
      return "undecodable";
  }
  return "binary";
}

bool JudgedNothing(const ScopeSummary& scope) {
  return (scope.mode == ScanMode::kStaged || scope.mode == ScanMode::kRange) &&
         scope.files_scanned == 0 && scope.commits == 0 && scope.skipped.empty();
}

}  // namespace riskgate::core
