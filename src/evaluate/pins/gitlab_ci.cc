#include "evaluate/pins/gitlab_ci.h"
#include "evaluate/pins/commit_ref.h"

#include <set>
#include <tuple>

#include "core/regex.h"
#include "evaluate/pins/from_shell.h"
#include "evaluate/pins/gitlab_document.h"
#include "evaluate/pins/gitlab_hazards.h"
#include "evaluate/pins/image_ref.h"
#include "evaluate/pins/parse_issue.h"
#include "evaluate/pins/yaml_lines.h"
#include "policy/yaml_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

constexpr int kMaxScriptNesting = 16;  // GitLab flattens nested script lists 10 levels deep
// A document nests at most 64 levels, and each of up to 10 `!reference`s can add as many.
constexpr int kMaxWalkDepth = 64 * 11;

class GitlabChecker {
 public:
  explicit GitlabChecker(std::string_view text) : lines_(text) {}

  std::vector<PinIssue> Run(const GitlabDocument& document) {
    const core::Node& root = document.config;
    if (root.kind != core::Node::Kind::kMap) return std::move(issues_);
    CheckImages(root);
    for (const core::Node* include : GitlabIncludeLists(root)) CheckIncludes(*include);
    ShellAnalyzer global_shell;
    CheckScripts(root, global_shell);
    if (const core::Node* defaults = root.Find("default")) {
      CheckImages(*defaults);
      CheckScripts(*defaults, global_shell);
    }
    for (const auto& [name, job] : root.fields) {
      if (!IsGitlabJobKey(name) || job.kind != core::Node::Kind::kMap) continue;
      ShellAnalyzer shell;  // hooks, before_script, script and after_script run in one shell job
      CheckImages(job);
      CheckScripts(job, shell);
      CheckRunSteps(job, shell);
    }
    CheckEveryString(root, 0);
    return std::move(issues_);
  }

 private:
  // Any string of the configuration can become a command: a variable a script evals
  // (`eval "$INSTALL"`), an image's `entrypoint:`, a value an include passes to `inputs:`, or
  // any key of any job that another file's `!reference` copies into a script. So every string
  // is also judged as a script line of its own (the scripts above keep one shell per job, so
  // that a file downloaded on one line and run on another is found).
  void CheckEveryString(const core::Node& node, int depth) {
    if (depth > kMaxWalkDepth || node.tag == "!reference") return;
    if (node.kind == core::Node::Kind::kScalar) {
      ShellAnalyzer shell;
      AnalyzeLine(node, shell);
      return;
    }
    for (const auto& item : node.items) CheckEveryString(item, depth + 1);
    for (const auto& field : node.fields) CheckEveryString(field.second, depth + 1);
  }

  void CheckImages(const core::Node& owner) {
    if (const core::Node* image = owner.Find("image")) {
      CheckImage(image->kind == core::Node::Kind::kMap ? image->Find("name") : image);
    }
    if (const core::Node* services = owner.Find("services")) {
      for (const auto& service : services->items) {
        CheckImage(service.kind == core::Node::Kind::kMap ? service.Find("name") : &service);
      }
    }
  }

  void CheckImage(const core::Node* image) {
    if (image == nullptr || image->kind != core::Node::Kind::kScalar) return;
    const std::string& value = image->scalar;
    if (value.empty() || value.find('$') != std::string::npos) return;  // set by a variable
    const ImagePin pin = CheckImageReference(value);
    if (pin.pinned) return;
    issues_.push_back({"unpinned-image",
                       image->mark.line,
                       image->mark.column,
                       "image '" + value + "' is not pinned to a digest (" + pin.reason + ")",
                       "image: " + DigestFixFor(value),
                       "",
                       {}});
  }

  void CheckIncludes(const core::Node& include) {
    if (include.kind == core::Node::Kind::kScalar) {
      CheckIncludeString(include);
      return;
    }
    if (include.kind == core::Node::Kind::kMap) {
      CheckIncludeMap(include);
      return;
    }
    for (const auto& item : include.items) {
      if (item.kind == core::Node::Kind::kScalar) {
        CheckIncludeString(item);
      } else if (item.kind == core::Node::Kind::kMap) {
        CheckIncludeMap(item);
      }
    }
  }

  // A bare string is a local file, or a remote URL when it starts with http(s)://.
  void CheckIncludeString(const core::Node& node) {
    if (node.scalar.starts_with("http://") || node.scalar.starts_with("https://")) {
      RemoteInclude(node, node.scalar);
    }
  }

  void CheckIncludeMap(const core::Node& map) {
    if (const core::Node* remote = map.Find("remote")) RemoteInclude(*remote, remote->scalar);
    if (const core::Node* project = map.Find("project")) {
      const core::Node* ref = map.Find("ref");
      if (ref == nullptr || !IsFullCommitSha(ref->scalar)) {
        const core::Node& at = ref != nullptr ? *ref : *project;
        issues_.push_back(
            {"unpinned-gitlab-include",
             at.mark.line,
             at.mark.column,
             "include of project '" + project->scalar + "' " +
                 (ref == nullptr ? std::string("has no ref, so it follows the default branch")
                                 : "uses the mutable ref '" + ref->scalar + "'"),
             "ref: <40-hex commit sha>  # pin the include; find it with `git ls-remote` on the "
             "project",
             "",
             {}});
      }
    }
    if (const core::Node* component = map.Find("component")) {
      const std::string& value = component->scalar;
      const auto at = value.rfind('@');
      if (at == std::string::npos || !IsFullCommitSha(value.substr(at + 1))) {
        issues_.push_back({"unpinned-gitlab-include",
                           component->mark.line,
                           component->mark.column,
                           "component '" + value + "' is not pinned to a commit SHA",
                           "component: " + value.substr(0, at) + "@<40-hex commit sha>",
                           "",
                           {}});
      }
    }
  }

  void RemoteInclude(const core::Node& node, const std::string& url) {
    // The commit must be in the path: a query or fragment does not choose what a server sends.
    static const core::Regex sha_in_path("^[^?#]*/[0-9a-f]{40}/[^?#]");  // as IsFullCommitSha
    if (sha_in_path.PartialMatch(url)) return;
    issues_.push_back(
        {"unpinned-gitlab-include",
         node.mark.line,
         node.mark.column,
         "remote include '" + url + "' can change under you: its content is not pinned to a commit",
         "include a URL that names a commit SHA (e.g. .../raw/<40-hex sha>/file.yml), "
         "or use `project:` with `ref: <40-hex sha>`",
         "",
         {}});
  }

  // Every script GitLab runs for `owner` (a job or `default:`), lists of lists flattened.
  void CheckScripts(const core::Node& owner, ShellAnalyzer& shell) {
    if (const core::Node* hooks = owner.Find("hooks");
        hooks && hooks->kind == core::Node::Kind::kMap) {
      for (const auto& [name, script] : hooks->fields) AnalyzeScript(script, shell, 0);
    }
    for (const char* key : {"before_script", "script", "after_script"}) {
      if (const core::Node* script = owner.Find(key)) AnalyzeScript(*script, shell, 0);
    }
  }

  void AnalyzeScript(const core::Node& script, ShellAnalyzer& shell, int depth) {
    if (script.kind == core::Node::Kind::kScalar) {
      AnalyzeLine(script, shell);
      return;
    }
    // A `!reference` left here names another file's job, judged where it is written.
    if (script.tag == "!reference" || depth > kMaxScriptNesting) return;
    for (const auto& item : script.items) AnalyzeScript(item, shell, depth + 1);
  }

  // GitLab steps (`run:`): each step's `script:` runs in the job; `step:` names a step to
  // fetch, which must be pinned like a component.
  void CheckRunSteps(const core::Node& job, ShellAnalyzer& shell) {
    const core::Node* run = job.Find("run");
    if (run == nullptr) return;
    for (const auto& step : run->items) {
      if (step.kind != core::Node::Kind::kMap) continue;
      if (const core::Node* script = step.Find("script")) AnalyzeScript(*script, shell, 0);
      if (const core::Node* ref = step.Find("step")) CheckStepReference(*ref);
    }
  }

  void CheckStepReference(const core::Node& ref) {
    const core::Node* at = &ref;
    std::string version;
    if (ref.kind == core::Node::Kind::kScalar) {
      const std::string& value = ref.scalar;
      if (value.empty() || value.starts_with('.') || value.starts_with('/') ||
          value.find('$') != std::string::npos) {
        return;  // a step of this repository, or one set by a variable
      }
      const auto sign = value.rfind('@');
      if (sign != std::string::npos) version = value.substr(sign + 1);
    } else if (ref.kind == core::Node::Kind::kMap) {
      const core::Node* git = ref.Find("git");
      if (git == nullptr || git->kind != core::Node::Kind::kMap) return;
      if (const core::Node* rev = git->Find("rev")) {
        at = rev;
        version = rev->scalar;
      }
    } else {
      return;
    }
    if (IsFullCommitSha(version)) return;
    issues_.push_back({"unpinned-gitlab-include",
                       at->mark.line,
                       at->mark.column,
                       "step '" + (ref.kind == core::Node::Kind::kScalar ? ref.scalar : "git") +
                           "' is not pinned to a commit SHA",
                       "name the step at a 40-hex commit sha (`@<sha>`, or `rev: <sha>`)",
                       "",
                       {}});
  }

  void AnalyzeLine(const core::Node& node, ShellAnalyzer& shell) {
    AppendShellIssues(shell.Analyze(node.scalar, lines_.BodyFirstLine(node)), issues_);
  }

  SourceLines lines_;
  std::vector<PinIssue> issues_;
};

}  // namespace

std::vector<PinIssue> CheckGitlabCi(std::string_view text, const std::string& path,
                                    const policy::PinsControl&) {
  core::Diagnostics diagnostics;
  const auto document = ParseGitlabDocument(text, path, diagnostics);
  if (!document) return ParseIssues(diagnostics);
  GitlabChecker checker(text);
  auto issues = checker.Run(*document);
  auto hazards = CheckGitlabHazards(document->config, SourceLines(text));
  issues.insert(issues.end(), hazards.begin(), hazards.end());
  // A line a `!reference` copies into several places is one issue, reported where it is written.
  std::set<std::tuple<std::string, int, int, std::string>> seen;
  std::erase_if(issues, [&seen](const PinIssue& issue) {
    return !seen.insert({issue.rule, issue.line, issue.column, issue.related}).second;
  });
  auto parse = ParseIssues(diagnostics);
  issues.insert(issues.end(), parse.begin(), parse.end());
  return issues;
}

}  // namespace riskgate::evaluate::pins
