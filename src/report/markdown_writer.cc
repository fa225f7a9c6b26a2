// GitHub-flavoured Markdown for $GITHUB_STEP_SUMMARY or a merge request comment: the decision,
// what was judged, a table of findings, remedies per finding, skipped files. GitHub rejects a
// step summary over 1 MiB, so findings and skipped files that would not fit are counted, not shown.
#include <string>
#include <vector>

#include "core/text.h"
#include "report/finding_text.h"
#include "report/report.h"
#include "report/scope_text.h"
#include "report/text_escape.h"

namespace riskgate::report {
namespace {

// Caps on single untrusted fields, so one huge message or path cannot crowd out the rest.
constexpr std::size_t kMaxField = 1024;
constexpr std::size_t kMaxDetail = 16 * 1024;
// Room kept for the "omitted" notes and the closing lines.
constexpr std::size_t kReserve = 4096;

std::string_view Emoji(core::Decision decision) {
  switch (decision) {
    case core::Decision::kBlock:
      return "\xf0\x9f\x9a\xab";  // no entry sign
    case core::Decision::kWarn:
      return "\xe2\x9a\xa0\xef\xb8\x8f";  // warning sign
    case core::Decision::kPass:
      return "\xe2\x9c\x85";  // check mark
  }
  return "";
}

std::string Header(const ReportInput& input) {
  const auto& scope = input.scope;
  const auto& s = input.verdict.summary;
  std::string out = "## " + std::string(Emoji(input.verdict.decision)) + " " +
                    std::string(kToolName) + ": " +
                    std::string(core::DecisionName(input.verdict.decision)) + "\n\n";
  if (const std::string note = NothingJudgedNote(scope); !note.empty()) {
    out += "> **" + MarkdownEscape(note) + "**\n\n";
  }
  for (const std::string& note : scope.notes) out += "> " + MarkdownEscape(note) + "\n\n";
  out += "- **Scope:** " + MarkdownEscape(Clip(DescribeScope(scope), kMaxField)) + "; " +
         core::Plural(scope.files_scanned, "file") + " scanned, " +
         std::to_string(scope.skipped.size()) + " skipped\n";
  out += "- **Policy:** " + MarkdownEscape(Clip(input.policy.origin, kMaxField));
  if (!input.policy.sha256.empty()) {
    out += " (sha256 " + MarkdownEscape(Clip(input.policy.sha256, 64)) + ")";
  }
  out += "\n- **Findings:** " + std::to_string(s.total) + " (" + std::to_string(s.block) +
         " block, " + std::to_string(s.warn) + " warn, " + std::to_string(s.pass) + " pass)";
  if (s.suppressed_inline > 0) {
    out += "; " + std::to_string(s.suppressed_inline) + " suppressed by riskgate:allow comments";
  }
  if (s.inline_ignored > 0) {
    out += "; " + std::to_string(s.inline_ignored) + " riskgate:allow comments ignored by policy";
  }
  if (input.dry_run) out += " (dry run: exit code 0)";
  if (s.omitted > 0)
    out += "\n- **Not listed:** " + MarkdownEscape(Clip(OmittedNote(s), kMaxField));
  return out + "\n\n";
}

std::string Row(const core::JudgedFinding& f) {
  return "| " + std::string(Emoji(f.decision)) + " " + std::string(core::DecisionName(f.decision)) +
         " | " + std::string(core::SeverityName(f.severity)) + " | " +
         MarkdownTableCode(Clip(f.rule, kMaxField)) + " | " +
         MarkdownTableCode(Clip(PathLine(f), kMaxField)) + " | " +
         MarkdownEscape(Clip(Headline(f), kMaxField)) + " |\n";
}

std::string Details(const core::JudgedFinding& f) {
  std::string out = "<details>\n<summary>" + std::string(Emoji(f.decision)) + " <code>" +
                    HtmlEscape(Clip(f.rule, kMaxField)) + "</code> at <code>" +
                    HtmlEscape(Clip(PathLine(f), kMaxField)) + "</code></summary>\n\n";
  out += MarkdownEscape(Clip(Headline(f), kMaxField)) + "\n\n";
  out += "Fingerprint " + MarkdownEscape(Clip(f.fingerprint, 64));
  if (f.location.commit) out += ", commit " + MarkdownEscape(Clip(*f.location.commit, 64));
  if (f.occurrences > 1) out += ", seen " + std::to_string(f.occurrences) + " times";
  if (f.history) out += f.history->present_at_head ? ", still at HEAD" : ", no longer at HEAD";
  out += "\n\n";
  if (const std::string note = WaiverNote(f); !note.empty()) {
    out += "**Accepted risk:** " + MarkdownEscape(Clip(note, kMaxField)) + "\n\n";
  }
  for (const auto& r : f.remediation) {
    std::string kind(core::RemedyKindName(r.kind));
    kind[0] = static_cast<char>(kind[0] - 'a' + 'A');
    out += "**" + kind + ":** " + MarkdownEscapeLines(Clip(r.summary, kMaxField)) + "\n\n";
    if (!r.detail.empty()) out += MarkdownCodeBlock(Clip(r.detail, kMaxDetail)) + "\n";
  }
  return out + "</details>\n\n";
}

std::string Omitted(std::size_t count, std::string_view what) {
  return "> **" + std::to_string(count) + " more " + std::string(what) +
         " omitted** to keep this summary under GitHub's 1 MiB limit; the text, JSON or SARIF "
         "report lists them all.\n\n";
}

}  // namespace

std::string WriteMarkdown(const ReportInput& input) {
  const auto& findings = input.verdict.findings;
  const std::string header = Header(input);
  const std::size_t budget = kMarkdownMaxBytes - kReserve - header.size();

  std::string table;
  std::string details;
  std::size_t shown = 0;
  for (const auto& f : findings) {
    std::string row = Row(f);
    std::string detail = Details(f);
    if (table.size() + details.size() + row.size() + detail.size() > budget) break;
    table += row;
    details += detail;
    ++shown;
  }

  std::string out = header;
  if (findings.empty()) {
    out += "No findings.\n\n";
  } else {
    out += "| Decision | Severity | Rule | Location | Message |\n|---|---|---|---|---|\n" + table +
           "\n";
    if (shown < findings.size()) out += Omitted(findings.size() - shown, "findings");
    out += "### Remedies\n\n" + details;
  }

  const auto& skipped = input.scope.skipped;
  if (!skipped.empty()) {
    std::string list;
    std::size_t listed = 0;
    for (const auto& s : skipped) {
      std::string item = "- " + MarkdownEscape(Clip(s.path, kMaxField)) + " (" +
                         std::string(core::SkipReasonName(s.reason)) + ")\n";
      if (out.size() + list.size() + item.size() > budget + header.size()) break;
      list += item;
      ++listed;
    }
    out += "### Skipped files\n\n" + list + "\n";
    if (listed < skipped.size()) out += Omitted(skipped.size() - listed, "skipped files");
  }
  return out;
}

}  // namespace riskgate::report
