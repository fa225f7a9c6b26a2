// Test support for the ledger's units: riskgate JSON documents as the writers shape them, built
// field by field so that a test can change one field and see the ledger refuse it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace riskgate::ledger::test {

// The ingest's clock in the units: 2026-12-05T12:00:00Z.
inline constexpr long long kNow = 1796472000;

inline nlohmann::json Run(const std::string& repository, const std::string& change,
                          const std::string& time) {
  return {{"repository", repository},
          {"change", change},
          {"event", "pull_request"},
          {"ci", true},
          {"time", time}};
}

inline nlohmann::json Finding(const std::string& rule, const std::string& severity,
                              const std::string& decision, const std::string& fingerprint) {
  return {{"control", "secrets"},
          {"rule", rule},
          {"severity", severity},
          {"decision", decision},
          {"message", "a token"},
          {"path", "app/config.py"},
          {"line", 3},
          {"column", 9},
          {"commit", nullptr},
          {"fingerprint", fingerprint},
          {"secret", "ghp_..."},
          {"occurrences", 1},
          {"in_change", true},
          {"remediation", nlohmann::json::array()},
          {"waiver", nullptr},
          {"baselined", false}};
}

inline nlohmann::json CheckReport(const nlohmann::json& run, const std::string& decision,
                                  const nlohmann::json& findings) {
  return {{"tool", {{"name", "riskgate"}, {"version", "0.1.0"}}},
          {"decision", decision},
          {"dry_run", false},
          {"run", run},
          {"policy",
           {{"source", "builtin:default"},
            {"sha256", "00"},
            {"revision", nullptr},
            {"extends", nlohmann::json::array()},
            {"controls", {"secrets", "pins", "reviews"}}}},
          {"scope",
           {{"mode", "range"},
            {"description", "commits a..b"},
            {"base", "a"},
            {"head", "b"},
            {"commits", 1},
            {"files_scanned", 1},
            {"files_skipped", 0},
            {"skipped", nlohmann::json::array()},
            {"empty", false}}},
          {"findings", findings},
          {"summary",
           {{"total", findings.size()},
            {"block", 0},
            {"warn", 0},
            {"pass", 0},
            {"suppressed_inline", 0},
            {"inline_ignored", 0},
            {"preexisting", 0},
            {"waived", 0},
            {"baselined", 0},
            {"omitted", 0},
            {"capped_paths", nlohmann::json::array()},
            {"run_cap_reached", false}}}};
}

inline nlohmann::json Register(const nlohmann::json& run, const nlohmann::json& waivers) {
  return {{"today", "2026-12-01"},
          {"waivers", waivers},
          {"tool", {{"name", "riskgate"}, {"version", "0.1.0"}}},
          {"kind", "waivers"},
          {"run", run},
          {"commit", "b"},
          {"policy", {{"source", "builtin:default"}, {"sha256", "00"}}}};
}

inline nlohmann::json Waiver(const std::string& id, const std::string& created,
                             const std::string& expires) {
  return {{"id", id},           {"status", "active"},
          {"severity", "high"}, {"owner", "team-a"},
          {"approver", "lead"}, {"created", created},
          {"expires", expires}, {"age_days", 1},
          {"days_left", 1},     {"findings", 1},
          {"covers", "rule x"}, {"ticket", ""},
          {"reason", "why"},    {"file", ".riskgate/waivers.yaml"},
          {"line", 1}};
}

}  // namespace riskgate::ledger::test

namespace riskgate::ledger::test {

inline nlohmann::json ModelStatus(const nlohmann::json& run, const nlohmann::json& components) {
  return {{"components", components},
          {"high_tier_coverage", {{"usable", 0}, {"total", 0}}},
          {"tool", {{"name", "riskgate"}, {"version", "0.1.0"}}},
          {"kind", "threat-model-status"},
          {"run", run},
          {"commit", "b"},
          {"policy", {{"source", "builtin:default"}, {"sha256", "00"}}}};
}

inline nlohmann::json Component(const std::string& name, const std::string& tier, bool exists,
                                bool fresh, bool complete) {
  nlohmann::json missing = nlohmann::json::array();
  if (!complete) missing.push_back("trust boundaries");
  return {{"name", name},
          {"tier", tier},
          {"owners", {"@acme/" + name}},
          {"usable", exists && fresh && complete},
          {"models",
           {{{"path", "docs/" + name + ".md"},
             {"exists", exists},
             {"format", exists ? nlohmann::json("markdown") : nlohmann::json()},
             {"age_days", 3},
             {"fresh", fresh},
             {"stale_reason", nullptr},
             {"error", nullptr},
             {"missing_parts", missing},
             {"open_residual_risks", 0},
             {"unowned_residual_risks", 0}}}}};
}

}  // namespace riskgate::ledger::test
