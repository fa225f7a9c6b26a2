#include "policy/gitleaks_config.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "core/field_reader.h"
#include "policy/builtin_pack.h"
#include "policy/gitleaks_rule.h"
#include "policy/gitleaks_toml.h"
#include "policy/rule_pack.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {
namespace {

namespace fs = std::filesystem;

// A global allowlist with targetRules, applied to those rules once every level is merged.
struct Targeted {
  std::vector<std::string> rule_ids;
  Allowlist allowlist;
  std::string file;
  core::Mark mark;
  std::string field;
};

// One config file with everything it extends merged in.
struct Layer {
  std::string title;
  std::vector<SecretRule> rules;
  std::vector<Allowlist> allowlists;
  std::vector<Targeted> targeted;
  bool extended = false;  // it extended another config (or the built-in pack)
};

SecretRule* FindRule(std::vector<SecretRule>& rules, std::string_view id) {
  for (auto& rule : rules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

// gitleaks' extend: the child's non-empty scalars win; lists are appended.
void MergeInto(SecretRule& base, SecretRule child) {
  if (!child.description.empty()) base.description = std::move(child.description);
  if (child.entropy && *child.entropy != 0) base.entropy = child.entropy;
  if (child.secret_group != 0) base.secret_group = child.secret_group;
  if (child.regex) base.regex = std::move(child.regex);
  if (child.path) base.path = std::move(child.path);
  base.tags.insert(base.tags.end(), child.tags.begin(), child.tags.end());
  base.keywords.insert(base.keywords.end(), child.keywords.begin(), child.keywords.end());
  for (auto& a : child.allowlists) base.allowlists.push_back(std::move(a));
  base.origin += ", " + child.origin;
}

class Loader {
 public:
  Loader(const FileReader& read_file, const std::string& extend_dir, core::Diagnostics& diagnostics,
         std::vector<std::string>& notes)
      : read_file_(read_file), extend_dir_(extend_dir), diagnostics_(diagnostics), notes_(notes) {}

  Layer Load(std::string_view text, const std::string& file, int depth,
             std::vector<std::string>& chain) {
    Layer layer;
    const std::optional<core::Node> parsed = ParseToml(text, file, diagnostics_);
    if (!parsed) return layer;
    const core::Node& root = *parsed;
    core::FieldReader reader(file, diagnostics_);
    if (!reader.ExpectMap(
            root, "",
            {"title", "description", "minversion", "extend", "rules", "allowlist", "allowlists"})) {
      return layer;
    }
    layer.title = reader.String(root, "title", "", core::Need::kOptional).value_or("");
    ReadRules(root, reader, layer);
    ReadGlobalAllowlists(root, reader, layer);
    if (const core::Node* extend = root.Find("extend")) {
      if (depth >= kMaxGitleaksExtendDepth) {
        notes_.push_back(file + ": [extend] not followed: gitleaks extends at most " +
                         std::to_string(kMaxGitleaksExtendDepth) + " levels");
      } else {
        Extend(*extend, reader, file, depth, chain, layer);
      }
    }
    return layer;
  }

 private:
  void ReadRules(const core::Node& root, core::FieldReader& reader, Layer& layer) {
    const core::Node* rules = root.Find("rules");
    if (rules == nullptr || !reader.ExpectList(*rules, "rules")) return;
    for (std::size_t i = 0; i < rules->items.size(); ++i) {
      auto rule = ReadGitleaksRule(rules->items[i], core::IndexField("rules", i), reader, notes_);
      if (!rule) continue;
      if (SecretRule* earlier = FindRule(layer.rules, rule->id)) {
        // gitleaks keeps rules in a map by id: the later definition wins.
        notes_.push_back(rule->origin + ": rule '" + rule->id + "' is defined again; " +
                         "this definition replaces the one at " + earlier->origin);
        *earlier = std::move(*rule);
        continue;
      }
      layer.rules.push_back(std::move(*rule));
    }
  }

  void ReadGlobalAllowlists(const core::Node& root, core::FieldReader& reader, Layer& layer) {
    const core::Node* old_allow = root.Find("allowlist");
    const core::Node* allows = root.Find("allowlists");
    if (old_allow != nullptr && allows != nullptr) {
      reader.Report(*old_allow, "allowlist",
                    "[allowlist] is deprecated, it cannot be used alongside [[allowlists]]");
      return;
    }
    std::vector<std::pair<const core::Node*, std::string>> nodes;
    if (old_allow != nullptr) nodes.emplace_back(old_allow, "allowlist");
    if (allows != nullptr && reader.ExpectList(*allows, "allowlists")) {
      for (std::size_t i = 0; i < allows->items.size(); ++i) {
        nodes.emplace_back(&allows->items[i], core::IndexField("allowlists", i));
      }
    }
    for (const auto& [node, field] : nodes) {
      auto allowlist = ReadGitleaksAllowlist(*node, field, reader, AllowlistLevel::kGlobal, notes_);
      if (!allowlist) continue;
      auto targets = reader.StringList(*node, "targetrules", field, core::Need::kOptional)
                         .value_or(std::vector<std::string>{});
      if (targets.empty()) {
        layer.allowlists.push_back(std::move(*allowlist));
      } else {
        layer.targeted.push_back(
            Targeted{std::move(targets), std::move(*allowlist), reader.file(), node->mark, field});
      }
    }
  }

  void Extend(const core::Node& node, core::FieldReader& reader, const std::string& file, int depth,
              std::vector<std::string>& chain, Layer& layer) {
    if (!reader.ExpectMap(node, "extend", {"path", "url", "usedefault", "disabledrules"})) return;
    const std::string path =
        reader.String(node, "path", "extend", core::Need::kOptional).value_or("");
    const bool use_default =
        reader.Bool(node, "usedefault", "extend", core::Need::kOptional).value_or(false);
    const auto disabled = reader.StringList(node, "disabledrules", "extend", core::Need::kOptional)
                              .value_or(std::vector<std::string>{});
    if (node.Find("url") != nullptr) {
      notes_.push_back(file + ": [extend] url is ignored (gitleaks does not implement it)");
    }
    if (!path.empty() && use_default) {
      reader.Report(node, "extend",
                    "unable to load config due to extend.path and extend.useDefault being set");
      return;
    }
    Layer base;
    if (use_default) {
      auto pack = LoadBuiltinRulePack(kDefaultPolicyName, diagnostics_);
      if (pack) base.rules = std::move(pack->rules);
    } else if (!path.empty()) {
      fs::path target(path);
      if (target.is_relative()) {
        target =
            (extend_dir_.empty() ? fs::path(file).parent_path() : fs::path(extend_dir_)) / target;
      }
      const std::string resolved = target.lexically_normal().string();
      if (std::find(chain.begin(), chain.end(), resolved) != chain.end()) {
        reader.Report(*node.Find("path"), "extend.path",
                      "extending '" + resolved + "' again would be a cycle");
        return;
      }
      auto text = read_file_(resolved);
      if (!text) {
        reader.Report(*node.Find("path"), "extend.path",
                      "failed to load extended config '" + resolved + "': " + text.error().message);
        return;
      }
      chain.push_back(resolved);
      base = Load(*text, resolved, depth + 1, chain);
      chain.pop_back();
    } else {
      return;
    }
    layer.extended = true;
    const std::set<std::string> disabled_ids(disabled.begin(), disabled.end());
    for (const auto& id : disabled_ids) {
      if (FindRule(base.rules, id) == nullptr) {
        notes_.push_back(file + ": [extend] disabledRules: the extended config has no rule '" + id +
                         "'");
      }
    }
    std::vector<SecretRule> merged;
    for (auto& rule : base.rules) {
      if (disabled_ids.contains(rule.id)) continue;
      if (SecretRule* child = FindRule(layer.rules, rule.id)) {
        MergeInto(rule, std::move(*child));
        child->id.clear();  // consumed
      }
      merged.push_back(std::move(rule));
    }
    for (auto& rule : layer.rules) {
      if (!rule.id.empty()) merged.push_back(std::move(rule));
    }
    layer.rules = std::move(merged);
    for (auto& a : base.allowlists) layer.allowlists.push_back(std::move(a));
    for (auto& t : base.targeted) layer.targeted.push_back(std::move(t));
  }

  const FileReader& read_file_;
  const std::string& extend_dir_;
  core::Diagnostics& diagnostics_;
  std::vector<std::string>& notes_;
};

// Checks that need the merged rules: something to match, a secret group that exists.
void Validate(const Layer& layer, const std::string& file, core::Diagnostics& diagnostics,
              std::vector<std::string>& notes) {
  for (const auto& rule : layer.rules) {
    const std::string field = "rules (" + rule.id + ")";
    if (!rule.regex && !rule.path) {
      if (layer.extended) {
        // gitleaks skips this check for a config that extends another; the rule never reports.
        notes.push_back(rule.origin + ": rule '" + rule.id +
                        "' has neither regex nor path after extend, so it never reports");
      } else {
        diagnostics.Add(file, {}, field,
                        rule.id +
                            ": both |regex| and |path| are empty, this rule will have "
                            "no effect (" +
                            rule.origin + ")");
      }
      continue;
    }
    if (rule.regex && rule.regex->regex().ok()) {
      const int groups = rule.regex->regex().NumberOfCapturingGroups();
      if (rule.secret_group > groups) {
        diagnostics.Add(file, {}, field,
                        rule.id + ": invalid regex secret group " +
                            std::to_string(rule.secret_group) + ", max regex secret group " +
                            std::to_string(groups) + " (" + rule.origin + ")");
      }
    }
  }
}

}  // namespace

GitleaksConfig LoadGitleaksConfig(std::string_view text, const std::string& file,
                                  const FileReader& read_file, core::Diagnostics& diagnostics,
                                  const std::string& extend_dir) {
  GitleaksConfig config;
  Loader loader(read_file, extend_dir, diagnostics, config.notes);
  std::vector<std::string> chain = {fs::path(file).lexically_normal().string()};
  Layer layer = loader.Load(text, file, 0, chain);
  Validate(layer, file, diagnostics, config.notes);
  for (auto& targeted : layer.targeted) {
    for (const auto& id : targeted.rule_ids) {
      SecretRule* rule = FindRule(layer.rules, id);
      if (rule == nullptr) {
        diagnostics.Add(targeted.file, targeted.mark, targeted.field,
                        "[[allowlists]] target rule ID '" + id + "' does not exist");
        continue;
      }
      rule->allowlists.push_back(targeted.allowlist);
    }
  }
  config.title = std::move(layer.title);
  config.rules = std::move(layer.rules);
  config.allowlists = std::move(layer.allowlists);
  return config;
}

}  // namespace riskgate::policy
