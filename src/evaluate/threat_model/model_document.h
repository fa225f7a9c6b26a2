// Stage 3 (evaluate): reads a threat model, recognised by content: Markdown (headings), OWASP
// Threat Dragon v2 JSON (`summary` + `detail.diagrams`, threats under `cells[].data.threats[]`)
// or Threagile YAML (`threagile_version`). Output: which of the policy's parts it covers, the
// text it names things in (for coverage), and its residual risks with their owners. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/severity.h"

namespace riskgate::evaluate::threat_model {

enum class ModelFormat { kMarkdown, kThreatDragon, kThreagile };

std::string_view ModelFormatName(ModelFormat format);

struct Part {
  std::string name;  // as the policy names it
  bool present = false;
  bool empty = false;  // present, but with nothing under it
  int line = 0;
};

struct ResidualRisk {
  std::string title;
  std::string status;  // lower case: open, accepted, in-discussion, unchecked, ...
  core::Severity severity = core::Severity::kHigh;
  bool severity_known = false;
  std::string owner;
  std::string date;     // accepted on
  std::string expires;  // acceptance ends
  int line = 0;
};

struct ModelDocument {
  ModelFormat format = ModelFormat::kMarkdown;
  std::vector<Part> parts;
  std::string names;  // lower-case text of headings and element names, for "does it mention X"
  std::vector<ResidualRisk> residual;  // threats not mitigated or closed: open, accepted, ...
  std::string error;                   // does not parse: what and where
  int error_line = 0;
};

// Parses `content` of `path`, its format told by content (a JSON object, YAML with Threagile's
// keys, else Markdown); the name only makes a `.json`/`.yaml` that is neither unparsable.
// `required_parts` are the policy's part names.
ModelDocument ReadModel(const std::string& path, std::string_view content,
                        const std::vector<std::string>& required_parts);

// Whether a residual risk names an owner (not blank, "TBD", "-", "?", "n/a" or a placeholder).
bool HasOwner(const ResidualRisk& risk);

// Whether `document` mentions `name` (case-insensitive, as a whole word: "api" is not in
// "rapid") in a heading or element name.
bool Mentions(const ModelDocument& document, std::string_view name);

}  // namespace riskgate::evaluate::threat_model
