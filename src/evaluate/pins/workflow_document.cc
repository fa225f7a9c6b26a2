#include "evaluate/pins/workflow_document.h"

namespace riskgate::evaluate::pins {

std::string ScalarOr(const core::Node* node, std::string fallback) {
  return node != nullptr && node->kind == core::Node::Kind::kScalar ? node->scalar : fallback;
}

const core::Node* OnNode(const core::Node& root) {
  const core::Node* on = root.Find("on");
  return on != nullptr ? on : root.Find("true");
}

void ForEachScalar(const core::Node& node, const std::function<void(const core::Node&)>& visit) {
  if (node.kind == core::Node::Kind::kScalar) visit(node);
  for (const core::Node& item : node.items) ForEachScalar(item, visit);
  for (const auto& field : node.fields) ForEachScalar(field.second, visit);
}

std::vector<Trigger> Triggers(const core::Node& root) {
  std::vector<Trigger> out;
  const core::Node* on = OnNode(root);
  if (on == nullptr) return out;
  if (on->kind == core::Node::Kind::kScalar) out.push_back({on->scalar, on->mark});
  for (const auto& item : on->items) out.push_back({item.scalar, item.mark});
  for (std::size_t i = 0; i < on->fields.size(); ++i) {
    out.push_back({on->fields[i].first, on->key_marks[i]});
  }
  return out;
}

}  // namespace riskgate::evaluate::pins
