// Stage 2 (policy): the custom control's schema (`controls.custom`): the organisation's own rules,
// declared in YAML instead of code. Input: the YAML node and the rule packs it names. Output:
// validated rules with compiled patterns, or located diagnostics naming the rule id. It never
// reads the repository under judgement.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/error.h"
#include "core/field_reader.h"
#include "core/severity.h"
#include "policy/pattern.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {

// Reads a file a policy refers to (a rule pack, an extended policy), by the path written in the
// policy resolved against the policy's folder.
using FileReader = std::function<core::Result<std::string>(const std::string& path)>;

enum class CustomKind {
  kForbidContent,   // a pattern must not appear in added lines (whole files in audits)
  kForbidPath,      // paths must not be added or modified (optionally: above a size)
  kRequirePath,     // some file matching the globs must exist in the judged tree
  kRequireChange,   // when `paths` change, `require` must change in the same change
  kRestrictChange,  // only `owners` may change `paths`
  kCommitMessage,   // every commit message of a range must (not) match patterns
};

std::string_view CustomKindName(CustomKind kind);

// When a rule applies at all; every list given must match (an empty list always does).
struct RuleConditions {
  std::vector<std::string> branches;  // globs on the target branch (or the current one)
  std::vector<std::string> events;    // CI events: push, pull_request, merge_request_event, ...
  std::vector<std::string> changed;   // globs: the change touches at least one such path

  bool empty() const { return branches.empty() && events.empty() && changed.empty(); }
};

struct CustomRule {
  std::string id;
  CustomKind kind = CustomKind::kForbidContent;
  std::string description;
  std::string why;  // the rationale `riskgate explain` prints
  core::Severity severity = core::Severity::kMedium;
  std::vector<std::string> paths;          // globs the rule is about (all kinds but messages)
  std::vector<std::string> exclude_paths;  // globs taken out of `paths`
  PatternPtr pattern;                      // forbid_content
  // `pattern` in multi-line mode: one pass over a whole file rules out every line at once.
  PatternPtr any_line;
  std::vector<PatternPtr> unless;          // forbid_content: a match on the same line excuses
  std::optional<std::int64_t> max_bytes;   // forbid_path: only files larger than this
  std::vector<std::string> require;        // require_change: globs that must change too
  std::vector<std::string> owners;         // restrict_change: emails, @users, @org/teams
  std::vector<PatternPtr> must_match;      // commit_message
  std::vector<PatternPtr> must_not_match;  // commit_message
  RuleConditions when;
  std::string fix;
  std::string mitigate;
  std::string origin;  // "file:line" where the rule is defined
};

struct CustomControl {
  bool enabled = true;
  std::vector<std::string> rule_packs;  // as named in the policy
  std::vector<CustomRule> rules;        // packs first, then the policy's own
};

// Loads `controls.custom` (`node` may be null: no custom rules). Rule packs are YAML files with
// a top-level `rules:` list in the same schema, read through `read_file` relative to `origin`.
void LoadCustomControl(const core::Node* node, core::FieldReader& reader, const std::string& origin,
                       const FileReader& read_file, core::Diagnostics& diagnostics,
                       CustomControl& control);

// The rule's `fix` text, or what fixing a finding of its kind means when the policy is silent.
std::string CustomRuleFix(const CustomRule& rule);

// Whether any of `globs` (core/path_glob.h) matches `path`.
bool AnyGlobMatches(const std::vector<std::string>& globs, std::string_view path);

// Whether `path` is one of the rule's `paths` and none of its `exclude_paths`.
bool RuleCoversPath(const CustomRule& rule, std::string_view path);

}  // namespace riskgate::policy
