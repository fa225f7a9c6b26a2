// Stage 1 (collect): what GitHub says about the actions a change pins, for the pins control's
// online checks (impostor commits, tags that name another commit, commits no release has,
// refs that are a branch and a tag at once, archived repositories, published advisories). Plain
// data, gathered by the run stage through the forge client; evaluators judge it without the
// network.
#pragma once

#include <map>
#include <set>
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

// What a symbolic ref (`uses: o/r@v4`) names in the action's repository.
struct ActionRef {
  bool branch = false;  // refs/heads/<ref> exists
  bool tag = false;     // refs/tags/<ref> exists
};

// What to ask about one action repository: the SHAs pinned (-> the tag the pin's comment
// names, "" for none) and the symbolic refs used.
struct ActionQuery {
  std::map<std::string, std::string> commits;
  std::set<std::string> refs;
};

struct ActionFacts {
  bool archived = false;
  std::vector<ActionAdvisory> advisories;
  std::map<std::string, ActionCommit> commits;  // by pinned SHA
  std::map<std::string, ActionRef> refs;        // by symbolic ref as written
  // The commits the repository's tags point at, when they were listed (a SHA pin whose comment
  // names no tag that points at it); `tags_listed` false: not listed, or too many to list.
  bool tags_listed = false;
  std::set<std::string> tag_commits;
};

// The attacker's text a workflow passes to an input of a local composite action or reusable
// workflow (`uses: ./dir` or `uses: ./.github/workflows/x.yml` with `with: {x: ${{ … }}}`).
struct CallerInput {
  std::string source;  // what the text is ("github.event.issue.title")
  std::string caller;  // the workflow that passes it
  int line = 0;        // the `with:` value's line there
};
using CallerInputs = std::map<std::string, CallerInput>;  // by input name, lower case
// By what the callers name: the action's folder ("" for the repository's root action.yml) or
// the reusable workflow's path, without "./".
using LocalCallers = std::map<std::string, CallerInputs>;
// The inputs (lower case) a local action or reusable workflow expands into a shell or into code
// an action runs, with the line of the first such expansion; by what the callers name.
using CalleeSinks = std::map<std::string, std::map<std::string, int>>;

struct PinLookups {
  // Why the online checks did not run ("no GitHub token", "network off"); "" when they ran or
  // there was nothing to look up.
  std::string skipped;
  std::map<std::string, ActionFacts> actions;  // by owner/repo, lower case
  // Not GitHub's: what the workflows of the judged state pass to the repository's own actions
  // and reusable workflows, gathered when the change touches a workflow or an action.
  LocalCallers callers;
  CalleeSinks callee_sinks;  // of the callees some caller passes the attacker's text
};

}  // namespace riskgate::collect
