// Stage 0 (core): one row of the threat-model coverage report: a component, its models and
// whether one of them is usable. Filled by evaluate (threat_model/model_status), printed by
// report (model_status).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace riskgate::core {

struct ModelStatus {
  std::string path;
  bool exists = false;
  std::string format;  // Markdown, Threat Dragon, Threagile
  std::optional<long long> age_days;
  bool fresh = false;        // under the policy's freshness mode, as the check judges it
  std::string stale_reason;  // when not fresh
  std::string error;         // does not parse
  std::vector<std::string> missing_parts;
  int open_risks = 0;     // open or accepted at or above the policy's residual severity
  int unowned_risks = 0;  // of those, without an owner
};

struct ComponentStatus {
  std::string name;
  std::string tier;
  std::vector<std::string> owners;
  std::vector<ModelStatus> models;
  bool usable = false;  // some model exists, parses, is fresh and complete
};

}  // namespace riskgate::core
