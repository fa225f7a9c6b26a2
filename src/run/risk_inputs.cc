#include "run/risk_inputs.h"

#include <filesystem>
#include <iostream>

#include "collect/safe_read.h"
#include "core/text.h"
#include "policy/gitleaks_ignore.h"

namespace riskgate::run {
namespace {

core::Error AsPolicyError(core::Error error, const std::string& what) {
  error.code = core::ErrorCode::kPolicy;
  error.message = "cannot read the " + what + ": " + error.message;
  return error;
}

core::Result<policy::Policy> LoadPolicyFrom(const std::string& explicit_policy, PolicyFiles& files,
                                            const std::string& workdir) {
  std::string path = explicit_policy;
  if (path.empty() && !workdir.empty()) path = workdir + ".riskgate.yaml";
  if (path.empty()) return policy::LoadDefaultPolicy();
  auto text = files.ReadIfPresent(path);
  if (!text) return tl::unexpected(AsPolicyError(text.error(), "policy"));
  if (!*text) {
    // An explicit policy must exist; at a base revision, it may be new in the change itself.
    std::error_code ec;
    const bool new_in_change =
        !files.base().empty() && files.RepoPath(path) && std::filesystem::exists(path, ec);
    if (!explicit_policy.empty() && !new_in_change) {
      return tl::unexpected(AsPolicyError(
          core::Error{core::ErrorCode::kIo, "no such file", explicit_policy}, "policy"));
    }
    // No policy yet (or, in a range, not at the base: a new policy applies once it merged).
    auto fallback = policy::LoadDefaultPolicy();
    if (fallback && !files.base().empty() && files.RepoPath(path)) {
      fallback->source.revision =
          "default: " + *files.RepoPath(path) + " is not in the base " + files.base().substr(0, 12);
    }
    return fallback;
  }
  auto loaded =
      policy::LoadPolicy(**text, path, [&files](const std::string& p) { return files.Read(p); });
  if (loaded && !files.base().empty() && files.RepoPath(path)) {
    loaded->source.revision = "base " + files.base().substr(0, 12);
  }
  return loaded;
}

}  // namespace

core::Result<RiskInputs> LoadRiskInputs(const std::string& explicit_policy, PolicyFiles& files,
                                        const std::string& workdir) {
  auto loaded = LoadPolicyFrom(explicit_policy, files, workdir);
  if (!loaded) return tl::unexpected(loaded.error());
  RiskInputs inputs{std::move(*loaded), {}, {}};
  for (const auto& note : inputs.policy.secrets.notes) {
    std::cerr << "riskgate: note: " << core::EscapeLinesForDisplay(note) << "\n";
  }
  if (workdir.empty()) return inputs;  // a bare repository has no waivers or baseline to read
  if (inputs.policy.secrets.gitleaks_compat()) {
    // Like the waivers: from the base revision in range mode, so a change cannot ignore itself.
    auto ignore = files.ReadIfPresent(workdir + std::string(policy::kGitleaksIgnoreFile));
    if (!ignore) return tl::unexpected(AsPolicyError(ignore.error(), ".gitleaksignore"));
    if (*ignore) inputs.policy.secrets.gitleaks_ignore = policy::ParseGitleaksIgnore(**ignore);
  }
  const std::string waivers_file = inputs.policy.waivers.file;
  auto waivers = files.ReadIfPresent(workdir + waivers_file);
  if (!waivers) return tl::unexpected(AsPolicyError(waivers.error(), "waivers"));
  if (*waivers) {
    policy::Diagnostics diagnostics;
    inputs.waivers = policy::LoadWaivers(**waivers, waivers_file, diagnostics);
    if (!diagnostics.empty()) return tl::unexpected(diagnostics.ToError());
  }
  const std::string baseline_file(policy::kBaselineFile);
  auto baseline = files.ReadIfPresent(workdir + baseline_file);
  if (!baseline) return tl::unexpected(AsPolicyError(baseline.error(), "baseline"));
  if (*baseline) {
    auto fingerprints = policy::LoadBaseline(**baseline, baseline_file);
    if (!fingerprints) return tl::unexpected(fingerprints.error());
    inputs.baseline = std::move(*fingerprints);
  }
  return inputs;
}

core::Result<WorkingPolicy> LoadWorkingPolicy(const std::string& repo_path,
                                              const std::string& explicit_policy) {
  auto repo = collect::GitRepository::Open(repo_path);
  if (!repo) {
    if (explicit_policy.empty()) return tl::unexpected(repo.error());
    const auto read = [](const std::string& path) {
      return collect::ReadFileBounded(path, collect::ReadLimits{});
    };
    auto text = read(explicit_policy);
    if (!text) return tl::unexpected(text.error());
    auto loaded = policy::LoadPolicy(*text, explicit_policy, read);
    if (!loaded) return tl::unexpected(loaded.error());
    return WorkingPolicy{explicit_policy, std::move(*loaded), 0};
  }
  PolicyFiles files(**repo, "");
  auto inputs = LoadRiskInputs(explicit_policy, files, (*repo)->Workdir());
  if (!inputs) return tl::unexpected(inputs.error());
  std::string path = inputs->policy.source.origin;
  if (path.starts_with(policy::kBuiltinPrefix)) path.clear();
  return WorkingPolicy{path, std::move(inputs->policy), static_cast<int>(inputs->waivers.size())};
}

}  // namespace riskgate::run
