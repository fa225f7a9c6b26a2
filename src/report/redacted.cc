#include "report/redacted.h"

#include "core/redact.h"

namespace riskgate::report {
namespace {

void Scrub(std::string& text) {
  if (core::HoldsSecret(text)) text = core::RedactSecrets(text);
}

void Scrub(std::vector<std::string>& texts) {
  for (auto& text : texts) Scrub(text);
}

}  // namespace

core::JudgedFinding RedactedFinding(core::JudgedFinding f) {
  // Every text field: a report given to `merge` may carry anything in any of them.
  Scrub(f.control);
  Scrub(f.rule);
  Scrub(f.fingerprint);
  Scrub(f.content_id);
  Scrub(f.message);
  Scrub(f.location.path);
  if (f.location.commit) Scrub(*f.location.commit);
  Scrub(f.secret);
  Scrub(f.hints.fix);
  Scrub(f.hints.mitigate);
  Scrub(f.hints.revoke_url);
  Scrub(f.hints.provider);
  Scrub(f.hints.acceptors);
  if (f.component) {
    Scrub(f.component->name);
    Scrub(f.component->tier);
  }
  if (f.hints.pin) {
    Scrub(f.hints.pin->action);
    Scrub(f.hints.pin->repository);
    Scrub(f.hints.pin->ref);
  }
  for (auto& remedy : f.remediation) {
    Scrub(remedy.summary);
    Scrub(remedy.detail);
  }
  if (f.waiver) {
    Scrub(f.waiver->id);
    Scrub(f.waiver->expires);
    Scrub(f.waiver->owner);
    Scrub(f.waiver->approver);
    Scrub(f.waiver->reason);
    Scrub(f.waiver->file);
  }
  if (f.history) {
    for (auto& sighting : f.history->sightings) {
      Scrub(sighting.commit);
      Scrub(sighting.author);
      Scrub(sighting.path);
    }
  }
  return f;
}

decide::Verdict RedactedVerdict(const decide::Verdict& verdict) {
  decide::Verdict out;
  out.decision = verdict.decision;
  out.summary = verdict.summary;
  Scrub(out.summary.capped_paths);
  out.findings.reserve(verdict.findings.size());
  for (const auto& f : verdict.findings) out.findings.push_back(RedactedFinding(f));
  return out;
}

core::ScopeSummary RedactedScope(const core::ScopeSummary& scope) {
  core::ScopeSummary out = scope;
  Scrub(out.detected_by);
  Scrub(out.notes);
  for (auto& skipped : out.skipped) Scrub(skipped.path);
  if (out.history) {
    Scrub(out.history->refs);
    Scrub(out.history->stopped_at);
  }
  return out;
}

core::PolicySource RedactedPolicySource(const core::PolicySource& policy) {
  core::PolicySource out = policy;
  Scrub(out.origin);
  Scrub(out.revision);
  Scrub(out.extends);
  return out;
}

core::RunIdentity RedactedRun(const core::RunIdentity& run) {
  core::RunIdentity out = run;
  Scrub(out.repository);
  Scrub(out.change);
  Scrub(out.event);
  return out;
}

std::vector<RegisterEntry> RedactedRegister(std::vector<RegisterEntry> entries) {
  for (auto& e : entries) {
    for (std::string* field :
         {&e.id, &e.owner, &e.approver, &e.covers, &e.ticket, &e.reason, &e.file}) {
      Scrub(*field);
    }
  }
  return entries;
}

std::vector<core::ComponentStatus> RedactedStatus(std::vector<core::ComponentStatus> rows) {
  for (auto& row : rows) {
    Scrub(row.name);
    Scrub(row.owners);
    for (auto& model : row.models) {
      Scrub(model.path);
      Scrub(model.stale_reason);
      Scrub(model.error);
      Scrub(model.missing_parts);
    }
  }
  return rows;
}

}  // namespace riskgate::report
