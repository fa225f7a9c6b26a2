// Stage 2 (policy): the policy a run applies. Input: the policy YAML text and a way to read the
// rule packs it names. Output: a validated Policy with compiled patterns, or one error listing
// every problem (file:line:column, field, message). It never reads the repository under judgement.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/scope.h"
#include "core/severity.h"
#include "policy/custom_control.h"
#include "policy/pins_actions.h"
#include "policy/reviews_control.h"
#include "policy/secret_rule.h"
#include "policy/threat_model_control.h"
#include "policy/waivers.h"

namespace riskgate::policy {

// `riskgate:allow` on a line: honoured, ignored (reported as inline_ignored), or honoured except
// in a CI range run, where the marker is the judged change's own say (the app resolves kLocal
// to one of the others before evaluation).
enum class InlineSuppressions { kAllow, kForbid, kLocal };

struct SecretsControl {
  bool enabled = true;
  std::vector<std::string> rule_packs;  // as named in the policy
  std::vector<SecretRule> rules;        // packs plus inline rules, minus disabled ones
  std::vector<Allowlist> allowlists;    // apply to every rule
  InlineSuppressions inline_suppressions = InlineSuppressions::kLocal;
  // The most a finding of each confidence may decide (controls.secrets.max_decision); a
  // confidence not named here decides by severity alone.
  std::map<core::Confidence, core::Decision> max_decision;
  // controls.secrets.gitleaks_config as written ("" when none, "auto" for .gitleaks.toml), and
  // the file actually loaded ("" when none was).
  std::string gitleaks_config;
  std::string gitleaks_config_file;
  // Notes from loading the gitleaks config (rewritten patterns, ignored settings); the app
  // prints them to stderr.
  std::vector<std::string> notes;
  // .gitleaksignore fingerprints ("commit:path:rule:line" or "path:rule:line"); the app fills
  // them in when a gitleaks config is in use.
  std::set<std::string, std::less<>> gitleaks_ignore;

  bool gitleaks_compat() const { return !gitleaks_config_file.empty(); }
};

struct PinsControl {
  bool enabled = true;
  std::map<std::string, core::Severity, std::less<>> severity;  // every pins rule, after overrides
  std::set<std::string, std::less<>> disabled_rules;
  // Action owners or owner/repo globs whose tag pins are accepted without a finding.
  std::vector<std::string> allow_tag_pins;
  // Owners whose tag pins are reported as unpinned-action-trusted-owner instead.
  std::vector<std::string> trusted_owners = {"actions", "github"};
  bool manifests = false;  // also check package.json / requirements.txt ranges
  // With a GitHub token at hand, look up the SHA of each mutable action ref so the fix remedy
  // is the exact line to write.
  bool resolve_refs = true;
  // Look up on GitHub the actions a change pins by commit SHA (impostor commits, tags naming
  // another commit, archived repositories, advisories), under the same conditions as
  // resolve_refs; skipped with a note in the report when it cannot.
  bool online_checks = true;
  // Inputs that actions run as code, and outputs that carry attacker-controlled text: the
  // defaults (policy/pins_actions.h) and the policy's own entries, per action.
  // owner/repo[/path] globs (fnmatch, case-insensitive) that no workflow may use, at any ref.
  std::vector<std::string> forbidden_uses;
  ActionNames script_inputs = DefaultScriptInputs();
  ActionNames untrusted_outputs = DefaultUntrustedOutputs();
};

// What a file riskgate cannot scan (too large, binary, undecodable, an LFS object not here)
// does to the run: each one is an `unscanned-file` finding that warns or blocks.
enum class OnUnscanned { kWarn, kBlock };

struct Limits {
  std::int64_t max_file_bytes = 2 * 1024 * 1024;
  // Unset: the app picks (block in a CI range run, warn elsewhere).
  std::optional<OnUnscanned> on_unscanned;
  // Findings listed per file and per run; the rest are counted, and still decide.
  int max_findings_per_file = 100;
  int max_findings = 1000;
};

struct Policy {
  core::PolicySource source;
  // Indexed by core::Severity.
  std::array<core::Decision, 5> decisions = {core::Decision::kPass, core::Decision::kWarn,
                                             core::Decision::kWarn, core::Decision::kBlock,
                                             core::Decision::kBlock};
  Limits limits;
  SecretsControl secrets;
  PinsControl pins;
  ReviewsControl reviews;
  ThreatModelControl threat_model;
  CustomControl custom;
  WaiverPolicy waivers;
  // `policy.owners`: who must approve a change to the policy and the files it reads ("@login",
  // "@org/team" or an email). Empty: the CODEOWNERS owners of those files at the base.
  std::vector<std::string> owners;

  core::Decision DecisionFor(core::Severity severity) const {
    return decisions[static_cast<std::size_t>(severity)];
  }
};

inline constexpr std::string_view kBuiltinPrefix = "builtin:";
inline constexpr std::string_view kDefaultPolicyName = "builtin:default";

// Loads the policy in `text`; `origin` names it in messages and in the report.
core::Result<Policy> LoadPolicy(std::string_view text, const std::string& origin,
                                const FileReader& read_file);

// The policy compiled into the binary.
core::Result<Policy> LoadDefaultPolicy();

// The text of the embedded default policy.
std::string_view BuiltinPolicyText();

}  // namespace riskgate::policy
