// `riskgate check`: judge a change and decide block / warn / pass.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include "app/report_outputs.h"

namespace riskgate::app {

struct CheckOptions {
  bool staged = false;
  bool worktree = false;
  std::string base;
  std::string head;
  std::string repo;           // empty: from the environment and the current folder
  std::string policy;         // empty: <repo>/.riskgate.yaml, else the built-in default
  ReportFlags report;         // --format, --output, --color, --dry-run, --warn-exit-code
  bool all_findings = false;  // also report findings on lines the change did not add
  std::optional<std::int64_t> max_file_bytes;
  // Wall-clock budget in seconds; past it the run fails closed (exit 2).
  std::optional<double> timeout_seconds;
  // List every finding whatever the policy's caps (for baseline and waiver commands).
  bool uncapped = false;
  // The reviews control: the pull request number (GitHub) or merge request IID (GitLab), and
  // OWNER/REPO or the GitLab project, when the CI environment does not give them.
  long long pull_request = 0;
  std::string forge_project;
  // Look up action SHAs for the pins remedy when a GitHub token is at hand (`check` only).
  bool resolve_pins = false;
};

int RunCheck(const CheckOptions& options);

}  // namespace riskgate::app
