// Stage run: what a caller asks of the two pipelines, as plain values (no CLI flags): the
// command line, a test or another tool fills these in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace riskgate::run {

// run::JudgeChange: judge a change (or audit a tree) and decide.
struct JudgeRequest {
  // The scope: at most one of staged, worktree and base; none detects it from the environment.
  bool staged = false;
  bool worktree = false;
  std::string base;
  std::string head;  // with base; empty: HEAD
  std::string repo;  // empty: from the environment and the current folder
  // Files named on the command line (pre-commit's pass_filenames); run/named_files.h.
  std::vector<std::string> files;
  std::string policy;         // empty: <repo>/.riskgate.yaml, else the built-in default
  bool all_findings = false;  // also report findings on lines the change did not add
  std::optional<std::int64_t> max_file_bytes;  // overrides limits.max_file_bytes
  // List every finding whatever the policy's caps (for baseline and waiver commands).
  bool uncapped = false;
  // The reviews control: the pull request number (GitHub) or merge request IID (GitLab), and
  // OWNER/REPO or the GitLab project, when the CI environment does not give them.
  long long pull_request = 0;
  std::string forge_project;
  // Look up action SHAs for the pins remedy when a GitHub token is at hand (`check` only).
  bool resolve_pins = false;
  // A dry run (--dry-run): a staged change's reviews say what the commit will need.
  bool dry_run = false;
};

// A worktree audit that lists every finding (pass ones too), for the commands that act on
// findings (waive, baseline, fix pins, threat-model); `uncapped`: whatever the policy's caps.
inline JudgeRequest WorktreeAudit(std::string repo, std::string policy, bool uncapped) {
  JudgeRequest request;
  request.repo = std::move(repo);
  request.policy = std::move(policy);
  request.worktree = true;
  request.all_findings = true;
  request.uncapped = uncapped;
  return request;
}

// One part of a sharded audit.
struct Shard {
  int index = 0;  // 0-based
  int count = 1;
};

// run::AuditHistory: every commit reachable from the refs, secrets and content rules.
struct HistoryRequest {
  std::string repo;                   // empty: as git finds it
  std::vector<std::string> branches;  // empty: every ref
  std::optional<long long> since;     // committer time bounds, seconds since the epoch
  std::optional<long long> until;
  int max_commits = 0;
  std::optional<Shard> shard;  // --shard K/N: this part of the blobs (reports name it)
  std::string policy;          // empty: <workdir>/.riskgate.yaml, else the built-in default
  int jobs = 0;                // 0: every core
  std::optional<std::int64_t> max_file_bytes;
};

}  // namespace riskgate::run
