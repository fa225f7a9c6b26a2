// The reviews control over in-memory facts: counting rules, per-path requirements, CODEOWNERS
// owners (users, emails, teams), and the dry-run explanation.
#include <catch2/catch.hpp>

#include "evaluate/reviews/approvals.h"
#include "evaluate/reviews/reviews_evaluator.h"

namespace riskgate::evaluate::reviews {
namespace {

using collect::Review;
using collect::ReviewState;

const std::string kHead(40, 'a');
const std::string kOld(40, 'b');

Review R(const std::string& login, ReviewState state, const std::string& commit = kHead) {
  Review r;
  r.login = login;
  r.shown = login;
  r.state = state;
  r.commit = commit;
  return r;
}

collect::ChangeFacts Facts(std::vector<Review> reviews, std::vector<std::string> paths,
                           std::string codeowners = "") {
  collect::ChangeFacts facts;
  facts.scope.mode = core::ScanMode::kRange;
  facts.changed_paths = std::move(paths);
  facts.reviews.origin = collect::ReviewOrigin::kGithub;
  facts.reviews.request = "GitHub pull request #1 of o/r";
  facts.reviews.authors = {"carol"};
  facts.reviews.head_commit = kHead;
  facts.reviews.reviews = std::move(reviews);
  if (!codeowners.empty()) {
    facts.reviews.codeowners = collect::CodeownersText{".github/CODEOWNERS", kOld, codeowners};
  }
  return facts;
}

policy::ReviewsControl Control() {
  policy::ReviewsControl control;
  control.enabled = true;
  return control;
}

std::vector<std::string> Counted(const collect::ChangeFacts& facts,
                                 const policy::ReviewsControl& control) {
  std::vector<std::string> out;
  for (const auto& a : CountApprovals(facts.reviews, control).approvers) out.push_back(a.login);
  return out;
}

}  // namespace

TEST_CASE("a reviewer's latest verdict decides, comments and pending reviews do not",
          "[evaluate][reviews]") {
  const auto facts =
      Facts({R("alice", ReviewState::kApproved), R("alice", ReviewState::kCommented),
             R("bob", ReviewState::kApproved), R("bob", ReviewState::kChangesRequested),
             R("dan", ReviewState::kChangesRequested), R("dan", ReviewState::kApproved),
             R("eve", ReviewState::kApproved), R("eve", ReviewState::kDismissed),
             R("fay", ReviewState::kPending)},
            {"a.cc"});
  CHECK(Counted(facts, Control()) == std::vector<std::string>{"alice", "dan"});
}

TEST_CASE("the author, bots and stale approvals count only when the policy allows",
          "[evaluate][reviews]") {
  Review bot = R("renovate[bot]", ReviewState::kApproved);
  bot.bot = true;
  const auto facts = Facts(
      {R("Carol", ReviewState::kApproved), bot, R("dave", ReviewState::kApproved, kOld)}, {"a.cc"});
  auto control = Control();
  CHECK(Counted(facts, control).empty());
  control.count_author = true;
  control.count_bots = true;
  control.stale_approvals = policy::StaleApprovals::kCount;
  CHECK(Counted(facts, control) == std::vector<std::string>{"carol", "renovate[bot]", "dave"});
}

TEST_CASE("an approval by someone who wrote commits of the change counts only when allowed",
          "[evaluate][reviews]") {
  auto facts =
      Facts({R("alice", ReviewState::kApproved), R("Dave", ReviewState::kApproved)}, {"a.cc"});
  facts.reviews.committers = {"dave", "carol"};
  auto control = Control();
  CHECK(Counted(facts, control) == std::vector<std::string>{"alice"});
  control.count_committers = true;
  CHECK(Counted(facts, control) == std::vector<std::string>{"alice", "dave"});
  // With more commits than GitHub lists, nobody is known not to have written one.
  control.count_committers = false;
  facts.reviews.committers_unknown = "GitHub lists only 250 commits of the pull request";
  CHECK(Counted(facts, control).empty());
}

TEST_CASE("the strictest path requirement sets the number of approvals", "[evaluate][reviews]") {
  auto control = Control();
  control.paths.push_back({{"src/auth/**"}, 2, std::nullopt, 7});
  control.paths.push_back({{"src/auth/tests/**"}, 0, std::nullopt, 9});
  auto facts = Facts({R("alice", ReviewState::kApproved)}, {"src/auth/tests/t.cc", "README"});
  CHECK(EvaluateReviews(facts, control).empty());  // tests need 0, README 1
  facts.changed_paths.push_back("src/auth/login.cc");
  const auto findings = EvaluateReviews(facts, control);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "approvals-missing");
  CHECK(findings[0].location.path == "src/auth/login.cc");
  CHECK_THAT(findings[0].message, Catch::Contains("policy line 7"));
}

TEST_CASE("CODEOWNERS: the last matching line decides who must approve", "[evaluate][reviews]") {
  const std::string codeowners = "* @everyone\n/src/ @core\n/src/vendor/\n";
  auto facts = Facts({R("core", ReviewState::kApproved)},
                     {"src/main.cc", "src/vendor/lib.cc", "README"}, codeowners);
  const auto findings = EvaluateReviews(facts, Control());
  REQUIRE(findings.size() == 1);  // src/vendor is un-owned; src/main.cc is approved by @core
  CHECK(findings[0].rule == "code-owner-approval-missing");
  CHECK_THAT(findings[0].message, Catch::StartsWith("README needs 1 approval from @everyone"));
}

TEST_CASE("owners match by login, by email, and by team membership", "[evaluate][reviews]") {
  auto control = Control();
  Approver alice{"alice", "alice@example.com", "alice"};
  collect::ReviewFacts facts;
  facts.teams["@org/sec"] = {"Alice"};
  control.teams["@org/ops"] = {"alice@example.com"};
  CHECK(MatchOwner(alice, "@Alice", facts, control) == OwnerMatch::kYes);
  CHECK(MatchOwner(alice, "ALICE@example.com", facts, control) == OwnerMatch::kYes);
  CHECK(MatchOwner(alice, "@org/sec", facts, control) == OwnerMatch::kYes);
  CHECK(MatchOwner(alice, "@org/ops", facts, control) == OwnerMatch::kYes);
  CHECK(MatchOwner(alice, "@bob", facts, control) == OwnerMatch::kNo);
  CHECK(MatchOwner(alice, "@org/other", facts, control) == OwnerMatch::kUnresolvedTeam);
}

TEST_CASE("a malformed CODEOWNERS line is reported with its line number", "[evaluate][reviews]") {
  auto facts = Facts({R("x", ReviewState::kApproved)}, {"a.cc"}, "a.cc @x\n!b.cc @y\n");
  const auto findings = EvaluateReviews(facts, Control());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "codeowners-malformed");
  CHECK(findings[0].location.line == 2);
  CHECK(findings[0].location.path == ".github/CODEOWNERS");
}

TEST_CASE("explain-only facts say what the change will need, as info", "[evaluate][reviews]") {
  auto facts = Facts({}, {"src/a.cc"}, "/src/ @org/sec\n");
  facts.reviews.origin = collect::ReviewOrigin::kNone;
  facts.reviews.explain_only = true;
  const auto findings = EvaluateReviews(facts, Control());
  REQUIRE(findings.size() == 2);
  for (const auto& f : findings) {
    CHECK(f.rule == "review-required");
    CHECK(f.severity == core::Severity::kInfo);
  }
  CHECK_THAT(findings[1].message, Catch::StartsWith("src/a.cc will need 1 approval from @org/sec"));
}

TEST_CASE("fingerprints are stable across runs and differ per requirement", "[evaluate][reviews]") {
  auto facts = Facts({}, {"src/a.cc", "docs/x.md"}, "/src/ @a\n/docs/ @b\n");
  const auto first = EvaluateReviews(facts, Control());
  const auto second = EvaluateReviews(facts, Control());
  REQUIRE(first.size() == 3);
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].fingerprint == second[i].fingerprint);
  }
  CHECK(first[1].fingerprint != first[2].fingerprint);
}

}  // namespace riskgate::evaluate::reviews
