#include "app/policy_commands.h"

#include <filesystem>
#include <iostream>
#include <sstream>

#include "app/error_output.h"
#include "app/policy_files.h"
#include "app/risk_inputs.h"
#include "app/rule_explanation.h"
#include "collect/safe_read.h"
#include "core/json_out.h"
#include "core/redact.h"
#include "policy/policy_compose.h"
#include "policy/yaml_emit.h"

namespace riskgate::app {
namespace {

core::Result<std::string> ReadFromDisk(const std::string& path) {
  return collect::ReadFileBounded(path, collect::ReadLimits{});
}

// The policy a check in this repository would apply (working-tree versions), with its waivers;
// outside a repository, the named file alone.
struct LoadedPolicy {
  std::string path;  // empty: the built-in default
  policy::Policy policy;
  int waivers = 0;
};

core::Result<LoadedPolicy> LoadForCommand(const PolicyCommandOptions& options) {
  auto repo = collect::GitRepository::Open(options.repo);
  if (!repo) {
    if (options.policy.empty()) return tl::unexpected(repo.error());
    auto text = ReadFromDisk(options.policy);
    if (!text) return tl::unexpected(text.error());
    auto loaded = policy::LoadPolicy(*text, options.policy, ReadFromDisk);
    if (!loaded) return tl::unexpected(loaded.error());
    return LoadedPolicy{options.policy, std::move(*loaded), 0};
  }
  PolicyFiles files(**repo, "");
  auto inputs = LoadRiskInputs(options.policy, files, (*repo)->Workdir());
  if (!inputs) return tl::unexpected(inputs.error());
  std::string path = inputs->policy.source.origin;
  if (path.starts_with(policy::kBuiltinPrefix)) path.clear();
  return LoadedPolicy{path, std::move(inputs->policy), static_cast<int>(inputs->waivers.size())};
}

std::string Effective(const policy::Policy& p) {
  std::ostringstream out;
  out << "# Effective settings (defaults included):\n#   decisions:";
  for (int s = 4; s >= 0; --s) {
    const auto severity = static_cast<core::Severity>(s);
    out << " " << core::SeverityName(severity) << "="
        << core::DecisionName(p.DecisionFor(severity));
  }
  out << "\n#   limits: max_file_bytes=" << p.limits.max_file_bytes
      << " max_findings_per_file=" << p.limits.max_findings_per_file
      << " max_findings=" << p.limits.max_findings << "\n#   waivers: " << p.waivers.file;
  for (int s = 4; s >= 0; --s) {
    const auto& approvers = p.waivers.approvers[static_cast<std::size_t>(s)];
    std::string who;
    for (const auto& a : approvers) who += (who.empty() ? "" : ",") + a;
    out << " " << core::SeverityName(static_cast<core::Severity>(s)) << "="
        << (who.empty() ? "nobody" : who) << "/" << p.waivers.max_days[static_cast<std::size_t>(s)]
        << "d";
  }
  out << "\n#   secrets: " << (p.secrets.enabled ? "on" : "off") << ", " << p.secrets.rules.size()
      << " rules\n#   pins: " << (p.pins.enabled ? "on" : "off")
      << "\n#   reviews: " << (p.reviews.enabled ? "on" : "off")
      << "\n#   threat_model: " << (p.threat_model.enabled ? "on" : "off") << ", "
      << p.threat_model.components.size()
      << " components\n#   custom: " << (p.custom.enabled ? "on" : "off") << ", "
      << p.custom.rules.size() << " rules\n";
  for (const auto& rule : p.custom.rules) {
    out << "#     " << rule.id << " (" << policy::CustomKindName(rule.kind) << ", "
        << core::SeverityName(rule.severity) << " -> "
        << core::DecisionName(p.DecisionFor(rule.severity)) << ") from " << rule.origin << "\n";
  }
  return out.str();
}

}  // namespace

int RunPolicyValidate(const PolicyCommandOptions& options) {
  auto loaded = LoadForCommand(options);
  if (!loaded) return Fail(loaded.error());
  const auto& p = loaded->policy;
  std::cout << "policy OK: " << (loaded->path.empty() ? "builtin:default" : loaded->path);
  if (!p.source.extends.empty()) {
    std::cout << " (extends";
    for (const auto& e : p.source.extends) std::cout << " " << e;
    std::cout << ")";
  }
  std::cout << "\n  " << p.secrets.rules.size() << " secret rules, " << p.custom.rules.size()
            << " custom rules, " << p.threat_model.components.size() << " threat-model components, "
            << loaded->waivers << " waivers\n";
  return 0;
}

int RunPolicyShow(const PolicyCommandOptions& options) {
  if (options.format != "text" && options.format != "yaml" && options.format != "json") {
    return Fail("--format must be yaml (text) or json, not '" + options.format + "'");
  }
  auto loaded = LoadForCommand(options);
  if (!loaded) return Fail(loaded.error());
  std::string text;
  std::string name = loaded->path;
  if (name.empty()) {
    name = std::string(policy::kDefaultPolicyName);
    text = std::string(policy::BuiltinPolicyText());
  } else {
    auto repo = collect::GitRepository::Open(options.repo);
    auto read = repo ? PolicyFiles(**repo, "").Read(name) : ReadFromDisk(name);
    if (!read) return Fail(read.error());
    text = std::move(*read);
  }
  auto repo = collect::GitRepository::Open(options.repo);
  std::unique_ptr<PolicyFiles> files;
  if (repo) files = std::make_unique<PolicyFiles>(**repo, "");
  policy::Diagnostics diagnostics;
  auto composed = policy::ComposePolicy(
      text, name,
      [&files](const std::string& path) { return files ? files->Read(path) : ReadFromDisk(path); },
      diagnostics);
  if (!composed) return Fail(diagnostics.ToError());
  if (options.format == "json") {
    const auto doc = core::JsonOut::Object(
        {{"files", composed->files}, {"policy", policy::PlainJson(composed->root)}});
    // A policy can quote a credential (an allowlisted value, a rule's literal): printed
    // redacted, like every other output.
    std::cout << core::RedactSecrets(doc.Dump(2, core::JsonKeys::kSorted)) << "\n";
    return 0;
  }
  std::ostringstream out;
  out << "# The effective policy: " << name << "\n";
  if (composed->files.size() > 1) {
    out << "# composed from, in merge order:";
    for (const auto& f : composed->files) out << " " << f;
    out << "\n";
  }
  out << "# Each line says the file and line that decides it.\n"
      << policy::EmitYaml(composed->root, policy::Origins::kShow, name) << "\n"
      << Effective(loaded->policy);
  std::cout << core::RedactSecrets(out.str());
  return 0;
}

int RunExplain(const PolicyCommandOptions& options) {
  if (options.format != "text" && options.format != "json") {
    return Fail("--format must be text or json, not '" + options.format + "'");
  }
  auto loaded = LoadForCommand(options);
  if (!loaded) return Fail(loaded.error());
  auto explanation = ExplainRule(loaded->policy, options.rule);
  if (!explanation) return Fail(explanation.error());
  std::cout << core::RedactSecrets(options.format == "json" ? ExplanationJson(*explanation) + "\n"
                                                            : ExplanationText(*explanation));
  return 0;
}

}  // namespace riskgate::app
