// Stage 0 (core): what was judged. Filled by collect, printed by report.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riskgate::core {

enum class ScanMode { kStaged, kRange, kWorktree, kHistory };

std::string_view ScanModeName(ScanMode mode);

// kLfsPointer: a Git LFS pointer file whose object is not stored locally. kUndecodable: text
// marked or detected as UTF-16/UTF-32 that is not valid in that encoding.
enum class SkipReason {
  kBinary,
  kTooLarge,
  kSymlink,
  kSubmodule,
  kUnreadable,
  kLfsPointer,
  kUndecodable
};

std::string_view SkipReasonName(SkipReason reason);

struct SkippedFile {
  std::string path;
  SkipReason reason = SkipReason::kBinary;
  std::optional<std::string> commit;
  std::int64_t size = 0;  // bytes, when known (0: unknown)
  // The first bytes of a binary file (at most kMagicBytes), so evaluators can tell a keystore
  // by its magic number without the whole file; empty when not read.
  std::string magic = {};
};

inline constexpr std::size_t kMagicBytes = 16;

// What a history audit covered (riskgate history).
// Git's empty tree: the base of a range that starts at the root commit.
inline constexpr std::string_view kEmptyTreeId = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

struct HistoryScope {
  std::vector<std::string> refs;  // the refs or revisions walked from
  std::string tip;                // the commit whose tree decides "present at head"
  int commits = 0;                // commits judged (this shard's, when sharded)
  int commits_walked = 0;         // commits reachable within the limits, all shards
  int ref_objects = 0;            // trees and blobs only refs name, judged (this shard's)
  long long blobs_read = 0;       // distinct blobs read
  long long bytes_read = 0;
  // Commits whose parents are missing (a shallow or partial clone): the walk stopped there.
  std::vector<std::string> stopped_at;
  int missing_blobs = 0;  // blobs the object store lacks (a partial clone): counted, not read
  std::string shard;      // "K/N", empty when the run is not sharded
  double seconds = 0;     // wall time of the audit
};

struct ScopeSummary {
  ScanMode mode = ScanMode::kStaged;
  std::optional<std::string> base;  // resolved commit ids
  std::optional<std::string> head;
  int commits = 0;        // commits judged one by one (range mode)
  int files_scanned = 0;  // distinct (commit, path) pairs whose text was scanned
  std::vector<SkippedFile> skipped;
  int tracked_files = 0;  // worktree mode: files of the index
  // Worktree mode restricted to named files (pre-commit run --all-files / --files): how many
  // of the tracked files were named; unset when every tracked file was judged.
  std::optional<int> named_files;
  std::string detected_by;  // how the scope was detected (no scope flag): "GitHub pull_request"
  int merged_shards = 0;    // history mode: shard reports merged into this one
  std::optional<HistoryScope> history = std::nullopt;  // set in history mode
  // What the run did not do, and why (an online check skipped offline): never a silent pass.
  std::vector<std::string> notes = {};
};

// A staged or range scope that judged nothing at all: no file, no commit, nothing skipped (an
// empty index, a range without commits). Reports say so and name the audit (`--worktree`).
bool JudgedNothing(const ScopeSummary& scope);

// Where the policy came from.
struct PolicySource {
  std::string origin;  // "builtin:default" or a file path
  std::string sha256;  // of the policy text
  // Where it was read from when not the working tree: "base <commit>" in range mode.
  std::string revision;
  // The policy files it extends (`extends:`), resolved, in merge order.
  std::vector<std::string> extends = {};
};

// How far a repository's pipeline config has adopted secure defaults, counted over the pipeline
// files a worktree audit read (the whole tree): what the ledger's adoption metrics are made of.
struct SecureDefaults {
  int workflows = 0;                   // GitHub workflow files that parse
  int workflows_with_permissions = 0;  // of those, with a top-level `permissions:` key
  int uses = 0;                        // `uses:` of remote actions and reusable workflows
  int uses_pinned = 0;                 // of those, pinned to a full commit SHA
  int images = 0;                      // container images named by pipeline files
  int images_pinned = 0;               // of those, pinned by digest (@sha256:...)
};

// Which repository a run judged, for which change, and when: what a ledger needs to put runs
// from many repositories and CI jobs side by side. Read from the CI platform's variables and the
// repository's own configuration (its origin remote), never from the change.
struct RunIdentity {
  std::string repository;  // "github.com/acme/app", empty when nothing names it
  std::string change;      // "pull/12", "merge_requests/5" or a branch name; may be empty
  std::string event;       // as RunContext::event: "pull_request", "push", "pre-commit", "local"
  bool ci = false;
  long long time = 0;  // Unix seconds: the clock, or noon of RISKGATE_NOW's day
};

}  // namespace riskgate::core
