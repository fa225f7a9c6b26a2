#include "policy/gitleaks_rule.h"

#include "core/text.h"

namespace riskgate::policy {
namespace {

std::string TrimSpace(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

PatternPtr ReadPattern(const core::Node& node, const std::string& field, core::FieldReader& reader,
                       std::vector<std::string>& notes) {
  auto source = reader.AsString(node, field);
  if (!source) return nullptr;
  if (source->empty()) return nullptr;  // gitleaks: an empty pattern is no pattern
  if (const int n = RewriteGoNamedGroups(*source); n > 0) {
    notes.push_back(reader.file() + ":" + std::to_string(node.mark.line) + ": " + field +
                    ": rewrote " + std::to_string(n) +
                    " Go named group(s) (?<name>...) to (?P<name>...) for RE2");
  }
  auto pattern = std::make_shared<const Pattern>(*source);
  if (std::string problem = pattern->Validate(EmptyMatch::kAllow); !problem.empty()) {
    reader.Report(node, field, problem);
    return nullptr;
  }
  return pattern;
}

std::vector<PatternPtr> ReadPatterns(const core::Node& map, std::string_view key,
                                     const std::string& parent, core::FieldReader& reader,
                                     std::vector<std::string>& notes) {
  std::vector<PatternPtr> out;
  const core::Node* list = reader.Get(map, key, parent, core::Need::kOptional);
  const std::string field = core::JoinField(parent, key);
  if (list == nullptr || !reader.ExpectList(*list, field)) return out;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    if (auto p = ReadPattern(list->items[i], core::IndexField(field, i), reader, notes)) {
      out.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace

int RewriteGoNamedGroups(std::string& pattern) {
  int rewritten = 0;
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // an escaped character is never syntax
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // a literal ']' first
    } else if (c == '(' && pattern.compare(i, 3, "(?<") == 0 && i + 3 < pattern.size() &&
               pattern[i + 3] != '=' && pattern[i + 3] != '!') {
      pattern.insert(i + 2, 1, 'P');
      ++rewritten;
    }
  }
  return rewritten;
}

std::optional<Allowlist> ReadGitleaksAllowlist(const core::Node& node, const std::string& field,
                                               core::FieldReader& reader, AllowlistLevel level,
                                               std::vector<std::string>& notes) {
  const bool is_map = level == AllowlistLevel::kGlobal
                          ? reader.ExpectMap(node, field,
                                             {"description", "condition", "commits", "paths",
                                              "regextarget", "regexes", "stopwords", "targetrules"})
                          : reader.ExpectMap(node, field,
                                             {"description", "condition", "commits", "paths",
                                              "regextarget", "regexes", "stopwords"});
  if (!is_map) return std::nullopt;
  Allowlist out;
  bool ok = true;
  out.description = reader.String(node, "description", field, core::Need::kOptional).value_or("");
  const std::string condition =
      core::AsciiLower(reader.String(node, "condition", field, core::Need::kOptional).value_or(""));
  if (condition == "and" || condition == "&&") {
    out.condition = AllowCondition::kAnd;
  } else if (!condition.empty() && condition != "or" && condition != "||") {
    reader.Report(*node.Find("condition"), core::JoinField(field, "condition"),
                  "unknown allowlist |condition| '" + condition + "' (expected 'and', 'or')");
    ok = false;
  }
  const std::string target =
      reader.String(node, "regextarget", field, core::Need::kOptional).value_or("");
  if (target == "match") {
    out.regex_target = RegexTarget::kMatch;
  } else if (target == "line") {
    out.regex_target = RegexTarget::kLine;
  } else if (!target.empty() && target != "secret") {
    reader.Report(*node.Find("regextarget"), core::JoinField(field, "regexTarget"),
                  "unknown allowlist |regexTarget| '" + target + "' (expected 'match', 'line')");
    ok = false;
  }
  for (const auto& c : reader.StringList(node, "commits", field, core::Need::kOptional)
                           .value_or(std::vector<std::string>{})) {
    std::string commit = core::AsciiLower(TrimSpace(c));
    if (!commit.empty()) out.commits.push_back(std::move(commit));
  }
  out.paths = ReadPatterns(node, "paths", field, reader, notes);
  out.regexes = ReadPatterns(node, "regexes", field, reader, notes);
  for (const auto& w : reader.StringList(node, "stopwords", field, core::Need::kOptional)
                           .value_or(std::vector<std::string>{})) {
    if (!w.empty()) out.stopwords.push_back(core::AsciiLower(w));
  }
  if (ok && out.empty()) {
    reader.Report(node, field,
                  "must contain at least one check for: commits, paths, regexes, or stopwords");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<SecretRule> ReadGitleaksRule(const core::Node& node, const std::string& field,
                                           core::FieldReader& reader,
                                           std::vector<std::string>& notes) {
  if (!reader.ExpectMap(node, field,
                        {"id", "description", "regex", "path", "secretgroup", "entropy", "keywords",
                         "tags", "allowlist", "allowlists", "required", "skipreport"})) {
    return std::nullopt;
  }
  SecretRule rule;
  rule.dialect = RuleDialect::kGitleaks;
  rule.origin = reader.file() + ":" + std::to_string(node.mark.line);
  rule.id = TrimSpace(reader.String(node, "id", field, core::Need::kOptional).value_or(""));
  rule.description = reader.String(node, "description", field, core::Need::kOptional).value_or("");
  if (rule.id.empty()) {
    std::string context;
    if (const core::Node* regex = node.Find("regex")) {
      context = ", regex: " + regex->scalar;
    } else if (const core::Node* path = node.Find("path")) {
      context = ", path: " + path->scalar;
    } else if (!rule.description.empty()) {
      context = ", description: " + rule.description;
    }
    reader.Report(node, field, "rule |id| is missing or empty" + context);
    return std::nullopt;
  }
  const std::string named = field + " (" + rule.id + ")";
  bool ok = true;
  if (node.Find("required") != nullptr || node.Find("skipreport") != nullptr) {
    reader.Report(node, named,
                  "composite rules ([[rules.required]], skipReport) are not supported");
    ok = false;
  }
  if (const core::Node* regex = node.Find("regex")) {
    rule.regex = ReadPattern(*regex, core::JoinField(named, "regex"), reader, notes);
    ok = ok && (rule.regex || regex->scalar.empty());
  }
  if (const core::Node* path = node.Find("path")) {
    rule.path = ReadPattern(*path, core::JoinField(named, "path"), reader, notes);
    ok = ok && (rule.path || path->scalar.empty());
  }
  if (auto group = reader.Integer(node, "secretgroup", named, core::Need::kOptional)) {
    if (*group < 0 || *group > 1000) {
      reader.Report(*node.Find("secretgroup"), core::JoinField(named, "secretGroup"),
                    "invalid regex secret group " + std::to_string(*group));
      ok = false;
    } else {
      rule.secret_group = static_cast<int>(*group);
    }
  }
  if (auto entropy = reader.Number(node, "entropy", named, core::Need::kOptional)) {
    if (*entropy != 0) rule.entropy = *entropy;
  }
  for (const auto& k : reader.StringList(node, "keywords", named, core::Need::kOptional)
                           .value_or(std::vector<std::string>{})) {
    if (!k.empty()) rule.keywords.push_back(core::AsciiLower(k));
  }
  rule.tags = reader.StringList(node, "tags", named, core::Need::kOptional)
                  .value_or(std::vector<std::string>{});
  const core::Node* old_allow = node.Find("allowlist");
  const core::Node* allows = node.Find("allowlists");
  if (old_allow != nullptr && allows != nullptr) {
    reader.Report(*old_allow, named,
                  "[rules.allowlist] is deprecated, it cannot be used alongside "
                  "[[rules.allowlists]]");
    return std::nullopt;
  }
  if (old_allow != nullptr) {
    auto a = ReadGitleaksAllowlist(*old_allow, core::JoinField(named, "allowlist"), reader,
                                   AllowlistLevel::kRule, notes);
    if (a) rule.allowlists.push_back(std::move(*a));
    ok = ok && a.has_value();
  }
  if (allows != nullptr && reader.ExpectList(*allows, core::JoinField(named, "allowlists"))) {
    for (std::size_t i = 0; i < allows->items.size(); ++i) {
      auto a = ReadGitleaksAllowlist(allows->items[i],
                                     core::IndexField(core::JoinField(named, "allowlists"), i),
                                     reader, AllowlistLevel::kRule, notes);
      if (a) rule.allowlists.push_back(std::move(*a));
      ok = ok && a.has_value();
    }
  }
  if (!ok) return std::nullopt;
  return rule;
}

}  // namespace riskgate::policy
