// Stage 2 (policy): CODEOWNERS, with GitHub's or GitLab's semantics. Input: the file's text
// (read from the base revision by the caller: a change cannot rewrite who must approve it).
// Output: rules grouped in sections, and a diagnostic per malformed line (the line is skipped,
// as the forges do). Matching: gitignore-like patterns, the last matching line of a section wins.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace riskgate::policy {

enum class CodeownersDialect { kGithub, kGitlab };

struct CodeownersRule {
  std::string pattern;              // as written (escapes resolved)
  std::vector<std::string> owners;  // @user, @org/team, or an email; empty un-owns (GitHub)
  bool negated = false;             // GitLab "!pattern": matching paths have no owner
  int line = 0;
};

struct CodeownersSection {
  std::string name;       // empty for GitHub and for GitLab rules before the first section
  bool optional = false;  // GitLab ^[Section]
  int approvals = 1;      // GitLab [Section][N]
  std::vector<std::string> default_owners;  // GitLab [Section] @owner
  std::vector<CodeownersRule> rules;
};

struct Codeowners {
  std::string file;
  std::vector<CodeownersSection> sections;
};

// The owners one section requires for a path.
struct RequiredOwners {
  std::string section;
  bool optional = false;
  int approvals = 1;
  std::vector<std::string> owners;  // never empty
  int line = 0;                     // of the rule that decided
};

Codeowners ParseCodeowners(std::string_view text, const std::string& file,
                           CodeownersDialect dialect, core::Diagnostics& diagnostics);

// Whether a CODEOWNERS pattern matches a repository-relative file path.
bool CodeownersPatternMatches(std::string_view pattern, std::string_view path);

// Per section, the owners of `path` (the last matching rule wins; a rule without owners un-owns
// the path on GitHub and takes the section's default owners on GitLab).
std::vector<RequiredOwners> OwnersOf(const Codeowners& codeowners, std::string_view path);

// Where each forge looks for the file, in order; the first that exists is used.
std::vector<std::string> CodeownersLocations(CodeownersDialect dialect);

}  // namespace riskgate::policy
