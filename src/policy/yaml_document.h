// Stage 2 (policy): the only file that talks to yaml-cpp. It turns YAML text into a plain tree
// that keeps every node's line and column, rejects duplicate keys (yaml-cpp accepts them
// silently), and bounds depth and size so hostile documents cannot exhaust memory.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"

namespace riskgate::policy {

// Parses `text`. Syntax errors and limit violations are added to `diagnostics` under `file` and
// give nullopt. Duplicate keys are added too, but the tree (keeping the first value) is returned
// so that the schema checks can report the file's other problems in the same pass.
std::optional<core::Node> ParseYaml(std::string_view text, const std::string& file,
                                    core::Diagnostics& diagnostics);

// Parses a stream of up to `max_documents` documents (separated by `---`), each as ParseYaml
// does, with marks of the whole text. More documents, or any document that fails, is a
// diagnostic and gives nullopt.
std::optional<std::vector<core::Node>> ParseYamlDocuments(std::string_view text,
                                                          const std::string& file,
                                                          std::size_t max_documents,
                                                          core::Diagnostics& diagnostics);

}  // namespace riskgate::policy
