// The human report: every finding with path:line, rule, decision and remedies, then a verdict.
#include <algorithm>
#include <sstream>

#include "core/date.h"
#include "core/text.h"
#include "report/finding_text.h"
#include "report/report.h"
#include "report/scope_text.h"

namespace riskgate::report {
namespace {

// "path:line:column"; a finding about a whole file is its path, one about a commit "(commit)".
std::string WhereText(const core::Location& location) {
  if (location.path.empty()) return location.commit ? "(commit)" : "(repository)";
  std::string out = core::EscapeForDisplay(location.path);
  if (location.line > 0) {
    out += ":" + std::to_string(location.line) + ":" + std::to_string(location.column);
  }
  return out;
}

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string operator()(std::string_view code, std::string_view text) const {
    if (!color_) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }

 private:
  bool color_;
};

std::string_view DecisionColor(core::Decision d) {
  switch (d) {
    case core::Decision::kBlock:
      return "1;31";
    case core::Decision::kWarn:
      return "1;33";
    case core::Decision::kPass:
      return "1;32";
  }
  return "0";
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

void Indent(std::ostringstream& out, std::string_view text, std::string_view prefix) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out << prefix << core::EscapeForDisplay(text.substr(start, end - start)) << "\n";
    start = end + 1;
  }
}

// Where history has it: who introduced it when, where else it went, and whether HEAD has it.
// Authors and paths come from the repository and are escaped; the lines are the note's own.
std::string HistoryNote(const core::HistoryTrail& trail) {
  std::string out;
  constexpr std::size_t kListed = 10;
  for (std::size_t i = 0; i < trail.sightings.size() && i < kListed; ++i) {
    const auto& s = trail.sightings[i];
    out += i == 0 ? "  introduced in " : "  then in ";
    if (s.kind == core::Sighting::Kind::kRef) {
      out += "object " + core::EscapeForDisplay(s.commit.substr(0, 12)) +
             ", which no commit holds and only a ref names";
    } else {
      out += core::EscapeForDisplay(s.commit.substr(0, 12)) + " by " +
             core::EscapeForDisplay(s.author) + " on " + core::FormatTimestamp(s.time);
    }
    if (i > 0 || s.kind != core::Sighting::Kind::kAdded) {
      out += " at " + core::EscapeForDisplay(s.path) + ":" + std::to_string(s.line) + " (" +
             std::string(core::SightingKindName(s.kind)) + ")";
    }
    out += "\n";
  }
  if (trail.sightings.size() > kListed) {
    out += "  and " + std::to_string(trail.sightings.size() - kListed) + " more sightings\n";
  }
  out += trail.present_at_head
             ? "  still present at HEAD\n"
             : "  no longer at HEAD, but still in history: revoke it; deleting it is not enough\n";
  return out;
}

}  // namespace

std::string WriteText(const ReportInput& input, const TextStyle& style) {
  const Painter paint(style.color);
  std::ostringstream out;
  const auto& scope = input.scope;
  if (const std::string note = NothingJudgedNote(scope); !note.empty()) {
    out << "riskgate " << ToolVersion() << ": " << core::EscapeForDisplay(note) << "\n";
  }
  out << "riskgate " << ToolVersion() << ": judging "
      << core::EscapeForDisplay(DescribeScope(scope)) << "\n";
  for (const std::string& note : scope.notes)
    out << "note: " << core::EscapeForDisplay(note) << "\n";
  out << "policy: " << core::EscapeForDisplay(input.policy.origin);
  if (!input.policy.revision.empty()) {
    out << " (" << core::EscapeForDisplay(input.policy.revision) << ")";
  }
  out << "\n";
  out << "scanned " << scope.files_scanned << (scope.files_scanned == 1 ? " file" : " files");
  if (!scope.skipped.empty()) {
    out << ", skipped " << scope.skipped.size() << ":";
    for (const auto& s : scope.skipped) {
      out << "\n  - " << core::EscapeForDisplay(s.path) << " (" << core::SkipReasonName(s.reason)
          << ")";
    }
  }
  out << "\n";
  for (const auto& f : input.verdict.findings) {
    out << "\n"
        << paint(DecisionColor(f.decision), Upper(core::DecisionName(f.decision))) << " "
        << WhereText(f.location) << " " << paint("1", core::EscapeForDisplay(f.rule)) << " ["
        << core::SeverityName(f.severity)
        << (f.confidence ? ", confidence " + std::string(core::ConfidenceName(*f.confidence)) : "")
        << "]\n";
    out << "  " << core::EscapeForDisplay(f.message);
    if (!f.secret.empty()) out << ": " << core::EscapeForDisplay(f.secret);
    out << "\n";
    if (f.history) {
      out << HistoryNote(*f.history);
    } else {
      if (f.location.commit) out << "  commit " << *f.location.commit << "\n";
      if (f.occurrences > 1) out << "  seen " << f.occurrences << " times in the scope\n";
    }
    if (!WaiverNote(f).empty()) out << "  " << core::EscapeForDisplay(WaiverNote(f)) << "\n";
    out << "  fingerprint " << core::EscapeForDisplay(f.fingerprint) << "\n";
    for (const auto& r : f.remediation) {
      // A summary of several lines continues, indented, under its first line.
      const std::size_t first_end = std::min(r.summary.find('\n'), r.summary.size());
      out << "  " << paint("36", std::string(core::RemedyKindName(r.kind)) + ":") << " "
          << core::EscapeForDisplay(std::string_view(r.summary).substr(0, first_end)) << "\n";
      if (first_end < r.summary.size()) {
        Indent(out, std::string_view(r.summary).substr(first_end + 1), "      ");
      }
      Indent(out, r.detail, "      ");
    }
  }
  const auto& s = input.verdict.summary;
  out << "\n";
  if (s.suppressed_inline > 0) {
    out << s.suppressed_inline << " finding(s) suppressed by riskgate:allow comments\n";
  }
  if (s.inline_ignored > 0) {
    out << s.inline_ignored << " riskgate:allow comment(s) ignored: the policy forbids them\n";
  }
  if (s.waived > 0) out << s.waived << " finding(s) waived (accepted risk, still listed)\n";
  if (s.baselined > 0) out << s.baselined << " finding(s) in the baseline\n";
  if (s.omitted > 0) out << core::EscapeForDisplay(OmittedNote(s)) << "\n";
  out << paint(DecisionColor(input.verdict.decision),
               Upper(core::DecisionName(input.verdict.decision)))
      << ": " << s.total << (s.total == 1 ? " finding" : " findings") << " (" << s.block
      << " block, " << s.warn << " warn, " << s.pass << " pass)";
  if (input.dry_run) out << " [dry run: exit code 0]";
  out << "\n";
  return out.str();
}

}  // namespace riskgate::report
