// App: `riskgate fix pins`: pins every `uses:` the pins control reports as a mutable tag or
// branch to the commit it points at now, resolved through the GitHub API, rewriting each
// workflow and action file in place (atomically; every other byte kept) to
// `owner/repo@<sha> # <tag>`. Every ref is resolved before any file is written: a forge error
// changes nothing and exits 2.
#pragma once

#include <string>

namespace riskgate::app {

struct FixPinsOptions {
  std::string repo;
  std::string policy;
  bool dry_run = false;  // print the new lines, write nothing
};

int RunFixPins(const FixPinsOptions& options);

}  // namespace riskgate::app
