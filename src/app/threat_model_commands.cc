#include "app/threat_model_commands.h"

#include <filesystem>
#include <iostream>
#include <set>

#include "app/app.h"
#include "app/atomic_file.h"
#include "app/error_output.h"
#include "core/path_glob.h"
#include "core/text.h"
#include "evaluate/threat_model/model_status.h"
#include "policy/codeowners.h"
#include "report/model_status.h"
#include "run/judge_change.h"

namespace riskgate::app {
namespace {

core::Result<run::Judgement> JudgeAll(const ThreatModelOptions& options) {
  return run::JudgeChange(run::WorktreeAudit(options.repo, options.policy, false));
}

bool InComponent(const policy::Component& component, std::string_view path) {
  for (const auto& glob : component.paths) {
    if (core::MatchPathGlob(glob, path)) return true;
  }
  return false;
}

// Owners from the policy, else those CODEOWNERS (at HEAD) gives the component's files.
std::vector<std::string> OwnersOf(const policy::Component& component, run::Judgement& judged,
                                  const std::vector<std::string>& files) {
  if (!component.owners.empty()) return component.owners;
  const auto head = judged.facts.scope.head;
  if (!head) return {};
  std::set<std::string> owners;
  for (auto dialect : {policy::CodeownersDialect::kGithub, policy::CodeownersDialect::kGitlab}) {
    for (const auto& location : policy::CodeownersLocations(dialect)) {
      auto text = judged.repo->ReadPathAt(*head, location);
      if (!text || !*text) continue;
      policy::Diagnostics ignored;
      const auto codeowners = policy::ParseCodeowners(**text, location, dialect, ignored);
      for (const auto& file : files) {
        for (const auto& required : policy::OwnersOf(codeowners, file)) {
          owners.insert(required.owners.begin(), required.owners.end());
        }
      }
      return {owners.begin(), owners.end()};
    }
  }
  return {};
}

std::string Skeleton(const policy::Component& component, const policy::ThreatModelControl& control,
                     const std::vector<std::string>& entry_points,
                     const std::vector<std::string>& owners) {
  std::string out = "# Threat model: " + component.name + "\n\n";
  out +=
      "<!-- Written by `riskgate threat-model init`. Replace every <fill in ...> line; the\n"
      "     threat-model control reports a section that still holds only placeholders. -->\n\n";
  out += "- Component: " + component.name + "\n";
  out += "- Risk tier: " + std::string(policy::RiskTierName(component.tier)) + "\n";
  out += "- Code: ";
  for (std::size_t i = 0; i < component.paths.size(); ++i) {
    out += (i == 0 ? "`" : ", `") + component.paths[i] + "`";
  }
  std::string owner_list;
  for (const auto& owner : owners) owner_list += (owner_list.empty() ? "" : ", ") + owner;
  out += "\n- Owners: " +
         (owner_list.empty() ? std::string("<fill in: who owns this component>") : owner_list) +
         "\n\n";
  for (const auto& part : control.required_parts) {
    out += "## " + part + "\n\n";
    const std::string key = core::AsciiLower(part);
    if (key.starts_with("entry point") && !entry_points.empty()) {
      for (const auto& e : entry_points) out += "- `" + e + "`: <fill in: what arrives here>\n";
      out += "\n";
      continue;
    }
    if (key.starts_with("residual")) {
      out +=
          "| Threat | Severity | Status | Owner | Accepted | Expires |\n"
          "|---|---|---|---|---|---|\n"
          "| <fill in> | High | Open | <fill in: owner> | | |\n\n";
      continue;
    }
    out += "<fill in: " + key + ">\n\n";
  }
  return out;
}

}  // namespace

int RunThreatModelInit(const ThreatModelOptions& options) {
  auto judged = JudgeAll(options);
  if (!judged) return Fail(judged.error());
  const auto& control = judged->inputs.policy.threat_model;
  const policy::Component* component = nullptr;
  for (const auto& c : control.components) {
    if (c.name == options.component) component = &c;
  }
  if (component == nullptr) {
    std::string names;
    for (const auto& c : control.components) names += (names.empty() ? "" : ", ") + c.name;
    return Fail("no component '" + options.component + "' in controls.threat_model.components" +
                (names.empty() ? std::string(" (the policy lists none)") : " (" + names + ")"));
  }
  std::string target;
  for (const auto& model : component->models) {
    if (model.ends_with(".md") || model.ends_with(".markdown")) target = model;
  }
  if (target.empty()) {
    return Fail("component '" + component->name +
                "' names no Markdown model (.md) for init to write; add one to its `models`");
  }
  const std::string path = judged->repo->Workdir() + target;
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    return Fail(target + " exists; threat-model init never overwrites a model");
  }
  auto index = judged->repo->ListIndex();
  if (!index) return Fail(index.error());
  std::vector<std::string> files;
  std::vector<std::string> entry_points;
  for (const auto& file : *index) {
    if (!InComponent(*component, file.path)) continue;
    files.push_back(file.path);
    for (const auto& glob : control.entry_points) {
      if (core::MatchPathGlob(glob, file.path)) {
        entry_points.push_back(file.path);
        break;
      }
    }
  }
  const auto owners = OwnersOf(*component, *judged, files);
  const WriteOptions into_repo{judged->repo->Workdir(), WriteOptions::Folders::kCreate};
  if (auto written =
          WriteFileAtomically(path, Skeleton(*component, control, entry_points, owners), into_repo);
      !written) {
    return Fail(written.error());
  }
  std::cout << "wrote " << target << ": fill in its " << control.required_parts.size()
            << " parts and commit it\n";
  return kExitPass;
}

int RunThreatModelStatus(const ThreatModelOptions& options) {
  const auto format = report::ParseStatusFormat(options.format);
  if (!format) return Fail("--format must be text or json, not '" + options.format + "'");
  auto judged = JudgeAll(options);
  if (!judged) return Fail(judged.error());
  const auto rows = evaluate::threat_model::ComponentStatuses(judged->facts.threat_models,
                                                              judged->inputs.policy.threat_model);
  std::cout << report::WriteModelStatus(*format, rows);
  return kExitPass;
}

}  // namespace riskgate::app
