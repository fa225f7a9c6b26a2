// JUnit XML for GitLab's test report widget and Jenkins: one test case per rule and file. Only
// block findings fail; warn and pass findings are passed cases that say so in <system-out>
// (reporting warnings as failures would make a "passed with warnings" run look broken).
#include <map>
#include <sstream>
#include <tuple>

#include "report/finding_text.h"
#include "report/report.h"
#include "report/scope_text.h"
#include "report/text_escape.h"

namespace riskgate::report {
namespace {

std::string Attr(std::string_view text) { return XmlEscape(text, XmlContext::kAttribute); }
std::string Text(std::string_view text) { return XmlEscape(text, XmlContext::kText); }

// One line per finding inside a test case's <failure> or <system-out>.
std::string Describe(const core::JudgedFinding& f) {
  std::string out = std::string(core::DecisionName(f.decision)) + " " + PathLine(f) + " [" +
                    std::string(core::SeverityName(f.severity)) + "] " + HeadlineWithFix(f);
  if (f.location.commit) out += " (commit " + *f.location.commit + ")";
  if (f.occurrences > 1) out += " (seen " + std::to_string(f.occurrences) + " times)";
  return out + "\n";
}

struct Case {
  std::string control;
  std::string name;
  std::string failure_message;  // first block finding's headline; empty when the case passes
  std::string failure_type;
  std::string failures;  // block findings
  std::string output;    // warn and pass findings
};

std::vector<Case> Cases(const std::vector<core::JudgedFinding>& findings) {
  std::vector<Case> cases;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> index;
  for (const auto& f : findings) {
    auto [it, added] =
        index.emplace(std::make_tuple(f.control, f.rule, f.location.path), cases.size());
    if (added) cases.push_back(Case{f.control, f.rule + ": " + f.location.path, "", "", "", ""});
    Case& c = cases[it->second];
    if (f.decision == core::Decision::kBlock) {
      if (c.failure_message.empty()) {
        c.failure_message = HeadlineWithFix(f);
        c.failure_type = f.rule;
      }
      c.failures += Describe(f);
    } else {
      c.output += Describe(f);
    }
  }
  return cases;
}

}  // namespace

std::string WriteJunit(const ReportInput& input) {
  std::vector<Case> cases = Cases(input.verdict.findings);
  if (cases.empty()) {
    cases.push_back(Case{std::string(kToolName), std::string(kToolName), "", "", "", ""});
  }
  std::size_t failures = 0;
  for (const auto& c : cases) failures += c.failure_message.empty() ? 0 : 1;

  std::ostringstream suite_out;
  const auto& scope = input.scope;
  suite_out << "riskgate " << ToolVersion() << ": " << DescribeScope(scope) << "\n"
            << "policy: " << input.policy.origin << "\n"
            << "decision: " << core::DecisionName(input.verdict.decision) << "\n"
            << "files scanned: " << scope.files_scanned << "\n";
  for (const auto& s : scope.skipped) {
    suite_out << "skipped: " << s.path << " (" << core::SkipReasonName(s.reason) << ")\n";
  }

  std::ostringstream out;
  const std::string counts = " tests=\"" + std::to_string(cases.size()) + "\" failures=\"" +
                             std::to_string(failures) + "\" errors=\"0\"";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"" << kToolName << "\"" << counts << ">\n"
      << "  <testsuite name=\"" << kToolName << "\"" << counts << " skipped=\"0\">\n"
      << "    <properties>\n"
      << "      <property name=\"decision\" value=\"" << core::DecisionName(input.verdict.decision)
      << "\"/>\n"
      << "      <property name=\"policy\" value=\"" << Attr(input.policy.origin) << "\"/>\n"
      << "      <property name=\"policy_sha256\" value=\"" << Attr(input.policy.sha256) << "\"/>\n"
      << "    </properties>\n";
  for (const auto& c : cases) {
    out << "    <testcase classname=\"" << Attr(c.control) << "\" name=\"" << Attr(c.name) << "\"";
    if (c.failure_message.empty() && c.output.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    if (!c.failure_message.empty()) {
      out << "      <failure message=\"" << Attr(c.failure_message) << "\" type=\""
          << Attr(c.failure_type) << "\">" << Text(c.failures) << "</failure>\n";
    }
    if (!c.output.empty()) out << "      <system-out>" << Text(c.output) << "</system-out>\n";
    out << "    </testcase>\n";
  }
  out << "    <system-out>" << Text(suite_out.str()) << "</system-out>\n"
      << "  </testsuite>\n"
      << "</testsuites>\n";
  return out.str();
}

}  // namespace riskgate::report
