// The custom control over in-memory facts: what each kind finds in each scope, `when`, and who
// counts as an owner for restrict_change (authors, forge approvals, teams).
#include <catch2/catch.hpp>

#include "evaluate/custom/custom_evaluator.h"
#include "support/temp_repo.h"

namespace riskgate::evaluate::custom {
namespace {

policy::Policy Load(const std::string& rules, const std::string& extra = "") {
  auto policy =
      policy::LoadPolicy("version: 1\n" + extra + "controls:\n  custom:\n    rules:\n" + rules,
                         "policy.yaml", [](const std::string& path) -> core::Result<std::string> {
                           return core::MakeError(core::ErrorCode::kIo, "no such file", path);
                         });
  INFO((policy ? "" : policy.error().message));
  REQUIRE(policy.has_value());
  return std::move(*policy);
}

collect::ChangeFacts Range(std::vector<std::string> paths) {
  collect::ChangeFacts facts;
  facts.scope.mode = core::ScanMode::kRange;
  facts.changed_paths = std::move(paths);
  facts.context = {"main", "push"};
  return facts;
}

collect::CommitFacts Commit(const std::string& id, const std::string& author,
                            std::vector<std::string> paths, const std::string& message = "m") {
  collect::CommitFacts c{id, author, {}};
  c.paths = std::move(paths);
  c.message = message;
  return c;
}

const std::string kEval = R"(      - id: no-eval
        kind: forbid_content
        description: no eval
        severity: high
        paths: ['src/**']
        exclude_paths: ['src/vendor/**']
        pattern: 'eval\('
        unless: ['reviewed']
)";

const std::string kProd = R"(      - id: prod
        kind: restrict_change
        description: release team only
        severity: high
        paths: ['deploy/prod/**']
        owners: [rel@example.com, '@lead', '@acme/release']
)";

}  // namespace

TEST_CASE("forbid_content finds added lines by line and column, honouring unless and excludes",
          "[evaluate][custom]") {
  const auto policy = Load(kEval);
  auto facts = Range({"src/a.js", "src/vendor/v.js"});
  facts.fragments = {
      {"src/a.js", std::nullopt, 10, "ok();\n  eval(x);\neval(y); // reviewed"},
      {"src/vendor/v.js", std::nullopt, 1, "eval(z)"},
      {"src/a.js", std::string(40, 'c'), 3, "eval(gone)"},  // one commit's lines: not judged
  };
  const auto findings = EvaluateCustom(facts, policy);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].control == "custom");
  CHECK(findings[0].rule == "no-eval");
  CHECK(findings[0].location.line == 11);
  CHECK(findings[0].location.column == 3);
  CHECK(findings[0].hints.fix == "Remove or rewrite the matching line");
  CHECK(findings[0].secret.empty());
  // The fingerprint follows the line's content, not its number.
  facts.fragments = {{"src/a.js", std::nullopt, 40, "  eval(x);"}};
  CHECK(EvaluateCustom(facts, policy)[0].fingerprint == findings[0].fingerprint);
}

TEST_CASE("a rule's when conditions select branches, events and changed paths",
          "[evaluate][custom]") {
  const auto policy = Load(R"(      - id: r
        kind: require_change
        description: d
        severity: low
        paths: ['db/**']
        require: [CHANGELOG.md]
        when: {branches: ['release/*'], events: [pull_request], changed: ['db/migrations/**']}
)");
  const auto* rule = &policy.custom.rules[0];
  auto facts = Range({"db/migrations/1.sql"});
  facts.context = {"release/2.0", "pull_request"};
  CHECK(RuleApplies(*rule, facts));
  CHECK(EvaluateCustom(facts, policy).size() == 1);
  facts.context.branch = "main";
  CHECK_FALSE(RuleApplies(*rule, facts));
  facts.context = {"release/2.0", "push"};
  CHECK_FALSE(RuleApplies(*rule, facts));
  facts.context = {"release/2.0", "pull_request"};
  facts.changed_paths = {"db/schema.sql"};
  CHECK_FALSE(RuleApplies(*rule, facts));
}

TEST_CASE("restrict_change accepts owners by email, by login and through approvals",
          "[evaluate][custom]") {
  const auto policy = Load(kProd);
  auto facts = Range({"deploy/prod/app.yaml", "src/x.cc"});
  facts.commits = {Commit("c1", "Rel <REL@example.com>", {"deploy/prod/app.yaml"}),
                   Commit("c2", "Dev <dev@example.com>", {"src/x.cc"})};
  CHECK(EvaluateCustom(facts, policy).empty());  // the one commit touching prod is the owner's

  facts.commits[0].author = "Dev <dev@example.com>";
  auto findings = EvaluateCustom(facts, policy);
  REQUIRE(findings.size() == 1);
  CHECK_THAT(findings[0].message, Catch::Contains("deploy/prod/app.yaml may only be changed by"));
  CHECK_THAT(findings[0].message, Catch::Contains("Dev <dev@example.com> is not one"));

  // With forge facts: an owner's approval sanctions it; a team member counts for the team.
  facts.reviews.origin = collect::ReviewOrigin::kGithub;
  facts.reviews.request = "GitHub pull request #3";
  facts.reviews.authors = {"dev"};
  facts.reviews.head_commit = "c2";
  collect::Review review;
  review.login = "mallory";
  review.shown = "mallory";
  review.commit = "c2";
  facts.reviews.reviews = {review};
  auto with_reviews = Load(kProd, "");
  with_reviews.reviews.enabled = true;
  findings = EvaluateCustom(facts, with_reviews);
  REQUIRE(findings.size() == 1);
  CHECK_THAT(findings[0].message, Catch::Contains("no owner approved it (GitHub pull request #3)"));
  // A commit email is anyone's to write: on a forge it does not make the author an owner.
  facts.commits[0].author = "Rel <rel@example.com>";
  CHECK(EvaluateCustom(facts, with_reviews).size() == 1);
  facts.reviews.teams["@acme/release"] = {"mallory"};
  CHECK(EvaluateCustom(facts, with_reviews).empty());
  facts.reviews.teams.clear();
  facts.reviews.authors = {"lead"};  // the pull request's author is an owner by login
  CHECK(EvaluateCustom(facts, with_reviews).empty());
}

TEST_CASE("staged changes judge git's configured author and audits judge the whole tree",
          "[evaluate][custom]") {
  const auto policy = Load(kProd + R"(      - id: big
        kind: forbid_path
        description: no big files
        severity: medium
        paths: ['**']
        max_bytes: 100
      - id: sec
        kind: require_path
        description: security policy
        severity: low
        paths: [SECURITY.md]
)");
  collect::ChangeFacts staged;
  staged.scope.mode = core::ScanMode::kStaged;
  staged.changed_paths = {"deploy/prod/a.yaml"};
  staged.path_changes = {{"deploy/prod/a.yaml", 10, false}};
  staged.tree = {{"SECURITY.md", 5, false}, {"deploy/prod/a.yaml", 10, false}};
  staged.pending_author = "Rel <rel@example.com>";
  CHECK(EvaluateCustom(staged, policy).empty());
  staged.pending_author = "Dev <dev@example.com>";
  CHECK(EvaluateCustom(staged, policy).size() == 1);

  collect::ChangeFacts audit;
  audit.scope.mode = core::ScanMode::kWorktree;
  audit.tree = {{"data/big.bin", 5000, false}, {"small.txt", 10, false}};
  const auto findings = EvaluateCustom(audit, policy);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].rule == "big");
  CHECK_THAT(findings[0].message, Catch::Contains("data/big.bin is 4 KiB, over the 100 bytes"));
  CHECK(findings[1].rule == "sec");
}

TEST_CASE("commit_message judges every non-merge commit of a range", "[evaluate][custom]") {
  const auto policy = Load(R"(      - id: ticket
        kind: commit_message
        description: name a ticket
        severity: low
        must_match: ['ACME-[0-9]+']
        must_not_match: ['^WIP']
)");
  auto facts = Range({});
  facts.commits = {Commit("a1", "A <a@x>", {}, "ACME-1 fine"),
                   Commit("a2", "A <a@x>", {}, "WIP no ticket"),
                   Commit("a3", "A <a@x>", {}, "Merge branch 'x'")};
  facts.commits[2].merge = true;
  const auto findings = EvaluateCustom(facts, policy);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].location.commit == "a2");
  CHECK_THAT(findings[0].message,
             Catch::Contains("\"WIP no ticket\" does not match /ACME-[0-9]+/"));
  CHECK_THAT(findings[1].message, Catch::Contains("matches /^WIP/"));
  CHECK(findings[0].fingerprint != findings[1].fingerprint);
  // A credential quoted in a subject line is redacted in the message.
  facts.commits = {Commit("a4", "A <a@x>", {}, "rotate " + testing::FakeGithubToken() + " now")};
  const auto quoted = EvaluateCustom(facts, policy);
  REQUIRE(quoted.size() == 1);
  CHECK_THAT(quoted[0].message, Catch::Contains("\"rotate ghp_... now\""));
  CHECK_THAT(quoted[0].message, !Catch::Contains(testing::FakeGithubToken().substr(4, 12)));
}

}  // namespace riskgate::evaluate::custom

namespace riskgate::evaluate::custom {

// A file's lines are judged one by one; the whole-file test that lets collect skip its line diff
// (LinesMayForbid) must accept every text one of whose lines matches, whatever the pattern does
// with `^`, `$` and the text's ends.
TEST_CASE("the whole-file test of forbid_content accepts every text with a matching line",
          "[evaluate][custom]") {
  // (pattern, whether a whole text rules it out: the others keep `^`, `$` or the text's ends
  // where a line alone would not have them, and every text may hold a match)
  const std::vector<std::pair<std::string, bool>> patterns = {{"^HACK:", true},
                                                              {"HACK: x$", true},
                                                              {"(?m)^HACK:", true},
                                                              {"(?i)^hack: x$", true},
                                                              {"\\bHACK\\b", true},
                                                              {"(?U)HACK:.*x", true},
                                                              {"(?P<word>HACK):\\s", true},
                                                              {"(?-m)^HACK:", false},
                                                              {"(?i-m)^hack:", false},
                                                              {"(?-m:^)HACK:", false},
                                                              {"(?s-m:^HACK:)", false},
                                                              {"\\AHACK:", false},
                                                              {"HACK: x\\z", false}};
  const std::string text = "first line\nHACK: x\nlast line\n";
  for (const auto& [pattern, judged_whole] : patterns) {
    const auto policy = Load(
        "      - id: marker\n        kind: forbid_content\n"
        "        description: marker\n        severity: high\n"
        "        pattern: '" +
        pattern + "'\n");
    INFO(pattern);
    CHECK(LinesMayForbid(policy.custom, "notes.txt", text));
    // The line alone, as a fragment of added lines, is found: the test holds for what it clears.
    auto facts = Range({"notes.txt"});
    facts.fragments = {{"notes.txt", std::nullopt, 2, "HACK: x"}};
    CHECK(EvaluateCustom(facts, policy).size() == 1);
    CHECK(LinesMayForbid(policy.custom, "notes.txt", "nothing\nhere\n") == !judged_whole);
  }
  // Paths the rule does not cover, and a disabled control, want nothing.
  auto scoped = Load(kEval);
  CHECK(LinesMayForbid(scoped.custom, "src/a.js", "x = eval(y)\n"));
  CHECK_FALSE(LinesMayForbid(scoped.custom, "src/vendor/v.js", "x = eval(y)\n"));
  CHECK_FALSE(LinesMayForbid(scoped.custom, "docs/a.md", "x = eval(y)\n"));
  scoped.custom.enabled = false;
  CHECK_FALSE(LinesMayForbid(scoped.custom, "src/a.js", "x = eval(y)\n"));
}

}  // namespace riskgate::evaluate::custom
