// The default rule pack is embedded as an image and its patterns compile on first use; these
// tests check that the image is the rule files, that every pattern compiles, and that each rule
// finds its own examples.
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "evaluate/secrets/secrets_scanner.h"
#include "policy/builtin_pack.h"
#include "policy/policy.h"
#include "policy/rule_image.h"
#include "policy/rule_pack.h"
#include "support/process.h"

namespace riskgate::evaluate::secrets {
namespace {

const policy::Policy& DefaultPolicy() {
  static const policy::Policy policy = [] {
    auto p = policy::LoadDefaultPolicy();
    REQUIRE(p.has_value());
    return std::move(*p);
  }();
  return policy;
}

bool HasRule(const std::vector<core::Finding>& findings, const std::string& rule) {
  for (const auto& f : findings) {
    if (f.rule == rule) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the embedded pack is the rules/default files, every pattern validated as user packs",
          "[evaluate][default-pack]") {
  // What the build's converter does, here from the source tree: a binary built from older rule
  // files, or a converter that dropped a field, differs.
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::SourceDir() + "/rules/default")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  core::Diagnostics diagnostics;
  policy::RulePack from_yaml;
  from_yaml.name = "default";
  from_yaml.description = "riskgate default secrets rule pack";
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto part = policy::LoadRulePack(text, "builtin:rules/default/" + file.filename().string(),
                                     diagnostics);
    for (auto& rule : part.rules) from_yaml.rules.push_back(std::move(rule));
  }
  std::string problems;
  for (const auto& d : diagnostics.items()) problems += d.ToString() + "\n";
  INFO(problems);
  CHECK(diagnostics.empty());
  CHECK(from_yaml.rules.size() >= 500);
  core::Diagnostics embedded_diagnostics;
  auto embedded = policy::LoadBuiltinRulePack("builtin:default", embedded_diagnostics);
  REQUIRE(embedded.has_value());
  CHECK(embedded_diagnostics.empty());
  CHECK(embedded->rules.size() == from_yaml.rules.size());
  CHECK(policy::EncodeRuleImage(*embedded) == policy::EncodeRuleImage(from_yaml));
}

TEST_CASE("the default pack has at least 80 provider rules plus generic ones",
          "[evaluate][default-pack]") {
  int provider = 0;
  int generic = 0;
  std::set<std::string> providers;
  for (const auto& rule : DefaultPolicy().secrets.rules) {
    const bool is_generic =
        std::find(rule.tags.begin(), rule.tags.end(), "generic") != rule.tags.end();
    if (is_generic) {
      ++generic;
      CHECK(rule.severity <= core::Severity::kMedium);
    } else {
      ++provider;
      providers.insert(rule.provider);
    }
  }
  CHECK(provider >= 80);
  CHECK(generic >= 1);
  CHECK(providers.size() >= 40);
}

TEST_CASE("every default rule has remedies, a revocation page, keywords and examples",
          "[evaluate][default-pack]") {
  for (const auto& rule : DefaultPolicy().secrets.rules) {
    INFO(rule.id);
    CHECK_FALSE(rule.fix.empty());
    CHECK_FALSE(rule.mitigate.empty());
    CHECK_FALSE(rule.revoke_url.empty());
    CHECK_FALSE(rule.keywords.empty());
    // Issue 18: at least two texts the rule must match and one it must not, in the pack itself.
    CHECK(rule.match_examples.size() >= 2);
    CHECK(rule.no_match_examples.size() >= 1);
    // Every keyword is a literal worth prefiltering on.
    for (const auto& keyword : rule.keywords) CHECK(keyword.size() >= 3);
  }
}

TEST_CASE("every default rule finds its match examples and not its no-match examples",
          "[evaluate][default-pack]") {
  const auto& policy = DefaultPolicy();
  SecretsScanner scanner(policy.secrets);
  for (const auto& rule : policy.secrets.rules) {
    for (const auto& example : rule.match_examples) {
      INFO(rule.id << " should match: " << example);
      ScanStats stats;
      auto findings =
          scanner.Scan(collect::Fragment{"src/config.txt", std::nullopt, 1, example}, stats);
      CHECK(HasRule(findings, rule.id));
    }
    for (const auto& example : rule.no_match_examples) {
      INFO(rule.id << " should not match: " << example);
      ScanStats stats;
      auto findings =
          scanner.Scan(collect::Fragment{"src/config.txt", std::nullopt, 1, example}, stats);
      CHECK_FALSE(HasRule(findings, rule.id));
    }
  }
}

TEST_CASE("a default rule finds its examples as well deep inside a long file",
          "[evaluate][default-pack]") {
  // The built-in rules read only the lines near their keywords (`span: near`): an example
  // buried in a long file must give the same findings, at the same place, as on its own.
  const auto& policy = DefaultPolicy();
  SecretsScanner scanner(policy.secrets);
  std::string filler;
  for (int i = 0; i < 60; ++i)
    filler += "int value_" + std::to_string(i) + " = compute(" + std::to_string(i) + ");\n";
  for (const auto& rule : policy.secrets.rules) {
    for (const auto& example : rule.match_examples) {
      INFO(rule.id << " in a long file: " << example);
      ScanStats alone_stats, deep_stats;
      const auto alone =
          scanner.Scan(collect::Fragment{"src/config.txt", std::nullopt, 1, example}, alone_stats);
      const auto deep = scanner.Scan(
          collect::Fragment{"src/config.txt", std::nullopt, 1, filler + example + "\n" + filler},
          deep_stats);
      CHECK(alone.size() == deep.size());
      for (std::size_t i = 0; i < std::min(alone.size(), deep.size()); ++i) {
        CHECK(alone[i].rule == deep[i].rule);
        CHECK(alone[i].location.line + 60 == deep[i].location.line);
        CHECK(alone[i].location.column == deep[i].location.column);
        CHECK(alone[i].fingerprint == deep[i].fingerprint);
      }
    }
  }
}

TEST_CASE("every match of a default rule contains one of its keywords",
          "[evaluate][default-pack]") {
  // The prefilter skips a rule when none of its keywords occur in the text; a match without a
  // keyword would be a silent miss.
  for (const auto& rule : DefaultPolicy().secrets.rules) {
    for (const auto& example : rule.match_examples) {
      std::array<std::string_view, 1> match;
      if (!rule.regex->regex().PartialMatch(example, match)) continue;
      std::string lower(match[0]);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      bool has_keyword = false;
      for (const auto& k : rule.keywords)
        has_keyword = has_keyword || lower.find(k) != std::string::npos;
      INFO(rule.id << ": " << example);
      CHECK(has_keyword);
    }
  }
}

}  // namespace riskgate::evaluate::secrets

namespace riskgate::evaluate::secrets {
namespace {

constexpr std::string_view kListHeading = "## The default rules\n";

// The table of docs/rules.md, written from the pack itself: one row per rule, by file.
std::string DefaultRulesSection() {
  const auto& rules = DefaultPolicy().secrets.rules;
  std::map<std::string, int> severities;
  std::map<std::string, int> confidences;
  std::set<std::string> files;
  std::set<std::string> providers;
  int generic = 0;
  std::vector<std::pair<std::string, std::string>> rows;  // (file, row)
  const auto cell = [](std::string text) {
    std::string out;
    for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
  };
  for (const auto& rule : rules) {
    // builtin:rules/default/<file>.yaml:<line>
    std::string file = rule.origin.substr(rule.origin.rfind('/') + 1);
    file = file.substr(0, file.find(".yaml"));
    files.insert(file);
    if (rule.IsGeneric()) {
      ++generic;
    } else {
      providers.insert(rule.provider);
    }
    ++severities[std::string(core::SeverityName(rule.severity))];
    const std::string confidence = rule.checksum != policy::TokenChecksum::kNone
                                       ? "checksum"
                                       : std::string(core::ConfidenceName(rule.BaseConfidence()));
    ++confidences[confidence];
    rows.emplace_back(file, "| " + file + " | `" + rule.id + "` | " + cell(rule.provider) + " | " +
                                std::string(core::SeverityName(rule.severity)) + " | " +
                                confidence + " | " + cell(rule.description) + " |\n");
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out(kListHeading);
  out +=
      "\n<!-- Written by the unit test \"docs/rules.md lists every default rule\" from the pack;\n"
      "     RISKGATE_UPDATE_GOLDEN=1 rewrites it. -->\n\n";
  out += std::to_string(rules.size()) + " rules in " + std::to_string(files.size()) +
         " files (provider families): " + std::to_string(rules.size() - generic) +
         " provider-specific rules for " + std::to_string(providers.size()) + " providers and " +
         std::to_string(generic) + " generic rules (tag `generic`).\n\n";
  out += "By severity:";
  for (const char* s : {"critical", "high", "medium", "low", "info"}) {
    out += std::string(" ") + s + " " + std::to_string(severities[s]) + (s[0] == 'i' ? "." : ",");
  }
  out += " By [confidence](#confidence):";
  for (const char* c : {"high", "medium", "low", "checksum"}) {
    out += std::string(" ") + c + " " + std::to_string(confidences[c]) +
           (std::string(c) == "checksum" ? " (high when it holds, low when it fails)." : ",");
  }
  out +=
      "\n\n| file | id | provider | severity | confidence | finds |\n|---|---|---|---|---|---|\n";
  for (const auto& [file, row] : rows) out += row;
  return out;
}

}  // namespace

TEST_CASE("docs/rules.md lists every default rule", "[evaluate][default-pack]") {
  const std::string path = testing::SourceDir() + "/docs/rules.md";
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t at = doc.find(kListHeading);
  REQUIRE(at != std::string::npos);
  const std::string expected = DefaultRulesSection();
  const char* update = std::getenv("RISKGATE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1" && doc.substr(at) != expected) {
    const std::string temp = path + ".tmp";
    std::ofstream(temp, std::ios::binary) << doc.substr(0, at) << expected;
    REQUIRE(std::rename(temp.c_str(), path.c_str()) == 0);
    return;
  }
  CHECK(doc.substr(at) == expected);
}

TEST_CASE("the README and docs/rules.md state the pack's size as it is",
          "[evaluate][default-pack]") {
  const auto& rules = DefaultPolicy().secrets.rules;
  std::set<std::string> files;
  for (const auto& rule : rules) files.insert(rule.origin.substr(0, rule.origin.rfind(':')));
  const std::string size = std::to_string(rules.size()) + " rules in " +
                           std::to_string(files.size()) + " provider-family";
  for (const char* name : {"/README.md", "/docs/rules.md"}) {
    std::ifstream in(testing::SourceDir() + name, std::ios::binary);
    REQUIRE(in);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Prose wraps lines: compare with single spaces.
    for (char& c : text) c = c == '\n' ? ' ' : c;
    INFO(name << " should say: " << size);
    CHECK(text.find(size) != std::string::npos);
  }
}

}  // namespace riskgate::evaluate::secrets
