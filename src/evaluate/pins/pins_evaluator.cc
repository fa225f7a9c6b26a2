#include "evaluate/pins/pins_evaluator.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/parallel.h"
#include "core/progress.h"
#include "core/text.h"
#include "evaluate/pins/dependabot_config.h"
#include "evaluate/pins/dockerfile_analysis.h"
#include "evaluate/pins/file_kind.h"
#include "evaluate/pins/from_shell.h"
#include "evaluate/pins/github_workflow.h"
#include "evaluate/pins/gitlab_ci.h"
#include "evaluate/pins/image_ref.h"
#include "evaluate/pins/manifests.h"
#include "evaluate/pins/online_pins.h"
#include "evaluate/pins/pre_commit_config.h"
#include "evaluate/pins/shell_analysis.h"
#include "evaluate/pins/yaml_lines.h"

namespace riskgate::evaluate::pins {
namespace {

constexpr std::string_view kUnparsable = "unparsable-config";

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

std::vector<PinIssue> CheckAs(FileKind kind, const std::string& path, const std::string& content,
                              const policy::PinsControl& pins,
                              const collect::PinLookups& gathered) {
  switch (kind) {
    case FileKind::kGithubWorkflow:
      return CheckGithubFile(content, path, GithubFileKind::kWorkflow, pins, &gathered);
    case FileKind::kActionMetadata:
      return CheckGithubFile(content, path, GithubFileKind::kActionMetadata, pins, &gathered);
    case FileKind::kGitlabCi:
      return CheckGitlabCi(content, path, pins);
    case FileKind::kDockerfile:
      // A shell script named after a Dockerfile (`gen-dockerfile`) is judged as the script it
      // is: read as a Dockerfile its commands would only be an unparsable file.
      if (!HasShellShebang(content)) return CheckDockerfile(content);
      [[fallthrough]];
    case FileKind::kMaybeShell:
      if (!HasShellShebang(content)) return {};
      [[fallthrough]];
    case FileKind::kShell: {
      std::vector<PinIssue> out;
      AppendShellIssues(AnalyzeShell(content, 1), out);
      return out;
    }
    case FileKind::kPackageJson:
      return pins.manifests ? CheckPackageJson(content) : std::vector<PinIssue>{};
    case FileKind::kRequirementsTxt:
      return pins.manifests ? CheckRequirementsTxt(content) : std::vector<PinIssue>{};
    case FileKind::kPreCommitConfig:
      return CheckPreCommitConfig(content, path);
    case FileKind::kDependabotConfig:
      return CheckDependabotConfig(content, path);
    case FileKind::kNone:
      return {};
  }
  return {};
}

// A file GitLab includes is judged as GitLab CI and, when its name gives it a role of its own
// (a script, a Dockerfile), as that too: an include must not take a role away.
std::vector<PinIssue> Check(const std::string& path, const std::string& content,
                            const policy::PinsControl& pins, const RepositoryLayout& layout,
                            const collect::PinLookups& lookups) {
  const FileKind kind = ClassifyPath(path, layout.gitlab_ci_includes);
  auto issues = CheckAs(kind, path, content, pins, lookups);
  if (!lookups.actions.empty()) {
    auto online = OnlineIssues(ActionPins(content, path), lookups);
    issues.insert(issues.end(), online.begin(), online.end());
  }
  if (const FileKind own = ClassifyPath(path); own != kind && own != FileKind::kNone) {
    auto more = CheckAs(own, path, content, pins, lookups);
    issues.insert(issues.end(), more.begin(), more.end());
  }
  return issues;
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

// The rated findings of one version of a document, each with the issue it came from.
std::vector<std::pair<core::Finding, PinIssue>> Rate(const std::string& path,
                                                     const std::string& content,
                                                     const policy::PinsControl& pins,
                                                     const RepositoryLayout& layout,
                                                     const collect::PinLookups& lookups) {
  auto issues = Check(path, content, pins, layout, lookups);
  std::stable_sort(issues.begin(), issues.end(), [](const auto& a, const auto& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  const SourceLines lines(content);
  std::map<std::string, int> seen;  // same rule on identical line text: count occurrences
  std::vector<std::pair<core::Finding, PinIssue>> out;
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
    finding.location = core::Location{path, issue.line, issue.column, std::nullopt};
    const std::string_view text = lines.Line(issue.line);
    const int occurrence = seen[issue.rule + '\0' + std::string(text)]++;
    finding.fingerprint = Fingerprint(issue.rule, path, text, occurrence);
    finding.hints.fix = issue.fix;
    finding.hints.mitigate = issue.mitigate;
    finding.hints.pin = issue.pin;
    out.emplace_back(std::move(finding), std::move(issue));
  }
  return out;
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
                                        const RepositoryLayout& layout,
                                        policy::OnUnscanned on_unparsable,
                                        const collect::PinLookups& lookups) {
  std::vector<core::Finding> findings;
  if (!pins.enabled) return findings;
  auto& progress = core::RunProgress();
  progress.documents_total = static_cast<long long>(files.size());
  // Each document is judged alone: on every core when there is enough text (a range of a large
  // repository changes hundreds of shell scripts; judged one after another they took 0.2 s of
  // git/git's HEAD~300..HEAD on one core), each into its own slot, so the order is the files'.
  std::vector<std::vector<core::Finding>> per_file(files.size());
  std::size_t bytes = 0;
  for (const auto& file : files) bytes += file.content.size();
  const std::size_t threads = core::ThreadsFor(files.size(), bytes, 8, std::size_t{1} << 20);
  core::ParallelFor(files.size(), threads, [&](std::size_t f, std::size_t) {
    const collect::ChangedFile& file = files[f];
    auto rated = Rate(file.path, file.content, pins, layout, lookups);
    // Introduced means present now and absent from the version the change started from, by
    // identity: deleting a checksum check or a `permissions:` block creates a finding on a line
    // the change never touched. A file-level issue (the file does not parse) is part of any
    // change to the file, since it hides whatever the change did to it.
    // The identity also holds what else the issue is made of (the download a run executes), so
    // that pointing an old unverified run at another download is new.
    const auto identity = [](const core::Finding& finding, const PinIssue& issue) {
      return finding.fingerprint + '\0' + issue.related;
    };
    std::multiset<std::string> before;  // only asked about findings: none, nothing to compare
    if (!rated.empty() && !file.whole_file && file.base_content) {
      for (auto& [finding, issue] : Rate(file.path, *file.base_content, pins, layout, lookups)) {
        before.insert(identity(finding, issue));
      }
    }
    for (auto& [finding, issue] : rated) {
      finding.in_change = file.whole_file || !file.base_content ||
                          !before.contains(identity(finding, issue)) || issue.file_level;
      if (issue.rule == kUnparsable && on_unparsable == policy::OnUnscanned::kBlock) {
        finding.severity = std::max(finding.severity, core::Severity::kHigh);
        finding.fixed_decision = core::Decision::kBlock;
      }
      per_file[f].push_back(std::move(finding));
    }
    ++progress.documents_done;
  });
  for (auto& found : per_file) {
    findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                    std::make_move_iterator(found.end()));
  }
  return findings;
}

}  // namespace riskgate::evaluate::pins
