#include "evaluate/pins/dependabot_config.h"

#include "core/text.h"
#include "evaluate/pins/parse_issue.h"
#include "evaluate/pins/workflow_document.h"
#include "policy/yaml_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

// The entry's ecosystem and folder, to name it in a message: "npm in /web".
std::string EntryName(const Node& entry) {
  std::string name(core::TrimSpace(ScalarOr(entry.Find("package-ecosystem"), "?")));
  std::string directory(core::TrimSpace(ScalarOr(entry.Find("directory"))));
  if (directory.empty()) {
    if (const Node* directories = entry.Find("directories");
        directories != nullptr && !directories->items.empty()) {
      directory = ScalarOr(&directories->items.front());
    }
  }
  return directory.empty() ? name : name + " in " + directory;
}

void CheckExecution(const Node& entry, std::vector<PinIssue>& out) {
  const Node* execution = entry.Find("insecure-external-code-execution");
  if (execution == nullptr || core::AsciiLower(core::TrimSpace(ScalarOr(execution))) != "allow") {
    return;
  }
  out.push_back({"dependabot-execution",
                 execution->mark.line,
                 execution->mark.column,
                 "Dependabot may run the dependencies' own code while it updates " +
                     EntryName(entry) +
                     " (`insecure-external-code-execution: allow`): a dependency's install "
                     "script or build file runs with Dependabot's credentials to the private "
                     "registries this file names",
                 "remove `insecure-external-code-execution: allow` (the default is deny)",
                 "give the entry no `registries:` so the code it runs reaches no credentials",
                 {}});
}

void CheckCooldown(const Node& entry, std::vector<PinIssue>& out) {
  const Node* cooldown = entry.Find("cooldown");
  const Node* days =
      cooldown != nullptr && cooldown->IsMap() ? cooldown->Find("default-days") : nullptr;
  const auto count = days != nullptr ? core::IntegerOf(*days) : std::nullopt;
  if (count && *count >= kMinCooldownDays) return;
  const Node* ecosystem = entry.Find("package-ecosystem");
  const Node& at = days != nullptr ? *days : (ecosystem != nullptr ? *ecosystem : entry);
  const std::string wait = count ? "after " + std::to_string(*count) + " day(s)" : "the day";
  out.push_back({"dependabot-cooldown",
                 at.mark.line,
                 at.mark.column,
                 "Dependabot proposes new releases of " + EntryName(entry) + " " + wait +
                     " they appear: a hijacked release is usually caught and pulled within "
                     "days, and a merged update ships it before then",
                 "add `cooldown:\n  default-days: " + std::to_string(kMinCooldownDays) +
                     "` to the entry (security updates are not delayed)",
                 "review what each update's release changed before merging it",
                 {}});
}

}  // namespace

bool IsDependabotConfig(std::string_view path) {
  return path == ".github/dependabot.yml" || path == ".github/dependabot.yaml";
}

std::vector<PinIssue> CheckDependabotConfig(std::string_view text, const std::string& path) {
  core::Diagnostics diagnostics;
  const auto root = policy::ParseYaml(text, path, diagnostics);
  if (!root) return ParseIssues(diagnostics);
  std::vector<PinIssue> out;
  if (const Node* updates = root->IsMap() ? root->Find("updates") : nullptr; updates != nullptr) {
    for (const Node& entry : updates->items) {
      if (!entry.IsMap()) continue;
      CheckExecution(entry, out);
      CheckCooldown(entry, out);
    }
  }
  auto parse = ParseIssues(diagnostics);  // duplicate keys parse but hide a value
  out.insert(out.end(), parse.begin(), parse.end());
  return out;
}

}  // namespace riskgate::evaluate::pins
