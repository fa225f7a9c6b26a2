// Issue 22: .pre-commit-config.yaml is pipeline config: a hook repository on a tag or branch is
// code whoever moves the ref decides (evaluate/pins/pre_commit_config.cc).
#include <catch2/catch.hpp>

#include "evaluate/pins/file_kind.h"
#include "evaluate/pins/pre_commit_config.h"

namespace riskgate::evaluate::pins {

TEST_CASE("issue 22: the root .pre-commit-config.yaml is read as pipeline config", "[pins]") {
  CHECK(ClassifyPath(".pre-commit-config.yaml") == FileKind::kPreCommitConfig);
  CHECK(ClassifyPath(".pre-commit-config.yml") == FileKind::kPreCommitConfig);
  CHECK(ClassifyPath("docs/.pre-commit-config.yaml") != FileKind::kPreCommitConfig);
  CHECK(ClassifyPath(".pre-commit-hooks.yaml") == FileKind::kNone);
}

TEST_CASE("issue 22: a hook repository on a tag or branch is unpinned-pre-commit-hook", "[pins]") {
  const std::string config =
      "repos:\n"
      "  - repo: https://github.com/pre-commit/pre-commit-hooks\n"
      "    rev: v4.6.0\n"  // 3
      "    hooks: [{id: trailing-whitespace}]\n"
      "  - repo: https://github.com/psf/black\n"
      "    rev: 3702ba224ecffbcec30af640c149f231d90aebdb  # frozen: 24.4.2\n"
      "    hooks: [{id: black}]\n"
      "  - repo: https://github.com/example/tool\n"
      "    rev: main\n"  // 9
      "    hooks: [{id: tool}]\n"
      "  - repo: local\n"
      "    hooks: [{id: mine, name: mine, entry: ./mine, language: script}]\n"
      "  - repo: meta\n"
      "    hooks: [{id: check-hooks-apply}]\n"
      "  - repo: https://github.com/example/short\n"
      "    rev: 3702ba2\n";  // 16
  const auto issues = CheckPreCommitConfig(config, ".pre-commit-config.yaml");
  std::vector<int> lines;
  for (const auto& issue : issues) {
    CHECK(issue.rule == "unpinned-pre-commit-hook");
    lines.push_back(issue.line);
  }
  CHECK(lines == std::vector<int>{3, 9, 16});
  REQUIRE_FALSE(issues.empty());
  CHECK(issues[0].message.find("'v4.6.0'") != std::string::npos);
  CHECK(issues[0].fix.find("# frozen: v4.6.0") != std::string::npos);
}

TEST_CASE("issue 22: a pre-commit config that does not parse is unparsable-config", "[pins]") {
  const auto issues = CheckPreCommitConfig("repos: [\n", ".pre-commit-config.yaml");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].rule == "unparsable-config");
}

}  // namespace riskgate::evaluate::pins
