// Stage run: loads what judges a run besides the change itself: the policy (with its rule packs),
// the waivers and the baseline, all through PolicyFiles (from the base commit in range mode).
#pragma once

#include <string>
#include <vector>

#include "policy/baseline.h"
#include "policy/policy.h"
#include "run/policy_files.h"

namespace riskgate::run {

// What judges a run besides the change. Whatever the run adjusts (below) is adjusted while
// loading, and nothing after loading changes what the policy says: every stage takes it by const
// reference. (The member is not const so that a RiskInputs moves: a const policy of ~600 rules
// was copied at every hand-over, 5% of a pre-commit check.)
struct RiskInputs {
  policy::Policy policy;
  std::vector<policy::Waiver> waivers;
  policy::FingerprintSet baseline;
};

// How a judgement adjusts the policy it loads, before any stage reads it.
struct RunSettings {
  // A judgement that may call a forge: the API URLs of a policy the change wrote are dropped
  // (its forge settings could send the token to any host).
  bool judgement = false;
  // A CI run judging a range, or an author's branch under the default branch's policy: what it
  // cannot scan blocks there unless the policy says otherwise (hooks and local runs warn).
  bool gate_run = false;
  // Any CI judgement: a `riskgate:allow` the judged code wrote is not its own waiver (unless the
  // policy chose).
  bool ci_judgement = false;
  // List every finding whatever the policy's caps (waive, baseline, fix pins).
  bool uncapped = false;
};

// `explicit_policy`: --policy, or empty for <workdir>/.riskgate.yaml or the built-in default.
// The policy a check in this repository would apply (working-tree versions) and how many waivers
// it has; outside a repository, the named file alone (`policy validate/show`, `explain`).
struct WorkingPolicy {
  std::string path;  // empty: the built-in default
  policy::Policy policy;
  int waivers = 0;
};
core::Result<WorkingPolicy> LoadWorkingPolicy(const std::string& repo,
                                              const std::string& explicit_policy);

core::Result<RiskInputs> LoadRiskInputs(const std::string& explicit_policy, PolicyFiles& files,
                                        const std::string& workdir,
                                        const RunSettings& settings = {});

}  // namespace riskgate::run
