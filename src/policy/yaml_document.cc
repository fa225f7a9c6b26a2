#include "policy/yaml_document.h"

#include <yaml-cpp/yaml.h>

#include <set>
#include <string>

namespace riskgate::policy {
namespace {

constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxNodes = 200000;

Mark ToMark(const YAML::Mark& m) {
  if (m.is_null()) return {};
  return Mark{m.line + 1, m.column + 1};
}

class Converter {
 public:
  Converter(const std::string& file, Diagnostics& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  bool failed() const { return failed_; }

  YamlNode Convert(const YAML::Node& node, int depth) {
    YamlNode out;
    out.mark = ToMark(node.Mark());
    if (failed_) return out;
    if (++nodes_ > kMaxNodes) {
      Fail(out.mark,
           "document has more than " + std::to_string(kMaxNodes) + " nodes (alias expansion?)");
      return out;
    }
    if (depth > kMaxDepth) {
      Fail(out.mark, "document nests deeper than " + std::to_string(kMaxDepth) + " levels");
      return out;
    }
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = YamlNode::Kind::kNull;
        break;
      case YAML::NodeType::Scalar:
        out.kind = YamlNode::Kind::kScalar;
        out.scalar = node.Scalar();
        out.quoted = node.Tag() == "!";
        break;
      case YAML::NodeType::Sequence:
        out.kind = YamlNode::Kind::kSequence;
        for (const auto& item : node) out.items.push_back(Convert(item, depth + 1));
        break;
      case YAML::NodeType::Map: {
        out.kind = YamlNode::Kind::kMap;
        std::set<std::string> seen;
        for (const auto& entry : node) {
          const Mark key_mark = ToMark(entry.first.Mark());
          if (!entry.first.IsScalar()) {
            diagnostics_.Add(file_, key_mark, "", "map keys must be plain scalars");
            continue;
          }
          const std::string& key = entry.first.Scalar();
          if (!seen.insert(key).second) {
            diagnostics_.Add(file_, key_mark, key, "duplicate key");
            continue;
          }
          out.key_marks.push_back(key_mark);
          out.fields.push_back(YamlField{key, Convert(entry.second, depth + 1)});
        }
        break;
      }
    }
    return out;
  }

 private:
  void Fail(Mark mark, std::string message) {
    failed_ = true;
    diagnostics_.Add(file_, mark, "", std::move(message));
  }

  const std::string& file_;
  Diagnostics& diagnostics_;
  std::size_t nodes_ = 0;
  bool failed_ = false;
};

}  // namespace

const YamlNode* YamlNode::Find(std::string_view key) const {
  for (const auto& [name, value] : fields) {
    if (name == key) return &value;
  }
  return nullptr;
}

std::string_view YamlKindName(YamlNode::Kind kind) {
  switch (kind) {
    case YamlNode::Kind::kNull:
      return "null";
    case YamlNode::Kind::kScalar:
      return "scalar";
    case YamlNode::Kind::kSequence:
      return "list";
    case YamlNode::Kind::kMap:
      return "map";
  }
  return "null";
}

std::optional<YamlNode> ParseYaml(std::string_view text, const std::string& file,
                                  Diagnostics& diagnostics) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    diagnostics.Add(file, ToMark(e.mark), "", "invalid YAML: " + e.msg);
    return std::nullopt;
  } catch (const std::exception& e) {
    diagnostics.Add(file, {}, "", std::string("invalid YAML: ") + e.what());
    return std::nullopt;
  }
  try {
    Converter converter(file, diagnostics);
    YamlNode tree = converter.Convert(root, 0);
    if (converter.failed()) return std::nullopt;
    return tree;
  } catch (const YAML::Exception& e) {
    diagnostics.Add(file, ToMark(e.mark), "", "invalid YAML: " + e.msg);
    return std::nullopt;
  }
}

}  // namespace riskgate::policy
