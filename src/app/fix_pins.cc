#include "app/fix_pins.h"

#include <iostream>
#include <map>

#include "app/app.h"
#include "app/atomic_file.h"
#include "app/error_output.h"
#include "app/judge.h"
#include "collect/ci_context.h"
#include "collect/forge/review_sources.h"
#include "core/text.h"
#include "evaluate/pins/file_kind.h"
#include "evaluate/pins/pin_rewrite.h"

namespace riskgate::app {
namespace {

using evaluate::pins::FileKind;

std::string FirstEnv(const collect::EnvReader& env, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (auto value = env(name)) return *value;
  }
  return "";
}

struct FilePlan {
  std::string path;  // repository-relative
  std::string content;
  std::vector<evaluate::pins::MutableUses> uses;
};

}  // namespace

int RunFixPins(const FixPinsOptions& options) {
  CheckOptions check;
  check.repo = options.repo;
  check.policy = options.policy;
  check.worktree = true;
  check.all_findings = true;
  check.uncapped = true;
  auto judged = Judge(check);
  if (!judged) return Fail(judged.error());
  const policy::Policy& policy = judged->inputs.policy;

  std::vector<FilePlan> plans;
  for (const auto& file : judged->facts.files) {
    const FileKind kind = evaluate::pins::ClassifyPath(file.path);
    if (kind != FileKind::kGithubWorkflow && kind != FileKind::kActionMetadata) continue;
    auto uses = evaluate::pins::FindMutableUses(
        file.content, file.path,
        kind == FileKind::kGithubWorkflow ? evaluate::pins::GithubFileKind::kWorkflow
                                          : evaluate::pins::GithubFileKind::kActionMetadata,
        policy.pins);
    if (!uses.empty()) plans.push_back({file.path, file.content, std::move(uses)});
  }
  if (plans.empty()) {
    std::cout << "every action is already pinned to a commit SHA (or allowed by the policy)\n";
    return kExitPass;
  }

  const auto env = collect::ProcessEnvironment();
  std::string url = policy.reviews.forge.github_api_url;
  if (url.empty()) url = FirstEnv(env, {"GITHUB_API_URL"});
  if (url.empty()) url = "https://api.github.com";
  collect::forge::HttpOptions http;
  http.timeout_seconds = policy.reviews.forge.timeout_seconds;
  http.retries = policy.reviews.forge.retries;
  http.max_retry_wait_seconds = policy.reviews.forge.max_retry_wait_seconds;
  auto client = collect::forge::HttpClient::Create(
      url, FirstEnv(env, {"RISKGATE_GITHUB_TOKEN", "GITHUB_TOKEN"}),
      collect::forge::TokenStyle::kBearer, http);
  if (!client) return Fail(client.error());

  // Resolve every distinct repository@ref first; one failure writes nothing.
  std::map<std::pair<std::string, std::string>, std::string> shas;
  for (const auto& plan : plans) {
    for (const auto& use : plan.uses) {
      const auto key = std::make_pair(use.repository, use.ref);
      if (shas.contains(key)) continue;
      auto sha = collect::forge::ResolveGithubRef(*client, use.repository, use.ref);
      if (!sha) {
        auto error = sha.error();
        error.message += "; no file was changed";
        return Fail(error);
      }
      shas[key] = *sha;
    }
  }
  int pinned = 0;
  for (const auto& plan : plans) {
    std::vector<evaluate::pins::PinReplacement> replacements;
    for (const auto& use : plan.uses) {
      const std::string& sha = shas[{use.repository, use.ref}];
      replacements.push_back({use.line, use.ref, sha});
      std::cout << core::EscapeForDisplay(plan.path) << ":" << use.line << ": "
                << core::EscapeForDisplay(use.action) << "@" << core::EscapeForDisplay(use.ref)
                << " -> " << core::EscapeForDisplay(use.action) << "@" << sha << " # "
                << core::EscapeForDisplay(use.ref) << "\n";
      ++pinned;
    }
    if (options.dry_run) continue;
    const std::string updated = evaluate::pins::ApplyPinReplacements(plan.content, replacements);
    if (auto written = WriteFileAtomically(judged->repo->Workdir() + plan.path, updated);
        !written) {
      return Fail(written.error());
    }
  }
  std::cout << (options.dry_run ? "would pin " : "pinned ") << pinned << " action reference(s) in "
            << plans.size() << " file(s)\n";
  return kExitPass;
}

}  // namespace riskgate::app
