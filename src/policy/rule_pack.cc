#include "policy/rule_pack.h"

#include <set>

#include "core/text.h"

namespace riskgate::policy {
namespace {

bool IsValidId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return id.front() != '-' && id.front() != '.';
}

// A pattern at `node` (a scalar), compiled and validated.
PatternPtr ReadPattern(const core::Node& node, const std::string& field,
                       core::FieldReader& reader) {
  auto source = reader.AsString(node, field);
  if (!source) return nullptr;
  if (source->empty()) {
    reader.Report(node, field, "pattern must not be empty");
    return nullptr;
  }
  auto pattern = std::make_shared<const Pattern>(*source);
  if (std::string problem = pattern->Validate(); !problem.empty()) {
    reader.Report(node, field, problem);
    return nullptr;
  }
  return pattern;
}

// `span:` of a pack or a rule, when given; false (reported) when it names no span.
bool ReadSpan(const core::Node& node, const std::string& field, core::FieldReader& reader,
              RuleSpan& span) {
  const auto name = reader.String(node, "span", field, core::Need::kOptional);
  if (!name) return true;
  if (auto known = ParseRuleSpan(*name)) {
    span = *known;
    return true;
  }
  reader.Report(*node.Find("span"), core::JoinField(field, "span"),
                "unknown span '" + *name + "' (known: file, near)");
  return false;
}

}  // namespace

std::vector<PatternPtr> ReadPatterns(const core::Node& map, std::string_view key,
                                     const std::string& parent, core::FieldReader& reader) {
  std::vector<PatternPtr> out;
  const core::Node* list = reader.Get(map, key, parent, core::Need::kOptional);
  const std::string field = core::JoinField(parent, key);
  if (list == nullptr || !reader.ExpectList(*list, field)) return out;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    if (auto p = ReadPattern(list->items[i], core::IndexField(field, i), reader)) {
      out.push_back(std::move(p));
    }
  }
  return out;
}

Allowlist ReadAllowlist(const core::Node& node, const std::string& field,
                        core::FieldReader& reader) {
  Allowlist out;
  if (!reader.ExpectMap(node, field, {"paths", "regexes", "stopwords"})) return out;
  out.paths = ReadPatterns(node, "paths", field, reader);
  out.regexes = ReadPatterns(node, "regexes", field, reader);
  if (auto words = reader.StringList(node, "stopwords", field, core::Need::kOptional)) {
    for (const auto& w : *words) {
      if (!w.empty()) out.stopwords.push_back(core::AsciiLower(w));
    }
  }
  return out;
}

std::optional<SecretRule> ReadSecretRule(const core::Node& node, const std::string& field,
                                         core::FieldReader& reader, RuleSpan pack_span) {
  if (!reader.ExpectMap(node, field,
                        {"id", "description", "provider", "severity", "regex", "secret_group",
                         "keywords", "entropy", "confidence", "checksum", "allowlist", "revoke_url",
                         "remediation", "examples", "tags", "span"})) {
    return std::nullopt;
  }
  SecretRule rule;
  rule.span = pack_span;
  bool ok = true;
  rule.origin = reader.file() + ":" + std::to_string(node.mark.line);
  if (auto id = reader.String(node, "id", field, core::Need::kRequired)) {
    rule.id = *id;
    if (!IsValidId(rule.id)) {
      reader.Report(*node.Find("id"), core::JoinField(field, "id"),
                    "rule id '" + rule.id + "' must be lower-case letters, digits, '-', '_', '.'");
      ok = false;
    }
  } else {
    ok = false;
  }
  const std::string named = rule.id.empty() ? field : field + " (" + rule.id + ")";
  rule.description = reader.String(node, "description", named, core::Need::kRequired).value_or("");
  rule.provider = reader.String(node, "provider", named, core::Need::kOptional).value_or("");
  if (auto severity = reader.SeverityValue(node, "severity", named, core::Need::kRequired)) {
    rule.severity = *severity;
  } else {
    ok = false;
  }
  if (const core::Node* regex = reader.Get(node, "regex", named, core::Need::kRequired)) {
    rule.regex = ReadPattern(*regex, core::JoinField(named, "regex"), reader);
  }
  ok = ok && rule.regex != nullptr;
  if (auto group = reader.Integer(node, "secret_group", named, core::Need::kOptional)) {
    const int groups = rule.regex ? rule.regex->regex().NumberOfCapturingGroups() : 1000;
    if (*group < 0 || *group > groups) {
      reader.Report(*node.Find("secret_group"), core::JoinField(named, "secret_group"),
                    "secret_group " + std::to_string(*group) + " is out of range (the regex has " +
                        std::to_string(groups) + " groups)");
      ok = false;
    } else {
      rule.secret_group = static_cast<int>(*group);
    }
  }
  if (auto keywords = reader.StringList(node, "keywords", named, core::Need::kOptional)) {
    for (std::size_t i = 0; i < keywords->size(); ++i) {
      if ((*keywords)[i].empty()) {
        reader.Report(node.Find("keywords")->items[i],
                      core::IndexField(core::JoinField(named, "keywords"), i),
                      "keyword must not be empty");
        ok = false;
        continue;
      }
      rule.keywords.push_back(core::AsciiLower((*keywords)[i]));
    }
  }
  if (auto entropy = reader.Number(node, "entropy", named, core::Need::kOptional)) {
    if (*entropy < 0 || *entropy > 8) {
      reader.Report(*node.Find("entropy"), core::JoinField(named, "entropy"),
                    "entropy must be between 0 and 8 bits per character");
      ok = false;
    } else {
      rule.entropy = entropy;
    }
  }
  if (auto confidence = reader.String(node, "confidence", named, core::Need::kOptional)) {
    rule.confidence = core::ParseConfidence(*confidence);
    if (!rule.confidence) {
      reader.Report(*node.Find("confidence"), core::JoinField(named, "confidence"),
                    "confidence must be high, medium or low, not '" + *confidence + "'");
      ok = false;
    }
  }
  if (auto checksum = reader.String(node, "checksum", named, core::Need::kOptional)) {
    if (auto known = ParseTokenChecksum(*checksum)) {
      rule.checksum = *known;
    } else {
      reader.Report(*node.Find("checksum"), core::JoinField(named, "checksum"),
                    "unknown checksum '" + *checksum + "' (known: base62-crc32)");
      ok = false;
    }
  }
  if (!ReadSpan(node, named, reader, rule.span)) ok = false;
  if (const core::Node* allow = reader.Get(node, "allowlist", named, core::Need::kOptional)) {
    Allowlist allowlist = ReadAllowlist(*allow, core::JoinField(named, "allowlist"), reader);
    if (!allowlist.empty()) rule.allowlists.push_back(std::move(allowlist));
  }
  rule.revoke_url = reader.String(node, "revoke_url", named, core::Need::kOptional).value_or("");
  if (const core::Node* remedy = reader.Get(node, "remediation", named, core::Need::kOptional)) {
    const std::string rfield = core::JoinField(named, "remediation");
    if (reader.ExpectMap(*remedy, rfield, {"fix", "mitigate"})) {
      rule.fix = reader.String(*remedy, "fix", rfield, core::Need::kOptional).value_or("");
      rule.mitigate =
          reader.String(*remedy, "mitigate", rfield, core::Need::kOptional).value_or("");
    }
  }
  if (const core::Node* examples = reader.Get(node, "examples", named, core::Need::kOptional)) {
    const std::string efield = core::JoinField(named, "examples");
    if (reader.ExpectMap(*examples, efield, {"match", "no_match"})) {
      rule.match_examples = reader.StringList(*examples, "match", efield, core::Need::kOptional)
                                .value_or(std::vector<std::string>{});
      rule.no_match_examples =
          reader.StringList(*examples, "no_match", efield, core::Need::kOptional)
              .value_or(std::vector<std::string>{});
    }
  }
  rule.tags = reader.StringList(node, "tags", named, core::Need::kOptional)
                  .value_or(std::vector<std::string>{});
  if (!ok) return std::nullopt;
  return rule;
}

RulePack LoadRulePack(std::string_view text, const std::string& file,
                      core::Diagnostics& diagnostics) {
  const std::optional<core::Node> parsed = ParseYaml(text, file, diagnostics);
  if (!parsed) return RulePack{};
  return LoadRulePackTree(*parsed, file, diagnostics);
}

RulePack LoadRulePackTree(const core::Node& root, const std::string& file,
                          core::Diagnostics& diagnostics) {
  RulePack pack;
  core::FieldReader reader(file, diagnostics);
  if (!reader.ExpectMap(root, "", {"pack", "description", "span", "rules"})) return pack;
  RuleSpan span = RuleSpan::kFile;
  if (!ReadSpan(root, "", reader, span)) return pack;
  pack.name = reader.String(root, "pack", "", core::Need::kRequired).value_or("");
  pack.description = reader.String(root, "description", "", core::Need::kOptional).value_or("");
  const core::Node* rules = reader.Get(root, "rules", "", core::Need::kRequired);
  if (rules == nullptr || !reader.ExpectList(*rules, "rules")) return pack;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < rules->items.size(); ++i) {
    const core::Node& item = rules->items[i];
    auto rule = ReadSecretRule(item, core::IndexField("rules", i), reader, span);
    if (!rule) continue;
    if (!ids.insert(rule->id).second) {
      reader.Report(item, core::IndexField("rules", i), "duplicate rule id '" + rule->id + "'");
      continue;
    }
    pack.rules.push_back(std::move(*rule));
  }
  return pack;
}

}  // namespace riskgate::policy
