// Fuzz target: the forge API answers (GitHub reviews, pull requests and their commits, team
// members, commits;
// GitLab approvals, merge requests and a project's approval settings; Link headers). Oracles: a
// parsed review always names its reviewer; counts are never negative; a next-page link is a piece
// of the header; and the reviews a body yields, counted by the reviews control, never give more
// approvals than distinct reviewers.
#include <set>

#include "collect/forge/forge_json.h"
#include "evaluate/reviews/approvals.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate;
  using namespace riskgate::collect::forge;
  const auto [variant, body] = fuzz::Variant(fuzz::AsText(data, size), 7);
  switch (variant) {
    case 0: {
      auto reviews = ParseGithubReviews(body);
      if (!reviews) return 0;
      std::set<std::string> reviewers;
      for (const auto& r : *reviews) {
        if (r.login.empty()) __builtin_trap();
        reviewers.insert(r.login);
      }
      collect::ReviewFacts facts;
      facts.reviews = *reviews;
      facts.authors = {"author"};
      facts.head_commit = std::string(40, 'a');
      policy::ReviewsControl control;
      control.count_bots = true;
      control.stale_approvals = policy::StaleApprovals::kCount;
      const auto count = evaluate::reviews::CountApprovals(facts, control);
      if (count.approvers.size() > reviewers.size()) __builtin_trap();
      return 0;
    }
    case 1: {
      auto pr = ParseGithubPull(body);
      if (pr && (pr->number <= 0 || pr->head_sha.size() != 40)) __builtin_trap();
      return 0;
    }
    case 2: {
      if (!body.empty() && body[0] == 'c') {
        auto commits = ParseGithubPullCommits(body.substr(1));
        if (commits && commits->logins.size() > 2 * commits->commits) __builtin_trap();
        return 0;
      }
      auto logins = ParseMemberLogins(body, "login");
      (void)logins;
      return 0;
    }
    case 3: {
      if (!body.empty() && body[0] == 'p') {
        auto permission = ParseGithubPermission(body.substr(1));
        if (permission && permission->empty()) __builtin_trap();
        return 0;
      }
      auto sha = ParseGithubCommitSha(body);
      if (sha && sha->size() != 40) __builtin_trap();
      return 0;
    }
    case 4: {
      auto approvals = ParseGitlabApprovals(body);
      if (approvals && ((approvals->approvals_left && *approvals->approvals_left < 0) ||
                        (approvals->approvals_required && *approvals->approvals_required < 0))) {
        __builtin_trap();
      }
      return 0;
    }
    case 5: {
      if (!body.empty() && body[0] == 's') {
        auto settings = ParseGitlabApprovalSettings(body.substr(1));
        (void)settings;
        return 0;
      }
      auto mr = ParseGitlabMergeRequest(body);
      if (mr && mr->head_sha.size() != 40) __builtin_trap();
      return 0;
    }
    default: {
      auto next = NextPageLink(body);
      if (next && body.find(*next) == std::string_view::npos) __builtin_trap();
      return 0;
    }
  }
}
