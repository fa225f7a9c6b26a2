// App: the risk-register commands. `waive` appends a waiver for one finding (refusing what the
// policy forbids), `waivers` lists the register with ages and statuses, `baseline` records the
// current findings so only new ones gate. Each judges the working tree through run::JudgeChange().
#pragma once

#include <string>

#include "run/new_waiver.h"

namespace riskgate::app {

struct WaiveOptions {
  std::string repo;
  std::string policy;
  run::WaiverRequest waiver;
};

struct WaiversOptions {
  std::string repo;
  std::string policy;
  std::string format = "text";  // text, json, markdown
};

struct BaselineOptions {
  std::string repo;
  std::string policy;
  std::string output;  // default: <repo>/.riskgate/baseline.json
};

int RunWaive(const WaiveOptions& options);
int RunWaivers(const WaiversOptions& options);
int RunBaseline(const BaselineOptions& options);

}  // namespace riskgate::app
