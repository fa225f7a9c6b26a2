// Stage 2 (policy): `extends:` composition. A policy names the built-in default and other
// policy files it builds on (a central baseline, then the repository's additions); they are
// merged into one YAML tree before the schema is read. Every node keeps the file it came from,
// so messages name the right file. Input: the policy text and a reader for the files it names.
// Output: the merged tree, or diagnostics (unreadable file, a cycle, too deep).
//
// Merge rules, applied in order (each `extends` entry over the previous, the file itself last):
// maps merge key by key; a list of maps that all have an `id` merges by id (same id: the later
// entry replaces the earlier one, new ids are appended); anything else is replaced.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/field_reader.h"
#include "policy/custom_control.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {

struct ComposedPolicy {
  core::Node root;
  std::vector<std::string> files;  // every file merged, in merge order: the policy itself last
};

std::optional<ComposedPolicy> ComposePolicy(std::string_view text, const std::string& origin,
                                            const FileReader& read_file,
                                            core::Diagnostics& diagnostics);

// The file `node` was read from, or `fallback` when it carries none.
const std::string& FileOf(const core::Node& node, const std::string& fallback);

// `name` as written in `file`, resolved against that file's folder (built-in names unchanged).
std::string ResolveBeside(const std::string& file, const std::string& name);

struct NamedFile {
  std::string path;  // resolved
  std::string text;
};

// Reads the file `name` that the policy names at `at` (resolved beside the file `at` is in, else
// `origin`); a failure is reported at `at` as "cannot read <what> '<path>'" and gives nullopt.
std::optional<NamedFile> ReadNamedFile(const core::Node& at, const std::string& field,
                                       const std::string& name, const std::string& origin,
                                       std::string_view what, const FileReader& read_file,
                                       core::FieldReader& reader);

}  // namespace riskgate::policy
