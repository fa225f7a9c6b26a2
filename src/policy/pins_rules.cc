#include "policy/pins_rules.h"

#include <array>

namespace riskgate::policy {
namespace {

using core::Severity;

// Defaults follow the gate semantics: third-party actions on tags, download-then-run,
// untrusted checkouts and script injection block; GitHub-owned actions on tags, images without
// digests and floating package installs warn.
constexpr std::array<PinsRuleInfo, 48> kRules = {{
    {"unpinned-action", Severity::kHigh,
     "a third-party action or reusable workflow is not pinned to a full commit SHA",
     "a mutable reference lets whoever controls it change what your pipeline runs",
     "riskgate fix pins rewrites action references to commit SHAs",
     "limit the job's permissions: and secrets, so a moved tag can do less"},
    {"unpinned-action-trusted-owner", Severity::kMedium,
     "an action of a trusted owner (actions/*, github/*) is pinned to a tag or branch",
     "a mutable reference lets whoever controls it change what your pipeline runs",
     "riskgate fix pins rewrites action references to commit SHAs",
     "limit the job's permissions: and secrets, so a moved tag can do less"},
    {"pin-missing-version-comment", Severity::kLow,
     "a SHA-pinned action has no comment naming the release the SHA is (`# vX.Y.Z`)",
     "without the release's name, reviewers and update bots cannot tell which version a SHA is, "
     "nor notice it is not the release it claims",
     "riskgate fix pins writes the SHA with its tag as `# vX.Y.Z`",
     "let Dependabot or Renovate manage the pins: they write and check the comment"},
    {"unpinned-image", Severity::kMedium,
     "a container image (Dockerfile FROM, job container or service) has no @sha256 digest",
     "a mutable reference lets whoever controls it change what your pipeline runs",
     "pin the image as name:tag@sha256:<digest> (docker buildx imagetools inspect shows the "
     "digest)",
     "pull from a registry you control that mirrors reviewed images"},
    {"unpinned-gitlab-include", Severity::kHigh,
     "a GitLab CI include of a remote project, URL or component is not pinned to a commit SHA",
     "a mutable reference lets whoever controls it change what your pipeline runs",
     "pin the include to a commit SHA (ref: <40-hex> for project includes, @<sha> for components)",
     "include only from projects whose protected branches and tags your group controls"},
    {"download-then-execute", Severity::kHigh,
     "a script is downloaded and executed without a pinned URL or a checksum check",
     "whoever controls the URL (or the network path to it) runs code in the pipeline",
     "download to a file, verify its checksum (sha256sum -c), then run it; or pin the URL to a "
     "commit",
     "download over HTTPS from a host you control, in a job without secrets"},
    {"npm-install", Severity::kMedium, "npm install resolves versions at build time (use npm ci)",
     "a mutable reference lets whoever controls it change what your pipeline runs",
     "use npm ci with a committed package-lock.json",
     "install with --ignore-scripts in jobs that hold secrets"},
    {"pip-install", Severity::kMedium, "pip install without --require-hashes",
     "a mutable reference lets whoever controls it change what your pipeline runs",
     "install from a lock file with --require-hashes",
     "install from a private index that mirrors reviewed packages"},
    {"pip-install-version-pinned", Severity::kLow,
     "pip install with exact versions but without --require-hashes",
     "an exact version can still be replaced on the index or resolved from another index; hashes "
     "fix the bytes",
     "add --require-hashes with a hashed requirements file (pip-compile --generate-hashes)",
     "install from a private index that mirrors reviewed packages"},
    {"go-install", Severity::kMedium, "go install/get without a full version",
     "a mutable reference lets whoever controls it change what your pipeline runs",
     "name a full version or a commit: go install module@v1.2.3",
     "set GOFLAGS=-mod=readonly and GOPROXY to a proxy you trust"},
    {"gem-install", Severity::kMedium, "gem install without -v",
     "a mutable reference lets whoever controls it change what your pipeline runs",
     "gem install NAME -v <exact version>, or Bundler with a committed Gemfile.lock",
     "install from a private gem source that mirrors reviewed gems"},
    {"choco-install", Severity::kMedium, "choco install without --requirechecksum",
     "without a checksum, whatever the download URL serves is installed",
     "add --requirechecksums (and --version)", "install from an internal Chocolatey repository"},
    {"nuget-install", Severity::kMedium, "nuget/dotnet package without an exact version",
     "a mutable reference lets whoever controls it change what your pipeline runs",
     "name an exact version, or restore with RestoreLockedMode and a committed packages.lock.json",
     "restore from an internal feed with package source mapping"},
    {"unpinned-package", Severity::kMedium, "another package manager installs floating versions",
     "a mutable reference lets whoever controls it change what your pipeline runs",
     "name an exact version, or install from a lock file",
     "install from an internal mirror, in a job without secrets"},
    {"untrusted-checkout", Severity::kCritical,
     "pull_request_target or workflow_run checks out the untrusted head of a pull request",
     "code from a fork runs with the base repository's secrets and a write token",
     "check out only the base in privileged workflows; build pull requests under pull_request",
     "set permissions: {contents: read}, persist-credentials: false, and keep secrets out of the "
     "job"},
    {"script-injection", Severity::kHigh,
     "an attacker-controlled ${{ }} expression is expanded inside a script",
     "text an attacker writes (a title, a branch name) becomes code in the script",
     "pass the value through env: and use \"$VAR\" in the script",
     "limit the job's permissions: and keep secrets out of it"},
    {"script-injection-input", Severity::kLow,
     "a reusable workflow's or composite action's string input is expanded inside a script",
     "whatever the caller passes becomes code, and a caller may pass text an attacker wrote",
     "pass the input through env: and use \"$VAR\" in the script",
     "validate the input (an allow-list or a pattern) before the step uses it"},
    {"excessive-permissions", Severity::kMedium,
     "a workflow has no top-level permissions block, or grants write-all",
     "a compromised step can use the token's write scopes on the repository",
     "declare `permissions:` at the top (contents: read) and grant more per job",
     "give write scopes only to the one job that writes"},
    {"floating-dependency-range", Severity::kLow,
     "a manifest (package.json, requirements.txt) allows floating versions",
     "a mutable reference lets whoever controls it change what your pipeline runs",
     "pin exact versions in a lock file", "commit a lock file and install from it"},
    {"unparsable-config", Severity::kMedium,
     "a pipeline configuration file does not parse, so it cannot be checked",
     "a file riskgate cannot read is a file whose risks it cannot judge",
     "fix the syntax so the platform and riskgate read it",
     "validate the file in the platform's linter (actionlint, GitLab's CI lint) before merging"},
    {"unjudged-build-file", Severity::kHigh,
     "a container build (docker build -f, an action's runs.image) uses a Dockerfile whose name "
     "the control does not read as one, so its FROM and RUN lines are never judged",
     "a build file the control never reads can pull any image and run any download",
     "name the file Dockerfile, *.dockerfile or Containerfile",
     "keep build files under names the control reads, so nothing escapes review"},
    {"unjudged-script", Severity::kHigh,
     "a shell runs a repository script whose name the control does not read as a shell script "
     "(bash ci/setup.txt), so its downloads and installs are never judged",
     "a script the control never reads can download and run anything",
     "name the script *.sh (or give it a shell shebang and no extension)",
     "keep scripts under names the control reads, so nothing escapes review"},
    {"insecure-commands", Severity::kHigh,
     "ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables ::set-env and ::add-path, so printed text "
     "sets the environment of later steps",
     "printed text (a pull request title, test output) sets the environment or PATH of later steps",
     "remove ACTIONS_ALLOW_UNSECURE_COMMANDS; write to $GITHUB_ENV and $GITHUB_PATH",
     "isolate the old action in its own job, without secrets and with permissions: {}"},
    {"secrets-inherit", Severity::kMedium,
     "a job calls a reusable workflow with `secrets: inherit`, handing it every secret",
     "the called workflow gets every secret, including ones it has no use for",
     "pass the secrets the called workflow declares, by name",
     "pin the called workflow to a commit SHA so what receives the secrets cannot change"},
    {"dangerous-trigger", Severity::kLow,
     "pull_request_target or workflow_run: privileged triggers a fork can cause (even without "
     "a checkout of the head)",
     "the workflow runs with secrets and a write token on events a fork can cause",
     "use pull_request unless the job must write; never run or read the pull request's files in "
     "it",
     "set permissions: to the least the job needs and keep secrets in an environment with required "
     "reviewers"},
    {"bot-conditions", Severity::kMedium,
     "a condition trusts github.actor being a bot's login, which whoever triggers the event "
     "decides",
     "github.actor is whoever caused the latest event, which an attacker can make the bot be",
     "decide on the event's facts (the pull request's author and head repository)",
     "keep secrets and write permissions out of the job the condition guards"},
    {"unsound-contains", Severity::kMedium,
     "contains('a b', github.ref) tests for a substring, not list membership",
     "a substring test passes values that are part of any item, or span two",
     "use contains(fromJSON('[...]'), value) or ==",
     "keep secrets and deploys out of what the condition guards until it is fixed"},
    {"unsound-condition", Severity::kHigh,
     "an if: holds text besides its ${{ }} expression (a block scalar's newline), so it is "
     "always true",
     "a guard that is always true runs what it was meant to keep from running (a deploy, a "
     "step with secrets)",
     "write the condition as the expression alone, or use |- / >- block scalars",
     "keep secrets and deploys out of what the condition guards until it is fixed"},
    {"unpinned-pre-commit-hook", Severity::kMedium,
     "a .pre-commit-config.yaml hook repository's rev is a tag or branch, not a commit SHA",
     "a mutable reference lets whoever controls it change what your pipeline runs",
     "pre-commit autoupdate --freeze pins every rev to a commit SHA",
     "run pre-commit in CI without secrets in its environment"},
    {"artipacked", Severity::kHigh,
     "a checkout persists the token in .git/config and a later step uploads the workspace "
     "with its hidden files",
     "the job's token, kept in .git/config by actions/checkout, is published in the artifact",
     "persist-credentials: false on the checkout, and upload only the build output",
     "use actions/upload-artifact v4.4.0 or later, without include-hidden-files"},
    {"self-hosted-runner", Severity::kMedium,
     "a job on a self-hosted runner in a workflow that forks or commenters can trigger",
     "a fork's code runs on your machine, and a persistent runner keeps what it leaves",
     "run fork-triggered jobs on GitHub-hosted runners",
     "use ephemeral, isolated runners and require approval for outside collaborators' workflows"},
    {"github-env", Severity::kHigh,
     "a privileged workflow writes text an attacker controls to $GITHUB_ENV or $GITHUB_PATH",
     "a newline in the text sets variables that run code in later steps (LD_PRELOAD, BASH_ENV), "
     "with the workflow's secrets and write token",
     "pass untrusted text to later steps through env: or $GITHUB_OUTPUT, validated",
     "reject values with a newline before writing, and keep the job's secrets and permissions to "
     "the least"},
    {"overprovisioned-secrets", Severity::kMedium,
     "a job takes every secret at once (toJSON(secrets)) or one chosen at run time "
     "(secrets[name])",
     "the job holds secrets it has no use for, and one leak of it leaks them all",
     "name each secret a step needs: ${{ secrets.NAME }}",
     "keep the job's secrets in an environment that holds only its own"},
    {"unredacted-secrets", Severity::kMedium,
     "a field of a JSON secret is used (fromJSON(secrets.X).field), which log masking does not "
     "know",
     "GitHub masks a secret's whole text, not values derived from it, so the field prints in "
     "clear",
     "store each value as a secret of its own, or ::add-mask:: it before use",
     "register each derived value for masking (::add-mask::) before use"},
    {"cache-poisoning", Severity::kMedium,
     "a job that publishes (a release trigger, a publishing step) restores a build cache other "
     "runs wrote",
     "whoever ran code in a run that wrote the cache builds into the release",
     "build releases without restoring caches",
     "key release caches apart, and keep pull-request-triggered workflows from writing caches"},
    {"use-trusted-publishing", Severity::kInfo,
     "a package is published to PyPI, npm, crates.io or RubyGems with a token from secrets",
     "a long-lived publishing token can be stolen and used until revoked; the registry accepts "
     "the run's short-lived OIDC identity instead",
     "register the workflow as a trusted publisher and use permissions: {id-token: write}",
     "scope the token to one package and keep it in an environment with required reviewers"},
    {"dependabot-execution", Severity::kHigh,
     "a .github/dependabot.yml update entry sets insecure-external-code-execution: allow",
     "dependencies' install scripts and build files run with Dependabot's credentials to the "
     "private registries the file names",
     "remove insecure-external-code-execution (the default is deny)",
     "give the entry no registries:, so the code it runs reaches no credentials"},
    {"dependabot-cooldown", Severity::kLow,
     "a .github/dependabot.yml update entry has no cooldown (or default-days below 7)",
     "a release is proposed the day it appears, before a hijacked release is usually caught",
     "add cooldown: {default-days: 7} to each update entry",
     "review each update's release notes and diff before merging it"},
    {"forbidden-uses", Severity::kHigh,
     "a workflow uses an action the policy forbids (controls.pins.forbidden_uses)",
     "the policy's owners decided this action must not run in the organisation's pipelines",
     "use an allowed action, or do the step in a run: script",
     "ask the policy's owners for an exception with an expiry (a waiver)"},
    {"obfuscation", Severity::kLow,
     "a uses: path with ., .. or empty segments, or a ${{ }} expression of literals alone",
     "text written to read differently from what runs hides it from reviewers and from "
     "pattern checks (cu${{ '' }}rl)",
     "write the plain action path and the text the expression evaluates to",
     "review the workflow's evaluated form (actionlint, zizmor) before merging"},
    {"github-app", Severity::kMedium,
     "a GitHub App token is minted without permission-* inputs, or for the owner's whole "
     "installation",
     "the token gets every permission of the app on every repository it is installed on",
     "name the permissions and the repositories the job needs",
     "install the app on the fewest repositories with the fewest permissions"},
    {"insecure-url-scheme", Severity::kMedium,
     "a run step fetches over plain http:// or with TLS verification off (curl -k, "
     "--trusted-host)",
     "anyone on the network path decides what the step downloads or installs",
     "use https:// and keep certificate checks on", "verify what was fetched against a checksum"},
    {"impostor-commit", Severity::kCritical,
     "an action is pinned to a commit that is not on record in its repository (not reachable "
     "from the default branch, nor its tag's commit): online check",
     "GitHub serves any fork's commits under the parent's name, so a SHA that looks like the "
     "action's can be an attacker's fork",
     "pin the commit of a release of the action (git ls-remote … refs/tags/<tag>)",
     "limit the job's permissions: and secrets until the pin is replaced"},
    {"ref-version-mismatch", Severity::kMedium,
     "a SHA pin's comment names a tag that points at another commit, or at none: online check",
     "reviewers and update bots read the wrong release, and a mislabelled pin hides a swap",
     "pin the commit the tag names, or correct the comment",
     "let Dependabot or Renovate manage the pins and their comments"},
    {"stale-action-refs", Severity::kLow,
     "an action pinned to a commit that no tag of its repository points at (and whose comment "
     "names no release): online check",
     "a commit between releases is no release: no changelog or advisory names it, and update "
     "bots cannot tell what it is or whether it is behind",
     "pin the commit of a release and name the release in a comment",
     "let Dependabot or Renovate manage the pin: they pin releases"},
    {"ref-confusion", Severity::kMedium,
     "an action used by a ref that is both a branch and a tag of its repository: online check",
     "GitHub resolves such a ref one way today, but whoever can push a branch of that name can "
     "make the step run other code",
     "pin the commit the tag points at (full SHA, release in a comment)",
     "ask the action's owners to delete the branch that shadows the tag"},
    {"archived-uses", Severity::kMedium,
     "an action used (by SHA or by tag) lives in an archived repository: online check",
     "an archived action gets no fixes, security ones included",
     "replace it with a maintained action or a run: script",
     "fork it into your organisation and pin the fork"},
    {"known-vulnerable-actions", Severity::kHigh,
     "the release an action is used at (a tag, or a SHA pin's comment) is in the range of a "
     "GitHub advisory for the action: online check",
     "the pinned release has a published vulnerability",
     "pin the commit of the first patched release or later",
     "keep secrets and write permissions out of the job until it is updated"},
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
