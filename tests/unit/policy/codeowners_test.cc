#include "policy/codeowners.h"

#include <catch2/catch.hpp>

namespace riskgate::policy {
namespace {

std::vector<std::string> Owners(const Codeowners& c, std::string_view path) {
  auto sections = OwnersOf(c, path);
  return sections.empty() ? std::vector<std::string>{} : sections.front().owners;
}

}  // namespace

TEST_CASE("CODEOWNERS patterns follow gitignore's rules as GitHub documents them",
          "[policy][codeowners]") {
  CHECK(CodeownersPatternMatches("*", "any/file.txt"));
  CHECK(CodeownersPatternMatches("*.js", "web/app/main.js"));
  CHECK_FALSE(CodeownersPatternMatches("*.js", "web/app/main.ts"));
  CHECK(CodeownersPatternMatches("/build/logs/", "build/logs/today/x.log"));
  CHECK_FALSE(CodeownersPatternMatches("/build/logs/", "src/build/logs/x.log"));
  CHECK(CodeownersPatternMatches("docs/*", "docs/getting-started.md"));
  CHECK_FALSE(CodeownersPatternMatches("docs/*", "docs/build-app/troubleshooting.md"));
  CHECK(CodeownersPatternMatches("apps/", "deep/apps/x/y.go"));
  CHECK(CodeownersPatternMatches("/docs", "docs/a/b.md"));
  CHECK(CodeownersPatternMatches("/docs", "docs"));
  CHECK(CodeownersPatternMatches("**/logs", "a/b/logs/x"));
  CHECK(CodeownersPatternMatches("src/auth/**", "src/auth/deep/login.cc"));
  CHECK_FALSE(CodeownersPatternMatches("/src/auth", "lib/src/auth/x"));
}

TEST_CASE("the last matching line wins and an owner-less line un-owns (GitHub)",
          "[policy][codeowners]") {
  core::Diagnostics d;
  const auto c = ParseCodeowners(
      "# owners\n*       @acme/everyone\n/src/auth/ @acme/security alice@example.com\n"
      "/src/auth/generated/\n*.md @docs-team  # trailing comment\n",
      ".github/CODEOWNERS", CodeownersDialect::kGithub, d);
  CHECK(d.empty());
  CHECK(Owners(c, "README.txt") == std::vector<std::string>{"@acme/everyone"});
  CHECK(Owners(c, "src/auth/login.cc") ==
        std::vector<std::string>{"@acme/security", "alice@example.com"});
  CHECK(Owners(c, "src/auth/generated/pb.cc").empty());
  CHECK(Owners(c, "src/auth/NOTES.md") == std::vector<std::string>{"@docs-team"});
  CHECK(OwnersOf(c, "src/auth/login.cc").front().line == 3);
}

TEST_CASE("an escaped hash in a GitHub CODEOWNERS line starts no comment",
          "[policy][codeowners][issue7]") {
  core::Diagnostics d;
  const auto c = ParseCodeowners("* @all\n\\#notes.md @notes\ndocs/a\\#b.md @docs @more\n",
                                 ".github/CODEOWNERS", CodeownersDialect::kGithub, d);
  CHECK(d.empty());
  CHECK(Owners(c, "#notes.md") == std::vector<std::string>{"@notes"});
  CHECK(Owners(c, "docs/a#b.md") == std::vector<std::string>{"@docs", "@more"});
  CHECK(Owners(c, "other.md") == std::vector<std::string>{"@all"});
}

TEST_CASE("malformed CODEOWNERS lines are reported with their line and skipped",
          "[policy][codeowners]") {
  core::Diagnostics d;
  const auto c = ParseCodeowners("*.go @gophers\n!vendor/ @x\nsrc/ not-an-owner\n[abc @y\n",
                                 "CODEOWNERS", CodeownersDialect::kGithub, d);
  REQUIRE(d.items().size() == 3);
  CHECK(d.items()[0].ToString().starts_with("CODEOWNERS:2:1: "));
  CHECK(d.items()[1].ToString() ==
        "CODEOWNERS:3:1: 'not-an-owner' is not an owner (@user, @org/team or email)");
  CHECK(d.items()[2].mark.line == 4);
  CHECK(Owners(c, "main.go") == std::vector<std::string>{"@gophers"});
}

TEST_CASE("GitLab sections each require their own owners, with defaults and approvals",
          "[policy][codeowners]") {
  core::Diagnostics d;
  const auto c = ParseCodeowners(
      "* @maintainers\n"
      "[Backend][2] @backend-leads\n"
      "/api/\n"
      "/api/public/ @api-owners\n"
      "^[Docs] @writers\n"
      "*.md\n"
      "!CHANGELOG.md\n"
      "[backend]\n"
      "/api/internal/ @platform\n",
      "CODEOWNERS", CodeownersDialect::kGitlab, d);
  CHECK(d.empty());
  const auto api = OwnersOf(c, "api/public/README.md");
  REQUIRE(api.size() == 3);
  CHECK(api[0].section.empty());
  CHECK(api[0].owners == std::vector<std::string>{"@maintainers"});
  CHECK(api[1].section == "Docs");
  CHECK(api[1].optional);
  CHECK(api[1].owners == std::vector<std::string>{"@writers"});
  CHECK(api[2].section == "Backend");
  CHECK(api[2].approvals == 2);
  CHECK(api[2].owners == std::vector<std::string>{"@api-owners"});
  CHECK(OwnersOf(c, "api/handlers.go")[1].owners == std::vector<std::string>{"@backend-leads"});
  CHECK(OwnersOf(c, "api/internal/x.go")[1].owners == std::vector<std::string>{"@platform"});
  CHECK(OwnersOf(c, "CHANGELOG.md").size() == 1);  // the Docs section excludes it
}

TEST_CASE("a repeated GitLab section header keeps the strictest [N] and ^ of its headers",
          "[policy][codeowners][issue7]") {
  core::Diagnostics d;
  const auto c = ParseCodeowners(
      "^[Security]\n/src/ @sec\n[Docs]\n*.md @writers\n[security][2] @lead\n/api/\n"
      "[SECURITY]\n/lib/ @sec\n",
      "CODEOWNERS", CodeownersDialect::kGitlab, d);
  CHECK(d.empty());
  for (const char* path : {"src/a.cc", "api/b.go", "lib/c.cc"}) {
    INFO(path);
    const auto owners = OwnersOf(c, path);
    REQUIRE(owners.size() == 1);
    CHECK(owners[0].section == "Security");
    CHECK(!owners[0].optional);
    CHECK(owners[0].approvals == 2);
  }
  CHECK(OwnersOf(c, "api/b.go")[0].owners == std::vector<std::string>{"@lead"});
}

TEST_CASE("a GitLab section's approval count must be a small positive number",
          "[policy][codeowners][issue7]") {
  // Found by fuzz_codeowners: a long count overflowed an int while it was read.
  for (const char* header : {"[A][8066666720000]", "[A][0]", "[A][x]", "[A][3", "[A][]"}) {
    core::Diagnostics d;
    INFO(header);
    const auto c = ParseCodeowners(std::string(header) + " @o\n* @p\n", "CODEOWNERS",
                                   CodeownersDialect::kGitlab, d);
    CHECK(d.items().size() == 1);
  }
  core::Diagnostics d;
  const auto c = ParseCodeowners("[A][12] @o\n*\n", "CODEOWNERS", CodeownersDialect::kGitlab, d);
  CHECK(d.empty());
  CHECK(OwnersOf(c, "x").front().approvals == 12);
}

}  // namespace riskgate::policy
