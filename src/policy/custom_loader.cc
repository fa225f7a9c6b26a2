#include <array>
#include <map>
#include <set>

#include "core/field_reader.h"
#include "core/path_glob.h"
#include "policy/custom_control.h"
#include "policy/policy_compose.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {
namespace {

constexpr std::array<std::string_view, 5> kCommonKeys = {"id", "kind", "description", "severity",
                                                         "why"};
constexpr std::array<std::string_view, 3> kCommonOptional = {"when", "fix", "mitigate"};

struct KindSpec {
  CustomKind kind;
  std::vector<std::string_view> keys;  // besides the common ones
};

const std::map<std::string, KindSpec, std::less<>>& Kinds() {
  static const std::map<std::string, KindSpec, std::less<>> kinds = {
      {"forbid_content",
       {CustomKind::kForbidContent, {"paths", "exclude_paths", "pattern", "unless"}}},
      {"forbid_path", {CustomKind::kForbidPath, {"paths", "exclude_paths", "max_bytes"}}},
      {"require_path", {CustomKind::kRequirePath, {"paths"}}},
      {"require_change", {CustomKind::kRequireChange, {"paths", "exclude_paths", "require"}}},
      {"restrict_change", {CustomKind::kRestrictChange, {"paths", "exclude_paths", "owners"}}},
      {"commit_message", {CustomKind::kCommitMessage, {"must_match", "must_not_match"}}},
  };
  return kinds;
}

std::string KindList() {
  std::string out;
  for (const auto& [name, spec] : Kinds()) out += (out.empty() ? "" : ", ") + name;
  return out;
}

class RuleReader {
 public:
  RuleReader(core::FieldReader& reader) : reader_(reader) {}

  std::optional<CustomRule> Read(const core::Node& node, std::size_t index,
                                 const std::string& list_field) {
    std::string field = core::IndexField(list_field, index);
    if (node.kind != core::Node::Kind::kMap) {
      reader_.Report(node, field, "expected a rule (a map with id, kind, ...)");
      return std::nullopt;
    }
    CustomRule rule;
    rule.origin = FileOf(node, reader_.file()) + ":" + std::to_string(node.mark.line);
    if (auto id = reader_.String(node, "id", field, core::Need::kRequired)) {
      rule.id = *id;
      field = list_field + "[" + rule.id + "]";
      ValidateId(node, field, rule.id);
    }
    const auto kind_name = reader_.String(node, "kind", field, core::Need::kRequired);
    if (!kind_name) return std::nullopt;
    auto spec = Kinds().find(*kind_name);
    if (spec == Kinds().end()) {
      reader_.Report(
          *node.Find("kind"), core::JoinField(field, "kind"),
          "unknown rule kind '" + *kind_name + "' (expected one of: " + KindList() + ")");
      return std::nullopt;
    }
    rule.kind = spec->second.kind;
    std::vector<std::string_view> allowed(kCommonKeys.begin(), kCommonKeys.end());
    allowed.insert(allowed.end(), kCommonOptional.begin(), kCommonOptional.end());
    allowed.insert(allowed.end(), spec->second.keys.begin(), spec->second.keys.end());
    reader_.ExpectMap(node, field, allowed);

    rule.description =
        reader_.String(node, "description", field, core::Need::kRequired).value_or("");
    rule.why = reader_.String(node, "why", field, core::Need::kOptional).value_or("");
    rule.severity = reader_.SeverityValue(node, "severity", field, core::Need::kRequired)
                        .value_or(core::Severity::kMedium);
    rule.fix = reader_.String(node, "fix", field, core::Need::kOptional).value_or("");
    rule.mitigate = reader_.String(node, "mitigate", field, core::Need::kOptional).value_or("");
    if (const core::Node* when = node.Find("when"))
      ReadWhen(*when, core::JoinField(field, "when"), rule);

    const core::Need paths_need =
        rule.kind == CustomKind::kForbidContent ? core::Need::kOptional : core::Need::kRequired;
    if (rule.kind != CustomKind::kCommitMessage) {
      rule.paths = Globs(node, "paths", field, paths_need);
      rule.exclude_paths = Globs(node, "exclude_paths", field, core::Need::kOptional);
    }
    switch (rule.kind) {
      case CustomKind::kForbidContent:
        rule.pattern = OnePattern(node, "pattern", field);
        if (rule.pattern) {
          rule.any_line = std::make_shared<const Pattern>("(?m)" + rule.pattern->source());
        }
        rule.unless = Patterns(node, "unless", field, core::Need::kOptional);
        break;
      case CustomKind::kForbidPath:
        if (auto bytes = reader_.Integer(node, "max_bytes", field, core::Need::kOptional)) {
          if (*bytes < 0) {
            reader_.Report(*node.Find("max_bytes"), core::JoinField(field, "max_bytes"),
                           "expected a number of bytes, 0 or more");
          } else {
            rule.max_bytes = *bytes;
          }
        }
        break;
      case CustomKind::kRequirePath:
        break;
      case CustomKind::kRequireChange:
        rule.require = Globs(node, "require", field, core::Need::kRequired);
        break;
      case CustomKind::kRestrictChange:
        rule.owners = reader_.StringList(node, "owners", field, core::Need::kRequired)
                          .value_or(std::vector<std::string>{});
        if (node.Find("owners") != nullptr && rule.owners.empty()) {
          reader_.Report(*node.Find("owners"), core::JoinField(field, "owners"),
                         "name at least one owner (an email, @user or @org/team)");
        }
        break;
      case CustomKind::kCommitMessage:
        rule.must_match = Patterns(node, "must_match", field, core::Need::kOptional);
        rule.must_not_match = Patterns(node, "must_not_match", field, core::Need::kOptional);
        if (node.Find("must_match") == nullptr && node.Find("must_not_match") == nullptr) {
          reader_.Report(node, field, "a commit_message rule needs must_match or must_not_match");
        }
        break;
    }
    return rule;
  }

 private:
  void ValidateId(const core::Node& node, const std::string& field, const std::string& id) {
    const bool ok =
        !id.empty() && id.size() <= 100 &&
        id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_.") == std::string::npos;
    if (!ok) {
      reader_.Report(*node.Find("id"), core::JoinField(field, "id"),
                     "a rule id is lower-case letters, digits, '-', '_' and '.'");
    }
  }

  std::vector<std::string> Globs(const core::Node& node, std::string_view key,
                                 const std::string& field, core::Need need) {
    auto globs = reader_.StringList(node, key, field, need);
    if (!globs) return {};
    const core::Node& list = *node.Find(key);
    if (need == core::Need::kRequired && globs->empty()) {
      reader_.Report(list, core::JoinField(field, key), "name at least one path glob");
    }
    for (std::size_t i = 0; i < globs->size(); ++i) {
      if (auto error = core::PathGlobError((*globs)[i])) {
        reader_.Report(list.items[i], core::IndexField(core::JoinField(field, key), i),
                       "bad glob '" + (*globs)[i] + "': " + *error);
      }
    }
    return *globs;
  }

  PatternPtr Compile(const core::Node& at, const std::string& field, const std::string& source) {
    auto pattern = std::make_shared<const Pattern>(source);
    if (const std::string why = pattern->Validate(); !why.empty()) {
      reader_.Report(at, field, "bad pattern: " + why);
      return nullptr;
    }
    return pattern;
  }

  PatternPtr OnePattern(const core::Node& node, std::string_view key, const std::string& field) {
    auto source = reader_.String(node, key, field, core::Need::kRequired);
    if (!source) return nullptr;
    return Compile(*node.Find(key), core::JoinField(field, key), *source);
  }

  std::vector<PatternPtr> Patterns(const core::Node& node, std::string_view key,
                                   const std::string& field, core::Need need) {
    auto sources = reader_.StringList(node, key, field, need);
    if (!sources) return {};
    const core::Node& list = *node.Find(key);
    std::vector<PatternPtr> out;
    for (std::size_t i = 0; i < sources->size(); ++i) {
      if (auto p = Compile(list.items[i], core::IndexField(core::JoinField(field, key), i),
                           (*sources)[i])) {
        out.push_back(std::move(p));
      }
    }
    return out;
  }

  void ReadWhen(const core::Node& when, const std::string& field, CustomRule& rule) {
    if (!reader_.ExpectMap(when, field, {"branches", "events", "changed"})) return;
    rule.when.branches = Globs(when, "branches", field, core::Need::kOptional);
    rule.when.events = reader_.StringList(when, "events", field, core::Need::kOptional)
                           .value_or(std::vector<std::string>{});
    rule.when.changed = Globs(when, "changed", field, core::Need::kOptional);
  }

  core::FieldReader& reader_;
};

void ReadRuleList(const core::Node& list, const std::string& field, core::FieldReader& reader,
                  std::vector<CustomRule>& out) {
  if (!reader.ExpectList(list, field)) return;
  RuleReader rules(reader);
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    auto rule = rules.Read(list.items[i], i, field);
    if (!rule) continue;
    const auto same =
        std::find_if(out.begin(), out.end(), [&](const CustomRule& r) { return r.id == rule->id; });
    if (same != out.end()) {
      reader.Report(list.items[i], field + "[" + rule->id + "]",
                    "rule id '" + rule->id + "' is defined twice (" + same->origin + " and " +
                        rule->origin + ")");
      continue;
    }
    out.push_back(std::move(*rule));
  }
}

void LoadPack(const std::string& name, const core::Node& at, const std::string& field,
              const std::string& origin, const FileReader& read_file, core::FieldReader& reader,
              core::Diagnostics& diagnostics, CustomControl& control) {
  auto file = ReadNamedFile(at, field, name, origin, "rule pack", read_file, reader);
  if (!file) return;
  auto parsed = ParseYaml(file->text, file->path, diagnostics);
  if (!parsed) return;
  core::FieldReader pack_reader(file->path, diagnostics);
  if (!pack_reader.ExpectMap(*parsed, "", {"version", "rules"})) return;
  if (const core::Node* rules = pack_reader.Get(*parsed, "rules", "", core::Need::kRequired)) {
    ReadRuleList(*rules, "rules", pack_reader, control.rules);
  }
}

}  // namespace

std::string_view CustomKindName(CustomKind kind) {
  for (const auto& [name, spec] : Kinds()) {
    if (spec.kind == kind) return name;
  }
  return "?";
}

std::string CustomRuleFix(const CustomRule& rule) {
  if (!rule.fix.empty()) return rule.fix;
  switch (rule.kind) {
    case CustomKind::kForbidContent:
      return "Remove or rewrite the matching line";
    case CustomKind::kForbidPath:
      return rule.max_bytes
                 ? "Keep the file under the limit (or store it outside git)"
                 : "Take the file out of the change (git rm --cached PATH) and ignore it";
    case CustomKind::kRequirePath:
      return "Add a file matching the rule's paths";
    case CustomKind::kRequireChange:
      return "Change the required files in the same change";
    case CustomKind::kRestrictChange:
      return "Ask one of the rule's owners to make or approve the change";
    case CustomKind::kCommitMessage:
      return "Reword the commit message (git commit --amend, or git rebase -i for older ones)";
  }
  return "";
}

bool AnyGlobMatches(const std::vector<std::string>& globs, std::string_view path) {
  return std::any_of(globs.begin(), globs.end(),
                     [path](const std::string& g) { return core::MatchPathGlob(g, path); });
}

bool RuleCoversPath(const CustomRule& rule, std::string_view path) {
  return (rule.paths.empty() || AnyGlobMatches(rule.paths, path)) &&
         !AnyGlobMatches(rule.exclude_paths, path);
}

void LoadCustomControl(const core::Node* node, core::FieldReader& reader, const std::string& origin,
                       const FileReader& read_file, core::Diagnostics& diagnostics,
                       CustomControl& control) {
  if (node == nullptr || node->kind == core::Node::Kind::kNull) return;
  const std::string field = "controls.custom";
  if (!reader.ExpectMap(*node, field, {"enabled", "rule_packs", "rules"})) return;
  control.enabled = reader.Bool(*node, "enabled", field, core::Need::kOptional).value_or(true);
  if (const core::Node* packs = node->Find("rule_packs")) {
    if (reader.ExpectList(*packs, field + ".rule_packs")) {
      for (std::size_t i = 0; i < packs->items.size(); ++i) {
        const std::string pfield = core::IndexField(field + ".rule_packs", i);
        if (auto name = reader.AsString(packs->items[i], pfield)) {
          control.rule_packs.push_back(*name);
          LoadPack(*name, packs->items[i], pfield, origin, read_file, reader, diagnostics, control);
        }
      }
    }
  }
  if (const core::Node* rules = node->Find("rules")) {
    ReadRuleList(*rules, field + ".rules", reader, control.rules);
  }
}

}  // namespace riskgate::policy
