#include "core/document.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

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

std::optional<std::int64_t> IntegerOf(const Node& node) {
  if (node.kind != Node::Kind::kScalar || node.quoted) return std::nullopt;
  const std::string& text = node.scalar;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> NumberOf(const Node& node) {
  if (node.kind != Node::Kind::kScalar || node.quoted || node.scalar.empty()) return std::nullopt;
  const std::string& text = node.scalar;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace riskgate::core
