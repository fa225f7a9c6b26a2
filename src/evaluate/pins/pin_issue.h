// Stage 3 (evaluate): what a pins check reports before the policy rates it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"

namespace riskgate::evaluate::pins {

struct PinIssue {
  std::string rule;  // an id of policy::PinsRules()
  int line = 0;
  int column = 0;
  std::string message;
  std::string fix;       // the exact remedy, e.g. the replacement line
  std::string mitigate;  // what reduces the blast radius, when there is something specific
  // Lines whose change introduces the issue (besides `line`): e.g. the trigger line of an
  // untrusted checkout, or every line for a file-level issue of a new file.
  std::vector<int> also_introduced_by;
  // About the file as a whole (it does not parse): part of any change that adds a line to it.
  bool file_level = false;
  std::optional<core::PinTarget> pin = std::nullopt;  // a `uses:` pinned to a mutable ref
  // Text besides the offending line that the issue is made of (the download a run executes):
  // part of its identity when deciding whether the change introduced it.
  std::string related = {};
};

}  // namespace riskgate::evaluate::pins
