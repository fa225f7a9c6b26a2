// Stage 1 (collect): the facts evaluators judge. Plain data; evaluators never open the
// repository themselves.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/scope.h"

namespace riskgate::collect {

// A run of consecutive lines to scan: the lines a change added (one diff hunk) or a whole file.
struct Fragment {
  std::string path;                   // repository-relative
  std::optional<std::string> commit;  // set when the lines come from one commit of a range
  int first_line = 1;                 // line number of the first line of `text`
  std::string text;                   // lines joined by '\n'
};

struct ChangeFacts {
  core::ScopeSummary scope;
  std::vector<Fragment> fragments;
};

}  // namespace riskgate::collect
