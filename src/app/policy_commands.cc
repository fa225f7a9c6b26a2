#include "app/policy_commands.h"

#include <filesystem>
#include <iostream>
#include <sstream>

#include "app/error_output.h"
#include "app/rule_explanation.h"
#include "collect/safe_read.h"
#include "core/json_out.h"
#include "core/redact.h"
#include "policy/policy_compose.h"
#include "policy/yaml_emit.h"
#include "run/explain_rule.h"
#include "run/policy_files.h"
#include "run/risk_inputs.h"

namespace riskgate::app {
namespace {

core::Result<std::string> ReadFromDisk(const std::string& path) {
  return collect::ReadFileBounded(path, collect::ReadLimits{});
}

}  // namespace

int RunPolicyValidate(const PolicyCommandOptions& options) {
  auto loaded = run::LoadWorkingPolicy(options.repo, options.policy);
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
  auto loaded = run::LoadWorkingPolicy(options.repo, options.policy);
  if (!loaded) return Fail(loaded.error());
  std::string text;
  std::string name = loaded->path;
  if (name.empty()) {
    name = std::string(policy::kDefaultPolicyName);
    text = std::string(policy::BuiltinPolicyText());
  } else {
    auto repo = collect::GitRepository::Open(options.repo);
    auto read = repo ? run::PolicyFiles(**repo, "").Read(name) : ReadFromDisk(name);
    if (!read) return Fail(read.error());
    text = std::move(*read);
  }
  auto repo = collect::GitRepository::Open(options.repo);
  std::unique_ptr<run::PolicyFiles> files;
  if (repo) files = std::make_unique<run::PolicyFiles>(**repo, "");
  core::Diagnostics diagnostics;
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
      << run::EffectiveSettings(loaded->policy);
  std::cout << core::RedactSecrets(out.str());
  return 0;
}

int RunExplain(const PolicyCommandOptions& options) {
  if (options.format != "text" && options.format != "json") {
    return Fail("--format must be text or json, not '" + options.format + "'");
  }
  auto loaded = run::LoadWorkingPolicy(options.repo, options.policy);
  if (!loaded) return Fail(loaded.error());
  auto explanation = run::ExplainRule(loaded->policy, options.rule);
  if (!explanation) return Fail(explanation.error());
  std::cout << core::RedactSecrets(options.format == "json" ? ExplanationJson(*explanation) + "\n"
                                                            : ExplanationText(*explanation));
  return 0;
}

}  // namespace riskgate::app
