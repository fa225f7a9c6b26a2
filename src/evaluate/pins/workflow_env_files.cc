#include "evaluate/pins/workflow_env_files.h"

#include <optional>
#include <string>

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/pins/workflow_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

// Triggers that run with secrets and a write token on an event someone outside the repository
// causes, carrying their text.
bool Privileged(std::string_view event) {
  return event == "pull_request_target" || event == "workflow_run" || event == "issue_comment" ||
         event == "issues" || event == "discussion" || event == "discussion_comment";
}

// Whether a step downloads another run's artifacts (what a workflow_run job is handed).
bool DownloadsArtifacts(const Node& step) {
  const std::string uses = core::AsciiLower(ScalarOr(step.Find("uses")));
  if (uses.find("download-artifact@") != std::string::npos) return true;
  static const core::Regex gh_download(R"(\bgh\s+run\s+download\b)");
  return gh_download.PartialMatch(ScalarOr(step.Find("run")));
}

struct Write {
  int line_offset = 0;  // of the line naming the file, in the script
  std::string file;     // GITHUB_ENV or GITHUB_PATH
  std::string value;    // the line, and a heredoc's body when the line opens one
};

// The lines of `script` that write to $GITHUB_ENV or $GITHUB_PATH.
std::vector<Write> EnvironmentWrites(std::string_view script) {
  static const core::Regex heredoc(R"(<<-?\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?)");
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= script.size()) {
    std::size_t end = script.find('\n', start);
    if (end == std::string_view::npos) end = script.size();
    lines.push_back(script.substr(start, end - start));
    start = end + 1;
  }
  std::vector<Write> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const bool env = line.find("GITHUB_ENV") != std::string_view::npos;
    if (!env && line.find("GITHUB_PATH") == std::string_view::npos) continue;
    Write write{static_cast<int>(i), env ? "GITHUB_ENV" : "GITHUB_PATH", std::string(line)};
    std::array<std::string_view, 2> groups{};
    if (heredoc.PartialMatch(line, groups)) {
      for (std::size_t j = i + 1; j < lines.size(); ++j) {
        if (core::TrimSpace(lines[j]) == groups[1]) break;
        write.value.append("\n").append(lines[j]);
      }
    }
    out.push_back(std::move(write));
  }
  return out;
}

PinIssue Issue(const Write& write, int line, int column, const std::string& source) {
  return {"github-env",
          line,
          column,
          "the step writes " + source + " to $" + write.file +
              (write.file == "GITHUB_ENV"
                   ? ": a newline in it sets any variable for the later steps (LD_PRELOAD, "
                     "BASH_ENV and NODE_OPTIONS run code), with this workflow's secrets and "
                     "token"
                   : ": the later steps run programs from the folder it names, which the "
                     "attacker's files can fill"),
          "do not write untrusted text to $" + write.file +
              "; hand it to the steps that need it through `env:` (or $GITHUB_OUTPUT) and "
              "validate it there",
          "if it must be written, reject values with a newline and use a random heredoc "
          "delimiter; keep the job's `permissions:` and secrets to the least",
          {}};
}

}  // namespace

std::vector<PinIssue> CheckEnvironmentFiles(const Node& root, const SourceLines& lines,
                                            const WorkflowTaint& taint) {
  std::vector<PinIssue> out;
  bool privileged = false;
  bool workflow_run = false;
  for (const auto& [name, at] : Triggers(root)) {
    privileged = privileged || Privileged(name);
    workflow_run = workflow_run || name == "workflow_run";
  }
  const Node* jobs = root.Find("jobs");
  if (!privileged || jobs == nullptr || !jobs->IsMap()) return out;
  static const core::Regex substitution(R"(\$\(|`)");
  for (const auto& [id, job] : jobs->fields) {
    const Node* steps = job.IsMap() ? job.Find("steps") : nullptr;
    if (steps == nullptr) continue;
    bool downloaded = false;
    for (const Node& step : steps->items) {
      if (!step.IsMap()) continue;
      const Node* run = step.Find("run");
      if (run != nullptr && run->kind == Node::Kind::kScalar) {
        const int first_line = lines.BodyFirstLine(*run);
        const TaintScope& scope = taint.AtStep(step);
        for (const Write& write : EnvironmentWrites(run->scalar)) {
          std::optional<Taint> found = TaintOfText(write.value, scope);
          if (!found) found = TaintOfShellVariables(write.value, scope);
          // The event's text read from its file (`jq -r .issue.title "$GITHUB_EVENT_PATH"`).
          if (!found && write.value.find("GITHUB_EVENT_PATH") != std::string::npos) {
            found = Taint{Control::kAttacker, "the event payload ($GITHUB_EVENT_PATH)", ""};
          }
          const int line = first_line + write.line_offset;
          const int column = first_line == run->mark.line ? run->mark.column : 1;
          if (found && found->control == Control::kAttacker) {
            out.push_back(
                Issue(write, line, column, "text an attacker controls (" + found->source + ")"));
          } else if (workflow_run && downloaded && substitution.PartialMatch(write.value)) {
            out.push_back(Issue(write, line, column,
                                "what it reads after downloading the triggering run's "
                                "artifacts (which the pull request's code wrote)"));
          }
        }
      }
      downloaded = downloaded || DownloadsArtifacts(step);
    }
  }
  return out;
}

}  // namespace riskgate::evaluate::pins
