#include "evaluate/pins/secure_defaults.h"

#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/text.h"
#include "evaluate/pins/commit_ref.h"
#include "evaluate/pins/dockerfile_analysis.h"
#include "evaluate/pins/file_kind.h"
#include "evaluate/pins/gitlab_document.h"
#include "evaluate/pins/image_ref.h"
#include "evaluate/pins/workflow_document.h"
#include "policy/yaml_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;
using core::SecureDefaults;

// One image a file names; `scratch` is not pulled and an empty reference names nothing.
void CountImage(std::string_view image, SecureDefaults& out) {
  const ImagePin pin = CheckImageReference(image);
  if (pin.kind == ImagePinKind::kScratch || pin.kind == ImagePinKind::kEmpty) return;
  ++out.images;
  if (pin.pinned) ++out.images_pinned;
}

// A `uses:` as CheckUses reads it: local ones are pinned by the running commit and not counted,
// `docker://` names an image, anything else is pinned only by a full commit SHA after its `@`.
void CountUse(const Node& uses, SecureDefaults& out) {
  if (uses.kind != Node::Kind::kScalar) return;
  const std::string_view value = core::TrimSpace(uses.scalar);
  if (value.starts_with("./") || value.starts_with("$/")) return;
  if (value.starts_with("docker://")) {
    CountImage(value.substr(9), out);
    return;
  }
  ++out.uses;
  const auto at = value.rfind('@');
  if (at != std::string_view::npos && IsFullCommitSha(value.substr(at + 1))) ++out.uses_pinned;
}

void CountSteps(const Node* steps, SecureDefaults& out) {
  if (steps == nullptr) return;
  for (const Node& step : steps->items) {
    if (!step.IsMap()) continue;
    if (const Node* uses = step.Find("uses")) CountUse(*uses, out);
  }
}

void CountWorkflowJob(const Node& job, SecureDefaults& out) {
  if (!job.IsMap()) return;
  if (const Node* uses = job.Find("uses")) CountUse(*uses, out);  // a reusable workflow
  ForEachJobImage(job, [&out](const std::string& image, const Node&) { CountImage(image, out); });
  CountSteps(job.Find("steps"), out);
}

void CountGithubFile(const collect::ChangedFile& file, FileKind kind, SecureDefaults& out) {
  core::Diagnostics diagnostics;
  const auto root = policy::ParseYaml(file.content, file.path, diagnostics);
  if (!root || !root->IsMap()) return;
  if (kind == FileKind::kActionMetadata) {
    const Node* runs = root->Find("runs");
    if (runs == nullptr) return;
    // `runs.image` is a Dockerfile built from the action's files unless it is `docker://`.
    if (const std::string image = ScalarOr(runs->Find("image"));
        image.starts_with("docker://") && image.find("${{") == std::string::npos) {
      CountImage(std::string_view(image).substr(9), out);
    }
    CountSteps(runs->Find("steps"), out);
    return;
  }
  ++out.workflows;
  if (root->Find("permissions") != nullptr) ++out.workflows_with_permissions;
  if (const Node* jobs = root->Find("jobs")) {
    for (const auto& [id, job] : jobs->fields) CountWorkflowJob(job, out);
  }
}

// An `image:` or a `services:` entry of GitLab CI: a scalar or the `name:` of a map; one set by
// a variable is decided at run time and not counted, as the GitLab check skips it.
void CountGitlabImage(const Node* image, SecureDefaults& out) {
  if (image != nullptr && image->IsMap()) image = image->Find("name");
  if (image == nullptr || image->kind != Node::Kind::kScalar) return;
  if (image->scalar.find('$') != std::string::npos) return;
  CountImage(image->scalar, out);
}

void CountGitlabImages(const Node& owner, SecureDefaults& out) {
  CountGitlabImage(owner.Find("image"), out);
  if (const Node* services = owner.Find("services")) {
    for (const Node& service : services->items) CountGitlabImage(&service, out);
  }
}

void CountGitlabFile(const collect::ChangedFile& file, SecureDefaults& out) {
  core::Diagnostics diagnostics;
  const auto document = ParseGitlabDocument(file.content, file.path, diagnostics);
  if (!document || !document->config.IsMap()) return;
  const Node& config = document->config;
  CountGitlabImages(config, out);
  if (const Node* defaults = config.Find("default")) CountGitlabImages(*defaults, out);
  for (const auto& [name, job] : config.fields) {
    if (IsGitlabJobKey(name) && job.IsMap()) CountGitlabImages(job, out);
  }
}

// Each FROM as the Dockerfile check reads it (build arguments substituted); one naming an
// earlier stage is that stage, not an image.
void CountDockerfile(const collect::ChangedFile& file, SecureDefaults& out) {
  for (const DockerFrom& from : AnalyzeDockerfile(file.content).froms) {
    if (!from.stage_reference) CountImage(from.image, out);
  }
}

void CountAs(FileKind kind, const collect::ChangedFile& file, SecureDefaults& out) {
  switch (kind) {
    case FileKind::kGithubWorkflow:
    case FileKind::kActionMetadata:
      CountGithubFile(file, kind, out);
      return;
    case FileKind::kGitlabCi:
      CountGitlabFile(file, out);
      return;
    case FileKind::kDockerfile:
      // A shell script named after a Dockerfile is judged as the script it is.
      if (!HasShellShebang(file.content)) CountDockerfile(file, out);
      return;
    default:
      return;
  }
}

}  // namespace

// A file GitLab includes counts as GitLab CI and, when its name gives it a role of its own, as
// that too, as the pins control judges it.
SecureDefaults CountSecureDefaults(const std::vector<collect::ChangedFile>& files,
                                   const RepositoryLayout& layout) {
  SecureDefaults out;
  for (const collect::ChangedFile& file : files) {
    if (file.content.empty()) continue;  // deleted files never reach `files`
    const FileKind kind = ClassifyPath(file.path, layout.gitlab_ci_includes);
    CountAs(kind, file, out);
    if (const FileKind own = ClassifyPath(file.path); own != kind) CountAs(own, file, out);
  }
  return out;
}

}  // namespace riskgate::evaluate::pins
