// Stage 3 (evaluate): a GitLab CI file as GitLab reads it, shared by the pins check and the
// discovery of local includes. Input: the text of a configuration file. Output: its
// configuration map with the `spec:` header document set apart, YAML merge keys (`<<`) applied,
// `!reference` tags replaced by what they name in the same file, `!!binary` decoded and
// `$[[ inputs.x ]]` replaced by the input's default. What cannot be read is a diagnostic, never
// a shorter configuration.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "policy/yaml_document.h"

namespace riskgate::evaluate::pins {

struct GitlabDocument {
  core::Node config;                 // the jobs and global keywords
  std::optional<core::Node> header;  // the `spec:` document before `---`, when present
};

// Parses one configuration file: a single document, or a `spec:` header document followed by
// the configuration document (GitLab's form for inputs). Any other stream of documents, or a
// chain of `!reference`s larger than GitLab allows, is a diagnostic.
std::optional<GitlabDocument> ParseGitlabDocument(std::string_view text, const std::string& path,
                                                  core::Diagnostics& diagnostics);

// Whether a top-level key of a configuration names a job (hidden `.templates` included).
bool IsGitlabJobKey(std::string_view key);

// Every `include:` GitLab reads in `config`: the top-level one and each job's
// `trigger: include:` (a child pipeline), as the node under `include`.
std::vector<const core::Node*> GitlabIncludeLists(const core::Node& config);

}  // namespace riskgate::evaluate::pins
