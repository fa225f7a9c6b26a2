// Stage 3 (evaluate): whether allowlists drop a candidate secret, with gitleaks' semantics.
// Input: allowlists from the policy and what is known about the candidate. Output: a yes/no.
// riskgate's own YAML allowlists are the OR case with the secret as regex target.
#pragma once

#include <string_view>
#include <vector>

#include "policy/secret_rule.h"

namespace riskgate::evaluate::secrets {

// A match being judged: where it is and what it is.
struct Candidate {
  std::string_view path;
  std::string_view commit;  // "" outside a commit
  std::string_view secret;
  std::string_view match;  // the whole regex match
  std::string_view line;   // the line(s) the match is on
};

// Before any rule runs: true when an allowlist's commit or path checks alone allow everything
// in this file of this commit (OR: either; AND: all given, and no regex or stopword check).
bool CommitOrPathAllowed(const std::vector<policy::Allowlist>& allowlists, std::string_view path,
                         std::string_view commit);

// After a match: OR allowlists test regexes (on their target) and stopwords (on the secret);
// AND allowlists need every check they have to hold, commit and path included.
bool FindingAllowed(const std::vector<policy::Allowlist>& allowlists, const Candidate& candidate);

}  // namespace riskgate::evaluate::secrets
