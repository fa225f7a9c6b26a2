// Stage 2 (policy): what the pins control knows about particular actions, kept as data: the
// inputs an action runs as code (a `${{ }}` of attacker-controlled text there is script
// injection, as in `run:`) and the outputs that carry attacker-controlled text (the file names
// of a pull request). The policy adds entries (`controls.pins.script_inputs`,
// `controls.pins.untrusted_outputs`); these are the defaults every policy starts from.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace riskgate::policy {

// Action (`owner/repo` or `owner/repo/path`, lower case) -> input or output names (fnmatch
// globs, lower case).
using ActionNames = std::map<std::string, std::vector<std::string>, std::less<>>;

const ActionNames& DefaultScriptInputs();
const ActionNames& DefaultUntrustedOutputs();

// The names listed for the action `uses` names (`owner/repo/path@ref`, any case): its
// `owner/repo/path` entry and its `owner/repo` entry together; empty for a local or docker
// action.
std::vector<std::string> NamesFor(const ActionNames& names, std::string_view uses);

}  // namespace riskgate::policy
