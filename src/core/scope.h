// Stage 0 (core): what was judged. Filled by collect, printed by report.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace riskgate::core {

enum class ScanMode { kStaged, kRange, kWorktree };

std::string_view ScanModeName(ScanMode mode);

// kLfsPointer: a Git LFS pointer file; the content it stands for is not in the repository.
enum class SkipReason { kBinary, kTooLarge, kSymlink, kSubmodule, kUnreadable, kLfsPointer };

std::string_view SkipReasonName(SkipReason reason);

struct SkippedFile {
  std::string path;
  SkipReason reason = SkipReason::kBinary;
  std::optional<std::string> commit;
};

struct ScopeSummary {
  ScanMode mode = ScanMode::kStaged;
  std::optional<std::string> base;  // resolved commit ids
  std::optional<std::string> head;
  int commits = 0;        // commits judged one by one (range mode)
  int files_scanned = 0;  // distinct (commit, path) pairs whose text was scanned
  std::vector<SkippedFile> skipped;
  std::string description;  // one line for humans: "staged changes against HEAD (a1b2c3d)"
};

// Where the policy came from.
struct PolicySource {
  std::string origin;  // "builtin:default" or a file path
  std::string sha256;  // of the policy text
  // Where it was read from when not the working tree: "base <commit>" in range mode.
  std::string revision;
  // The policy files it extends (`extends:`), resolved, in merge order.
  std::vector<std::string> extends = {};
};

}  // namespace riskgate::core
