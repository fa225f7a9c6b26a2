// Build tool: converts the default rule pack's YAML files to the tree form the binary embeds
// (policy/tree_codec.h): a list of {file, pack} maps, one per input in the order given. Fails the
// build on YAML errors, including duplicate keys.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "policy/tree_codec.h"

namespace {

riskgate::core::Node Scalar(std::string text) {
  riskgate::core::Node node;
  node.kind = riskgate::core::Node::Kind::kScalar;
  node.scalar = std::move(text);
  node.quoted = true;
  return node;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: yaml_to_tree OUTPUT.tree INPUT.yaml...\n";
    return 2;
  }
  riskgate::core::Node files;
  files.kind = riskgate::core::Node::Kind::kSequence;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Named as the repository names it, so a rule's origin points at its source file.
    const std::string name = "rules/default/" + std::filesystem::path(argv[i]).filename().string();
    riskgate::core::Diagnostics diagnostics;
    auto tree = riskgate::policy::ParseYaml(text, name, diagnostics);
    if (!in || !tree || !diagnostics.empty()) {
      if (!in) std::cerr << argv[i] << ": cannot read\n";
      for (const auto& d : diagnostics.items()) std::cerr << d.ToString() << "\n";
      return 1;
    }
    riskgate::core::Node entry;
    entry.kind = riskgate::core::Node::Kind::kMap;
    entry.fields.push_back({"file", Scalar(name)});
    entry.fields.push_back({"pack", std::move(*tree)});
    entry.key_marks.resize(entry.fields.size());
    files.items.push_back(std::move(entry));
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << riskgate::policy::EncodeTree(files);
  return out ? 0 : 1;
}
