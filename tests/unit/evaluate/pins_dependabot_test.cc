// Issue 22: .github/dependabot.yml is pipeline config: what Dependabot may run and how soon it
// proposes a release (evaluate/pins/dependabot_config.cc).
#include <catch2/catch.hpp>

#include "evaluate/pins/dependabot_config.h"
#include "evaluate/pins/file_kind.h"

namespace riskgate::evaluate::pins {
namespace {

std::vector<int> LinesOf(const std::string& text, const std::string& rule) {
  std::vector<int> out;
  for (const auto& issue : CheckDependabotConfig(text, ".github/dependabot.yml")) {
    if (issue.rule == rule) out.push_back(issue.line);
  }
  return out;
}

}  // namespace

TEST_CASE("issue 22: .github/dependabot.yml is read as pipeline config", "[pins]") {
  CHECK(ClassifyPath(".github/dependabot.yml") == FileKind::kDependabotConfig);
  CHECK(ClassifyPath(".github/dependabot.yaml") == FileKind::kDependabotConfig);
  CHECK(ClassifyPath("docs/.github/dependabot.yml") != FileKind::kDependabotConfig);
  CHECK(ClassifyPath(".github/workflows/dependabot.yml") == FileKind::kGithubWorkflow);
}

TEST_CASE("issue 22: allowing external code execution is dependabot-execution", "[pins]") {
  const std::string config =
      "version: 2\n"
      "updates:\n"
      "  - package-ecosystem: bundler\n"
      "    directory: /\n"
      "    insecure-external-code-execution: allow\n"  // 5
      "    schedule: {interval: weekly}\n"
      "    cooldown: {default-days: 7}\n"
      "  - package-ecosystem: npm\n"
      "    directory: /\n"
      "    insecure-external-code-execution: deny\n"
      "    schedule: {interval: weekly}\n"
      "    cooldown: {default-days: 10}\n";
  CHECK(LinesOf(config, "dependabot-execution") == std::vector<int>{5});
  CHECK(LinesOf(config, "dependabot-cooldown").empty());
}

TEST_CASE("issue 22: an update entry without a week's cooldown is dependabot-cooldown", "[pins]") {
  const std::string config =
      "version: 2\n"
      "updates:\n"
      "  - package-ecosystem: github-actions\n"  // 3: none
      "    directory: /\n"
      "    schedule: {interval: daily}\n"
      "  - package-ecosystem: pip\n"
      "    directories: [/a, /b]\n"
      "    schedule: {interval: daily}\n"
      "    cooldown:\n"
      "      default-days: 2\n"  // 10: too short
      "  - package-ecosystem: cargo\n"
      "    directory: /\n"
      "    schedule: {interval: daily}\n"
      "    cooldown:\n"
      "      semver-major-days: 30\n";  // 11: no default-days
  CHECK(LinesOf(config, "dependabot-cooldown") == std::vector<int>{3, 10, 11});
  const auto issues = CheckDependabotConfig(config, ".github/dependabot.yml");
  REQUIRE(issues.size() == 3);
  CHECK(issues[1].message.find("pip in /a after 2 day(s)") != std::string::npos);
  CHECK(issues[0].fix.find("default-days: 7") != std::string::npos);
}

TEST_CASE("issue 22: a dependabot.yml that does not parse is unparsable-config", "[pins]") {
  CHECK(LinesOf("updates: [\n", "unparsable-config").size() == 1);
  CHECK(LinesOf("version: 2\nversion: 2\nupdates: []\n", "unparsable-config").size() == 1);
}

}  // namespace riskgate::evaluate::pins
