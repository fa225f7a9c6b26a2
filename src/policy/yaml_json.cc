#include "policy/yaml_json.h"

#include <nlohmann/json.hpp>

namespace riskgate::policy {
namespace {

using nlohmann::json;

json ToJson(const YamlNode& node) {
  json out = json::array({static_cast<int>(node.kind), node.mark.line, node.mark.column});
  switch (node.kind) {
    case YamlNode::Kind::kNull:
      break;
    case YamlNode::Kind::kScalar:
      out.push_back(node.scalar);
      out.push_back(node.quoted);
      break;
    case YamlNode::Kind::kSequence: {
      json items = json::array();
      for (const auto& item : node.items) items.push_back(ToJson(item));
      out.push_back(std::move(items));
      break;
    }
    case YamlNode::Kind::kMap: {
      json fields = json::array();
      for (std::size_t i = 0; i < node.fields.size(); ++i) {
        fields.push_back(json::array({node.fields[i].first, node.key_marks[i].line,
                                      node.key_marks[i].column, ToJson(node.fields[i].second)}));
      }
      out.push_back(std::move(fields));
      break;
    }
  }
  return out;
}

YamlNode FromJson(const json& in) {
  YamlNode node;
  node.kind = static_cast<YamlNode::Kind>(in.at(0).get<int>());
  node.mark = Mark{in.at(1).get<int>(), in.at(2).get<int>()};
  switch (node.kind) {
    case YamlNode::Kind::kNull:
      break;
    case YamlNode::Kind::kScalar:
      node.scalar = in.at(3).get<std::string>();
      node.quoted = in.at(4).get<bool>();
      break;
    case YamlNode::Kind::kSequence:
      for (const auto& item : in.at(3)) node.items.push_back(FromJson(item));
      break;
    case YamlNode::Kind::kMap:
      for (const auto& field : in.at(3)) {
        node.fields.push_back(YamlField{field.at(0).get<std::string>(), FromJson(field.at(3))});
        node.key_marks.push_back(Mark{field.at(1).get<int>(), field.at(2).get<int>()});
      }
      break;
  }
  return node;
}

}  // namespace

std::string YamlToJson(const YamlNode& node) { return ToJson(node).dump(); }

std::optional<YamlNode> YamlFromJson(std::string_view text) {
  try {
    return FromJson(json::parse(text));
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

}  // namespace riskgate::policy
