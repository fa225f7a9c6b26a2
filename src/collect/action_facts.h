// Stage 1 (collect): what GitHub says about the actions a change pins by commit SHA, for the
// pins control's online checks (impostor commits, tags that name another commit, archived
// repositories, published advisories). Plain data, gathered by the run stage through the forge
// client; evaluators judge it without the network.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace riskgate::collect {

// One advisory of GitHub's advisory database for an action (ecosystem "actions").
struct ActionAdvisory {
  std::string id;  // GHSA-xxxx-xxxx-xxxx
  std::string summary;
  std::string severity;          // low, medium, high, critical (as published)
  std::string vulnerable_range;  // "< 4.0.1", ">= 1.0.0, < 1.2.3"
  std::string patched;           // first patched version, "" when none
};

// A commit an action is pinned to.
struct ActionCommit {
  // Reachable from the repository's default branch, or the very commit of the tag the pin's
  // comment names: not a commit of a fork, which GitHub serves under the parent's name too.
  bool on_record = true;
  std::string tag;      // the tag the pin's comment names ("v4.2.2"), "" when none
  std::string tag_sha;  // the commit that tag points at now, "" when not looked up
};

struct ActionFacts {
  bool archived = false;
  std::vector<ActionAdvisory> advisories;
  std::map<std::string, ActionCommit> commits;  // by pinned SHA
};

struct PinLookups {
  // Why the online checks did not run ("no GitHub token", "network off"); "" when they ran or
  // there was nothing to look up.
  std::string skipped;
  std::map<std::string, ActionFacts> actions;  // by owner/repo, lower case
};

}  // namespace riskgate::collect
