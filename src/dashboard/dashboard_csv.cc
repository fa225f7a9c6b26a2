// The CSV dashboard: one long-format RFC 4180 table, `section,repository,name,dimension,value`,
// a row per figure (what a spreadsheet pivots). Lines end with LF, not RFC 4180's CRLF: every
// spreadsheet and CSV library reads both, and LF keeps the file diffable and the same on every
// platform. Fields holding ',', '"', CR or LF are quoted with '"' doubled; a field starting with
// '=', '+', '-', '@', tab or CR that is not a plain number gets a leading "'" so spreadsheets do
// not run it as a formula. Text is display-safe UTF-8 (control characters and invalid bytes as
// \xNN text); numbers have at most kMachineDecimals decimals; an absent figure is an empty value;
// yes/no facts are 1/0.
//
// Sections and keys (name is the row's key, dimension the measure when a key has several):
//   summary,,now|repositories|reports|first_run|last_run,,V
//   remediation,,<severity> or <control>/<severity>,remediated_count|median_days|p90_days|
//     open_count|open_median_age_days|open_p90_age_days,V
//   open_risk,<repository>,<fingerprint>,control|rule|severity|path|first_seen|age_days|owner|
//     status|waiver_id|expires,V
//   exceptions,,total|expired|expiring|orphaned|unauthorized|renewed_more_than_once,,V
//   exceptions_by_age|exceptions_by_days_to_expiry|exceptions_by_severity|exceptions_by_owner,,
//     <bucket>,,V
//   exception,<repository>,<waiver id>,owner|approver|severity|status|created|expires|age_days|
//     days_left|renewals,V
//   threat_models,,high_tier_total|high_tier_covered|share,,V
//   threat_model_component,<repository>,<component>,tier|present|complete|fresh|covered,V
//   change_without_model,<repository>,<commit>/<component>,commit|component|date|decision,V
//   adoption,,<default>_share,,V and adoption,<repository>,uses_total|uses_pinned|...,,V
//   friction,,runs|block|...,,V and friction,<repository>,runs|block|...,,V
//   friction_rule,,<control/rule>,runs|block|warn|pass|block_rate|later_waived,V
//   trend,,<week>,open_findings|opened|remediated|active_waivers|runs|blocked_runs|block_rate,V
//   worst_repository,<repository>,rank|critical|high|medium|low|info|expired_waivers|last_run,,V
#include <cmath>
#include <string>
#include <vector>

#include "core/text.h"
#include "dashboard/format_number.h"
#include "dashboard/writers.h"

namespace riskgate::dashboard {
namespace {

// -?digits[.digits]: what FormatMachine and std::to_string write.
bool IsPlainNumber(std::string_view text) {
  std::size_t i = text.starts_with('-') ? 1 : 0;
  const std::size_t digits_start = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == digits_start) return false;
  if (i == text.size()) return true;
  if (text[i] != '.') return false;
  const std::size_t fraction_start = ++i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  return i == text.size() && i > fraction_start;
}

std::string Field(std::string_view raw) {
  std::string text = core::EscapeForDisplay(raw);
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string::npos &&
      !IsPlainNumber(text)) {
    text.insert(0, "'");
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string Value(int value) { return std::to_string(value); }
std::string Value(bool value) { return value ? "1" : "0"; }
std::string Value(double value) { return FormatMachine(value); }
std::string Value(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? FormatMachine(*value) : "";
}
std::string Value(const std::string& value) { return value; }

class Csv {
 public:
  Csv() : text_("section,repository,name,dimension,value\n") {}

  template <typename T>
  void Row(std::string_view section, std::string_view repository, std::string_view name,
           std::string_view dimension, const T& value) {
    text_ += Field(section) + "," + Field(repository) + "," + Field(name) + "," + Field(dimension) +
             "," + Field(Value(value)) + "\n";
  }

  std::string Text() && { return std::move(text_); }

 private:
  std::string text_;
};

void Summary(Csv& csv, const ledger::Metrics& m) {
  csv.Row("summary", "", "now", "", m.now);
  csv.Row("summary", "", "repositories", "", m.repositories);
  csv.Row("summary", "", "reports", "", m.reports);
  csv.Row("summary", "", "first_run", "", m.first_run);
  csv.Row("summary", "", "last_run", "", m.last_run);
}

void Remediation(Csv& csv, const ledger::Metrics& m) {
  for (const auto& r : m.remediation) {
    const std::string name = r.control.empty() ? r.severity : r.control + "/" + r.severity;
    const auto row = [&](std::string_view dimension, const auto& value) {
      csv.Row("remediation", "", name, dimension, value);
    };
    row("remediated_count", r.remediated.count);
    row("median_days", r.remediated.median_days);
    row("p90_days", r.remediated.p90_days);
    row("open_count", r.open_age.count);
    row("open_median_age_days", r.open_age.median_days);
    row("open_p90_age_days", r.open_age.p90_days);
  }
}

void OpenRisks(Csv& csv, const ledger::Metrics& m) {
  for (std::size_t i = 0; i < m.open_risks.size(); ++i) {
    const auto& r = m.open_risks[i];
    const std::string key = r.fingerprint.empty() ? "#" + std::to_string(i + 1) : r.fingerprint;
    const auto row = [&](std::string_view dimension, const auto& value) {
      csv.Row("open_risk", r.repository, key, dimension, value);
    };
    row("control", r.control);
    row("rule", r.rule);
    row("severity", r.severity);
    row("path", r.path);
    row("first_seen", r.first_seen);
    row("age_days", r.age_days);
    row("owner", r.owner);
    row("status", r.status);
    row("waiver_id", r.waiver_id);
    row("expires", r.expires);
  }
}

void Counts(Csv& csv, std::string_view section, const std::vector<ledger::Count>& counts) {
  for (const auto& c : counts) csv.Row(section, "", c.name, "", c.value);
}

void Exceptions(Csv& csv, const ledger::ExceptionAging& e) {
  csv.Row("exceptions", "", "total", "", e.total);
  csv.Row("exceptions", "", "expired", "", e.expired);
  csv.Row("exceptions", "", "expiring", "", e.expiring);
  csv.Row("exceptions", "", "orphaned", "", e.orphaned);
  csv.Row("exceptions", "", "unauthorized", "", e.unauthorized);
  csv.Row("exceptions", "", "renewed_more_than_once", "", e.renewed_more_than_once);
  Counts(csv, "exceptions_by_age", e.by_age);
  Counts(csv, "exceptions_by_days_to_expiry", e.by_days_to_expiry);
  Counts(csv, "exceptions_by_severity", e.by_severity);
  Counts(csv, "exceptions_by_owner", e.by_owner);
  for (const auto& w : e.oldest) {
    const auto row = [&](std::string_view dimension, const auto& value) {
      csv.Row("exception", w.repository, w.id, dimension, value);
    };
    row("owner", w.owner);
    row("approver", w.approver);
    row("severity", w.severity);
    row("status", w.status);
    row("created", w.created);
    row("expires", w.expires);
    row("age_days", w.age_days);
    row("days_left", w.days_left);
    row("renewals", w.renewals);
  }
}

void ThreatModels(Csv& csv, const ledger::ThreatModelCoverage& t) {
  csv.Row("threat_models", "", "high_tier_total", "", t.high_tier_total);
  csv.Row("threat_models", "", "high_tier_covered", "", t.high_tier_covered);
  csv.Row("threat_models", "", "share", "", t.share);
  for (const auto& c : t.components) {
    const auto row = [&](std::string_view dimension, const auto& value) {
      csv.Row("threat_model_component", c.repository, c.component, dimension, value);
    };
    row("tier", c.tier);
    row("present", c.present);
    row("complete", c.complete);
    row("fresh", c.fresh);
    row("covered", c.covered);
  }
  for (const auto& c : t.changes_without_model) {
    const std::string key = c.commit + "/" + c.component;
    const auto row = [&](std::string_view dimension, const auto& value) {
      csv.Row("change_without_model", c.repository, key, dimension, value);
    };
    row("commit", c.commit);
    row("component", c.component);
    row("date", c.date);
    row("decision", c.decision);
  }
}

void Adoption(Csv& csv, const ledger::AdoptionSummary& a) {
  csv.Row("adoption", "", "uses_pinned_share", "", a.uses_pinned_share);
  csv.Row("adoption", "", "workflows_with_permissions_share", "",
          a.workflows_with_permissions_share);
  csv.Row("adoption", "", "repositories_with_reviews_share", "", a.repositories_with_reviews_share);
  csv.Row("adoption", "", "images_pinned_share", "", a.images_pinned_share);
  for (const auto& r : a.repositories) {
    const auto row = [&](std::string_view name, const auto& value) {
      csv.Row("adoption", r.repository, name, "", value);
    };
    row("uses_total", r.uses_total);
    row("uses_pinned", r.uses_pinned);
    row("uses_pinned_share", Share(r.uses_pinned, r.uses_total));
    row("workflows_total", r.workflows_total);
    row("workflows_with_permissions", r.workflows_with_permissions);
    row("workflows_with_permissions_share", Share(r.workflows_with_permissions, r.workflows_total));
    row("images_total", r.images_total);
    row("images_pinned", r.images_pinned);
    row("images_pinned_share", Share(r.images_pinned, r.images_total));
    row("reviews_on", r.reviews_on);
  }
}

void FrictionRow(Csv& csv, std::string_view section, std::string_view repository,
                 std::string_view rule, const ledger::FrictionRow& r) {
  // Per repository the measure is the name; per rule the rule is, and the measure the dimension.
  const auto row = [&](std::string_view measure, const auto& value) {
    if (rule.empty()) {
      csv.Row(section, repository, measure, "", value);
    } else {
      csv.Row(section, repository, rule, measure, value);
    }
  };
  row("runs", r.runs);
  row("block", r.block);
  row("warn", r.warn);
  row("pass", r.pass);
  row("block_rate", Share(r.block, r.runs));
  row("later_waived", r.later_waived);
}

void Friction(Csv& csv, const ledger::GateFriction& f) {
  csv.Row("friction", "", "runs", "", f.runs);
  csv.Row("friction", "", "block", "", f.block);
  csv.Row("friction", "", "warn", "", f.warn);
  csv.Row("friction", "", "pass", "", f.pass);
  csv.Row("friction", "", "block_rate", "", Share(f.block, f.runs));
  csv.Row("friction", "", "blocks_later_waived", "", f.blocks_later_waived);
  csv.Row("friction", "", "time_blocked_count", "", f.time_blocked.count);
  csv.Row("friction", "", "time_blocked_median_days", "", f.time_blocked.median_days);
  csv.Row("friction", "", "time_blocked_p90_days", "", f.time_blocked.p90_days);
  csv.Row("friction", "", "changes_still_blocked", "", f.changes_still_blocked);
  for (const auto& r : f.by_repository) FrictionRow(csv, "friction", r.repository, "", r);
  for (const auto& r : f.by_rule) FrictionRow(csv, "friction_rule", "", r.rule, r);
}

void Trend(Csv& csv, const ledger::Metrics& m) {
  for (const auto& w : m.trend) {
    const auto row = [&](std::string_view dimension, const auto& value) {
      csv.Row("trend", "", w.week, dimension, value);
    };
    row("open_findings", w.open_findings);
    row("opened", w.opened);
    row("remediated", w.remediated);
    row("active_waivers", w.active_waivers);
    row("runs", w.runs);
    row("blocked_runs", w.blocked_runs);
    row("block_rate", Share(w.blocked_runs, w.runs));
  }
}

void WorstRepositories(Csv& csv, const ledger::Metrics& m) {
  for (std::size_t i = 0; i < m.worst_repositories.size(); ++i) {
    const auto& r = m.worst_repositories[i];
    const auto row = [&](std::string_view name, const auto& value) {
      csv.Row("worst_repository", r.repository, name, "", value);
    };
    row("rank", static_cast<int>(i + 1));
    row("critical", r.critical);
    row("high", r.high);
    row("medium", r.medium);
    row("low", r.low);
    row("info", r.info);
    row("expired_waivers", r.expired_waivers);
    row("last_run", r.last_run);
  }
}

}  // namespace

std::string WriteCsv(const ledger::Metrics& metrics) {
  Csv csv;
  Summary(csv, metrics);
  Remediation(csv, metrics);
  OpenRisks(csv, metrics);
  Exceptions(csv, metrics.exceptions);
  ThreatModels(csv, metrics.threat_models);
  Adoption(csv, metrics.adoption);
  Friction(csv, metrics.friction);
  Trend(csv, metrics);
  WorstRepositories(csv, metrics);
  return std::move(csv).Text();
}

}  // namespace riskgate::dashboard
