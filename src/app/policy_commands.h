// App: commands about the policy itself rather than a change: `policy validate` (load and check
// without scanning), `policy show` (the effective policy, composed and with its defaults) and
// `explain RULE_ID` (what a rule is for, what it matches, what it decides and how to resolve it).
#pragma once

#include <string>

namespace riskgate::app {

struct PolicyCommandOptions {
  std::string repo;
  std::string policy;           // default: .riskgate.yaml at the repository root, else built-in
  std::string format = "text";  // show: text (YAML) or json; explain: text or json
  std::string rule;             // explain
};

int RunPolicyValidate(const PolicyCommandOptions& options);
int RunPolicyShow(const PolicyCommandOptions& options);
int RunExplain(const PolicyCommandOptions& options);

}  // namespace riskgate::app
