#include "report/report_reader.h"

#include <array>

#include "core/date.h"
#include "core/json_document.h"
#include "report/json_fields.h"

namespace riskgate::report {
namespace {

using core::Node;
using json_fields::BadField;
using json_fields::Fields;
using json_fields::ParseName;

core::Severity SeverityOf(const Fields& f, const char* key) {
  constexpr std::array kValues{core::Severity::kInfo, core::Severity::kLow, core::Severity::kMedium,
                               core::Severity::kHigh, core::Severity::kCritical};
  return ParseName(f.String(key), kValues, &core::SeverityName, f.At(key));
}

core::Decision DecisionOf(const Fields& f, const char* key) {
  constexpr std::array kValues{core::Decision::kPass, core::Decision::kWarn,
                               core::Decision::kBlock};
  return ParseName(f.String(key), kValues, &core::DecisionName, f.At(key));
}

// An optional `confidence` (absent in reports of findings that carry none, and in older ones).
std::optional<core::Confidence> ConfidenceOf(const Fields& f, const char* key) {
  constexpr std::array kValues{core::Confidence::kLow, core::Confidence::kMedium,
                               core::Confidence::kHigh};
  if (!f.Has(key)) return std::nullopt;
  return ParseName(f.String(key), kValues, &core::ConfidenceName, f.At(key));
}

core::HistoryTrail ReadTrail(const Fields& history) {
  constexpr std::array kKinds{core::Sighting::Kind::kAdded, core::Sighting::Kind::kMoved,
                              core::Sighting::Kind::kBoundary, core::Sighting::Kind::kRef};
  core::HistoryTrail trail;
  trail.present_at_head = history.Bool("present_at_head");
  const auto& occurrences = history.Array("occurrences");
  for (std::size_t i = 0; i < occurrences.size(); ++i) {
    const Fields s(occurrences[i], history.At("occurrences", i));
    trail.sightings.push_back(core::Sighting{
        s.String("commit"), s.String("author"), s.Integer("time"), s.String("path"), s.Int("line"),
        s.Int("column"), ParseName(s.String("kind"), kKinds, &core::SightingKindName, s.At("kind")),
        s.Has("generation") ? s.Int("generation") : 0});
  }
  return trail;
}

core::HistoryScope ReadHistoryScope(const Fields& h) {
  core::HistoryScope scope;
  scope.refs = h.Strings("refs");
  scope.tip = h.OptionalString("tip").value_or("");
  scope.commits = h.Int("commits");
  scope.commits_walked = h.Int("commits_walked");
  scope.ref_objects = h.Has("ref_objects") ? h.Int("ref_objects") : 0;  // absent from older reports
  scope.blobs_read = h.Integer("blobs_read");
  scope.bytes_read = h.Integer("bytes_read");
  scope.stopped_at = h.Strings("stopped_at");
  scope.missing_blobs = h.Int("missing_blobs");
  scope.shard = h.OptionalString("shard").value_or("");
  scope.seconds = h.Number("seconds");
  return scope;
}

core::JudgedFinding ReadJsonFinding(const Fields& f) {
  constexpr std::array kRemedies{core::RemedyKind::kFix, core::RemedyKind::kMitigate,
                                 core::RemedyKind::kAccept};
  constexpr std::array kWaivers{core::WaiverStatus::kActive,  core::WaiverStatus::kExpiring,
                                core::WaiverStatus::kExpired, core::WaiverStatus::kUnauthorized,
                                core::WaiverStatus::kTooLong, core::WaiverStatus::kNotYetValid};
  core::JudgedFinding finding;
  finding.control = f.String("control");
  finding.rule = f.String("rule");
  finding.severity = SeverityOf(f, "severity");
  finding.decision = DecisionOf(f, "decision");
  finding.confidence = ConfidenceOf(f, "confidence");
  finding.message = f.String("message");
  finding.location.path = f.String("path");
  finding.location.line = f.Int("line");
  finding.location.column = f.Int("column");
  finding.location.commit = f.OptionalString("commit");
  finding.fingerprint = f.String("fingerprint");
  finding.secret = f.OptionalString("secret").value_or("");
  finding.occurrences = f.Int("occurrences");
  finding.in_change = f.Bool("in_change");
  finding.hints.provider = f.OptionalString("provider").value_or("");
  const auto& remediation = f.Array("remediation");
  for (std::size_t i = 0; i < remediation.size(); ++i) {
    const Fields r(remediation[i], f.At("remediation", i));
    finding.remediation.push_back(
        {ParseName(r.String("kind"), kRemedies, &core::RemedyKindName, r.At("kind")),
         r.String("summary"), r.String("detail")});
  }
  if (f.Has("waiver")) {
    const Fields w(f.Get("waiver"), f.At("waiver"));
    finding.waiver = core::WaiverMark{
        w.String("id"),
        ParseName(w.String("status"), kWaivers, &core::WaiverStatusName, w.At("status")),
        w.String("expires"),
        w.String("owner"),
        w.String("approver"),
        w.String("reason"),
        w.String("file"),
        w.Int("line")};
  }
  finding.baselined = f.Bool("baselined");
  if (f.Has("component")) {
    const Fields c(f.Get("component"), f.At("component"));
    finding.component = core::ComponentMark{c.String("name"), c.String("tier")};
  }
  if (f.Has("history")) {
    const Fields h(f.Get("history"), f.At("history"));
    finding.content_id = h.String("secret_id");
    finding.history = ReadTrail(h);
  }
  return finding;
}

// Reports of long history audits are large: as large as `merge` reads (1 GiB), and a value
// every few bytes of it.
core::Result<Node> Parse(std::string_view text, const std::string& name) {
  core::JsonLimits limits;
  limits.max_bytes = std::size_t{1} << 30;
  limits.max_nodes = 16'000'000;
  auto doc = core::ParseJson(text, limits);
  if (doc) return std::move(*doc);
  if (doc.error().problem == core::JsonProblem::kTooDeep) {
    return core::MakeError(core::ErrorCode::kUsage, doc.error().detail + "; refusing to read it",
                           name);
  }
  return core::MakeError(core::ErrorCode::kUsage, "not a JSON document: " + doc.error().ToString(),
                         name);
}

core::Error Located(const BadField& bad, const std::string& name) {
  return core::Error{core::ErrorCode::kUsage, bad.where + ": " + bad.what, name};
}

std::optional<core::RunIdentity> RunOf(const Fields& top) {
  if (!top.Has("run")) return std::nullopt;
  const Fields run(top.Get("run"), "run");
  core::RunIdentity identity;
  identity.repository = run.OptionalString("repository").value_or("");
  identity.change = run.OptionalString("change").value_or("");
  identity.event = run.OptionalString("event").value_or("");
  identity.ci = run.Bool("ci");
  const auto time = core::ParseTimestamp(run.String("time"));
  if (!time) throw BadField{run.At("time"), "expected an RFC 3339 time"};
  identity.time = *time;
  return identity;
}

ReadReport ReadJson(const Node& doc) {
  const Fields top(doc, "");
  ReadReport out;
  out.run = RunOf(top);
  out.decision = DecisionOf(top, "decision");
  const Fields policy(top.Get("policy"), "policy");
  out.policy.origin = policy.String("source");
  out.policy.sha256 = policy.String("sha256");
  out.policy.revision = policy.OptionalString("revision").value_or("");
  const Fields scope(top.Get("scope"), "scope");
  constexpr std::array kModes{core::ScanMode::kStaged, core::ScanMode::kRange,
                              core::ScanMode::kWorktree, core::ScanMode::kHistory};
  out.scope.mode = ParseName(scope.String("mode"), kModes, &core::ScanModeName, scope.At("mode"));
  scope.String("description");  // required; a merged scope is described anew
  out.scope.base = scope.OptionalString("base");
  out.scope.head = scope.OptionalString("head");
  out.scope.commits = scope.Int("commits");
  out.scope.files_scanned = scope.Int("files_scanned");
  if (scope.Has("history")) {
    out.scope.history = ReadHistoryScope(Fields(scope.Get("history"), scope.At("history")));
  }
  const auto& findings = top.Array("findings");
  for (std::size_t i = 0; i < findings.size(); ++i) {
    out.findings.push_back(ReadJsonFinding(Fields(findings[i], top.At("findings", i))));
  }
  const Fields summary(top.Get("summary"), "summary");
  out.omitted = summary.Int("omitted");
  out.suppressed_inline = summary.Int("suppressed_inline");
  out.inline_ignored = summary.Int("inline_ignored");
  return out;
}

ReadReport ReadSarif(const Node& doc) {
  const Fields top(doc, "");
  const auto& runs = top.Array("runs");
  if (runs.size() != 1) throw BadField{"runs", "expected one run"};
  const Fields run(runs[0], "runs[0]");
  const Fields props(run.Get("properties"), run.At("properties"));
  const Fields riskgate(props.Get("riskgate"), props.At("riskgate"));
  ReadReport out;
  out.decision = DecisionOf(riskgate, "decision");
  out.policy.origin = riskgate.String("policy");
  out.policy.sha256 = riskgate.String("policy_sha256");
  out.scope.mode = core::ScanMode::kHistory;
  riskgate.String("scope");  // required; a merged scope is described anew
  out.scope.head = riskgate.OptionalString("head");
  if (riskgate.Has("history")) {
    out.scope.history = ReadHistoryScope(Fields(riskgate.Get("history"), riskgate.At("history")));
    out.scope.commits = out.scope.history->commits;
  }
  out.omitted = riskgate.Int("omitted");
  const auto& results = run.Array("results");
  for (std::size_t i = 0; i < results.size(); ++i) {
    const Fields result(results[i], run.At("results", i));
    const Fields p(result.Get("properties"), result.At("properties"));
    const Fields own(p.Get("riskgate"), p.At("riskgate"));
    core::JudgedFinding finding;
    finding.rule = result.String("ruleId");
    finding.control = own.String("control");
    finding.message = own.String("message");
    finding.secret = own.OptionalString("secret").value_or("");
    finding.location.path = own.String("path");
    finding.location.line = own.Int("line");
    finding.location.column = own.Int("column");
    finding.location.commit = p.OptionalString("commit");
    finding.fingerprint = own.String("fingerprint");
    finding.decision = DecisionOf(p, "decision");
    finding.severity = SeverityOf(p, "severity");
    finding.confidence = ConfidenceOf(p, "confidence");
    finding.occurrences = p.Int("occurrences");
    if (p.Has("history")) {
      const Fields h(p.Get("history"), p.At("history"));
      finding.content_id = h.String("secret_id");
      finding.history = ReadTrail(h);
    }
    out.findings.push_back(std::move(finding));
  }
  return out;
}

}  // namespace

core::Result<std::optional<core::RunIdentity>> ReadRunIdentity(const core::Node& top,
                                                               const std::string& name) {
  try {
    return RunOf(Fields(top, ""));
  } catch (const BadField& bad) {
    return tl::unexpected(Located(bad, name));
  }
}

core::Result<ReadReport> ReadJsonReport(std::string_view text, const std::string& name) {
  auto doc = Parse(text, name);
  if (!doc) return tl::unexpected(doc.error());
  try {
    return ReadJson(*doc);
  } catch (const BadField& bad) {
    return tl::unexpected(Located(bad, name));
  }
}

core::Result<ReadReport> ReadJsonReportTree(const core::Node& doc, const std::string& name) {
  try {
    return ReadJson(doc);
  } catch (const BadField& bad) {
    return tl::unexpected(Located(bad, name));
  }
}

core::Result<ReadReport> ReadSarifReport(std::string_view text, const std::string& name) {
  auto doc = Parse(text, name);
  if (!doc) return tl::unexpected(doc.error());
  try {
    return ReadSarif(*doc);
  } catch (const BadField& bad) {
    return tl::unexpected(Located(bad, name));
  }
}

core::Result<ReadReport> ReadAnyReport(std::string_view text, const std::string& name) {
  const bool sarif = text.find("\"runs\"") != std::string_view::npos &&
                     text.find("\"findings\"") == std::string_view::npos;
  return sarif ? ReadSarifReport(text, name) : ReadJsonReport(text, name);
}

}  // namespace riskgate::report
