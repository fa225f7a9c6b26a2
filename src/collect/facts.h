// Stage 1 (collect): the facts evaluators judge. Plain data; evaluators never open the
// repository themselves.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "collect/action_facts.h"
#include "collect/review_facts.h"
#include "core/scope.h"

namespace riskgate::collect {

// What a fragment's text is.
enum class FragmentKind {
  kLines,     // lines to judge: the lines a change added (one diff hunk) or a whole file
  kContext,   // the whole new version of a changed file, judged only for secrets that span
              // several lines and are in none of `prior` (a key body added between BEGIN/END
              // lines that were already there)
  kMetadata,  // pushed bytes that are no file's content: a commit message, a path, a symlink's
              // target; judged by the secrets control alone (no path-only rule, no inline marker)
};

// The path a commit message's fragment is reported at.
inline constexpr char kCommitMessagePath[] = "<commit message>";
// The path of an annotated tag's message, judged as metadata of the commit the tag names.
inline constexpr char kTagMessagePath[] = "<tag message>";
// The path of a ref's name (a branch or tag pushed with it, or an annotated tag's own name),
// judged as metadata of the commit the ref leads to.
inline constexpr char kRefNamePath[] = "<ref name>";

// A text several fragments share (a trusted version that every commit of a range compares with).
using SharedText = std::shared_ptr<const std::string>;

// A run of consecutive lines to scan: the lines a change added (one diff hunk) or a whole file.
struct Fragment {
  std::string path;                   // repository-relative
  std::optional<std::string> commit;  // set when the lines come from one commit of a range
  int first_line = 1;                 // line number of the first line of `text`
  std::string text;                   // lines joined by '\n'
  FragmentKind kind = FragmentKind::kLines;
  // kContext: the file's trusted versions (HEAD when staged; a range's merge base and base; an
  // empty text where the file did not exist). A secret in one of them is not new.
  std::vector<SharedText> prior = {};  // never null
};

// The whole new version of a file some control parses as a document (a workflow, a
// Dockerfile), with the lines the change added, so that only what the change introduces decides.
struct ChangedFile {
  std::string path;
  std::string content;
  std::vector<int> added_lines;  // sorted, 1-based
  bool whole_file = false;       // worktree audits: every line counts as part of the change
  // The version the change started from (HEAD for staged, the merge base for a range), so that
  // a finding counts as introduced when it is absent from it; nullopt: the file is new.
  std::optional<std::string> base_content = {};

  bool IsAdded(int line) const;
};

// One file at both ends of a range (policy files, so the guard can see what a change edits).
struct FileVersions {
  std::string path;                         // repository-relative
  std::optional<std::string> base_content;  // nullopt: not in the base
  std::optional<std::string> head_content;  // nullopt: not in the head
};

// A commit of a range: who wrote it and the trailers of its message (Approved-by:, ...).
struct CommitFacts {
  std::string id;
  std::string author;  // "Name <email>"
  std::vector<std::pair<std::string, std::string>> trailers;
  std::string message = {};  // the whole message
  bool merge = false;        // more than one parent
  // What it adds, modifies or deletes; for a merge, what differs from every parent.
  std::vector<std::string> paths = {};
};

// A path of the change (staged and range modes) or of the judged tree.
struct PathFacts {
  std::string path;
  std::int64_t size = 0;  // of the new version; 0 when deleted
  bool deleted = false;
  bool added = false;  // new in the change (not in the old version)
};

// Where and why the run happens, for rules' `when` conditions.
struct RunContext {
  std::string branch;  // the target branch of a pull/merge request, else the current branch
  std::string event;   // GITHUB_EVENT_NAME, CI_PIPELINE_SOURCE, "pre-commit" or "local"
  bool ci = false;     // under a CI system (collect::UnderCi): approvals are judged, not foretold
};

// A threat model file of a component, as the scope judges the repository. Its dates come from
// the trusted side only: the change's own commits say nothing about when the model was updated.
struct ModelFile {
  std::string path;
  std::optional<std::string> content;  // nullopt: not in the judged tree
  // Committer time of the last commit changing it in the history of the base (staged and
  // worktree: HEAD), never of a commit of the change.
  std::optional<long long> last_updated;
  // The change adds, edits or deletes it: its content differs from the base's.
  bool changed = false;
  std::optional<std::string> base_content;  // when `changed`: the version the change started from
};

// A component of the threat-model policy that the change touches (every one in audits).
struct ComponentFacts {
  std::string name;
  std::vector<std::string> touched;  // the change's paths under the component
  std::vector<std::string> added;    // of those, the ones the change adds (new files)
  std::vector<ModelFile> models;
  std::optional<long long> last_code_change;  // before this change, for `last_change` freshness
  // The change edits the component's models and none of its code: only what it writes in the
  // models' residual risks is judged (an acceptance, a risk it drops or lowers).
  bool models_only = false;
};

struct ThreatModelFacts {
  long long change_time = 0;  // now: the clock (or RISKGATE_NOW), never a date the change wrote
  std::vector<ComponentFacts> components;
};

struct ChangeFacts {
  core::ScopeSummary scope;
  std::vector<Fragment> fragments;
  std::vector<ChangedFile> files;  // only paths the request asked documents for
  // Range mode: the policy, rule packs, waivers and baseline the run read, at base and head.
  std::vector<FileVersions> policy_files;
  std::vector<CommitFacts> commits;  // range mode: every commit, oldest first
  // Staged and range modes: every path the change adds, modifies or deletes (a rename is its
  // old and its new path), sorted. Empty in worktree audits, which judge no change.
  std::vector<std::string> changed_paths;
  // The same paths with their new sizes (staged and range modes).
  std::vector<PathFacts> path_changes;
  // Every file of the judged tree (the index, head or the working tree), when a control asks;
  // sizes come from the index (0 for head's tree, where no control needs them).
  std::vector<PathFacts> tree;
  // Staged mode: who will author the commit (git's configured user), "Name <email>".
  std::string pending_author;
  RunContext context;
  ReviewFacts reviews;             // filled by the app when the reviews control is on
  ThreatModelFacts threat_models;  // filled by the app when the threat-model control is on
  PinLookups pin_lookups;          // filled by the pins control's gather step
};

}  // namespace riskgate::collect
