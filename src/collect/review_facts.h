// Stage 1 (collect): the review facts of a change: who approved it, on which commit, who wrote
// it, who is in the teams CODEOWNERS names, and the CODEOWNERS text of the base revision. Plain
// data read from a forge (GitHub, GitLab) or from commit trailers; the reviews evaluator counts.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace riskgate::collect {

enum class ReviewOrigin { kNone, kGithub, kGitlab, kTrailers };

enum class ReviewState { kApproved, kChangesRequested, kCommented, kDismissed, kPending };

// One review event, in the order the forge (or the range) gives them: oldest first.
struct Review {
  std::string login;  // forge user name, or a trailer's @handle
  std::string email;  // trailers "Name <email>"; empty from a forge
  std::string shown;  // how to name the reviewer in messages
  ReviewState state = ReviewState::kApproved;
  std::string commit;  // the head commit reviewed; empty when the forge does not say
  bool bot = false;
  // GitHub: whether the reviewer can write to the repository (only their approvals count, as
  // GitHub's own required reviews rule); forges that enforce it themselves leave it true.
  bool write_access = true;
  std::string permission;  // GitHub's answer when it is not write access ("read", "none")
};

struct CodeownersText {
  std::string path;      // repository-relative, e.g. ".github/CODEOWNERS"
  std::string revision;  // the commit it was read from
  std::string text;
  bool gitlab = false;  // GitLab dialect (sections)
};

struct ReviewFacts {
  ReviewOrigin origin = ReviewOrigin::kNone;
  std::string request;  // "GitHub pull request #12 (octo/app)", "commit trailers of 3 commits"
  std::string url;      // where a reviewer acts on it, when known
  // Who wrote the change: the PR/MR author's login; in trailers mode each commit author's
  // "Name <email>".
  std::vector<std::string> authors;
  // GitHub: the logins that authored or committed the pull request's commits (GitHub's own
  // `web-flow` left out); read only when they matter (count_committers off, approvals to count).
  std::vector<std::string> committers;
  // Why who wrote some of the pull request's commits is not known, when it is not: GitHub lists
  // at most 250 of them, and a list that does not reach the head is not all.
  std::string committers_unknown;
  std::string head_commit;
  std::vector<Review> reviews;
  // "@org/team" (lower case) -> member logins, for teams CODEOWNERS or policy names.
  std::map<std::string, std::vector<std::string>> teams;
  // Teams that could not be resolved, with why ("the token cannot read org teams: HTTP 403").
  std::map<std::string, std::string> unresolved_teams;
  // GitLab's own approval rules.
  std::optional<int> approvals_required;
  std::optional<int> approvals_left;
  // Why GitLab's approvals may predate the head, when they may ("reset_approvals_on_push is
  // off"): the approvals it lists then name no commit (`Review::commit` empty).
  std::string approvals_outlive_pushes;
  std::optional<CodeownersText> codeowners;
  // Set when the forge could not be read and the policy turns that into a blocking finding.
  std::string error;
  // No approvals are judged (staged changes, --dry-run): the control explains what the change
  // will need instead of deciding.
  bool explain_only = false;
};

}  // namespace riskgate::collect
