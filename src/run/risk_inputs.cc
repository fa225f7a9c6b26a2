#include "run/risk_inputs.h"

#include <filesystem>
#include <iostream>

#include <limits>

#include "collect/safe_read.h"
#include "core/text.h"
#include "policy/gitleaks_ignore.h"
#include "run/forge_clients.h"

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

// The run's adjustments to the policy it loaded (RunSettings).
void Adjust(policy::Policy& policy, const RunSettings& settings, const PolicyFiles& files) {
  if (settings.judgement) {
    DropUntrustedForgeUrls(policy.reviews.forge, TrustOf(files, policy.source));
  }
  if (settings.uncapped) {
    policy.limits.max_findings = std::numeric_limits<int>::max();
    policy.limits.max_findings_per_file = std::numeric_limits<int>::max();
  }
  if (settings.judgement && !policy.limits.on_unscanned) {
    policy.limits.on_unscanned =
        settings.gate_run ? policy::OnUnscanned::kBlock : policy::OnUnscanned::kWarn;
  }
  auto& inline_suppressions = policy.secrets.inline_suppressions;
  if (settings.judgement && inline_suppressions == policy::InlineSuppressions::kLocal) {
    inline_suppressions = settings.ci_judgement ? policy::InlineSuppressions::kForbid
                                                : policy::InlineSuppressions::kAllow;
  }
}

}  // namespace

core::Result<RiskInputs> LoadRiskInputs(const std::string& explicit_policy, PolicyFiles& files,
                                        const std::string& workdir, const RunSettings& settings) {
  auto loaded = LoadPolicyFrom(explicit_policy, files, workdir);
  if (!loaded) return tl::unexpected(loaded.error());
  policy::Policy& policy = *loaded;
  for (const auto& note : policy.secrets.notes) {
    std::cerr << "riskgate: note: " << core::EscapeLinesForDisplay(note) << "\n";
  }
  Adjust(policy, settings, files);
  std::vector<policy::Waiver> waivers;
  policy::FingerprintSet baseline;
  // A bare repository has no waivers or baseline to read.
  if (workdir.empty())
    return RiskInputs{std::move(policy), std::move(waivers), std::move(baseline)};
  if (policy.secrets.gitleaks_compat()) {
    // Like the waivers: from the base revision in range mode, so a change cannot ignore itself.
    auto ignore = files.ReadIfPresent(workdir + std::string(policy::kGitleaksIgnoreFile));
    if (!ignore) return tl::unexpected(AsPolicyError(ignore.error(), ".gitleaksignore"));
    if (*ignore) policy.secrets.gitleaks_ignore = policy::ParseGitleaksIgnore(**ignore);
  }
  const std::string waivers_file = policy.waivers.file;
  auto waivers_text = files.ReadIfPresent(workdir + waivers_file);
  if (!waivers_text) return tl::unexpected(AsPolicyError(waivers_text.error(), "waivers"));
  if (*waivers_text) {
    core::Diagnostics diagnostics;
    waivers = policy::LoadWaivers(**waivers_text, waivers_file, diagnostics);
    if (!diagnostics.empty()) return tl::unexpected(diagnostics.ToError());
  }
  const std::string baseline_file(policy::kBaselineFile);
  auto baseline_text = files.ReadIfPresent(workdir + baseline_file);
  if (!baseline_text) return tl::unexpected(AsPolicyError(baseline_text.error(), "baseline"));
  if (*baseline_text) {
    auto fingerprints = policy::LoadBaseline(**baseline_text, baseline_file);
    if (!fingerprints) return tl::unexpected(fingerprints.error());
    baseline = std::move(*fingerprints);
  }
  return RiskInputs{std::move(policy), std::move(waivers), std::move(baseline)};
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
