#include "evaluate/pins/pins_evaluator.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/progress.h"
#include "core/text.h"
#include "evaluate/pins/dockerfile_analysis.h"
#include "evaluate/pins/file_kind.h"
#include "evaluate/pins/from_shell.h"
#include "evaluate/pins/github_workflow.h"
#include "evaluate/pins/gitlab_ci.h"
#include "evaluate/pins/image_ref.h"
#include "evaluate/pins/manifests.h"
#include "evaluate/pins/shell_analysis.h"
#include "evaluate/pins/yaml_lines.h"

namespace riskgate::evaluate::pins {
namespace {

std::vector<PinIssue> CheckDockerfile(std::string_view text) {
  const DockerfileAnalysis analysis = AnalyzeDockerfile(text);
  std::vector<PinIssue> out;
  for (const auto& from : analysis.unpinned_froms) {
    out.push_back(
        {"unpinned-image",
         from.line,
         from.column,
         "base image '" + from.image + "' is not pinned to a digest (" + from.reason + ")",
         "FROM " + DigestFixFor(from.image),
         "",
         {}});
  }
  AppendShellIssues(analysis.run_issues, out);
  for (const auto& error : analysis.parse_errors) {
    out.push_back({"unparsable-config",
                   1,
                   1,
                   "the Dockerfile cannot be fully parsed: " + error,
                   "fix the instruction so `docker build` accepts it",
                   "",
                   {},
                   true});
  }
  return out;
}

std::vector<PinIssue> Check(const collect::ChangedFile& file, const policy::PinsControl& pins,
                            const RepositoryLayout& layout) {
  switch (ClassifyPath(file.path, layout.gitlab_ci_includes)) {
    case FileKind::kGithubWorkflow:
      return CheckGithubFile(file.content, file.path, GithubFileKind::kWorkflow, pins);
    case FileKind::kActionMetadata:
      return CheckGithubFile(file.content, file.path, GithubFileKind::kActionMetadata, pins);
    case FileKind::kGitlabCi:
      return CheckGitlabCi(file.content, file.path, pins);
    case FileKind::kDockerfile:
      return CheckDockerfile(file.content);
    case FileKind::kMaybeShell:
      if (!HasShellShebang(file.content)) return {};
      [[fallthrough]];
    case FileKind::kShell: {
      std::vector<PinIssue> out;
      AppendShellIssues(AnalyzeShell(file.content, 1), out);
      return out;
    }
    case FileKind::kPackageJson:
      return pins.manifests ? CheckPackageJson(file.content) : std::vector<PinIssue>{};
    case FileKind::kRequirementsTxt:
      return pins.manifests ? CheckRequirementsTxt(file.content) : std::vector<PinIssue>{};
    case FileKind::kNone:
      return {};
  }
  return {};
}

// Rule, path and the offending line's text (trimmed): stable when lines move.
std::string Fingerprint(const std::string& rule, const std::string& path, std::string_view line,
                        int occurrence) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  std::string material = "pins";
  material.append(1, '\0').append(rule).append(1, '\0').append(path).append(1, '\0');
  material.append(line).append(1, '\0').append(std::to_string(occurrence));
  return core::Sha256Hex(material).substr(0, 32);
}

}  // namespace

bool WantsDocument(std::string_view path, const policy::PinsControl& pins,
                   const RepositoryLayout& layout) {
  if (!pins.enabled) return false;
  const FileKind kind = ClassifyPath(path, layout.gitlab_ci_includes);
  if (kind == FileKind::kPackageJson || kind == FileKind::kRequirementsTxt) return pins.manifests;
  return kind != FileKind::kNone;
}

std::vector<core::Finding> EvaluatePins(const std::vector<collect::ChangedFile>& files,
                                        const policy::PinsControl& pins,
                                        const RepositoryLayout& layout) {
  std::vector<core::Finding> findings;
  if (!pins.enabled) return findings;
  auto& progress = core::RunProgress();
  progress.documents_total = static_cast<long long>(files.size());
  for (const auto& file : files) {
    ++progress.documents_done;
    auto issues = Check(file, pins, layout);
    std::stable_sort(issues.begin(), issues.end(), [](const auto& a, const auto& b) {
      return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    const SourceLines lines(file.content);
    std::map<std::string, int> seen;  // same rule on identical line text: count occurrences
    for (auto& issue : issues) {
      if (pins.disabled_rules.contains(issue.rule)) continue;
      const auto severity = pins.severity.find(issue.rule);
      if (severity == pins.severity.end()) continue;
      core::Finding finding;
      finding.control = std::string(kControl);
      finding.rule = issue.rule;
      finding.severity = severity->second;
      finding.message = issue.message;
      issue.line = std::clamp(issue.line, 1, std::max(1, lines.size()));
      finding.location = core::Location{file.path, issue.line, issue.column, std::nullopt};
      const std::string_view text = lines.Line(issue.line);
      const int occurrence = seen[issue.rule + '\0' + std::string(text)]++;
      finding.fingerprint = Fingerprint(issue.rule, file.path, text, occurrence);
      finding.in_change =
          (issue.file_level && (file.whole_file || !file.added_lines.empty())) ||
          file.IsAdded(issue.line) ||
          std::any_of(issue.also_introduced_by.begin(), issue.also_introduced_by.end(),
                      [&](int line) { return file.IsAdded(line); });
      finding.hints.fix = issue.fix;
      finding.hints.mitigate = issue.mitigate;
      finding.hints.pin = issue.pin;
      findings.push_back(std::move(finding));
    }
  }
  return findings;
}

}  // namespace riskgate::evaluate::pins
