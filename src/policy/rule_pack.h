// Stage 2 (policy): loads a secrets rule pack (rules/*.yaml; docs/rules.md has the format).
// Input: YAML text. Output: validated rules, or diagnostics naming file:line:column and field.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/field_reader.h"
#include "policy/secret_rule.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {

struct RulePack {
  std::string name;
  std::string description;
  std::vector<SecretRule> rules;
};

RulePack LoadRulePack(std::string_view text, const std::string& file,
                      core::Diagnostics& diagnostics);

// The same from an already parsed tree.
RulePack LoadRulePackTree(const core::Node& root, const std::string& file,
                          core::Diagnostics& diagnostics);

// Reads one rule map at `field`; shared by rule packs and a policy's inline rules. A rule
// without `span:` takes `pack_span` (its pack's `span:`).
std::optional<SecretRule> ReadSecretRule(const core::Node& node, const std::string& field,
                                         core::FieldReader& reader,
                                         RuleSpan pack_span = RuleSpan::kFile);

// Reads an allowlist map {paths, regexes, stopwords} at `field`.
Allowlist ReadAllowlist(const core::Node& node, const std::string& field,
                        core::FieldReader& reader);

// Reads a list of patterns at map[key]; bad ones are reported.
std::vector<PatternPtr> ReadPatterns(const core::Node& map, std::string_view key,
                                     const std::string& parent, core::FieldReader& reader);

}  // namespace riskgate::policy
