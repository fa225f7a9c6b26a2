// Golden tests (tests/golden/README.md): one case folder holds a policy, a repository recipe, a
// command line and the expected output of every report format. This header reads a case and
// runs it: the repository built by the recipe, riskgate run once writing every format to a
// file, and what it printed, wrote and exited with.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace riskgate::testing {

// The report formats every golden command writes, each compared as expected.<format>.
const std::vector<std::string>& GoldenFormats();

struct GoldenCase {
  std::string dir;  // absolute path of the case folder
  std::string name;
  std::vector<std::string> args;              // `args`, one argument per line
  std::vector<std::string> env;               // `env`, KEY=VALUE per line (optional)
  std::vector<std::string> secrets;           // `secrets`, joined at the '|' (optional)
  std::map<std::string, std::string> routes;  // `forge.json`: GET target -> JSON body (optional)
};

// Reads the case folder `dir`; a missing `args` or `recipe.sh` fails the test.
GoldenCase LoadGoldenCase(const std::string& dir);

// One run of a case: actual documents by file name (expected.text, ..., expected.exit,
// expected.stderr) before normalisation, and the values the normalisation replaces.
struct GoldenRun {
  std::map<std::string, std::string> documents;
  std::map<std::string, std::string> substitutions;  // literal text -> placeholder
  std::string stdout_text;                           // nothing is expected on stdout
};

// Builds the case's repository and runs riskgate; the recipe failing fails the test.
GoldenRun RunGoldenCase(const GoldenCase& golden);

}  // namespace riskgate::testing
