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

// kValidate compiles every pattern at load and reports bad ones. kTrusted defers compilation to
// first use; only for the embedded default pack, which the test suite validates.
enum class PatternCheck { kValidate, kTrusted };

struct RulePack {
  std::string name;
  std::string description;
  std::vector<SecretRule> rules;
};

RulePack LoadRulePack(std::string_view text, const std::string& file, PatternCheck check,
                      core::Diagnostics& diagnostics);

// The same from an already parsed tree.
RulePack LoadRulePackTree(const core::Node& root, const std::string& file, PatternCheck check,
                          core::Diagnostics& diagnostics);

// A pack compiled into the binary ("builtin:default"), or nullopt when there is none by that
// name. Its tree was converted from YAML at build time, so no YAML is parsed here.
std::optional<RulePack> LoadBuiltinRulePack(std::string_view name, PatternCheck check,
                                            core::Diagnostics& diagnostics);

// Reads one rule map at `field`; shared by rule packs and a policy's inline rules. A rule
// without `span:` takes `pack_span` (its pack's `span:`).
std::optional<SecretRule> ReadSecretRule(const core::Node& node, const std::string& field,
                                         core::FieldReader& reader, PatternCheck check,
                                         RuleSpan pack_span = RuleSpan::kFile);

// Reads an allowlist map {paths, regexes, stopwords} at `field`.
Allowlist ReadAllowlist(const core::Node& node, const std::string& field, core::FieldReader& reader,
                        PatternCheck check);

// Reads a list of patterns at map[key]; bad ones are reported.
std::vector<PatternPtr> ReadPatterns(const core::Node& map, std::string_view key,
                                     const std::string& parent, core::FieldReader& reader,
                                     PatternCheck check);

}  // namespace riskgate::policy
