#include "evaluate/secrets/allowlist_match.h"

#include <algorithm>
#include <string>

#include "core/text.h"

namespace riskgate::evaluate::secrets {
namespace {

bool AnyMatches(const std::vector<policy::PatternPtr>& patterns, std::string_view text) {
  if (text.empty()) return false;
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const policy::PatternPtr& p) { return p->regex().PartialMatch(text); });
}

bool CommitListed(const policy::Allowlist& allowlist, std::string_view commit) {
  if (commit.empty() || allowlist.commits.empty()) return false;
  const std::string lower = core::AsciiLower(commit);
  return std::find(allowlist.commits.begin(), allowlist.commits.end(), lower) !=
         allowlist.commits.end();
}

bool HasStopword(const policy::Allowlist& allowlist, std::string_view secret) {
  if (secret.empty() || allowlist.stopwords.empty()) return false;
  const std::string lower = core::AsciiLower(secret);
  return std::any_of(
      allowlist.stopwords.begin(), allowlist.stopwords.end(),
      [&](const std::string& word) { return lower.find(word) != std::string::npos; });
}

std::string_view RegexTargetOf(const policy::Allowlist& allowlist, const Candidate& candidate) {
  switch (allowlist.regex_target) {
    case policy::RegexTarget::kMatch:
      return candidate.match;
    case policy::RegexTarget::kLine:
      return candidate.line;
    case policy::RegexTarget::kSecret:
      break;
  }
  return candidate.secret;
}

}  // namespace

bool CommitOrPathAllowed(const std::vector<policy::Allowlist>& allowlists, std::string_view path,
                         std::string_view commit) {
  if (path.empty() && commit.empty()) return false;
  for (const auto& a : allowlists) {
    const bool commit_ok = CommitListed(a, commit);
    const bool path_ok = AnyMatches(a.paths, path);
    if (a.condition == policy::AllowCondition::kOr) {
      if (commit_ok || path_ok) return true;
      continue;
    }
    // AND: regexes and stopwords can only be judged on a match, later.
    if (!a.regexes.empty() || !a.stopwords.empty()) continue;
    const bool all = (a.commits.empty() || commit_ok) && (a.paths.empty() || path_ok);
    if (all) return true;
  }
  return false;
}

bool FindingAllowed(const std::vector<policy::Allowlist>& allowlists, const Candidate& candidate) {
  for (const auto& a : allowlists) {
    const bool regex_ok = AnyMatches(a.regexes, RegexTargetOf(a, candidate));
    const bool stopword_ok = HasStopword(a, candidate.secret);
    if (a.condition == policy::AllowCondition::kOr) {
      if (regex_ok || stopword_ok) return true;
      continue;
    }
    const bool all = (a.commits.empty() || CommitListed(a, candidate.commit)) &&
                     (a.paths.empty() || AnyMatches(a.paths, candidate.path)) &&
                     (a.regexes.empty() || regex_ok) && (a.stopwords.empty() || stopword_ok);
    if (all) return true;
  }
  return false;
}

}  // namespace riskgate::evaluate::secrets
