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

std::vector<std::string> MatrixValues(const core::Node& job, std::string_view key) {
  std::vector<std::string> out;
  const core::Node* strategy = job.IsMap() ? job.Find("strategy") : nullptr;
  const core::Node* matrix =
      strategy != nullptr && strategy->IsMap() ? strategy->Find("matrix") : nullptr;
  if (matrix == nullptr || !matrix->IsMap()) return out;
  auto add = [&](const core::Node* values) {
    if (values == nullptr) return;
    auto literal = [&](const core::Node& value) {
      if (value.kind == core::Node::Kind::kScalar &&
          value.scalar.find("${{") == std::string::npos) {
        out.push_back(value.scalar);
      }
    };
    literal(*values);
    for (const core::Node& item : values->items) literal(item);
  };
  if (key != "include" && key != "exclude") add(matrix->Find(key));
  if (const core::Node* include = matrix->Find("include"); include != nullptr) {
    for (const core::Node& entry : include->items) {
      if (entry.IsMap()) add(entry.Find(key));
    }
  }
  return out;
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
