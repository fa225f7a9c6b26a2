// Unit tests of the secrets control: a policy from a `controls.secrets` section, with no files
// to read (a rule pack path is an I/O error).
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "policy/policy.h"

namespace riskgate::evaluate::secrets {

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
