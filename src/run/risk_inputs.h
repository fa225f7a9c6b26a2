// Stage run: loads what judges a run besides the change itself: the policy (with its rule packs),
// the waivers and the baseline, all through PolicyFiles (from the base commit in range mode).
#pragma once

#include <string>
#include <vector>

#include "policy/baseline.h"
#include "policy/policy.h"
#include "run/policy_files.h"

namespace riskgate::run {

struct RiskInputs {
  policy::Policy policy;
  std::vector<policy::Waiver> waivers;
  policy::FingerprintSet baseline;
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
                                        const std::string& workdir);

}  // namespace riskgate::run
