// Stage 2 (policy): risk acceptance. The policy's `waivers` section (who may accept what, for how
// long) and the waiver file itself (.riskgate/waivers.yaml). Input: YAML text. Output: validated
// entries with their file positions, or diagnostics naming file:line:column and field.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/diagnostics.h"
#include "core/field_reader.h"
#include "core/severity.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {

struct WaiverPolicy {
  std::string file = ".riskgate/waivers.yaml";  // repository-relative
  // Longest lifetime (expires - created) per severity, indexed by core::Severity.
  std::array<int, 5> max_days = {365, 365, 180, 90, 30};
  int warn_before_days = 14;  // expiring-soon warning window
  // Who may approve a waiver per severity: user names or @org/team handles; "*" is anyone.
  // A severity with nobody cannot be waived.
  std::array<std::vector<std::string>, 5> approvers = {
      std::vector<std::string>{"*"}, {"*"}, {"*"}, {}, {}};
};

struct Waiver {
  std::string id;
  // What it covers; every given field must match, and at least one is given.
  std::optional<std::string> control;
  std::optional<std::string> rule;
  std::optional<std::string> path;  // a path glob (core/path_glob.h)
  std::optional<std::string> fingerprint;
  std::string reason;
  std::string owner;
  std::string approver;
  core::Day created = 0;
  core::Day expires = 0;
  std::string ticket;
  std::string mitigation;
  std::string file;  // where it is written
  core::Mark mark;
};

// Reads the policy's `waivers` section into `out`.
void ReadWaiverPolicy(const core::Node& node, core::FieldReader& reader, WaiverPolicy& out);

// A new entry appended to a waiver file's text, keeping its comments and layout (the entry is
// indented like the existing ones). The caller validates the result with LoadWaivers.
std::string AppendWaiver(std::string_view existing, const Waiver& waiver);

// Parses a waiver file: `version: 1` and `waivers: [...]`. Every problem is reported together.
std::vector<Waiver> LoadWaivers(std::string_view text, const std::string& file,
                                core::Diagnostics& diagnostics);

}  // namespace riskgate::policy
