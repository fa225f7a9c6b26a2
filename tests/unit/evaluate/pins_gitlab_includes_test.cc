#include <catch2/catch.hpp>
#include <map>

#include "evaluate/pins/file_kind.h"
#include "evaluate/pins/gitlab_includes.h"

using riskgate::evaluate::pins::ClassifyPath;
using riskgate::evaluate::pins::DiscoverGitlabIncludes;
using riskgate::evaluate::pins::FileKind;
using riskgate::evaluate::pins::LocalIncludes;

TEST_CASE("every shape of a local GitLab include is recognised", "[pins][gitlab]") {
  CHECK(LocalIncludes("include: '/templates/a.yml'\n") ==
        std::vector<std::string>{"templates/a.yml"});
  CHECK(LocalIncludes("include:\n  local: ci/b.yml\n") == std::vector<std::string>{"ci/b.yml"});
  const auto mixed = LocalIncludes(
      "include:\n"
      "  - /x.yml\n"
      "  - local: 'configs/**.yml'\n"
      "    rules: [{if: '$CI'}]\n"
      "  - remote: https://example.com/ci.yml\n"
      "  - https://example.com/other.yml\n"
      "  - project: group/p\n    file: /t.yml\n"
      "  - template: Auto-DevOps.gitlab-ci.yml\n"
      "  - local: $CONFIG_PATH\n");
  CHECK(mixed == std::vector<std::string>{"x.yml", "configs/**.yml"});
  CHECK(LocalIncludes("stages: [a]\n").empty());
  // Found by fuzz_gitlab_ci: "/.//build.yml" kept a leading '/'.
  CHECK(LocalIncludes("include: {local: '/.//ci/./build.yml'}\n") ==
        std::vector<std::string>{"ci/build.yml"});
  CHECK(LocalIncludes("include: {local: '/'}\n").empty());
  CHECK(LocalIncludes("include: [\n").empty());
}

TEST_CASE("local includes are followed through included files, once each", "[pins][gitlab]") {
  const std::map<std::string, std::string> files = {
      {".gitlab-ci.yml", "include: [/a.yml, 'jobs/*.yml']\n"},
      {"a.yml", "include: [/b.yml, /a.yml]\n"},
      {"b.yml", "include: /.gitlab-ci.yml\n"},
  };
  auto found = DiscoverGitlabIncludes([&](const std::string& path) {
    auto it = files.find(path);
    return riskgate::core::Result<std::optional<std::string>>(
        it == files.end() ? std::nullopt : std::optional<std::string>(it->second));
  });
  REQUIRE(found);
  CHECK(*found == std::vector<std::string>{"a.yml", "jobs/*.yml", "b.yml"});
}

TEST_CASE("a read error while discovering includes is not swallowed", "[pins][gitlab]") {
  auto found = DiscoverGitlabIncludes([](const std::string&) {
    return riskgate::core::Result<std::optional<std::string>>(
        riskgate::core::MakeError(riskgate::core::ErrorCode::kIo, "disk on fire"));
  });
  CHECK_FALSE(found);
}

TEST_CASE("an included file is GitLab CI whatever its name", "[pins][gitlab]") {
  const std::vector<std::string> includes = {"ci/build.yml", "jobs/**.yml"};
  CHECK(ClassifyPath("ci/build.yml", includes) == FileKind::kGitlabCi);
  CHECK(ClassifyPath("jobs/deep/test.yml", includes) == FileKind::kGitlabCi);
  CHECK(ClassifyPath("ci/other.yml", includes) == FileKind::kNone);
  CHECK(ClassifyPath("Dockerfile", includes) == FileKind::kDockerfile);
}

TEST_CASE("issue 16: the files a glob include matches have their own includes followed",
          "[pins][gitlab]") {
  const std::map<std::string, std::string> files = {
      {".gitlab-ci.yml", "include: 'ci/*.yml'\n"},
      {"ci/a.yml", "include: {local: scripts/evil.yml}\n"},
      {"scripts/evil.yml", "x: {script: [make]}\n"},
  };
  const auto read = [&](const std::string& path) {
    auto it = files.find(path);
    return riskgate::core::Result<std::optional<std::string>>(
        it == files.end() ? std::nullopt : std::optional<std::string>(it->second));
  };
  int listed = 0;
  auto found = DiscoverGitlabIncludes(read, [&] {
    ++listed;
    std::vector<std::string> paths;
    for (const auto& [path, text] : files) paths.push_back(path);
    return riskgate::core::Result<std::vector<std::string>>(paths);
  });
  REQUIRE(found);
  CHECK(*found == std::vector<std::string>{"ci/*.yml", "scripts/evil.yml"});
  CHECK(listed == 1);
}

TEST_CASE(
    "issue 16: a pipeline of more files than riskgate follows is an error, not a partial layout",
    "[pins][gitlab]") {
  // Each file includes the next: the chain never ends.
  auto found = DiscoverGitlabIncludes([](const std::string& path) {
    const std::string next = path == ".gitlab-ci.yml" ? "f0.yml" : "f" + path + ".yml";
    return riskgate::core::Result<std::optional<std::string>>("include: " + next + "\n");
  });
  REQUIRE_FALSE(found);
  CHECK(found.error().message.find("more than 1000") != std::string::npos);
}

TEST_CASE("issue 16: a local include spelled with .. names the file it resolves to",
          "[pins][gitlab]") {
  CHECK(LocalIncludes("include: {local: 'ci/../scripts/./evil.yml'}\n") ==
        std::vector<std::string>{"scripts/evil.yml"});
  CHECK(LocalIncludes("include: {local: '../outside.yml'}\n").empty());
}
