#include "policy/pins_rules.h"

#include <array>

namespace riskgate::policy {
namespace {

using core::Severity;

// Defaults follow the gate semantics: third-party actions on tags, download-then-run,
// untrusted checkouts and script injection block; GitHub-owned actions on tags, images without
// digests and floating package installs warn.
constexpr std::array<PinsRuleInfo, 28> kRules = {{
    {"unpinned-action", Severity::kHigh,
     "a third-party action or reusable workflow is not pinned to a full commit SHA"},
    {"unpinned-action-trusted-owner", Severity::kMedium,
     "an action of a trusted owner (actions/*, github/*) is pinned to a tag or branch"},
    {"pin-missing-version-comment", Severity::kLow,
     "a SHA-pinned action has no comment naming the release the SHA is (`# vX.Y.Z`)"},
    {"unpinned-image", Severity::kMedium,
     "a container image (Dockerfile FROM, job container or service) has no @sha256 digest"},
    {"unpinned-gitlab-include", Severity::kHigh,
     "a GitLab CI include of a remote project, URL or component is not pinned to a commit SHA"},
    {"download-then-execute", Severity::kHigh,
     "a script is downloaded and executed without a pinned URL or a checksum check"},
    {"npm-install", Severity::kMedium, "npm install resolves versions at build time (use npm ci)"},
    {"pip-install", Severity::kMedium, "pip install without --require-hashes"},
    {"pip-install-version-pinned", Severity::kLow,
     "pip install with exact versions but without --require-hashes"},
    {"go-install", Severity::kMedium, "go install/get without a full version"},
    {"gem-install", Severity::kMedium, "gem install without -v"},
    {"choco-install", Severity::kMedium, "choco install without --requirechecksum"},
    {"nuget-install", Severity::kMedium, "nuget/dotnet package without an exact version"},
    {"unpinned-package", Severity::kMedium, "another package manager installs floating versions"},
    {"untrusted-checkout", Severity::kCritical,
     "pull_request_target or workflow_run checks out the untrusted head of a pull request"},
    {"script-injection", Severity::kHigh,
     "an attacker-controlled ${{ }} expression is expanded inside a script"},
    {"excessive-permissions", Severity::kMedium,
     "a workflow has no top-level permissions block, or grants write-all"},
    {"floating-dependency-range", Severity::kLow,
     "a manifest (package.json, requirements.txt) allows floating versions"},
    {"unparsable-config", Severity::kMedium,
     "a pipeline configuration file does not parse, so it cannot be checked"},
    {"unjudged-build-file", Severity::kHigh,
     "a container build (docker build -f, an action's runs.image) uses a Dockerfile whose name "
     "the control does not read as one, so its FROM and RUN lines are never judged"},
    {"unjudged-script", Severity::kHigh,
     "a shell runs a repository script whose name the control does not read as a shell script "
     "(bash ci/setup.txt), so its downloads and installs are never judged"},
    {"insecure-commands", Severity::kHigh,
     "ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables ::set-env and ::add-path, so printed text "
     "sets the environment of later steps"},
    {"secrets-inherit", Severity::kMedium,
     "a job calls a reusable workflow with `secrets: inherit`, handing it every secret"},
    {"dangerous-trigger", Severity::kLow,
     "pull_request_target or workflow_run: privileged triggers a fork can cause (even without "
     "a checkout of the head)"},
    {"bot-conditions", Severity::kMedium,
     "a condition trusts github.actor being a bot's login, which whoever triggers the event "
     "decides"},
    {"unsound-contains", Severity::kMedium,
     "contains('a b', github.ref) tests for a substring, not list membership"},
    {"artipacked", Severity::kHigh,
     "a checkout persists the token in .git/config and a later step uploads the workspace "
     "with its hidden files"},
    {"self-hosted-runner", Severity::kMedium,
     "a job on a self-hosted runner in a workflow that forks or commenters can trigger"},
}};

}  // namespace

std::span<const PinsRuleInfo> PinsRules() { return kRules; }

const PinsRuleInfo* FindPinsRule(std::string_view id) {
  for (const auto& rule : kRules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

}  // namespace riskgate::policy
