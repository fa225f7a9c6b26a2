// Shared by the reviews end-to-end tests: the findings of the reviews control in a JSON report.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <vector>

#include "support/process.h"

namespace riskgate::testing {

inline std::vector<nlohmann::json> ReviewFindings(const ProcessResult& result) {
  INFO(result.err);
  const nlohmann::json doc = nlohmann::json::parse(result.out);
  std::vector<nlohmann::json> out;
  for (const auto& f : doc["findings"]) {
    if (f["control"] == "reviews") out.push_back(f);
  }
  return out;
}

}  // namespace riskgate::testing
