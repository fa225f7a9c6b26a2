#include "evaluate/pins/workflow_publishing.h"

#include <array>
#include <string>

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/pins/workflow_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

std::string Lower(const Node* node) { return core::AsciiLower(core::TrimSpace(ScalarOr(node))); }

// The action a step uses, lower case and without its ref ("actions/setup-go").
std::string ActionOf(const Node& step) {
  std::string uses = Lower(step.Find("uses"));
  if (const auto at = uses.rfind('@'); at != std::string::npos) uses.resize(at);
  return uses;
}

// The action's major version from a tag ref (`v4`, `v4.1.0`); -1 for a SHA or none.
int MajorVersion(const Node& step) {
  const std::string uses = Lower(step.Find("uses"));
  const auto at = uses.rfind('@');
  static const core::Regex version(R"(v?(\d{1,4})(?:\.\d+)*)");
  std::array<std::string_view, 2> groups{};
  if (at == std::string::npos ||
      !version.FullMatch(std::string_view(uses).substr(at + 1), groups)) {
    return -1;
  }
  return std::stoi(std::string(groups[1]));
}

std::string Input(const Node& step, std::string_view name) {
  const Node* with = step.Find("with");
  return with != nullptr && with->IsMap() ? Lower(with->Find(name)) : std::string();
}

// Whether the step restores a cache that other runs wrote.
bool RestoresCache(const Node& step) {
  const std::string action = ActionOf(step);
  if (action == "actions/cache" || action == "actions/cache/restore" ||
      action == "swatinem/rust-cache" || action == "mozilla-actions/sccache-action") {
    return true;
  }
  if (action == "actions/setup-go") {
    const std::string cache = Input(step, "cache");
    // On by default since v4; a SHA pin says no version, and then only the input counts.
    return cache == "true" || (cache != "false" && MajorVersion(step) >= 4);
  }
  if (action == "actions/setup-node" || action == "actions/setup-python" ||
      action == "actions/setup-java" || action == "actions/setup-dotnet") {
    const std::string cache = Input(step, "cache");
    return !cache.empty() && cache != "false";
  }
  if (action == "astral-sh/setup-uv") return Input(step, "enable-cache") == "true";
  if (action == "ruby/setup-ruby") return Input(step, "bundler-cache") == "true";
  if (action == "docker/build-push-action" || action == "docker/bake-action") {
    return Input(step, "cache-from").find("type=gha") != std::string::npos;
  }
  return false;
}

// Whether the step publishes: a release or package action, or a publishing command.
bool Publishes(const Node& step) {
  const std::string action = ActionOf(step);
  if (action == "pypa/gh-action-pypi-publish" || action == "softprops/action-gh-release" ||
      action == "goreleaser/goreleaser-action" || action == "ncipollo/release-action" ||
      action == "jreleaser/release-action" || action == "rubygems/release-gem") {
    return true;
  }
  if (action == "docker/build-push-action" && Input(step, "push") == "true") return true;
  static const core::Regex command(
      R"(\b(?:npm|pnpm|yarn)\s+publish\b|\btwine\s+upload\b|\bcargo\s+publish\b|\bgem\s+push\b|\b(?:uv|poetry|flit|hatch)\s+publish\b|\bdocker\s+(?:image\s+)?push\b|\bgoreleaser\s+release\b|\bgh\s+release\s+(?:create|upload)\b)");
  return command.PartialMatch(ScalarOr(step.Find("run")));
}

// Triggers that only fire to release: `release`, or `push` of tags alone.
bool ReleaseTriggered(const Node& root) {
  const Node* on = OnNode(root);
  for (const auto& [name, at] : Triggers(root)) {
    if (name == "release") return true;
    if (name != "push" || on == nullptr || !on->IsMap()) continue;
    const Node* push = on->Find("push");
    if (push != nullptr && push->IsMap() && push->Find("tags") != nullptr &&
        push->Find("branches") == nullptr && push->Find("branches-ignore") == nullptr &&
        push->Find("paths") == nullptr) {
      return true;
    }
  }
  return false;
}

void CheckCache(const Node& steps, bool release, std::vector<PinIssue>& out) {
  bool publishes = release;
  for (const Node& step : steps.items) publishes = publishes || (step.IsMap() && Publishes(step));
  if (!publishes) return;
  for (const Node& step : steps.items) {
    if (!step.IsMap() || !RestoresCache(step)) continue;
    const Node* uses = step.Find("uses");
    out.push_back({"cache-poisoning",
                   uses->mark.line,
                   uses->mark.column,
                   "a job that publishes what it builds restores a cache ('" + ActionOf(step) +
                       "') that other runs of the repository wrote: whoever ran code in one "
                       "of them (a compromised dependency, a privileged workflow a pull "
                       "request can steer) builds into the release",
                   "build releases from a clean state: drop the cache from this job (`cache: "
                   "''`, `cache: false`, no actions/cache)",
                   "key release caches apart (a prefix only release runs write) and keep "
                   "pull-request-triggered workflows from writing caches",
                   {}});
  }
}

// A publishing step that authenticates with a secret where the registry takes the run's OIDC
// identity (trusted publishing).
void CheckTrustedPublishing(const Node* workflow_env, const Node& job, const Node& step,
                            std::vector<PinIssue>& out) {
  const std::string action = ActionOf(step);
  const Node* at = step.Find("uses");
  bool token = false;
  if (action == "pypa/gh-action-pypi-publish") {
    token = !Input(step, "password").empty();
  } else if (const Node* run = step.Find("run"); run != nullptr) {
    // Each publishing command with the variables its tool reads a token from: a secret on the
    // command line or in one of those is this step's credential (one in another is not).
    static const core::Regex kCommands[] = {
        core::Regex(R"(\b(?:npm|pnpm|yarn)\s+publish\b)"),
        core::Regex(R"(\btwine\s+upload\b)"),
        core::Regex(R"(\bcargo\s+publish\b)"),
        core::Regex(R"(\bgem\s+push\b)"),
        core::Regex(R"(\b(?:uv|poetry|flit|hatch)\s+publish\b)"),
    };
    static const core::Regex kVariables[] = {
        core::Regex(R"((?i)NODE_AUTH_TOKEN|NPM_(?:AUTH_)?TOKEN)"),
        core::Regex(R"((?i)TWINE_(?:PASSWORD|API_KEY))"),
        core::Regex(R"((?i)CARGO_REGISTRY_TOKEN)"),
        core::Regex(R"((?i)GEM_HOST_API_KEY)"),
        core::Regex(
            R"((?i)UV_PUBLISH_(?:TOKEN|PASSWORD)|POETRY_PYPI_TOKEN_\w+|POETRY_HTTP_BASIC_\w+_PASSWORD|FLIT_PASSWORD|HATCH_INDEX_AUTH)"),
    };
    static const core::Regex secret(R"(\$\{\{\s*secrets\.)");
    const std::string script = ScalarOr(run);
    for (std::size_t tool = 0; tool < std::size(kCommands); ++tool) {
      if (!kCommands[tool].PartialMatch(script)) continue;
      at = run;
      token = token || secret.PartialMatch(script);
      const core::Regex& variables = kVariables[tool];
      for (const Node* env : {step.Find("env"), job.Find("env"), workflow_env}) {
        if (env == nullptr || !env->IsMap()) continue;
        for (const auto& [name, value] : env->fields) {
          token = token || (variables.FullMatch(name) && secret.PartialMatch(ScalarOr(&value)));
        }
      }
    }
  }
  if (!token || at == nullptr) return;
  out.push_back({"use-trusted-publishing",
                 at->mark.line,
                 at->mark.column,
                 "the package is published with a long-lived token from secrets: whoever "
                 "reads it (a leaked log, a compromised step) can publish as you until it is "
                 "revoked",
                 "use trusted publishing: register this workflow with the registry (PyPI, "
                 "npm, crates.io, RubyGems) and give the job `permissions: {id-token: write}` "
                 "instead of the token",
                 "scope the token to this one package and keep it in an environment with "
                 "required reviewers",
                 {}});
}

}  // namespace

std::vector<PinIssue> CheckPublishing(const Node& root) {
  std::vector<PinIssue> out;
  const Node* jobs = root.IsMap() ? root.Find("jobs") : nullptr;
  if (jobs == nullptr || !jobs->IsMap()) return out;
  const bool release = ReleaseTriggered(root);
  for (const auto& [id, job] : jobs->fields) {
    const Node* steps = job.IsMap() ? job.Find("steps") : nullptr;
    if (steps == nullptr || !steps->IsList()) continue;
    CheckCache(*steps, release, out);
    for (const Node& step : steps->items) {
      if (step.IsMap()) CheckTrustedPublishing(root.Find("env"), job, step, out);
    }
  }
  return out;
}

}  // namespace riskgate::evaluate::pins
