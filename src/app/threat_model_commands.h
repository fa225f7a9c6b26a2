// App: `riskgate threat-model init COMPONENT` writes a skeleton Markdown threat model with the
// policy's parts, pre-filled with what riskgate knows (paths, entry-point files, owners from the
// policy or CODEOWNERS), never overwriting a file; `riskgate threat-model status` prints every
// component's coverage as text or JSON.
#pragma once

#include <string>

namespace riskgate::app {

struct ThreatModelOptions {
  std::string repo;
  std::string policy;
  std::string component;        // init
  std::string format = "text";  // status: text or json
};

int RunThreatModelInit(const ThreatModelOptions& options);
int RunThreatModelStatus(const ThreatModelOptions& options);

}  // namespace riskgate::app
