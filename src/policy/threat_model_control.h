// Stage 2 (policy): the threat-model control's schema (`controls.threat_model`): the components
// that carry risk (paths, tier, model files, owners, aliases), what a usable model must contain,
// how fresh it must be, and which paths count as new entry points. Input: the YAML node.
// Output: a validated ThreatModelControl or located diagnostics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/field_reader.h"
#include "core/severity.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {

enum class RiskTier { kLow, kMedium, kHigh };

std::string_view RiskTierName(RiskTier tier);

// What "fresh" means: updated within max_age_days of the change, or no older than the
// component's last change to its code.
enum class Freshness { kAge, kLastChange };

struct Component {
  std::string name;
  std::vector<std::string> paths;  // path globs of its code
  RiskTier tier = RiskTier::kMedium;
  std::vector<std::string> models;   // repository paths of its threat model file(s)
  std::vector<std::string> owners;   // who may own its residual risk
  std::vector<std::string> aliases;  // other names the model may use for it
  int line = 0;                      // in the policy

  // Whether `path` is code of this component (matches one of `paths`).
  bool Covers(std::string_view path) const;
  // Whether one of its models is among `sorted_paths` (a change's paths, sorted).
  bool HasModelAmong(const std::vector<std::string>& sorted_paths) const;
};

struct ThreatModelControl {
  bool enabled = false;
  std::vector<Component> components;
  // Headings a Markdown model must have (matched case-insensitively as heading text).
  std::vector<std::string> required_parts = {"Assets",           "Actors",      "Entry points",
                                             "Trust boundaries", "Abuse cases", "Controls",
                                             "Residual risk"};
  int max_age_days = 180;
  Freshness freshness = Freshness::kAge;
  // Path globs whose new files are entry points the model should mention (routes, API specs).
  std::vector<std::string> entry_points;
  // Open or accepted threats at or above this severity need an owner (accepted: a date and an
  // expiry too).
  core::Severity residual_severity = core::Severity::kHigh;
  // The longest an acceptance in a model may run, from its accepted date to its expiry.
  int max_acceptance_days = 365;
};

// The severity of a finding about a component of `tier`: high blocks, medium and low warn.
core::Severity SeverityForTier(RiskTier tier);

// Reads `controls.threat_model` (absent: the control stays off).
void LoadThreatModelControl(const core::Node* node, core::FieldReader& reader,
                            ThreatModelControl& out);

}  // namespace riskgate::policy
