#include "core/document.h"

namespace riskgate::core {

const Node* Node::Find(std::string_view key) const {
  for (const auto& [name, value] : fields) {
    if (name == key) return &value;
  }
  return nullptr;
}

std::string_view NodeKindName(Node::Kind kind) {
  switch (kind) {
    case Node::Kind::kNull:
      return "null";
    case Node::Kind::kScalar:
      return "scalar";
    case Node::Kind::kSequence:
      return "list";
    case Node::Kind::kMap:
      return "map";
  }
  return "null";
}

}  // namespace riskgate::core
