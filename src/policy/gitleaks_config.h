// Stage 2 (policy): loads a gitleaks config (.gitleaks.toml) with gitleaks' semantics: rules,
// global and per-rule allowlists, and [extend] (another TOML file, or `useDefault`, which here
// means riskgate's own built-in pack), merged the way gitleaks merges them. Input: the TOML text
// and a way to read the files it extends. Output: rules of the kGitleaks dialect and global
// allowlists, or diagnostics naming file:line:column and the rule id. No other I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "policy/policy.h"
#include "policy/secret_rule.h"

namespace riskgate::policy {

struct GitleaksConfig {
  std::string title;
  std::vector<SecretRule> rules;      // after extend, disabledRules and targetRules
  std::vector<Allowlist> allowlists;  // global ones (without targetRules)
  std::vector<std::string> notes;     // rewritten patterns, ignored settings
};

// gitleaks extends at most two levels deep: the config, its base, and the base's base.
inline constexpr int kMaxGitleaksExtendDepth = 2;

// Loads `text` (read from `file`). `[extend] path` is resolved against `extend_dir` when it is
// not empty (gitleaks resolves it against its working directory), else against the folder of
// the file that names it.
GitleaksConfig LoadGitleaksConfig(std::string_view text, const std::string& file,
                                  const FileReader& read_file, core::Diagnostics& diagnostics,
                                  const std::string& extend_dir = "");

}  // namespace riskgate::policy
