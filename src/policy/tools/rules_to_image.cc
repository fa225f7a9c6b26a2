// Build tool: validates the default rule pack's YAML files (every field, every pattern compiled,
// rule ids unique across files) and writes the image the binary embeds (policy/rule_image.h).
// Fails the build, naming file:line:column and field, on any error.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>

#include "policy/rule_image.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: rules_to_image OUTPUT.image INPUT.yaml...\n";
    return 2;
  }
  riskgate::policy::RulePack merged;
  merged.name = "default";
  merged.description = "riskgate default secrets rule pack";
  std::set<std::string> ids;
  riskgate::core::Diagnostics diagnostics;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in) {
      std::cerr << argv[i] << ": cannot read\n";
      return 1;
    }
    // Named as the repository names it, so a rule's origin points at its source file; the
    // prefix tells built-in rules apart (the pattern budget does not count them).
    const std::string name =
        "builtin:rules/default/" + std::filesystem::path(argv[i]).filename().string();
    auto part = riskgate::policy::LoadRulePack(text, name, diagnostics);
    for (auto& rule : part.rules) {
      if (!ids.insert(rule.id).second) {
        diagnostics.Add(name, {}, "rules",
                        "duplicate rule id '" + rule.id + "' (also in another file of the pack)");
        continue;
      }
      merged.rules.push_back(std::move(rule));
    }
  }
  if (!diagnostics.empty()) {
    for (const auto& d : diagnostics.items()) std::cerr << d.ToString() << "\n";
    return 1;
  }
  const std::string image = riskgate::policy::EncodeRuleImage(merged);
  if (!riskgate::policy::DecodeRuleImage(image)) {
    std::cerr << "rules_to_image: the image does not read back\n";
    return 1;
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << image;
  return out ? 0 : 1;
}
