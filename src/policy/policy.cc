#include "policy/policy.h"

#include <filesystem>
#include <limits>
#include <set>

#include "core/field_reader.h"
#include "core/text.h"
#include "policy/builtin_pack.h"
#include "policy/gitleaks_config.h"
#include "policy/pins_loader.h"
#include "policy/policy_compose.h"
#include "policy/rule_pack.h"
#include "policy/yaml_document.h"

namespace riskgate::embedded {
extern const std::string_view kDefaultPolicy;
}  // namespace riskgate::embedded

namespace riskgate::policy {
namespace {

void ReadDecisions(const core::Node& node, core::FieldReader& reader, Policy& policy) {
  if (!reader.ExpectMap(node, "decisions", {"critical", "high", "medium", "low", "info"})) return;
  for (std::size_t i = 0; i < node.fields.size(); ++i) {
    const auto& [key, value] = node.fields[i];
    auto severity = core::ParseSeverity(key);
    if (!severity) continue;  // already reported as unknown
    if (auto decision = reader.AsDecision(value, core::JoinField("decisions", key))) {
      policy.decisions[static_cast<std::size_t>(*severity)] = *decision;
    }
  }
}

// `policy.owners`: a list of "@login", "@org/team" or emails.
void ReadOwners(const core::Node& node, core::FieldReader& reader, Policy& policy) {
  if (!reader.ExpectMap(node, "policy", {"owners"})) return;
  auto owners = reader.StringList(node, "owners", "policy", core::Need::kOptional);
  if (!owners) return;
  for (std::size_t i = 0; i < owners->size(); ++i) {
    const std::string& owner = (*owners)[i];
    const auto at = owner.find('@');
    const bool handle = at == 0 && owner.size() > 1;
    const bool email = at != std::string::npos && at > 0 && at + 1 < owner.size();
    if (!handle && !email) {
      reader.Report(node.Find("owners")->items[i], core::IndexField("policy.owners", i),
                    "expected '@login', '@org/team' or an email, found '" + owner + "'");
      continue;
    }
    policy.owners.push_back(owner);
  }
}

template <typename T>
void ReadPositive(const core::Node& node, std::string_view key, core::FieldReader& reader, T& out) {
  auto value = reader.Integer(node, key, "limits", core::Need::kOptional);
  if (!value) return;
  const std::string field = core::JoinField("limits", key);
  if (*value <= 0 || *value > std::numeric_limits<T>::max()) {
    reader.Report(*node.Find(key), field,
                  "must be between 1 and " + std::to_string(std::numeric_limits<T>::max()));
  } else {
    out = static_cast<T>(*value);
  }
}

void ReadLimits(const core::Node& node, core::FieldReader& reader, Policy& policy) {
  if (!reader.ExpectMap(
          node, "limits",
          {"max_file_bytes", "max_findings_per_file", "max_findings", "on_unscanned"})) {
    return;
  }
  if (auto value = reader.String(node, "on_unscanned", "limits", core::Need::kOptional)) {
    if (*value == "warn") {
      policy.limits.on_unscanned = OnUnscanned::kWarn;
    } else if (*value == "block") {
      policy.limits.on_unscanned = OnUnscanned::kBlock;
    } else {
      reader.Report(*node.Find("on_unscanned"), "limits.on_unscanned",
                    "must be warn or block, not '" + *value + "'");
    }
  }
  ReadPositive(node, "max_file_bytes", reader, policy.limits.max_file_bytes);
  ReadPositive(node, "max_findings_per_file", reader, policy.limits.max_findings_per_file);
  ReadPositive(node, "max_findings", reader, policy.limits.max_findings);
}

class SecretsLoader {
 public:
  SecretsLoader(const std::string& origin, const FileReader& read_file, core::FieldReader& reader,
                core::Diagnostics& diagnostics)
      : origin_(origin), read_file_(read_file), reader_(reader), diagnostics_(diagnostics) {}

  void Load(const core::Node& node, SecretsControl& secrets) {
    const std::string field = "controls.secrets";
    if (!reader_.ExpectMap(
            node, field,
            {"enabled", "rule_packs", "rules", "disabled_rules", "severity", "allowlist",
             "inline_suppressions", "gitleaks_config", "max_decision"})) {
      return;
    }
    secrets.enabled = reader_.Bool(node, "enabled", field, core::Need::kOptional).value_or(true);
    std::optional<GitleaksConfig> gitleaks = LoadGitleaks(node, field, secrets);
    if (const core::Node* packs = reader_.Get(node, "rule_packs", field, core::Need::kOptional)) {
      secrets.rule_packs.clear();
      if (reader_.ExpectList(*packs, field + ".rule_packs")) {
        for (std::size_t i = 0; i < packs->items.size(); ++i) {
          const std::string pfield = core::IndexField(field + ".rule_packs", i);
          if (auto name = reader_.AsString(packs->items[i], pfield)) {
            secrets.rule_packs.push_back(*name);
            LoadPack(*name, packs->items[i], pfield, secrets);
          }
        }
      }
    } else if (gitleaks) {
      secrets.rule_packs.clear();  // the gitleaks config replaces the default pack
    } else {
      LoadPack(std::string(kDefaultPolicyName), node, field, secrets);
      secrets.rule_packs = {std::string(kDefaultPolicyName)};
    }
    if (gitleaks) {
      const core::Node& at = *node.Find("gitleaks_config");
      for (auto& rule : gitleaks->rules) {
        Add(std::move(rule), at, field + ".gitleaks_config", secrets);
      }
    }
    if (const core::Node* rules = reader_.Get(node, "rules", field, core::Need::kOptional)) {
      if (reader_.ExpectList(*rules, field + ".rules")) {
        for (std::size_t i = 0; i < rules->items.size(); ++i) {
          const std::string rfield = core::IndexField(field + ".rules", i);
          if (auto rule = ReadSecretRule(rules->items[i], rfield, reader_)) {
            Add(std::move(*rule), rules->items[i], rfield, secrets);
          }
        }
      }
    }
    if (const core::Node* overrides = reader_.Get(node, "severity", field, core::Need::kOptional)) {
      ApplySeverityOverrides(*overrides, field + ".severity", secrets);
    }
    if (const core::Node* disabled =
            reader_.Get(node, "disabled_rules", field, core::Need::kOptional)) {
      Disable(*disabled, field + ".disabled_rules", secrets);
    }
    if (const core::Node* allow = reader_.Get(node, "allowlist", field, core::Need::kOptional)) {
      Allowlist allowlist = ReadAllowlist(*allow, field + ".allowlist", reader_);
      if (!allowlist.empty()) secrets.allowlists.push_back(std::move(allowlist));
    }
    if (gitleaks) {
      for (auto& a : gitleaks->allowlists) secrets.allowlists.push_back(std::move(a));
    }
    if (const core::Node* caps = reader_.Get(node, "max_decision", field, core::Need::kOptional)) {
      LoadMaxDecision(*caps, field + ".max_decision", secrets);
    }
    if (const core::Node* inline_node =
            reader_.Get(node, "inline_suppressions", field, core::Need::kOptional)) {
      auto value = reader_.AsString(*inline_node, field + ".inline_suppressions");
      if (value == "allow") {
        secrets.inline_suppressions = InlineSuppressions::kAllow;
      } else if (value == "forbid") {
        secrets.inline_suppressions = InlineSuppressions::kForbid;
      } else if (value == "local") {
        secrets.inline_suppressions = InlineSuppressions::kLocal;
      } else if (value) {
        reader_.Report(*inline_node, field + ".inline_suppressions",
                       "expected 'allow', 'forbid' or 'local', found '" + *value + "'");
      }
    }
  }

 private:
  // controls.secrets.max_decision: {confidence: decision}, the most a finding of that confidence
  // decides whatever its severity (e.g. low: warn).
  void LoadMaxDecision(const core::Node& node, const std::string& field, SecretsControl& secrets) {
    if (!reader_.ExpectMap(node, field, {"high", "medium", "low"})) return;
    for (const auto& [key, value] : node.fields) {
      const auto confidence = core::ParseConfidence(key);
      const auto decision = reader_.AsDecision(value, core::JoinField(field, key));
      if (confidence && decision) secrets.max_decision[*confidence] = *decision;
    }
  }

  // controls.secrets.gitleaks_config: a path relative to the policy's folder, or `auto` for
  // .gitleaks.toml there when it exists. nullopt when none is loaded.
  std::optional<GitleaksConfig> LoadGitleaks(const core::Node& node, const std::string& parent,
                                             SecretsControl& secrets) {
    const std::string field = parent + ".gitleaks_config";
    auto name = reader_.String(node, "gitleaks_config", parent, core::Need::kOptional);
    if (!name || name->empty()) return std::nullopt;
    const core::Node& at = *node.Find("gitleaks_config");
    secrets.gitleaks_config = *name;
    const bool automatic = *name == "auto";
    const std::filesystem::path path =
        ResolveBeside(FileOf(at, origin_), automatic ? ".gitleaks.toml" : *name);
    auto text = read_file_(path.string());
    if (!text) {
      // FileReader reports a missing file as "no such file"; `auto` means "when present".
      if (automatic && text.error().message.starts_with("no such file")) return std::nullopt;
      reader_.Report(
          at, field,
          "cannot read gitleaks config '" + path.string() + "': " + text.error().message);
      return std::nullopt;
    }
    const std::size_t errors_before = diagnostics_.items().size();
    GitleaksConfig config = LoadGitleaksConfig(*text, path.string(), read_file_, diagnostics_);
    for (auto& note : config.notes) secrets.notes.push_back(std::move(note));
    if (diagnostics_.items().size() != errors_before) return std::nullopt;
    secrets.gitleaks_config_file = path.string();
    return config;
  }

  void LoadPack(const std::string& name, const core::Node& at, const std::string& field,
                SecretsControl& secrets) {
    RulePack pack;
    if (name.starts_with(kBuiltinPrefix)) {
      auto builtin = LoadBuiltinRulePack(name, diagnostics_);
      if (!builtin) {
        reader_.Report(at, field, "unknown built-in rule pack '" + name + "'");
        return;
      }
      pack = std::move(*builtin);
    } else {
      auto file = ReadNamedFile(at, field, name, origin_, "rule pack", read_file_, reader_);
      if (!file) return;
      pack = LoadRulePack(file->text, file->path, diagnostics_);
    }
    for (auto& rule : pack.rules) Add(std::move(rule), at, field, secrets);
  }

  void Add(SecretRule rule, const core::Node& at, const std::string& field,
           SecretsControl& secrets) {
    for (const auto& existing : secrets.rules) {
      if (existing.id == rule.id) {
        reader_.Report(at, field,
                       "rule id '" + rule.id + "' is defined twice (" + existing.origin + " and " +
                           rule.origin + "); use controls.secrets.disabled_rules or rename one");
        return;
      }
    }
    secrets.rules.push_back(std::move(rule));
  }

  SecretRule* Find(SecretsControl& secrets, std::string_view id) {
    for (auto& rule : secrets.rules) {
      if (rule.id == id) return &rule;
    }
    return nullptr;
  }

  void ApplySeverityOverrides(const core::Node& node, const std::string& field,
                              SecretsControl& secrets) {
    if (node.kind != core::Node::Kind::kMap) {
      reader_.Report(node, field, "expected a map of rule id to severity");
      return;
    }
    for (std::size_t i = 0; i < node.fields.size(); ++i) {
      const auto& [id, value] = node.fields[i];
      SecretRule* rule = Find(secrets, id);
      if (rule == nullptr) {
        reader_.Report(node.key_marks[i], core::JoinField(field, id), "no rule has this id");
        continue;
      }
      if (auto severity = reader_.AsSeverity(value, core::JoinField(field, id))) {
        rule->severity = *severity;
      }
    }
  }

  void Disable(const core::Node& node, const std::string& field, SecretsControl& secrets) {
    if (!reader_.ExpectList(node, field)) return;
    std::set<std::string> disabled;
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      auto id = reader_.AsString(node.items[i], core::IndexField(field, i));
      if (!id) continue;
      if (Find(secrets, *id) == nullptr) {
        reader_.Report(node.items[i], core::IndexField(field, i),
                       "no rule has the id '" + *id + "'");
        continue;
      }
      disabled.insert(*id);
    }
    std::erase_if(secrets.rules, [&](const SecretRule& r) { return disabled.contains(r.id); });
  }

  const std::string& origin_;
  const FileReader& read_file_;
  core::FieldReader& reader_;
  core::Diagnostics& diagnostics_;
};

}  // namespace

std::string_view BuiltinPolicyText() { return embedded::kDefaultPolicy; }

namespace {

long long ProgramSizeOf(const std::vector<Allowlist>& allowlists) {
  long long total = 0;
  for (const auto& allowlist : allowlists) {
    for (const auto& p : allowlist.paths) total += p->ProgramSize();
    for (const auto& p : allowlist.regexes) total += p->ProgramSize();
  }
  return total;
}

// The run's regex budget: every pattern the policy and its rule packs add to the built-in pack.
void CheckPatternBudget(const SecretsControl& secrets, const std::string& origin,
                        core::Diagnostics& diagnostics) {
  long long total = ProgramSizeOf(secrets.allowlists);
  std::string largest;
  long long largest_size = 0;
  for (const auto& rule : secrets.rules) {
    if (rule.origin.starts_with(kBuiltinPrefix)) continue;
    const long long size = (rule.regex ? rule.regex->ProgramSize() : 0) +
                           (rule.path ? rule.path->ProgramSize() : 0) +
                           ProgramSizeOf(rule.allowlists);
    total += size;
    if (size > largest_size) largest_size = size, largest = rule.id + " (" + rule.origin + ")";
  }
  if (total <= kRunProgramBudget) return;
  diagnostics.Add(origin, {}, "controls.secrets",
                  "the policy's patterns compile to " + std::to_string(total) +
                      " regex instructions together; a run allows " +
                      std::to_string(kRunProgramBudget) +
                      ". Simplify or drop rules; the largest is " + largest + " with " +
                      std::to_string(largest_size));
}

// The built-in policy's file reader: it names no other file.
core::Result<std::string> NoFileForBuiltin(const std::string& path) {
  return core::MakeError(core::ErrorCode::kPolicy,
                         "the built-in policy cannot read '" + path + "'");
}

// The policy `text` from `origin`, once composed (its `extends:` merged).
core::Result<Policy> LoadComposed(std::string_view text, const std::string& origin,
                                  const FileReader& read_file,
                                  const std::optional<ComposedPolicy>& composed,
                                  core::Diagnostics& diagnostics) {
  Policy policy;
  policy.source = core::PolicySource{origin, core::Sha256Hex(text), ""};
  if (!composed) return tl::unexpected(diagnostics.ToError());
  policy.source.extends.assign(composed->files.begin(), composed->files.end() - 1);
  const core::Node& root = composed->root;
  core::FieldReader reader(origin, diagnostics);
  if (root.kind == core::Node::Kind::kNull) {
    reader.Report(root, "", "the policy is empty (write at least `version: 1`)");
    return tl::unexpected(diagnostics.ToError());
  }
  if (reader.ExpectMap(root, "",
                       {"version", "decisions", "limits", "waivers", "policy", "controls"})) {
    if (auto version = reader.Integer(root, "version", "", core::Need::kRequired)) {
      if (*version != 1) {
        reader.Report(*root.Find("version"), "version",
                      "unsupported policy version " + std::to_string(*version) + " (expected 1)");
      }
    }
    if (const core::Node* decisions = root.Find("decisions")) {
      ReadDecisions(*decisions, reader, policy);
    }
    if (const core::Node* limits = root.Find("limits")) ReadLimits(*limits, reader, policy);
    if (const core::Node* waivers = root.Find("waivers")) {
      ReadWaiverPolicy(*waivers, reader, policy.waivers);
    }
    if (const core::Node* owners = root.Find("policy")) ReadOwners(*owners, reader, policy);
    const core::Node* controls = root.Find("controls");
    core::Node empty_map;
    empty_map.kind = core::Node::Kind::kMap;
    empty_map.mark = root.mark;
    const core::Node& controls_node = controls ? *controls : empty_map;
    if (reader.ExpectMap(controls_node, "controls",
                         {"secrets", "pins", "reviews", "threat_model", "custom"})) {
      const core::Node* secrets = controls_node.Find("secrets");
      SecretsLoader loader(origin, read_file, reader, diagnostics);
      loader.Load(secrets ? *secrets : empty_map, policy.secrets);
      LoadPinsControl(controls_node.Find("pins"), reader, policy.pins);
      LoadReviewsControl(controls_node.Find("reviews"), reader, policy.reviews);
      LoadThreatModelControl(controls_node.Find("threat_model"), reader, policy.threat_model);
      LoadCustomControl(controls_node.Find("custom"), reader, origin, read_file, diagnostics,
                        policy.custom);
    }
  }
  CheckPatternBudget(policy.secrets, origin, diagnostics);
  if (!diagnostics.empty()) return tl::unexpected(diagnostics.ToError());
  return policy;
}

}  // namespace

core::Result<Policy> LoadPolicy(std::string_view text, const std::string& origin,
                                const FileReader& read_file) {
  core::Diagnostics diagnostics;
  const std::optional<ComposedPolicy> composed =
      ComposePolicy(text, origin, read_file, diagnostics);
  return LoadComposed(text, origin, read_file, composed, diagnostics);
}

std::optional<ComposedPolicy> ComposeBuiltinPolicy() {
  core::Diagnostics diagnostics;
  auto composed = ComposePolicy(BuiltinPolicyText(), std::string(kDefaultPolicyName),
                                NoFileForBuiltin, diagnostics);
  if (!diagnostics.empty()) return std::nullopt;
  return composed;
}

core::Result<Policy> LoadDefaultPolicy() {
  // Composed on the prefetch thread when a command started one (policy/builtin_pack.h).
  if (std::optional<ComposedPolicy> composed = TakePrefetchedBuiltinPolicy()) {
    core::Diagnostics diagnostics;
    return LoadComposed(BuiltinPolicyText(), std::string(kDefaultPolicyName), NoFileForBuiltin,
                        composed, diagnostics);
  }
  return LoadPolicy(BuiltinPolicyText(), std::string(kDefaultPolicyName), NoFileForBuiltin);
}

}  // namespace riskgate::policy
