// Stage 0 (core): the located document tree every structured input is read into: YAML
// (policy/yaml_document.cc), JSON (core/json_document.cc) and TOML (policy/gitleaks_toml.cc).
// Each node keeps its 1-based line and column so that readers name where a problem is. Pure
// data, no parsing here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace riskgate::core {

struct NodeField;

struct Node {
  enum class Kind { kNull, kScalar, kSequence, kMap };

  Kind kind = Kind::kNull;
  Mark mark;
  // For kScalar. JSON numbers keep their text as written ("1e400", "18446744073709551616");
  // JSON true/false are the unquoted scalars "true"/"false".
  std::string scalar;
  bool quoted = false;  // written in quotes (a YAML "no", every JSON string) so it stays a string
  std::string tag;  // an explicit YAML tag ("!reference", "tag:yaml.org,2002:binary"); else empty
  std::vector<Node> items;        // for kSequence
  std::vector<NodeField> fields;  // for kMap, in file order
  std::vector<Mark> key_marks;    // for kMap, parallel to fields

  // The value of `key` in a map, or nullptr (also when this is no map).
  const Node* Find(std::string_view key) const;

  bool IsMap() const { return kind == Kind::kMap; }
  bool IsList() const { return kind == Kind::kSequence; }
  bool IsNull() const { return kind == Kind::kNull; }
  // A quoted scalar: a JSON string.
  bool IsString() const { return kind == Kind::kScalar && quoted; }
  // The unquoted scalar `true` or `false`: a JSON boolean.
  bool IsBool() const {
    return kind == Kind::kScalar && !quoted && (scalar == "true" || scalar == "false");
  }
};

// One key and its value; `first`/`second` as a map's pair has them.
struct NodeField {
  std::string first;
  Node second;
};

// "null", "scalar", "list" or "map".
std::string_view NodeKindName(Node::Kind kind);

// An unquoted scalar written as a whole integer that fits 64 bits ("12", "-3"; not "1.0",
// "1e2" or "\"12\""), else nothing.
std::optional<std::int64_t> IntegerOf(const Node& node);
// An unquoted scalar written as a finite number ("12", "-2.5e3"), else nothing.
std::optional<double> NumberOf(const Node& node);

}  // namespace riskgate::core
