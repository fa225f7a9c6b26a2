// Stage 0 (core): typed, strict access to the maps of a located document (core/document.h), for
// the policy schema loaders and the readers of JSON inputs. Every problem
// (unknown key, missing key, wrong type, bad value) becomes a located diagnostic; nothing throws.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/severity.h"

namespace riskgate::core {

enum class Need { kOptional, kRequired };

// "parent.key", or "key" at the top.
std::string JoinField(std::string_view parent, std::string_view key);
// "parent[index]".
std::string IndexField(std::string_view parent, std::size_t index);

class FieldReader {
 public:
  FieldReader(std::string file, Diagnostics& diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}

  const std::string& file() const { return file_; }

  // True when `node` is a map; reports a wrong type and every key not in `allowed`.
  bool ExpectMap(const Node& node, std::string_view field,
                 std::initializer_list<std::string_view> allowed);
  bool ExpectMap(const Node& node, std::string_view field,
                 std::span<const std::string_view> allowed);
  // True when `node` is a list (a null node counts as an empty list).
  bool ExpectList(const Node& node, std::string_view field);

  // Looks up `key` in `map`; reports a missing required key at the map's position.
  const Node* Get(const Node& map, std::string_view key, std::string_view parent, Need need);

  std::optional<std::string> String(const Node& map, std::string_view key, std::string_view parent,
                                    Need need);
  std::optional<double> Number(const Node& map, std::string_view key, std::string_view parent,
                               Need need);
  std::optional<std::int64_t> Integer(const Node& map, std::string_view key,
                                      std::string_view parent, Need need);
  // Only `true` or `false` (YAML 1.1's yes/no/on/off are rejected as ambiguous).
  std::optional<bool> Bool(const Node& map, std::string_view key, std::string_view parent,
                           Need need);
  std::optional<std::vector<std::string>> StringList(const Node& map, std::string_view key,
                                                     std::string_view parent, Need need);
  // A path relative to the repository's root that stays inside it (not absolute, no `..` that
  // climbs out after normalisation): riskgate writes there (`waive`, `threat-model init`).
  std::optional<std::string> RepoPath(const Node& map, std::string_view key,
                                      std::string_view parent, Need need);
  std::optional<std::vector<std::string>> RepoPathList(const Node& map, std::string_view key,
                                                       std::string_view parent, Need need);
  std::optional<Severity> SeverityValue(const Node& map, std::string_view key,
                                        std::string_view parent, Need need);

  // Scalar conversions of a node already found.
  std::optional<std::string> AsString(const Node& node, std::string_view field);
  std::optional<Severity> AsSeverity(const Node& node, std::string_view field);
  std::optional<Decision> AsDecision(const Node& node, std::string_view field);

  void Report(const Node& node, std::string_view field, std::string message);
  void Report(Mark mark, std::string_view field, std::string message);

 private:
  std::string file_;
  Diagnostics& diagnostics_;
};

}  // namespace riskgate::core
