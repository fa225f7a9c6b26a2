#include "collect/forge/review_sources.h"
#include "core/text.h"

namespace riskgate::collect::forge {
namespace {

std::string Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

// "Name <email>", "@login", "login" or "email" -> a review with the identities it names.
Review FromTrailer(const std::string& value, const std::string& commit) {
  Review review;
  review.shown = core::EscapeForDisplay(value);
  review.commit = commit;
  const auto open = value.find('<');
  const auto close = value.rfind('>');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    review.email =
        core::AsciiLower(Trim(std::string_view(value).substr(open + 1, close - open - 1)));
    const std::string name = Trim(std::string_view(value).substr(0, open));
    if (name.starts_with('@')) review.login = name.substr(1);
  } else if (value.find('@') != std::string::npos && !value.starts_with('@')) {
    review.email = core::AsciiLower(Trim(value));
  } else {
    const std::string login = Trim(value);
    review.login = login.starts_with('@') ? login.substr(1) : login;
  }
  review.bot = review.login.ends_with("[bot]");
  return review;
}

}  // namespace

ReviewFacts TrailerReviews(const std::vector<CommitFacts>& commits, const std::string& head) {
  ReviewFacts facts;
  facts.origin = ReviewOrigin::kTrailers;
  facts.request = "the Approved-by/Reviewed-by trailers of " + std::to_string(commits.size()) +
                  (commits.size() == 1 ? " commit" : " commits");
  facts.head_commit = head;
  for (const auto& commit : commits) {
    facts.authors.push_back(commit.author);
    for (const auto& [key, value] : commit.trailers) {
      const std::string lower = core::AsciiLower(key);
      if (lower != "approved-by" && lower != "reviewed-by") continue;
      if (Trim(value).empty()) continue;
      facts.reviews.push_back(FromTrailer(value, commit.id));
    }
  }
  return facts;
}

}  // namespace riskgate::collect::forge
