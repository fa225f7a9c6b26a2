// End to end: the pins control on real repositories; only what a change adds decides.
#include <catch2/catch.hpp>
#include <set>

#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

const std::string kSha = "11bd71901bbe5b1630ceea73d27597364c9af683";

std::string Workflow(const std::string& steps) {
  return "name: ci\non: push\npermissions:\n  contents: read\njobs:\n  build:\n"
         "    runs-on: ubuntu-latest\n    steps:\n" +
         steps;
}

const nlohmann::json* FindRule(const nlohmann::json& doc, const std::string& rule) {
  for (const auto& f : doc["findings"]) {
    if (f["rule"] == rule) return &f;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a range that adds an unpinned third-party action blocks with the remedy line",
          "[e2e][pins]") {
  TempRepo repo;
  repo.Write(".github/workflows/ci.yml",
             Workflow("      - uses: actions/checkout@" + kSha + " # v4.2.2\n"));
  const std::string base = repo.Commit("ci");
  repo.Write(".github/workflows/ci.yml",
             Workflow("      - uses: actions/checkout@" + kSha +
                      " # v4.2.2\n      - uses: docker/login-action@v3\n"));
  repo.Commit("log in to the registry");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1);
  const auto* finding = FindRule(doc, "unpinned-action");
  REQUIRE(finding != nullptr);
  CHECK((*finding)["control"] == "pins");
  CHECK((*finding)["decision"] == "block");
  CHECK((*finding)["path"] == ".github/workflows/ci.yml");
  CHECK((*finding)["line"] == 10);
  const std::string fix = (*finding)["remediation"][0]["summary"];
  CHECK(fix.find("uses: docker/login-action@<40-hex commit sha> # v3") != std::string::npos);
}

TEST_CASE("touching another line of a file with old unpinned actions passes", "[e2e][pins]") {
  TempRepo repo;
  repo.Write(".github/workflows/ci.yml",
             Workflow("      - uses: some/old-action@v1\n      - run: make\n"));
  const std::string base = repo.Commit("old workflow");
  repo.Write(".github/workflows/ci.yml",
             Workflow("      - uses: some/old-action@v1\n      - run: make test\n"));
  repo.Commit("run the tests");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 0);
  CHECK(doc["findings"].empty());
  auto all = repo.RiskgateJson({"check", "--base", base, "--all-findings"}, 0);
  const auto* old = FindRule(all, "unpinned-action");
  REQUIRE(old != nullptr);
  CHECK((*old)["decision"] == "pass");
  auto audit = repo.RiskgateJson({"check", "--worktree"}, 1);
  CHECK(FindRule(audit, "unpinned-action") != nullptr);
}

TEST_CASE("a staged pull_request_target workflow checking out the head blocks", "[e2e][pins]") {
  TempRepo repo;
  repo.Commit("init");
  repo.Write(".github/workflows/pr.yml",
             "on: pull_request_target\npermissions: {contents: read}\njobs:\n  t:\n"
             "    runs-on: ubuntu-latest\n    steps:\n"
             "      - uses: actions/checkout@" +
                 kSha +
                 " # v4\n"
                 "        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n"
                 "      - run: echo \"${{ github.event.pull_request.title }}\"\n");
  repo.Git({"add", "-A"});
  auto doc = repo.RiskgateJson({"check", "--staged"}, 1);
  const auto* checkout = FindRule(doc, "untrusted-checkout");
  REQUIRE(checkout != nullptr);
  CHECK((*checkout)["severity"] == "critical");
  CHECK((*checkout)["line"] == 9);
  const auto* injection = FindRule(doc, "script-injection");
  REQUIRE(injection != nullptr);
  CHECK((*injection)["line"] == 10);
  CHECK((*injection)["decision"] == "block");
}

TEST_CASE("unparsable workflow YAML is a located finding, not a crash or a skip", "[e2e][pins]") {
  TempRepo repo;
  repo.Commit("init");
  repo.Write(".github/workflows/broken.yml", "on: push\njobs:\n  build: [\n");
  repo.Git({"add", "-A"});
  auto doc = repo.RiskgateJson({"check", "--staged"}, 0);
  const auto* broken = FindRule(doc, "unparsable-config");
  REQUIRE(broken != nullptr);
  CHECK((*broken)["path"] == ".github/workflows/broken.yml");
  CHECK((*broken)["line"].get<int>() >= 3);
  CHECK((*broken)["decision"] == "warn");
}

TEST_CASE("Dockerfiles and scripts in a change are checked for pins and downloads", "[e2e][pins]") {
  TempRepo repo;
  repo.Commit("init");
  repo.Write("Dockerfile", "FROM python:3.12\nRUN curl -fsSL https://get.example.com | sh\n");
  repo.Write("scripts/setup.sh", "#!/bin/sh\nnpm install\n");
  repo.Git({"add", "-A"});
  auto doc = repo.RiskgateJson({"check", "--staged"}, 1);
  const auto* image = FindRule(doc, "unpinned-image");
  REQUIRE(image != nullptr);
  CHECK((*image)["decision"] == "warn");
  const auto* download = FindRule(doc, "download-then-execute");
  REQUIRE(download != nullptr);
  CHECK((*download)["line"] == 2);
  CHECK((*download)["decision"] == "block");
  const auto* npm = FindRule(doc, "npm-install");
  REQUIRE(npm != nullptr);
  CHECK((*npm)["path"] == "scripts/setup.sh");
}

TEST_CASE("the policy can re-rate or disable pins rules", "[e2e][pins]") {
  TempRepo repo;
  repo.Write(".riskgate.yaml",
             "version: 1\ncontrols:\n  pins:\n    severity: {unpinned-action: low}\n"
             "    disabled_rules: [excessive-permissions]\n");
  repo.Commit("policy");
  repo.Write(".github/workflows/ci.yml",
             "on: push\njobs:\n  j:\n    steps:\n      - uses: some/action@v1\n");
  repo.Git({"add", "-A"});
  auto doc = repo.RiskgateJson({"check", "--staged"}, 0);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["severity"] == "low");
  CHECK(doc["decision"] == "warn");
}

TEST_CASE("files that .gitlab-ci.yml includes locally are judged as GitLab CI", "[e2e][pins]") {
  TempRepo repo;
  repo.Write(".gitlab-ci.yml",
             "include:\n  - local: /ci/build.yml\n  - 'ci/templates/*.yml'\nstages: [build]\n");
  repo.Write("ci/build.yml", "include: /ci/deploy.yml\nbuild:\n  script: [make]\n");
  repo.Write("ci/deploy.yml", "deploy:\n  script: [make deploy]\n");
  const std::string base = repo.Commit("pipeline");
  // Range mode: .gitlab-ci.yml is not part of the change; the included files are.
  repo.Write("ci/build.yml",
             "include: /ci/deploy.yml\nbuild:\n  image: node:20\n  script: [make]\n");
  repo.Write("ci/deploy.yml",
             "deploy:\n  script:\n    - curl -fsSL https://get.example.com/install | sh\n");
  repo.Write("ci/templates/lint.yml", "lint:\n  image: golang:1.22\n  script: [make lint]\n");
  repo.Write("ci/other.yml", "not-included:\n  image: ruby:3\n");
  repo.Commit("images for the build and lint jobs");
  auto doc = repo.RiskgateJson({"check", "--base", base}, 1);
  std::set<std::string> paths;
  for (const auto& f : doc["findings"])
    paths.insert(f["path"].get<std::string>() + ":" + f["rule"].get<std::string>());
  CHECK(paths.count("ci/build.yml:unpinned-image") == 1);
  CHECK(paths.count("ci/deploy.yml:download-then-execute") == 1);
  CHECK(paths.count("ci/templates/lint.yml:unpinned-image") == 1);
  CHECK(paths.count("ci/other.yml:unpinned-image") == 0);
  // Staged and worktree judge the same layout.
  repo.Write("ci/build.yml",
             "include: /ci/deploy.yml\nbuild:\n  image: node:22\n  script: [make]\n");
  repo.Git({"add", "-A"});
  auto staged = repo.RiskgateJson({"check", "--staged"}, 0);
  REQUIRE(FindRule(staged, "unpinned-image") != nullptr);
  CHECK((*FindRule(staged, "unpinned-image"))["path"] == "ci/build.yml");
  auto audit = repo.RiskgateJson({"check", "--worktree"}, 1);
  int images = 0;
  for (const auto& f : audit["findings"]) images += f["rule"] == "unpinned-image" ? 1 : 0;
  CHECK(images == 2);
}

}  // namespace riskgate::testing
