#include "core/field_reader.h"

#include <filesystem>

namespace riskgate::core {

std::string JoinField(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return std::string(parent) + "." + std::string(key);
}

std::string IndexField(std::string_view parent, std::size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

void FieldReader::Report(const Node& node, std::string_view field, std::string message) {
  Report(node.mark, field, std::move(message));
}

void FieldReader::Report(Mark mark, std::string_view field, std::string message) {
  diagnostics_.Add(file_, mark, std::string(field), std::move(message));
}

bool FieldReader::ExpectMap(const Node& node, std::string_view field,
                            std::initializer_list<std::string_view> allowed) {
  return ExpectMap(node, field, std::span<const std::string_view>(allowed.begin(), allowed.size()));
}

bool FieldReader::ExpectMap(const Node& node, std::string_view field,
                            std::span<const std::string_view> allowed) {
  if (node.kind != Node::Kind::kMap) {
    Report(node, field, "expected a map, found " + std::string(NodeKindName(node.kind)));
    return false;
  }
  for (std::size_t i = 0; i < node.fields.size(); ++i) {
    const std::string& key = node.fields[i].first;
    bool known = false;
    for (auto name : allowed) known = known || name == key;
    if (known) continue;
    std::string hint;
    for (auto name : allowed) hint += (hint.empty() ? "" : ", ") + std::string(name);
    Report(node.key_marks[i], JoinField(field, key), "unknown key (expected one of: " + hint + ")");
  }
  return true;
}

bool FieldReader::ExpectList(const Node& node, std::string_view field) {
  if (node.kind == Node::Kind::kSequence || node.kind == Node::Kind::kNull) return true;
  Report(node, field, "expected a list, found " + std::string(NodeKindName(node.kind)));
  return false;
}

const Node* FieldReader::Get(const Node& map, std::string_view key, std::string_view parent,
                             Need need) {
  const Node* node = map.Find(key);
  if (node == nullptr && need == Need::kRequired) {
    Report(map, JoinField(parent, key), "required key is missing");
  }
  return node;
}

std::optional<std::string> FieldReader::AsString(const Node& node, std::string_view field) {
  if (node.kind != Node::Kind::kScalar) {
    Report(node, field, "expected a string, found " + std::string(NodeKindName(node.kind)));
    return std::nullopt;
  }
  return node.scalar;
}

std::optional<std::string> FieldReader::String(const Node& map, std::string_view key,
                                               std::string_view parent, Need need) {
  const Node* node = Get(map, key, parent, need);
  if (node == nullptr) return std::nullopt;
  auto value = AsString(*node, JoinField(parent, key));
  if (value && value->empty() && need == Need::kRequired) {
    Report(*node, JoinField(parent, key), "must not be empty");
    return std::nullopt;
  }
  return value;
}

std::optional<double> FieldReader::Number(const Node& map, std::string_view key,
                                          std::string_view parent, Need need) {
  const Node* node = Get(map, key, parent, need);
  if (node == nullptr) return std::nullopt;
  const std::string field = JoinField(parent, key);
  if (node->kind != Node::Kind::kScalar || node->quoted) {
    Report(*node, field, "expected a number");
    return std::nullopt;
  }
  const auto value = NumberOf(*node);
  if (!value) {
    Report(*node, field, "expected a number, found '" + node->scalar + "'");
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> FieldReader::Integer(const Node& map, std::string_view key,
                                                 std::string_view parent, Need need) {
  const Node* node = Get(map, key, parent, need);
  if (node == nullptr) return std::nullopt;
  const std::string field = JoinField(parent, key);
  if (node->kind != Node::Kind::kScalar || node->quoted) {
    Report(*node, field, "expected an integer");
    return std::nullopt;
  }
  const auto value = IntegerOf(*node);
  if (!value) Report(*node, field, "expected an integer, found '" + node->scalar + "'");
  return value;
}

std::optional<bool> FieldReader::Bool(const Node& map, std::string_view key,
                                      std::string_view parent, Need need) {
  const Node* node = Get(map, key, parent, need);
  if (node == nullptr) return std::nullopt;
  if (node->kind == Node::Kind::kScalar && !node->quoted) {
    if (node->scalar == "true") return true;
    if (node->scalar == "false") return false;
  }
  Report(*node, JoinField(parent, key), "expected true or false");
  return std::nullopt;
}

std::optional<std::vector<std::string>> FieldReader::StringList(const Node& map,
                                                                std::string_view key,
                                                                std::string_view parent,
                                                                Need need) {
  const Node* node = Get(map, key, parent, need);
  if (node == nullptr) return std::nullopt;
  const std::string field = JoinField(parent, key);
  if (!ExpectList(*node, field)) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < node->items.size(); ++i) {
    auto value = AsString(node->items[i], IndexField(field, i));
    if (value) {
      out.push_back(*value);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

namespace {

// Why `path` is not a repository-relative path inside the repository, or empty.
std::string OutsideRepository(const std::string& path) {
  if (path.empty()) return "is empty";
  if (path.find('\0') != std::string::npos) return "contains a NUL byte";
  if (path.front() == '/' || path.front() == '~') {
    return "is absolute; give a path relative to the repository's root";
  }
  const std::string normal = std::filesystem::path(path).lexically_normal().generic_string();
  if (normal == "." || normal == "./" || normal == ".." || normal.starts_with("../")) {
    return "leaves the repository (..); give a path inside it";
  }
  return "";
}

}  // namespace

std::optional<std::string> FieldReader::RepoPath(const Node& map, std::string_view key,
                                                 std::string_view parent, Need need) {
  auto value = String(map, key, parent, need);
  if (!value) return std::nullopt;
  if (const auto why = OutsideRepository(*value); !why.empty()) {
    Report(*map.Find(key), JoinField(parent, key), "'" + *value + "' " + why);
    return std::nullopt;
  }
  return value;
}

std::optional<std::vector<std::string>> FieldReader::RepoPathList(const Node& map,
                                                                  std::string_view key,
                                                                  std::string_view parent,
                                                                  Need need) {
  auto values = StringList(map, key, parent, need);
  if (!values) return std::nullopt;
  bool ok = true;
  const Node& list = *map.Find(key);
  for (std::size_t i = 0; i < values->size() && i < list.items.size(); ++i) {
    if (const auto why = OutsideRepository((*values)[i]); !why.empty()) {
      Report(list.items[i], IndexField(JoinField(parent, key), i), "'" + (*values)[i] + "' " + why);
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return values;
}

std::optional<Severity> FieldReader::AsSeverity(const Node& node, std::string_view field) {
  auto text = AsString(node, field);
  if (!text) return std::nullopt;
  auto severity = ParseSeverity(*text);
  if (!severity) {
    Report(node, field,
           "unknown severity '" + *text + "' (expected critical, high, medium, low or info)");
  }
  return severity;
}

std::optional<Decision> FieldReader::AsDecision(const Node& node, std::string_view field) {
  auto text = AsString(node, field);
  if (!text) return std::nullopt;
  auto decision = ParseDecision(*text);
  if (!decision) {
    Report(node, field, "unknown decision '" + *text + "' (expected block, warn or pass)");
  }
  return decision;
}

std::optional<Severity> FieldReader::SeverityValue(const Node& map, std::string_view key,
                                                   std::string_view parent, Need need) {
  const Node* node = Get(map, key, parent, need);
  if (node == nullptr) return std::nullopt;
  return AsSeverity(*node, JoinField(parent, key));
}

}  // namespace riskgate::core
