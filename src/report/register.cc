#include "report/register.h"

#include <sstream>

#include "core/json_out.h"
#include "core/text.h"
#include "report/redacted.h"
#include "report/text_escape.h"

namespace riskgate::report {
namespace {

std::string Text(const std::vector<RegisterEntry>& entries, const std::string& today) {
  std::ostringstream out;
  out << "risk register on " << today << ": " << entries.size() << " waiver(s)\n";
  for (const auto& e : entries) {
    out << "\n"
        << core::EscapeForDisplay(e.id) << "  [" << e.status << "]"
        << (e.severity.empty() ? "" : "  " + e.severity) << "\n"
        << "  owner " << core::EscapeForDisplay(e.owner) << ", approved by "
        << core::EscapeForDisplay(e.approver) << "\n"
        << "  created " << e.created << " (" << e.age_days << " days ago), expires " << e.expires
        << " ("
        << (e.days_left >= 0 ? "in " + std::to_string(e.days_left) + " days"
                             : std::to_string(-e.days_left) + " days ago")
        << ")\n"
        << "  covers " << core::EscapeForDisplay(e.covers) << " (" << e.findings
        << " finding(s) now)\n"
        << "  reason " << core::EscapeForDisplay(e.reason) << "\n";
    if (!e.ticket.empty()) out << "  ticket " << core::EscapeForDisplay(e.ticket) << "\n";
  }
  return out.str();
}

std::string Json(const std::vector<RegisterEntry>& entries, const std::string& today,
                 const ReportOrigin& origin) {
  core::JsonOut list = core::JsonOut::Array();
  for (const auto& e : entries) {
    list.Push(core::JsonOut::Object(
        {{"id", e.id},
         {"status", e.status},
         {"severity", e.severity.empty() ? core::JsonOut(nullptr) : core::JsonOut(e.severity)},
         {"owner", e.owner},
         {"approver", e.approver},
         {"created", e.created},
         {"expires", e.expires},
         {"age_days", e.age_days},
         {"days_left", e.days_left},
         {"findings", e.findings},
         {"covers", e.covers},
         {"ticket", e.ticket},
         {"reason", e.reason},
         {"file", e.file},
         {"line", e.line}}));
  }
  auto doc = core::JsonOut::Object({{"today", today}, {"waivers", std::move(list)}});
  SetOrigin(doc, "waivers", origin);
  return doc.Dump(2) + "\n";
}

std::string Markdown(const std::vector<RegisterEntry>& entries, const std::string& today) {
  std::string out = "## Risk register (" + today + ")\n\n";
  out +=
      "| Waiver | Status | Severity | Owner | Approver | Age (days) | Expires | Days left | "
      "Covers |\n|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& e : entries) {
    out += "| " + MarkdownTableCode(e.id) + " | " + e.status + " | " +
           (e.severity.empty() ? "-" : e.severity) + " | " + MarkdownEscape(e.owner) + " | " +
           MarkdownEscape(e.approver) + " | " + std::to_string(e.age_days) + " | " + e.expires +
           " | " + std::to_string(e.days_left) + " | " + MarkdownEscape(e.covers) + " |\n";
  }
  if (entries.empty()) out += "| - | no waivers | | | | | | | |\n";
  return out;
}

}  // namespace

std::optional<RegisterFormat> ParseRegisterFormat(std::string_view name) {
  if (name == "text") return RegisterFormat::kText;
  if (name == "json") return RegisterFormat::kJson;
  if (name == "markdown") return RegisterFormat::kMarkdown;
  return std::nullopt;
}

std::string WriteRegister(RegisterFormat format, const std::vector<RegisterEntry>& entries,
                          const std::string& today, const ReportOrigin& origin) {
  const std::vector<RegisterEntry> redacted = RedactedRegister(entries);
  switch (format) {
    case RegisterFormat::kText:
      return Text(redacted, today);
    case RegisterFormat::kJson:
      return Json(redacted, today, origin);
    case RegisterFormat::kMarkdown:
      return Markdown(redacted, today);
  }
  return "";
}

}  // namespace riskgate::report
