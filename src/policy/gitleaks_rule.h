// Stage 2 (policy): reads one `[[rules]]` table or one allowlist table of a gitleaks config
// (already parsed into a located tree) with gitleaks' field semantics. Patterns are compiled and
// checked here, so a pattern RE2 rejects is a diagnostic naming the rule; Go's `(?<name>...)`
// named groups are rewritten first, with a note.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/field_reader.h"
#include "policy/secret_rule.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {

// A global allowlist may also name `targetRules`; a rule's may not.
enum class AllowlistLevel { kGlobal, kRule };

// A rule with kGitleaks dialect, or nullopt after reporting why (a missing id, a bad pattern, a
// bad allowlist). Whether it has a regex or path is checked after [extend] merged it.
std::optional<SecretRule> ReadGitleaksRule(const core::Node& node, const std::string& field,
                                           core::FieldReader& reader,
                                           std::vector<std::string>& notes);

// An allowlist; empty ones and unknown `condition` / `regexTarget` values are errors.
std::optional<Allowlist> ReadGitleaksAllowlist(const core::Node& node, const std::string& field,
                                               core::FieldReader& reader, AllowlistLevel level,
                                               std::vector<std::string>& notes);

// Rewrites Go's `(?<name>...)` named groups, which RE2 rejects, to `(?P<name>...)`; returns
// how many it rewrote.
int RewriteGoNamedGroups(std::string& pattern);

}  // namespace riskgate::policy
