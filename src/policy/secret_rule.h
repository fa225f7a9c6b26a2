// Stage 2 (policy): a secrets rule as loaded from a rule pack or a policy's own `rules:`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/severity.h"
#include "policy/pattern.h"

namespace riskgate::policy {

// How an allowlist's checks combine (gitleaks `condition`).
enum class AllowCondition { kOr, kAnd };
// What an allowlist's `regexes` are matched against (gitleaks `regexTarget`).
enum class RegexTarget { kSecret, kMatch, kLine };

// gitleaks semantics: with kOr, a commit or path hit skips the whole file for the rule, and a
// regex or stopword hit drops one finding; with kAnd every non-empty check must hold.
struct Allowlist {
  std::string description;
  AllowCondition condition = AllowCondition::kOr;
  RegexTarget regex_target = RegexTarget::kSecret;
  std::vector<std::string> commits;    // lower-cased full SHAs
  std::vector<PatternPtr> paths;       // on the repository-relative path
  std::vector<PatternPtr> regexes;     // on the secret, the match or the line (regex_target)
  std::vector<std::string> stopwords;  // lower-cased; substring of the lower-cased secret

  bool empty() const {
    return commits.empty() && paths.empty() && regexes.empty() && stopwords.empty();
  }
};

// A checksum a provider embeds in its tokens, checked before a finding is reported as live.
//   kBase62Crc32  GitHub (ghp_/gho_/ghu_/ghs_/ghr_) and npm (npm_): the last 6 characters of the
//                 part after the last '_' are the CRC32 of the characters before them, in base62
enum class TokenChecksum { kNone, kBase62Crc32 };

std::string_view TokenChecksumName(TokenChecksum checksum);
std::optional<TokenChecksum> ParseTokenChecksum(std::string_view name);

// Where in a text a rule's regex runs once one of its keywords is there.
//   kFile  the whole text (gitleaks' semantics: the default for every pack a user writes)
//   kNear  the lines within kNearLines, and within kNearBytes, of an occurrence of one of its
//          keywords (`span: near`): a keyword that is part of the token or of its assignment
//          is always that close, and the regex then reads a few lines instead of the whole
//          file (the built-in pack; its blocks, such as a PEM private key, say `span: file`)
enum class RuleSpan { kFile, kNear };
inline constexpr int kNearLines = 3;
inline constexpr int kNearBytes = 512;

std::string_view RuleSpanName(RuleSpan span);
std::optional<RuleSpan> ParseRuleSpan(std::string_view name);

// Where a rule was written: riskgate's YAML packs report the secret's line and call a rule
// generic by its tag; gitleaks reports the match's line and calls a rule generic by its id.
enum class RuleDialect { kRiskgate, kGitleaks };

struct SecretRule {
  std::string id;
  std::string description;
  std::string provider;
  core::Severity severity = core::Severity::kHigh;
  PatternPtr regex;                   // null only for a gitleaks path-only rule
  PatternPtr path;                    // gitleaks: the rule runs only on matching file paths
  int secret_group = 0;               // 0: first non-empty group, or the whole match
  std::vector<std::string> keywords;  // lower-cased literals; none = always runs
  std::optional<double> entropy;      // keep only when strictly greater
  // How sure a match is; unset: low for a generic rule, medium otherwise. A checksum that holds
  // makes a finding high, one that fails makes it low.
  std::optional<core::Confidence> confidence;
  TokenChecksum checksum = TokenChecksum::kNone;
  RuleSpan span = RuleSpan::kFile;    // kNear needs keywords: without them the rule reads it all
  std::vector<Allowlist> allowlists;  // any one that matches drops the finding
  std::string revoke_url;
  std::string fix;
  std::string mitigate;
  std::vector<std::string> tags;
  std::vector<std::string> match_examples;
  std::vector<std::string> no_match_examples;
  std::string origin;  // "file:line" where the rule was defined
  RuleDialect dialect = RuleDialect::kRiskgate;

  // gitleaks calls a rule generic by its id; riskgate's packs by the tag `generic`.
  bool IsGeneric() const;
  // The confidence of a match before checksum and placeholder tests: as stated, else low for a
  // generic rule and medium otherwise.
  core::Confidence BaseConfidence() const;
};

}  // namespace riskgate::policy
