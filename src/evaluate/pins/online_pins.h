// Stage 3 (evaluate): the pins control's online checks, judged from what the run stage looked
// up on GitHub (collect::PinLookups) for the actions a change uses: `impostor-commit` (the
// commit is not on record in the action's repository: GitHub serves a fork's commits under the
// parent's name), `ref-version-mismatch` (the pin's comment names a tag that points at another
// commit, or at none), `stale-action-refs` (a SHA on record that no tag points at: no release),
// `ref-confusion` (a symbolic ref that is a branch and a tag at once), `archived-uses` (the
// repository is archived: no fix will come) and `known-vulnerable-actions` (the pinned release,
// by SHA and comment or by tag, is in the range of a published advisory). Without lookups (no
// token, network off) nothing is judged here; the run reports why in its notes.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "collect/action_facts.h"
#include "collect/facts.h"
#include "evaluate/pins/pin_issue.h"

namespace riskgate::evaluate::pins {

// A `uses:` of another repository's action or workflow: pinned to a full commit SHA, with the
// release its comment names, or to a symbolic ref (a tag or a branch).
struct ShaPin {
  int line = 0;
  int column = 0;
  std::string uses;        // as written, trimmed
  std::string repository;  // owner/repo, lower case
  std::string sha;         // lower case; "" for a symbolic ref
  std::string tag;         // from the trailing comment ("v4.2.2"), "" when it names none
  std::string ref = {};    // the symbolic ref as written ("v4", "main"); "" for a SHA pin
};

// Every `uses:` of another repository in a GitHub workflow or action file (other text: none).
std::vector<ShaPin> ActionPins(std::string_view text, const std::string& path);

// What to look up for a change: per repository, each SHA its added lines pin -> the tag the
// comment names, and each symbolic ref they use. Only GitHub workflow and action files, only
// lines the change added (every line of a whole-file judgement).
std::map<std::string, collect::ActionQuery> PinsToLookUp(
    const std::vector<collect::ChangedFile>& files);

// The online issues of one file's pins.
std::vector<PinIssue> OnlineIssues(const std::vector<ShaPin>& pins,
                                   const collect::PinLookups& lookups);

// Whether `version` ("v4.1.2", "4.1") is in an advisory's `range` ("< 4.0.1",
// ">= 1.0.0, < 1.2.3"); false when either is unreadable or the version names only a major
// release (`v4` moves).
bool VersionInRange(std::string_view version, std::string_view range);

}  // namespace riskgate::evaluate::pins
