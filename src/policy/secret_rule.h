// Stage 2 (policy): a secrets rule as loaded from a rule pack or a policy's own `rules:`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/severity.h"
#include "policy/pattern.h"

namespace riskgate::policy {

struct Allowlist {
  std::vector<PatternPtr> paths;       // on the repository-relative path
  std::vector<PatternPtr> regexes;     // on the extracted secret
  std::vector<std::string> stopwords;  // lower-cased; substring of the lower-cased secret

  bool empty() const { return paths.empty() && regexes.empty() && stopwords.empty(); }
};

struct SecretRule {
  std::string id;
  std::string description;
  std::string provider;
  core::Severity severity = core::Severity::kHigh;
  PatternPtr regex;
  int secret_group = 0;               // 0: first non-empty group, or the whole match
  std::vector<std::string> keywords;  // lower-cased literals; none = always runs
  std::optional<double> entropy;      // keep only when strictly greater
  Allowlist allowlist;
  std::string revoke_url;
  std::string fix;
  std::string mitigate;
  std::vector<std::string> tags;
  std::vector<std::string> match_examples;
  std::vector<std::string> no_match_examples;
  std::string origin;  // "file:line" where the rule was defined
};

}  // namespace riskgate::policy
