// Stage 3 (evaluate): reading a parsed GitHub workflow: a scalar's text, the triggers of `on:`.
// Shared by the pins checks of workflows (github_workflow.cc, workflow_hazards.cc).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/document.h"

namespace riskgate::evaluate::pins {

// `node`'s text when it is a scalar, else `fallback`.
std::string ScalarOr(const core::Node* node, std::string fallback = "");

struct Trigger {
  std::string name;
  core::Mark at;  // where the workflow names it
};

// The workflow's `on:` (YAML 1.1 readers turn the key into `true`, which is read too), or null.
const core::Node* OnNode(const core::Node& root);

// Calls `visit` with every scalar at or below `node`, in document order (the parser bounds how
// deep a document nests).
void ForEachScalar(const core::Node& node, const std::function<void(const core::Node&)>& visit);

// The literal values a job's `strategy.matrix` gives `key`: its list (or scalar) and each
// `include:` entry's; an expression among them is left out (it is decided at run time).
std::vector<std::string> MatrixValues(const core::Node& job, std::string_view key);

// Calls `visit` with each image a job's `container:` and `services:` name, and the node that
// names it. One chosen by the matrix (`image: ${{ matrix.image }}`, `node:${{ matrix.node }}`)
// is each image the matrix names; an empty one, or any other expression (decided at run time),
// is none.
void ForEachJobImage(const core::Node& job,
                     const std::function<void(const std::string&, const core::Node&)>& visit);

// Every trigger of the workflow's `on:` (a name, a list of names or a map by name); YAML 1.1
// readers turn the key `on` into `true`, which is read too.
std::vector<Trigger> Triggers(const core::Node& root);

}  // namespace riskgate::evaluate::pins
