// Unit tests of the secrets control: a policy from a `controls.secrets` section, with no files
// to read (a rule pack path is an I/O error).
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "policy/policy.h"

namespace riskgate::evaluate::secrets {

// Two rules for whole-file contexts: a block that spans lines, a token on one line.
inline const char* const kBlockRules = R"yaml(    rule_packs: []
    rules:
      - id: demo-block
        description: Demo block
        severity: critical
        regex: '(BEGIN DEMO\n[A-Za-z0-9]{20,})'
        keywords: [begin demo]
      - id: demo-token
        description: Demo token
        severity: high
        regex: '\b(demo_[A-Za-z0-9]{20})\b'
        keywords: [demo_]
)yaml";

inline policy::Policy PolicyWith(const std::string& secrets_section) {
  auto policy = policy::LoadPolicy("version: 1\ncontrols:\n  secrets:\n" + secrets_section,
                                   "test.yaml", [](const std::string& p) {
                                     return core::Result<std::string>(core::MakeError(
                                         core::ErrorCode::kIo, "no files in this test", p));
                                   });
  INFO((policy ? std::string() : policy.error().message));
  REQUIRE(policy.has_value());
  return std::move(*policy);
}

}  // namespace riskgate::evaluate::secrets
