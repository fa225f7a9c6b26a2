// SARIF 2.1.0 shaped for GitHub code scanning: only the rules that fired, each once (duplicate
// rule ids fail the upload); `security-severity` so alerts get a severity; 1-based regions;
// a stable `partialFingerprints` key of our own (upload-sarif adds primaryLocationLineHash).
// Waived findings belong in result.suppressions (kind external, status accepted) once the decide
// stage marks findings as waived; today every finding it passes on is active.
#include <map>

#include "core/json_out.h"
#include "report/finding_text.h"
#include "report/history_json.h"
#include "report/report.h"
#include "report/scope_text.h"
#include "report/text_escape.h"

namespace riskgate::report {
namespace {

using core::JsonOut;

constexpr std::size_t kMaxDescription = 1024;  // GitHub's limit for short/full descriptions
constexpr std::size_t kMaxName = 255;

std::string_view Level(core::Decision decision) {
  switch (decision) {
    case core::Decision::kBlock:
      return "error";
    case core::Decision::kWarn:
      return "warning";
    case core::Decision::kPass:
      return "note";
  }
  return "warning";
}

// GitHub's bands: > 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
std::string_view SecuritySeverity(core::Severity severity) {
  switch (severity) {
    case core::Severity::kCritical:
      return "9.5";
    case core::Severity::kHigh:
      return "8.0";
    case core::Severity::kMedium:
      return "5.5";
    case core::Severity::kLow:
      return "3.0";
    case core::Severity::kInfo:
      return "1.0";
  }
  return "5.5";
}

// Rules for a named provider's credential format rarely misfire; generic ones more often.
std::string_view Precision(const core::JudgedFinding& finding) {
  if (finding.control == "secrets" && finding.hints.provider.empty()) return "medium";
  return "high";
}

// "aws-access-key-id" -> "AwsAccessKeyId", the friendly-name form SARIF recommends.
std::string PascalName(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return Clip(out.empty() ? "Rule" : out, kMaxName);
}

struct RuleHelp {
  std::string text;
  std::string markdown;
};

void AddHelpLine(RuleHelp& help, std::string_view label, const std::string& text,
                 const std::string& markdown) {
  if (text.empty()) return;
  help.text += (help.text.empty() ? "" : "\n") + std::string(label) + ": " + text;
  help.markdown +=
      (help.markdown.empty() ? "" : "\n\n") + ("**" + std::string(label) + ":** ") + markdown;
}

void AddHelpLine(RuleHelp& help, std::string_view label, const std::string& text) {
  AddHelpLine(help, label, text, MarkdownEscapeLines(text));
}

// Rule-level advice: the remedies' summaries, the rule's own fix text and the mitigation text
// (remedy details that name the finding's file are left to the per-finding reports).
RuleHelp Help(const core::JudgedFinding& f) {
  RuleHelp help;
  const auto* fix = FindRemedy(f, core::RemedyKind::kFix);
  const auto* mitigate = FindRemedy(f, core::RemedyKind::kMitigate);
  const auto* accept = FindRemedy(f, core::RemedyKind::kAccept);
  std::string fix_text = fix ? fix->summary : "";
  if (!f.hints.fix.empty() && f.hints.fix != fix_text) {
    fix_text += (fix_text.empty() ? "" : ". ") + f.hints.fix;
  }
  AddHelpLine(help, "Fix", fix_text);
  AddHelpLine(help, "Revoke at", f.hints.revoke_url, MarkdownUrl(f.hints.revoke_url));
  if (mitigate) {
    std::string mitigate_text = mitigate->summary;
    if (!mitigate->detail.empty() && mitigate->detail != mitigate->summary) {
      mitigate_text += (mitigate_text.empty() ? "" : ": ") + mitigate->detail;
    }
    AddHelpLine(help, "Mitigate", mitigate_text);
  }
  if (accept) {
    AddHelpLine(
        help, "Accept",
        accept->summary + (accept->detail.empty() ? ""
                                                  : " (riskgate's text or JSON report gives the "
                                                    "`riskgate waive` command)"));
  }
  if (help.text.empty()) AddHelpLine(help, "Rule", f.rule);
  return help;
}

JsonOut Rule(const core::JudgedFinding& f, core::Decision decision) {
  std::string full = f.message + " (" + f.control + " control, rule " + f.rule + ", severity " +
                     std::string(core::SeverityName(f.severity));
  if (!f.hints.provider.empty()) full += ", issued by " + f.hints.provider;
  full += ").";
  const RuleHelp help = Help(f);
  return JsonOut::Object({
      {"id", f.rule},
      {"name", PascalName(f.rule)},
      {"shortDescription",
       JsonOut::Object({{"text", Clip(f.message.empty() ? f.rule : f.message, kMaxDescription)}})},
      {"fullDescription", JsonOut::Object({{"text", Clip(full, kMaxDescription)}})},
      {"help", JsonOut::Object({{"text", help.text}, {"markdown", help.markdown}})},
      {"defaultConfiguration", JsonOut::Object({{"level", Level(decision)}})},
      {"properties", JsonOut::Object({{"tags", JsonOut::Array({"security", f.control})},
                                      {"precision", Precision(f)},
                                      {"security-severity", SecuritySeverity(f.severity)}})},
  });
}

double Rank(core::Confidence confidence) {
  switch (confidence) {
    case core::Confidence::kHigh:
      return 90.0;
    case core::Confidence::kMedium:
      return 60.0;
    case core::Confidence::kLow:
      return 30.0;
  }
  return 60.0;
}

JsonOut Result(const core::JudgedFinding& f, std::size_t rule_index) {
  JsonOut result = JsonOut::Object({
      {"ruleId", f.rule},
      {"ruleIndex", rule_index},
      {"level", Level(f.decision)},
      {"message", JsonOut::Object({{"text", HeadlineWithFix(f)}})},
  });
  if (!f.location.path.empty()) {
    const JsonOut region = JsonOut::Object(
        {{"startLine", DisplayLine(f.location)}, {"startColumn", DisplayColumn(f.location)}});
    const JsonOut artifact =
        JsonOut::Object({{"uri", PercentEncodePath(f.location.path)}, {"uriBaseId", "%SRCROOT%"}});
    result.Set(
        "locations",
        JsonOut::Array({JsonOut::Object({{"physicalLocation", JsonOut::Object({
                                                                  {"artifactLocation", artifact},
                                                                  {"region", region},
                                                              })}})}));
  }
  if (!f.fingerprint.empty()) {
    result.Set("partialFingerprints", JsonOut::Object({{"riskgate/v1", f.fingerprint}}));
  }
  JsonOut properties = JsonOut::Object({{"decision", core::DecisionName(f.decision)},
                                        {"severity", core::SeverityName(f.severity)},
                                        {"occurrences", f.occurrences}});
  if (f.location.commit) properties.Set("commit", *f.location.commit);
  if (f.confidence) {
    properties.Set("confidence", core::ConfidenceName(*f.confidence));
    // SARIF's rank (0.0-100.0): how likely the result is a real problem.
    result.Set("rank", Rank(*f.confidence));
  }
  if (f.history) properties.Set("history", HistoryJson(f));
  // What merge needs to read the result back as riskgate reported it.
  properties.Set(
      "riskgate",
      JsonOut::Object({{"control", f.control},
                       {"message", f.message},
                       {"secret", f.secret.empty() ? JsonOut(nullptr) : JsonOut(f.secret)},
                       {"path", f.location.path},
                       {"line", f.location.line},
                       {"column", f.location.column},
                       {"fingerprint", f.fingerprint}}));
  result.Set("properties", std::move(properties));
  // Accepted risk stays visible as a suppressed result (code scanning shows it as dismissed).
  const bool waived = f.waiver && (f.waiver->status == core::WaiverStatus::kActive ||
                                   f.waiver->status == core::WaiverStatus::kExpiring);
  if (waived) {
    const JsonOut waiver = JsonOut::Object({{"waiver", f.waiver->id},
                                            {"expires", f.waiver->expires},
                                            {"owner", f.waiver->owner},
                                            {"approved_by", f.waiver->approver}});
    result.Set("suppressions", JsonOut::Array({JsonOut::Object({{"kind", "external"},
                                                                {"status", "accepted"},
                                                                {"justification", f.waiver->reason},
                                                                {"properties", waiver}})}));
  } else if (f.baselined) {
    result.Set("suppressions",
               JsonOut::Array({JsonOut::Object(
                   {{"kind", "external"},
                    {"status", "accepted"},
                    {"justification", "recorded in the baseline (.riskgate/baseline.json)"}})}));
  }
  return result;
}

}  // namespace

std::string WriteSarif(const ReportInput& input) {
  const auto& findings = input.verdict.findings;
  // Rule id -> index in rules[], in order of first appearance; and each rule's worst decision.
  std::map<std::string, std::size_t> index;
  std::vector<const core::JudgedFinding*> first;
  std::vector<core::Decision> worst;
  for (const auto& f : findings) {
    auto [it, added] = index.emplace(f.rule, first.size());
    if (added) {
      first.push_back(&f);
      worst.push_back(f.decision);
    } else {
      worst[it->second] = std::max(worst[it->second], f.decision);
    }
  }
  JsonOut rules = JsonOut::Array();
  for (std::size_t i = 0; i < first.size(); ++i) rules.Push(Rule(*first[i], worst[i]));
  JsonOut results = JsonOut::Array();
  for (const auto& f : findings) results.Push(Result(f, index.at(f.rule)));

  JsonOut driver = JsonOut::Object({{"name", kToolName}, {"version", ToolVersion()}});
  if (!ToolHomepage().empty()) driver.Set("informationUri", ToolHomepage());
  driver.Set("rules", std::move(rules));
  JsonOut run_properties =
      JsonOut::Object({{"decision", core::DecisionName(input.verdict.decision)},
                       {"policy", input.policy.origin},
                       {"policy_sha256", input.policy.sha256},
                       {"scope", DescribeScope(input.scope)},
                       {"head", input.scope.head},
                       {"omitted", input.verdict.summary.omitted}});
  if (input.scope.history) run_properties.Set("history", HistoryScopeJson(*input.scope.history));
  JsonOut run =
      JsonOut::Object({{"tool", JsonOut::Object({{"driver", std::move(driver)}})},
                       {"results", std::move(results)},
                       {"properties", JsonOut::Object({{"riskgate", std::move(run_properties)}})}});
  const JsonOut doc = JsonOut::Object({
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", JsonOut::Array({std::move(run)})},
  });
  return doc.Dump(2) + "\n";
}

}  // namespace riskgate::report
