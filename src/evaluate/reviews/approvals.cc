#include "evaluate/reviews/approvals.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace riskgate::evaluate::reviews {
namespace {

using collect::ReviewState;

std::string Strip(const std::string& name) {
  return core::AsciiLower(name.starts_with('@') ? name.substr(1) : name);
}

// The email inside "Name <email>", lower case; empty when there is none.
std::string EmailOf(const std::string& identity) {
  const auto open = identity.find('<');
  const auto close = identity.rfind('>');
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  return core::AsciiLower(identity.substr(open + 1, close - open - 1));
}

bool IsAuthor(const collect::Review& review, const collect::ReviewFacts& facts) {
  for (const auto& author : facts.authors) {
    const std::string email = EmailOf(author);
    if (!email.empty() && email == review.email) return true;
    if (email.empty() && !review.login.empty() && Strip(author) == Strip(review.login)) {
      return true;
    }
  }
  return false;
}

bool IsCommitter(const collect::Review& review, const collect::ReviewFacts& facts) {
  if (review.login.empty()) return false;
  return std::any_of(facts.committers.begin(), facts.committers.end(),
                     [&](const std::string& login) { return Strip(login) == Strip(review.login); });
}

}  // namespace

bool IsTeam(const std::string& owner) {
  return owner.starts_with('@') && owner.find('/') != std::string::npos;
}

ApprovalCount CountApprovals(const collect::ReviewFacts& facts,
                             const policy::ReviewsControl& control) {
  // Per reviewer, the latest review that is a verdict (not a comment, not pending).
  std::map<std::string, const collect::Review*> latest;
  std::vector<std::string> order;
  for (const auto& review : facts.reviews) {
    if (review.state == ReviewState::kCommented || review.state == ReviewState::kPending) {
      continue;
    }
    const std::string key = review.login.empty() ? review.email : Strip(review.login);
    if (key.empty()) continue;
    if (!latest.contains(key)) order.push_back(key);
    latest[key] = &review;
  }
  ApprovalCount out;
  for (const auto& key : order) {
    const collect::Review& review = *latest[key];
    if (review.state != ReviewState::kApproved) continue;  // dismissed or changes requested
    if (!control.count_author && IsAuthor(review, facts)) {
      out.not_counted.push_back({review.shown, "the change's author"});
      continue;
    }
    const bool committer = !control.count_committers && IsCommitter(review, facts);
    if (committer || (!control.count_committers && !facts.committers_unknown.empty())) {
      out.not_counted.push_back({review.shown, committer
                                                   ? std::string("wrote commits of the change")
                                                   : facts.committers_unknown});
      continue;
    }
    if (!review.write_access) {
      out.not_counted.push_back(
          {review.shown, "no write access (" + core::EscapeForDisplay(review.permission) + ")"});
      continue;
    }
    if (!control.count_bots && review.bot) {
      out.not_counted.push_back({review.shown, "a bot"});
      continue;
    }
    if (control.stale_approvals == policy::StaleApprovals::kDismiss && !facts.head_commit.empty() &&
        review.commit != facts.head_commit) {
      std::string why = "approved " +
                        (review.commit.empty() ? std::string("an unknown commit")
                                               : "commit " + review.commit.substr(0, 12)) +
                        ", not the head " + facts.head_commit.substr(0, 12);
      if (review.commit.empty() && !facts.approvals_outlive_pushes.empty()) {
        why = "GitLab keeps approvals when commits are pushed in this project (" +
              facts.approvals_outlive_pushes + "), so it may predate the head " +
              facts.head_commit.substr(0, 12) +
              ": turn on \"Remove all approvals when commits are added to the source branch\", "
              "or set controls.reviews.stale_approvals: count";
      }
      out.not_counted.push_back({review.shown, std::move(why)});
      continue;
    }
    out.approvers.push_back({Strip(review.login), core::AsciiLower(review.email), review.shown});
  }
  return out;
}

OwnerMatch MatchOwner(const Approver& approver, const std::string& owner,
                      const collect::ReviewFacts& facts, const policy::ReviewsControl& control) {
  auto is = [&](const std::string& name) {
    if (name.find('@') != std::string::npos && !name.starts_with('@')) {
      return !approver.email.empty() && core::AsciiLower(name) == approver.email;
    }
    return !approver.login.empty() && Strip(name) == approver.login;
  };
  if (!IsTeam(owner)) return is(owner) ? OwnerMatch::kYes : OwnerMatch::kNo;
  const std::string key = core::AsciiLower(owner);
  const std::vector<std::string>* members = nullptr;
  if (auto it = facts.teams.find(key); it != facts.teams.end()) members = &it->second;
  if (members == nullptr) {
    for (const auto& [team, list] : control.teams) {
      if (core::AsciiLower(team) == key) members = &list;
    }
  }
  if (members == nullptr) return OwnerMatch::kUnresolvedTeam;
  for (const auto& member : *members) {
    if (is(member)) return OwnerMatch::kYes;
  }
  return OwnerMatch::kNo;
}

bool IsOneOf(const std::string& who, const std::vector<std::string>& owners,
             const collect::ReviewFacts& facts, const policy::ReviewsControl& control) {
  const std::string name = Strip(std::string(core::TrimSpace(who)));
  if (name.empty()) return false;
  const bool email = name.find('@') != std::string::npos && !IsTeam("@" + name);
  const Approver person{email ? "" : name, email ? name : "", who};
  for (const auto& owner : owners) {
    if (Strip(owner) == name) return true;
    if (!IsTeam("@" + name) && MatchOwner(person, owner, facts, control) == OwnerMatch::kYes) {
      return true;
    }
  }
  return false;
}

bool TrustedApprovals(const collect::ReviewFacts& reviews, const policy::ReviewsControl& control) {
  return reviews.origin == collect::ReviewOrigin::kGithub ||
         reviews.origin == collect::ReviewOrigin::kGitlab ||
         (reviews.origin == collect::ReviewOrigin::kTrailers &&
          control.source == policy::ReviewSource::kTrailers);
}

std::optional<std::string> OwnerApproval(const std::vector<std::string>& owners,
                                         const collect::ReviewFacts& reviews,
                                         const policy::ReviewsControl& control) {
  if (!TrustedApprovals(reviews, control) || !reviews.error.empty()) return std::nullopt;
  for (const auto& approver : CountApprovals(reviews, control).approvers) {
    for (const auto& owner : owners) {
      if (owner == "*") return approver.shown;
      if (MatchOwner(approver, owner, reviews, control) == OwnerMatch::kYes) {
        return approver.shown + (approver.shown == owner ? "" : " (" + owner + ")");
      }
    }
  }
  return std::nullopt;
}

std::string NoApprovalNote(const collect::ReviewFacts& reviews,
                           const policy::ReviewsControl& control) {
  if (!reviews.error.empty()) return " (the approvals could not be read: " + reviews.error + ")";
  if (reviews.origin == collect::ReviewOrigin::kTrailers && !TrustedApprovals(reviews, control)) {
    return " (this run has no pull or merge request to read approvals from; commit trailers are "
           "written by the change's author and do not count)";
  }
  return "";
}

}  // namespace riskgate::evaluate::reviews
