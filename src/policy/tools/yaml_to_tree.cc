// Build tool: converts a YAML file (the default rule pack) to the tree form the binary embeds
// (policy/tree_codec.h). Fails the build on YAML errors, including duplicate keys.
#include <fstream>
#include <iostream>
#include <iterator>

#include "policy/tree_codec.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: yaml_to_tree INPUT.yaml OUTPUT.tree\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  riskgate::core::Diagnostics diagnostics;
  const auto tree = riskgate::policy::ParseYaml(text, argv[1], diagnostics);
  if (!tree || !diagnostics.empty()) {
    for (const auto& d : diagnostics.items()) std::cerr << d.ToString() << "\n";
    return 1;
  }
  std::ofstream out(argv[2], std::ios::binary);
  out << riskgate::policy::EncodeTree(*tree);
  return out ? 0 : 1;
}
