#include "evaluate/pins/workflow_document.h"

#include <array>

#include "core/regex.h"

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

namespace {

// One image named at `at` as a job gives it (see ForEachJobImage).
void VisitJobImage(const core::Node& job, const core::Node* at,
                   const std::function<void(const std::string&, const core::Node&)>& visit) {
  if (at == nullptr) return;
  const std::string image = ScalarOr(at);
  static const core::Regex by_matrix(R"(^(.*?)\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}(.*)$)");
  std::array<std::string_view, 4> parts{};
  std::vector<std::string> images;
  if (!by_matrix.FullMatch(image, parts) || parts[3].find("${{") != std::string_view::npos) {
    images.push_back(image);
  } else {
    for (const std::string& value : MatrixValues(job, parts[2])) {
      images.push_back(std::string(parts[1]) + value + std::string(parts[3]));
    }
  }
  for (const std::string& one : images) {
    if (!one.empty() && one.find("${{") == std::string::npos) visit(one, *at);
  }
}

}  // namespace

void ForEachJobImage(const core::Node& job,
                     const std::function<void(const std::string&, const core::Node&)>& visit) {
  if (const core::Node* container = job.Find("container")) {
    VisitJobImage(job, container->IsMap() ? container->Find("image") : container, visit);
  }
  if (const core::Node* services = job.Find("services")) {
    for (const auto& [name, service] : services->fields) {
      VisitJobImage(job, service.IsMap() ? service.Find("image") : &service, visit);
    }
  }
}

}  // namespace riskgate::evaluate::pins
