// Stage 4 (decide): a pure function. Input: findings and the policy. Output: a decision per
// finding (from its severity), the run's decision (the worst), remediation options of three
// kinds for every finding, and counts. No I/O.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/finding.h"
#include "decide/waivers.h"
#include "policy/policy.h"

namespace riskgate::decide {

struct Summary {
  int total = 0;
  int block = 0;
  int warn = 0;
  int pass = 0;
  int suppressed_inline = 0;
  int inline_ignored = 0;
  int preexisting = 0;  // findings outside the change (kept or not)
  int waived = 0;       // findings an active waiver turned into pass
  int baselined = 0;    // findings recorded in the baseline, so passing
  // Findings counted above but not listed, because limits.max_findings(_per_file) was reached.
  int omitted = 0;
  std::vector<std::string> capped_paths;  // files that reached the per-file cap
  bool run_cap_reached = false;
};

struct DecideOptions {
  // Keep findings on lines the change did not add (as pass); otherwise they are dropped.
  bool keep_preexisting = false;
  WaiverInput waivers;
  // Fingerprints of accepted existing findings (riskgate baseline); null when there is none.
  const std::set<std::string, std::less<>>* baseline = nullptr;
  // Lines evaluate did not report because of an inline `riskgate:allow` (honoured or not by the
  // policy): counted in the summary.
  int suppressed_inline = 0;
  int inline_ignored = 0;
};

struct Verdict {
  core::Decision decision = core::Decision::kPass;
  std::vector<core::JudgedFinding> findings;  // most severe decision first, then by path and line
  Summary summary;
};

Verdict Decide(std::vector<core::Finding> evaluated, const policy::Policy& policy,
               const DecideOptions& options = {});

}  // namespace riskgate::decide
