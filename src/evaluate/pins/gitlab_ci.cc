#include "evaluate/pins/gitlab_ci.h"
#include "evaluate/pins/commit_ref.h"

#include <re2/re2.h>

#include <set>

#include "evaluate/pins/from_shell.h"
#include "evaluate/pins/image_ref.h"
#include "evaluate/pins/parse_issue.h"
#include "evaluate/pins/yaml_lines.h"
#include "policy/yaml_document.h"

namespace riskgate::evaluate::pins {
namespace {

using policy::YamlNode;

// Top-level keys that are not jobs.
const std::set<std::string, std::less<>> kGlobalKeys = {
    "default",  "include",       "stages",       "variables", "workflow", "image",
    "services", "before_script", "after_script", "cache",     "types",    "spec"};

class GitlabChecker {
 public:
  explicit GitlabChecker(std::string_view text) : lines_(text) {}

  std::vector<PinIssue> Run(const YamlNode& root) {
    if (root.kind != YamlNode::Kind::kMap) return std::move(issues_);
    CheckImages(root);
    if (const YamlNode* include = root.Find("include")) CheckIncludes(*include);
    ShellAnalyzer global_shell;
    CheckScripts(root, global_shell);
    if (const YamlNode* defaults = root.Find("default")) {
      CheckImages(*defaults);
      CheckScripts(*defaults, global_shell);
    }
    for (const auto& [name, job] : root.fields) {
      if (kGlobalKeys.contains(name) || job.kind != YamlNode::Kind::kMap) continue;
      CheckImages(job);
      ShellAnalyzer shell;  // before_script, script and after_script run in one shell job
      CheckScripts(job, shell);
    }
    return std::move(issues_);
  }

 private:
  void CheckImages(const YamlNode& owner) {
    if (const YamlNode* image = owner.Find("image")) {
      CheckImage(image->kind == YamlNode::Kind::kMap ? image->Find("name") : image);
    }
    if (const YamlNode* services = owner.Find("services")) {
      for (const auto& service : services->items) {
        CheckImage(service.kind == YamlNode::Kind::kMap ? service.Find("name") : &service);
      }
    }
  }

  void CheckImage(const YamlNode* image) {
    if (image == nullptr || image->kind != YamlNode::Kind::kScalar) return;
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

  void CheckIncludes(const YamlNode& include) {
    if (include.kind == YamlNode::Kind::kScalar) {
      CheckIncludeString(include);
      return;
    }
    if (include.kind == YamlNode::Kind::kMap) {
      CheckIncludeMap(include);
      return;
    }
    for (const auto& item : include.items) {
      if (item.kind == YamlNode::Kind::kScalar) {
        CheckIncludeString(item);
      } else if (item.kind == YamlNode::Kind::kMap) {
        CheckIncludeMap(item);
      }
    }
  }

  // A bare string is a local file, or a remote URL when it starts with http(s)://.
  void CheckIncludeString(const YamlNode& node) {
    if (node.scalar.starts_with("http://") || node.scalar.starts_with("https://")) {
      RemoteInclude(node, node.scalar);
    }
  }

  void CheckIncludeMap(const YamlNode& map) {
    if (const YamlNode* remote = map.Find("remote")) RemoteInclude(*remote, remote->scalar);
    if (const YamlNode* project = map.Find("project")) {
      const YamlNode* ref = map.Find("ref");
      if (ref == nullptr || !IsFullCommitSha(ref->scalar)) {
        const YamlNode& at = ref != nullptr ? *ref : *project;
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
    if (const YamlNode* component = map.Find("component")) {
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

  void RemoteInclude(const YamlNode& node, const std::string& url) {
    static const re2::RE2 sha_in_url("/[0-9a-fA-F]{40}/");
    if (re2::RE2::PartialMatch(url, sha_in_url)) return;
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

  void CheckScripts(const YamlNode& owner, ShellAnalyzer& shell) {
    for (const char* key : {"before_script", "script", "after_script"}) {
      const YamlNode* script = owner.Find(key);
      if (script == nullptr) continue;
      if (script->kind == YamlNode::Kind::kScalar) AnalyzeLine(*script, shell);
      for (const auto& item : script->items) {
        if (item.kind == YamlNode::Kind::kScalar) AnalyzeLine(item, shell);
      }
    }
  }

  void AnalyzeLine(const YamlNode& node, ShellAnalyzer& shell) {
    AppendShellIssues(shell.Analyze(node.scalar, lines_.BodyFirstLine(node)), issues_);
  }

  SourceLines lines_;
  std::vector<PinIssue> issues_;
};

}  // namespace

std::vector<PinIssue> CheckGitlabCi(std::string_view text, const std::string& path,
                                    const policy::PinsControl&) {
  policy::Diagnostics diagnostics;
  const auto root = policy::ParseYaml(text, path, diagnostics);
  if (!root) return ParseIssues(diagnostics);
  GitlabChecker checker(text);
  auto issues = checker.Run(*root);
  auto parse = ParseIssues(diagnostics);
  issues.insert(issues.end(), parse.begin(), parse.end());
  return issues;
}

}  // namespace riskgate::evaluate::pins
