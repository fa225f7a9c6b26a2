// The OpenMetrics dashboard (text exposition 1.0): the current figures as gauges named
// riskgate_*, for a Prometheus-compatible scraper or a textfile collector. Each family is
// declared once (# TYPE, # HELP, # UNIT when its name ends in a unit) with all its samples after
// it; label values escape '\', '"' and LF, and display-safe (control characters and invalid UTF-8
// as \xNN text); a figure that is absent is left out, never written as NaN; families without
// samples are left out; the text ends with "# EOF". Per-repository figures are their own families
// (riskgate_repository_*) beside the overall ones, so that summing a family never counts a run
// twice. The weekly trend is not exposed: a scraper builds its own series over time, and
// OpenMetrics timestamps in the past are refused by Prometheus.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/text.h"
#include "dashboard/format_number.h"
#include "dashboard/writers.h"

namespace riskgate::dashboard {
namespace {

using Labels = std::vector<std::pair<std::string_view, std::string>>;

std::string LabelValue(std::string_view raw) {
  std::string out;
  for (const char c : core::EscapeForDisplay(raw)) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// One metric family: its metadata, then its samples in the order they were added.
class Family {
 public:
  Family(std::string name, std::string_view help, std::string_view unit = "",
         std::string_view type = "gauge")
      : name_(std::move(name)), help_(help), unit_(unit), type_(type) {}

  // A sample; a second one with the same labels is dropped (OpenMetrics forbids it).
  void Add(const Labels& labels, double value) {
    if (!std::isfinite(value)) return;
    std::string label_text;
    for (const auto& [key, label] : labels) {
      label_text +=
          (label_text.empty() ? "" : ",") + std::string(key) + "=\"" + LabelValue(label) + "\"";
    }
    if (!label_text.empty()) label_text = "{" + label_text + "}";
    if (!seen_.insert(label_text).second) return;
    const std::string sample_name = type_ == "info" ? name_ + "_info" : name_;
    samples_ += sample_name + label_text + " " + FormatMachine(value) + "\n";
  }
  void Add(const Labels& labels, const std::optional<double>& value) {
    if (value) Add(labels, *value);
  }
  void Add(double value) { Add({}, value); }

  std::string Text() const {
    if (samples_.empty()) return "";
    std::string out = "# TYPE " + name_ + " " + type_ + "\n# HELP " + name_ + " " + help_ + "\n";
    if (!unit_.empty()) out += "# UNIT " + name_ + " " + unit_ + "\n";
    return out + samples_;
  }

 private:
  std::string name_;
  std::string help_;  // constant text without '\' or LF: nothing to escape
  std::string unit_;
  std::string type_;
  std::set<std::string> seen_;
  std::string samples_;
};

// Severity and, for a per-control row, the control.
Labels RemediationLabels(const ledger::RemediationRow& r) {
  Labels labels = {{"severity", r.severity}};
  if (!r.control.empty()) labels.push_back({"control", r.control});
  return labels;
}

Labels With(Labels labels, std::string_view key, std::string value) {
  labels.push_back({key, std::move(value)});
  return labels;
}

std::string Ledger(const ledger::Metrics& m) {
  Family info("riskgate_ledger", "The ledger the figures come from.", "", "info");
  Labels labels;
  if (!m.now.empty()) labels.push_back({"now", m.now});
  if (!m.first_run.empty()) labels.push_back({"first_run", m.first_run});
  if (!m.last_run.empty()) labels.push_back({"last_run", m.last_run});
  info.Add(labels, 1);
  Family repositories("riskgate_ledger_repositories", "Repositories with reports in the ledger.");
  repositories.Add(m.repositories);
  Family reports("riskgate_ledger_reports", "Reports in the ledger.");
  reports.Add(m.reports);
  return info.Text() + repositories.Text() + reports.Text();
}

std::string OpenFindings(const ledger::Metrics& m) {
  std::map<std::tuple<std::string, std::string, std::string>, int> counts;
  for (const auto& r : m.open_risks) ++counts[{r.repository, r.severity, r.status}];
  Family open("riskgate_open_findings",
              "Findings still present in the repository's latest evidence (status accepted: a "
              "waiver covers them).");
  for (const auto& [key, count] : counts) {
    const auto& [repository, severity, status] = key;
    open.Add({{"repository", repository}, {"severity", severity}, {"status", status}}, count);
  }
  return open.Text();
}

std::string Remediation(const ledger::Metrics& m) {
  Family days("riskgate_time_to_remediate_days",
              "Days from first sighting until gone, for remediated findings, by severity (and "
              "control).",
              "days");
  Family remediated("riskgate_remediated_findings",
                    "Findings remediated, by severity (and control).");
  Family age("riskgate_open_finding_age_days",
             "Days since first sighting of findings still open, by severity (and control).",
             "days");
  for (const auto& r : m.remediation) {
    const Labels labels = RemediationLabels(r);
    days.Add(With(labels, "quantile", "0.5"), r.remediated.median_days);
    days.Add(With(labels, "quantile", "0.9"), r.remediated.p90_days);
    remediated.Add(labels, r.remediated.count);
    age.Add(With(labels, "quantile", "0.5"), r.open_age.median_days);
    age.Add(With(labels, "quantile", "0.9"), r.open_age.p90_days);
  }
  return days.Text() + remediated.Text() + age.Text();
}

std::string Waivers(const ledger::ExceptionAging& e) {
  std::map<std::pair<std::string, std::string>, int> by_status;
  int oldest = -1;
  for (const auto& w : e.oldest) {
    ++by_status[{w.repository, w.status}];
    oldest = std::max(oldest, w.age_days);
  }
  Family waivers("riskgate_waivers", "Waivers in the latest registers, by repository and status.");
  for (const auto& [key, count] : by_status) {
    waivers.Add({{"repository", key.first}, {"status", key.second}}, count);
  }
  Family by_age("riskgate_waivers_by_age", "Waivers by days since they were created.");
  for (const auto& c : e.by_age) by_age.Add({{"age_days", c.name}}, c.value);
  Family by_expiry("riskgate_waivers_by_expiry", "Waivers by days until they expire.");
  for (const auto& c : e.by_days_to_expiry) by_expiry.Add({{"days_to_expiry", c.name}}, c.value);
  Family by_severity("riskgate_waivers_by_severity",
                     "Waivers by the severity of the worst finding they cover.");
  for (const auto& c : e.by_severity) by_severity.Add({{"severity", c.name}}, c.value);
  Family renewed("riskgate_waivers_renewed_more_than_once",
                 "Waivers seen with a later expiry more than once.");
  renewed.Add(e.renewed_more_than_once);
  Family max_age("riskgate_waiver_max_age_days", "Age of the oldest waiver.", "days");
  if (oldest >= 0) max_age.Add(oldest);
  return waivers.Text() + by_age.Text() + by_expiry.Text() + by_severity.Text() + renewed.Text() +
         max_age.Text();
}

std::string ThreatModels(const ledger::ThreatModelCoverage& t) {
  std::map<std::pair<std::string, bool>, int> components;
  for (const auto& c : t.components) ++components[{c.repository, c.covered}];
  Family per_repository("riskgate_threat_model_high_tier_components",
                        "High-tier components, by whether a present, complete and fresh threat "
                        "model covers them.");
  for (const auto& [key, count] : components) {
    per_repository.Add({{"repository", key.first}, {"covered", key.second ? "true" : "false"}},
                       count);
  }
  Family coverage("riskgate_threat_model_high_tier_coverage_ratio",
                  "Share of high-tier components covered by a usable threat model.", "ratio");
  coverage.Add({}, t.share);
  std::map<std::string, int> changes;
  for (const auto& c : t.changes_without_model) ++changes[c.repository];
  Family uncovered("riskgate_changes_without_threat_model",
                   "Changes to high-tier components that went through without a usable model.");
  for (const auto& [repository, count] : changes) {
    uncovered.Add({{"repository", repository}}, count);
  }
  return per_repository.Text() + coverage.Text() + uncovered.Text();
}

std::string Adoption(const ledger::AdoptionSummary& a) {
  Family overall("riskgate_adoption_ratio",
                 "Share of every repository's items following a "
                 "secure default.",
                 "ratio");
  overall.Add({{"default", "uses_pinned"}}, a.uses_pinned_share);
  overall.Add({{"default", "workflows_with_permissions"}}, a.workflows_with_permissions_share);
  overall.Add({{"default", "reviews_on"}}, a.repositories_with_reviews_share);
  overall.Add({{"default", "images_pinned"}}, a.images_pinned_share);
  Family per_repository("riskgate_repository_adoption_ratio",
                        "Share of a repository's items following a secure default.", "ratio");
  for (const auto& r : a.repositories) {
    const auto add = [&](std::string_view name, std::optional<double> share) {
      per_repository.Add({{"repository", r.repository}, {"default", std::string(name)}}, share);
    };
    add("uses_pinned", Share(r.uses_pinned, r.uses_total));
    add("workflows_with_permissions", Share(r.workflows_with_permissions, r.workflows_total));
    add("reviews_on", r.reviews_on ? 1.0 : 0.0);
    add("images_pinned", Share(r.images_pinned, r.images_total));
  }
  return overall.Text() + per_repository.Text();
}

void AddDecisions(Family& family, const Labels& labels, int block, int warn, int pass) {
  family.Add(With(labels, "decision", "block"), block);
  family.Add(With(labels, "decision", "warn"), warn);
  family.Add(With(labels, "decision", "pass"), pass);
}

std::string Friction(const ledger::GateFriction& f) {
  Family runs("riskgate_gate_runs", "Check runs by the gate's decision.");
  if (f.runs > 0) AddDecisions(runs, {}, f.block, f.warn, f.pass);
  Family block_ratio("riskgate_gate_block_ratio", "Share of check runs that blocked.", "ratio");
  block_ratio.Add({}, Share(f.block, f.runs));
  Family later_waived("riskgate_gate_blocks_later_waived",
                      "Blocked findings that a later run of the same change shows waived.");
  later_waived.Add(f.blocks_later_waived);
  Family blocked_days("riskgate_gate_time_blocked_days",
                      "Days from a change's first blocking run to its first later run that did "
                      "not block.",
                      "days");
  blocked_days.Add({{"quantile", "0.5"}}, f.time_blocked.median_days);
  blocked_days.Add({{"quantile", "0.9"}}, f.time_blocked.p90_days);
  Family still_blocked("riskgate_gate_changes_still_blocked",
                       "Changes whose latest check run blocked.");
  still_blocked.Add(f.changes_still_blocked);
  Family per_repository("riskgate_repository_gate_runs",
                        "A repository's check runs by the gate's decision.");
  for (const auto& r : f.by_repository) {
    AddDecisions(per_repository, {{"repository", r.repository}}, r.block, r.warn, r.pass);
  }
  Family per_rule("riskgate_rule_gate_runs",
                  "Check runs with a finding of the rule, by the gate's decision.");
  Family rule_waived("riskgate_rule_gate_blocks_later_waived",
                     "Blocked findings of the rule that a later run shows waived.");
  for (const auto& r : f.by_rule) {
    AddDecisions(per_rule, {{"rule", r.rule}}, r.block, r.warn, r.pass);
    rule_waived.Add({{"rule", r.rule}}, r.later_waived);
  }
  return runs.Text() + block_ratio.Text() + later_waived.Text() + blocked_days.Text() +
         still_blocked.Text() + per_repository.Text() + per_rule.Text() + rule_waived.Text();
}

}  // namespace

std::string WriteOpenMetrics(const ledger::Metrics& metrics) {
  return Ledger(metrics) + OpenFindings(metrics) + Remediation(metrics) +
         Waivers(metrics.exceptions) + ThreatModels(metrics.threat_models) +
         Adoption(metrics.adoption) + Friction(metrics.friction) + "# EOF\n";
}

}  // namespace riskgate::dashboard
