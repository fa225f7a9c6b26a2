#include "ledger/ledger_report.h"

#include <set>
#include <tuple>

#include "core/date.h"
#include "core/json_document.h"
#include "core/redact.h"
#include "core/severity.h"
#include "report/json_fields.h"
#include "report/report_reader.h"

namespace riskgate::ledger {
namespace {

using core::Node;
using report::json_fields::BadField;
using report::json_fields::Fields;

constexpr std::size_t kMaxText = 4096;           // any one string the ledger stores
constexpr std::size_t kMaxRows = 100'000;        // findings, waivers or components per report
constexpr std::size_t kMaxRepositoryText = 512;  // a repository's name
constexpr long long kFirstRun = 946684800;       // 2000-01-01: no riskgate report is older
constexpr long long kSlack = 86400;              // clocks of CI runners and of the ingest differ

// The text without C0 controls, DEL and the invisible format characters (zero-width space and
// joiners, word joiner, byte-order mark, soft hyphen) that could split a token in two.
std::string Visible(std::string_view text) {
  static constexpr std::string_view kInvisible[] = {"\u200b", "\u200c", "\u200d", "\u200e",
                                                    "\u200f", "\u2060", "\ufeff", "\u00ad"};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) {
      ++i;
      continue;
    }
    bool skipped = false;
    for (std::string_view invisible : kInvisible) {
      if (text.substr(i).starts_with(invisible)) {
        i += invisible.size();
        skipped = true;
        break;
      }
    }
    if (!skipped) out += text[i++];
  }
  return out;
}

bool HoldsSecret(const std::string& text) {
  if (core::HoldsSecret(text)) return true;
  const std::string visible = Visible(text);
  return visible.size() != text.size() && core::HoldsSecret(visible);
}

// Every string of the document, keys included: a secret in any of them refuses the report
// (also one split by control or invisible characters).
void RefuseSecrets(const Node& node, const std::string& where) {
  switch (node.kind) {
    case Node::Kind::kScalar:
      if (node.quoted && HoldsSecret(node.scalar)) {
        throw BadField{where.empty() ? "(document)" : where,
                       "holds what looks like a secret; the ledger stores no secrets (riskgate's "
                       "reports are redacted: was this one edited?)"};
      }
      return;
    case Node::Kind::kSequence:
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        RefuseSecrets(node.items[i], where + "[" + std::to_string(i) + "]");
      }
      return;
    case Node::Kind::kMap:
      for (const auto& field : node.fields) {
        const std::string at = where.empty() ? field.first : where + "." + field.first;
        if (HoldsSecret(field.first)) {
          throw BadField{at, "is a key that looks like a secret; the ledger stores no secrets"};
        }
        RefuseSecrets(field.second, at);
      }
      return;
    case Node::Kind::kNull:
      return;
  }
}

// A string the ledger stores: bounded, and without control characters (the dashboards print it).
std::string Bounded(std::string text, const std::string& where) {
  if (text.size() > kMaxText) {
    throw BadField{where, "longer than " + std::to_string(kMaxText) + " bytes"};
  }
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      throw BadField{where, "holds a control character"};
    }
  }
  return text;
}

std::string OneOf(const std::string& text, std::initializer_list<std::string_view> values,
                  const std::string& where) {
  for (auto value : values) {
    if (text == value) return text;
  }
  throw BadField{where, "unknown value '" + text.substr(0, 64) + "'"};
}

std::string DateField(const Fields& f, const char* key) {
  const std::string text = f.String(key);
  if (text.size() != 10 || !core::ParseDate(text)) {
    throw BadField{f.At(key), "expected a date YYYY-MM-DD"};
  }
  return text;
}

// `policy.controls`: names of riskgate's controls (lower case and '_'), stored comma-joined.
std::vector<std::string> Controls(const Fields& policy) {
  std::vector<std::string> names = policy.Strings("controls");
  if (names.size() > 64) throw BadField{"policy.controls", "more entries than riskgate has"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    const bool plain = !name.empty() && name.size() <= 64 &&
                       name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos;
    if (!plain) throw BadField{policy.At("controls", i), "not a control name"};
  }
  return names;
}

// The document's "run", "commit" and "policy" (registers and statuses).
void ReadOrigin(const Fields& top, LedgerReport& out) {
  if (top.Has("commit")) out.commit = Bounded(top.String("commit"), "commit");
  if (top.Has("policy")) {
    const Fields policy(top.Get("policy"), "policy");
    out.policy_source = Bounded(policy.String("source"), "policy.source");
    out.policy_sha256 = Bounded(policy.String("sha256"), "policy.sha256");
    if (policy.Has("controls")) out.controls_on = Controls(policy);
  }
}

const std::vector<Node>& Rows(const Fields& f, const char* key) {
  const auto& rows = f.Array(key);
  if (rows.size() > kMaxRows) throw BadField{f.At(key), "more entries than the ledger takes"};
  return rows;
}

void ReadWaivers(const Fields& top, LedgerReport& out) {
  DateField(top, "today");
  const auto& rows = Rows(top, "waivers");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Fields w(rows[i], top.At("waivers", i));
    LedgerWaiver waiver;
    waiver.id = Bounded(w.String("id"), w.At("id"));
    if (waiver.id.empty()) throw BadField{w.At("id"), "empty"};
    if (!ids.insert(waiver.id).second) {
      throw BadField{w.At("id"), "waiver id '" + waiver.id.substr(0, 64) + "' is listed twice"};
    }
    waiver.status = OneOf(w.String("status"),
                          {"active", "expiring", "expired", "unauthorized", "too_long",
                           "not_yet_valid", "unused", "orphaned"},
                          w.At("status"));
    if (w.Has("severity")) {
      waiver.severity = w.String("severity");
      if (!core::ParseSeverity(waiver.severity)) {
        throw BadField{w.At("severity"), "unknown value '" + waiver.severity.substr(0, 64) + "'"};
      }
    }
    waiver.owner = Bounded(w.String("owner"), w.At("owner"));
    waiver.approver = Bounded(w.String("approver"), w.At("approver"));
    waiver.created = DateField(w, "created");
    waiver.expires = DateField(w, "expires");
    if (waiver.expires < waiver.created) throw BadField{w.At("expires"), "before `created`"};
    waiver.findings = w.Int("findings");
    if (waiver.findings < 0) throw BadField{w.At("findings"), "negative"};
    waiver.covers = Bounded(w.String("covers"), w.At("covers"));
    waiver.ticket = Bounded(w.String("ticket"), w.At("ticket"));
    out.waivers.push_back(std::move(waiver));
  }
}

void ReadComponents(const Fields& top, LedgerReport& out) {
  const auto& rows = Rows(top, "components");
  std::set<std::string> names;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Fields c(rows[i], top.At("components", i));
    LedgerComponent component;
    component.name = Bounded(c.String("name"), c.At("name"));
    if (!names.insert(component.name).second) {
      throw BadField{c.At("name"),
                     "component '" + component.name.substr(0, 64) + "' is listed twice"};
    }
    component.tier = OneOf(c.String("tier"), {"high", "medium", "low"}, c.At("tier"));
    for (const auto& owner : c.Strings("owners")) {
      component.owners += (component.owners.empty() ? "" : ", ") + owner;
    }
    component.owners = Bounded(component.owners, c.At("owners"));
    component.usable = c.Bool("usable");
    const auto& models = c.Array("models");
    for (std::size_t m = 0; m < models.size(); ++m) {
      const Fields model(models[m], c.At("models", m));
      if (!model.Bool("exists")) continue;
      component.present = true;
      const bool complete = model.Array("missing_parts").empty() && !model.Has("error");
      component.complete = component.complete || complete;
      component.fresh = component.fresh || model.Bool("fresh");
    }
    out.components.push_back(std::move(component));
  }
}

void ReadSecureDefaults(const Fields& top, LedgerReport& out) {
  if (!top.Has("secure_defaults")) return;
  const Fields d(top.Get("secure_defaults"), "secure_defaults");
  core::SecureDefaults counts;
  const std::tuple<const char*, int*> fields[] = {
      {"workflows", &counts.workflows},
      {"workflows_with_permissions", &counts.workflows_with_permissions},
      {"uses", &counts.uses},
      {"uses_pinned", &counts.uses_pinned},
      {"images", &counts.images},
      {"images_pinned", &counts.images_pinned}};
  for (const auto& [key, value] : fields) {
    *value = d.Int(key);
    if (*value < 0 || *value > 1'000'000) throw BadField{d.At(key), "out of range"};
  }
  if (counts.workflows_with_permissions > counts.workflows || counts.uses_pinned > counts.uses ||
      counts.images_pinned > counts.images) {
    throw BadField{"secure_defaults", "counts more pinned or permitted than there are"};
  }
  out.secure_defaults = counts;
}

LedgerFinding FindingRow(const core::JudgedFinding& f, const std::string& where, long long now) {
  LedgerFinding row;
  row.control = Bounded(f.control, where + ".control");
  row.rule = Bounded(f.rule, where + ".rule");
  row.severity = std::string(core::SeverityName(f.severity));
  row.decision = std::string(core::DecisionName(f.decision));
  row.path = Bounded(f.location.path, where + ".path");
  row.line = f.location.line;
  if (row.line < 0) throw BadField{where + ".line", "negative"};
  row.fingerprint = Bounded(f.fingerprint, where + ".fingerprint");
  if (row.fingerprint.empty()) throw BadField{where + ".fingerprint", "empty"};
  row.in_change = f.in_change;
  row.baselined = f.baselined;
  if (f.waiver) {
    row.waiver_id = Bounded(f.waiver->id, where + ".waiver.id");
    row.waiver_status = std::string(core::WaiverStatusName(f.waiver->status));
    row.waiver_owner = Bounded(f.waiver->owner, where + ".waiver.owner");
    row.waiver_expires = Bounded(f.waiver->expires, where + ".waiver.expires");
    if (row.waiver_expires.size() != 10 || !core::ParseDate(row.waiver_expires)) {
      throw BadField{where + ".waiver.expires", "expected a date YYYY-MM-DD"};
    }
  }
  if (f.component) {
    row.component = Bounded(f.component->name, where + ".component.name");
    row.tier = OneOf(f.component->tier, {"high", "medium", "low"}, where + ".component.tier");
  }
  if (f.history) {
    row.present_at_head = f.history->present_at_head;
    if (const core::Sighting* first = core::Introduction(*f.history)) {
      // A commit time after 1970 and not after the ingest (a day's slack).
      if (first->time < 0 || first->time > now + kSlack) {
        throw BadField{where + ".history.occurrences", "a commit time out of range"};
      }
      row.introduced = first->time;
    }
  }
  return row;
}

void ReadJudgement(const Node& doc, const Fields& top, const std::string& name, long long now,
                   LedgerReport& out) {
  auto read = report::ReadJsonReportTree(doc, name);
  if (!read) throw read.error();
  out.decision = std::string(core::DecisionName(read->decision));
  out.scope_mode = std::string(core::ScanModeName(read->scope.mode));
  out.kind =
      read->scope.mode == core::ScanMode::kHistory ? ReportKind::kHistory : ReportKind::kCheck;
  if (read->scope.history && !read->scope.history->shard.empty()) {
    throw BadField{"scope.history.shard",
                   "a shard of a history audit lists part of its findings; ingest the report "
                   "`riskgate merge` joins from all shards"};
  }
  out.commit = Bounded(read->scope.head.value_or(""), "scope.head");
  out.policy_source = Bounded(read->policy.origin, "policy.source");
  out.policy_sha256 = Bounded(read->policy.sha256, "policy.sha256");
  const Fields policy(top.Get("policy"), "policy");
  if (policy.Has("controls")) out.controls_on = Controls(policy);
  if (read->findings.size() > kMaxRows)
    throw BadField{"findings", "more entries than the ledger takes"};
  std::set<std::tuple<std::string, std::string, std::string, std::string, int>> seen;
  for (std::size_t i = 0; i < read->findings.size(); ++i) {
    const std::string where = "findings[" + std::to_string(i) + "]";
    LedgerFinding row = FindingRow(read->findings[i], where, now);
    if (!seen.emplace(row.control, row.rule, row.fingerprint, row.path, row.line).second) {
      throw BadField{where,
                     "the same finding (control, rule, fingerprint, path, line) is listed "
                     "twice"};
    }
    out.findings.push_back(std::move(row));
  }
  ReadSecureDefaults(top, out);
}

}  // namespace

std::string_view ReportKindName(ReportKind kind) {
  switch (kind) {
    case ReportKind::kCheck:
      return "check";
    case ReportKind::kHistory:
      return "history";
    case ReportKind::kWaivers:
      return "waivers";
    case ReportKind::kThreatModelStatus:
      return "threat-model-status";
  }
  return "check";
}

core::Result<std::optional<LedgerReport>> ReadLedgerReport(std::string_view text,
                                                           const std::string& name,
                                                           const std::string& repository,
                                                           long long now) {
  core::JsonLimits limits;
  limits.max_bytes = kMaxReportBytes;
  limits.max_nodes = 4'000'000;  // ~800 MB of tree at most
  auto doc = core::ParseJson(text, limits);
  if (!doc) {
    return core::MakeError(core::ErrorCode::kUsage,
                           "not a JSON document: " + doc.error().ToString(), name);
  }
  const Node* tool = doc->IsMap() ? doc->Find("tool") : nullptr;
  const Node* tool_name = tool != nullptr && tool->IsMap() ? tool->Find("name") : nullptr;
  if (tool_name == nullptr || !tool_name->IsString() || tool_name->scalar != "riskgate") {
    return std::optional<LedgerReport>();  // not riskgate's
  }
  try {
    RefuseSecrets(*doc, "");
    const Fields top(*doc, "");
    LedgerReport out;
    auto run = report::ReadRunIdentity(*doc, name);
    if (!run) throw run.error();
    if (!*run)
      throw BadField{"run",
                     "missing: the report predates riskgate's \"run\" object "
                     "(when and where it ran); re-run riskgate to write it"};
    out.run = **run;
    // A run dated in the future would stay its repository's latest evidence for good.
    if (out.run.time < kFirstRun || out.run.time > now + kSlack) {
      throw BadField{"run.time", "not between 2000-01-01 and the time of the ingest"};
    }
    if (out.run.repository.empty()) out.run.repository = repository;
    if (out.run.repository.empty()) {
      throw BadField{"run.repository",
                     "null: no CI variable or origin remote named the "
                     "repository; pass --repository NAME"};
    }
    if (out.run.repository.size() > kMaxRepositoryText) {
      throw BadField{"run.repository",
                     "longer than " + std::to_string(kMaxRepositoryText) + " bytes"};
    }
    out.run.change = Bounded(out.run.change, "run.change");
    out.run.event = Bounded(out.run.event, "run.event");
    const std::string kind = top.Has("kind") ? top.String("kind") : "";
    if (kind == "waivers") {
      out.kind = ReportKind::kWaivers;
      ReadOrigin(top, out);
      ReadWaivers(top, out);
    } else if (kind == "threat-model-status") {
      out.kind = ReportKind::kThreatModelStatus;
      ReadOrigin(top, out);
      ReadComponents(top, out);
    } else if (kind.empty()) {
      ReadJudgement(*doc, top, name, now, out);
    } else {
      throw BadField{"kind", "unknown value '" + kind.substr(0, 64) + "'"};
    }
    return std::optional<LedgerReport>(std::move(out));
  } catch (const BadField& bad) {
    return core::MakeError(core::ErrorCode::kUsage, bad.where + ": " + bad.what, name);
  } catch (const core::Error& error) {
    return tl::unexpected(error);
  }
}

}  // namespace riskgate::ledger
