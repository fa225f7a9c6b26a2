// Stage 5 (report): one writer per output format. Input: the verdict, what was judged and which
// policy judged it. Output: the document as a string (the app writes it atomically). Writers
// never see raw secrets: findings carry redacted values only.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scope.h"
#include "decide/decide.h"

namespace riskgate::report {

struct ReportInput {
  const decide::Verdict& verdict;
  const core::ScopeSummary& scope;
  const core::PolicySource& policy;
  bool dry_run = false;
  const core::RunIdentity* run = nullptr;                 // which repository and change, and when
  const std::vector<std::string>* controls_on = nullptr;  // the policy's controls that are on
  const core::SecureDefaults* secure_defaults = nullptr;  // worktree audits only
};

enum class Format { kText, kJson, kSarif, kJunit, kGitlab, kGithub, kMarkdown };

std::optional<Format> ParseFormat(std::string_view name);
std::string_view FormatNames();  // for help text

struct TextStyle {
  bool color = false;
};

// The one way to a document: the writers below get copies redacted by report/redacted.h.
std::string Render(Format format, const ReportInput& input, const TextStyle& style);

std::string WriteText(const ReportInput& input, const TextStyle& style);
std::string WriteJson(const ReportInput& input);
// SARIF 2.1.0 for GitHub code scanning.
std::string WriteSarif(const ReportInput& input);
// JUnit XML: one test case per rule and file; only block findings fail.
std::string WriteJunit(const ReportInput& input);
// GitLab Code Quality JSON.
std::string WriteGitlab(const ReportInput& input);
// GitHub workflow commands: annotations, then the text report inside a stop-commands block that
// `stop_token` (unguessable, new for every run: NewStopToken()) closes.
std::string WriteGithub(const ReportInput& input, std::string_view stop_token);
std::string NewStopToken();
// GitHub-flavoured Markdown for a job summary or merge request comment, under kMarkdownMaxBytes.
std::string WriteMarkdown(const ReportInput& input);
inline constexpr std::size_t kMarkdownMaxBytes = 1024 * 1024;  // GitHub's job summary limit

inline constexpr std::string_view kToolName = "riskgate";
std::string_view ToolVersion();
// The project's home page, empty when the build does not set one.
std::string_view ToolHomepage();

}  // namespace riskgate::report
