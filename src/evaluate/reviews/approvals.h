// Stage 3 (evaluate): which reviews count as approvals, by the forges' rules and the policy's:
// per reviewer the latest review that is not a comment decides; the change's author, bots and
// approvals of an older head commit do not count unless the policy says so. Also: whether an
// approver is one of a CODEOWNERS owner (a user, an email, or a team's member).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "collect/review_facts.h"
#include "policy/reviews_control.h"

namespace riskgate::evaluate::reviews {

struct Approver {
  std::string login;  // lower case; may be empty in trailers mode
  std::string email;  // lower case; empty from a forge
  std::string shown;
};

struct NotCounted {
  std::string shown;
  std::string why;  // "the author", "a bot", "approved an older commit", ...
};

struct ApprovalCount {
  std::vector<Approver> approvers;
  std::vector<NotCounted> not_counted;
};

ApprovalCount CountApprovals(const collect::ReviewFacts& facts,
                             const policy::ReviewsControl& control);

enum class OwnerMatch { kYes, kNo, kUnresolvedTeam };

// Whether `approver` is `owner` ("@user", "@org/team" or an email).
OwnerMatch MatchOwner(const Approver& approver, const std::string& owner,
                      const collect::ReviewFacts& facts, const policy::ReviewsControl& control);

bool IsTeam(const std::string& owner);

// Whether `who` (as a document names a person or team: "@user", "user", "@org/team" or an
// email) is one of `owners`: the same name, or a member of an owner team.
bool IsOneOf(const std::string& who, const std::vector<std::string>& owners,
             const collect::ReviewFacts& facts, const policy::ReviewsControl& control);

// Whether the change's author cannot have written the approvals: a forge's reviews, or commit
// trailers when the base policy chose them (`controls.reviews.source: trailers`).
bool TrustedApprovals(const collect::ReviewFacts& reviews, const policy::ReviewsControl& control);

// The approval of one of `owners` ("*": anyone), as "who (owner)", if the change has one that
// its author cannot have written.
std::optional<std::string> OwnerApproval(const std::vector<std::string>& owners,
                                         const collect::ReviewFacts& reviews,
                                         const policy::ReviewsControl& control);

// Why no approval could be seen, when it is not simply missing ("" otherwise), to append to a
// message that says whose approval is needed.
std::string NoApprovalNote(const collect::ReviewFacts& reviews,
                           const policy::ReviewsControl& control);

}  // namespace riskgate::evaluate::reviews
