// Stage 0 (core): a finding is data about the change under judgement, never an error.
// Two types mark which stage has run: evaluate reports a `Finding` (facts, no decision); decide
// turns each into a `JudgedFinding` (its decision, remedies, waiver and baseline marks). Only
// decide, and a reader of a report decide already wrote, makes a JudgedFinding.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/severity.h"

namespace riskgate::core {

enum class RemedyKind { kFix, kMitigate, kAccept };

std::string_view RemedyKindName(RemedyKind kind);

struct Remediation {
  RemedyKind kind = RemedyKind::kFix;
  std::string summary;  // one line
  std::string detail;   // may span lines
};

struct Location {
  std::string path;                   // repository-relative, '/'-separated
  int line = 0;                       // 1-based; 0 when the finding is about the whole file
  int column = 0;                     // 1-based; 0 when unknown
  std::optional<std::string> commit;  // the commit that introduced it, when judged per commit
};

// An action used by a mutable tag or branch: what `fix pins` (and a token-holding run) resolves
// to the commit SHA the ref points at.
struct PinTarget {
  std::string action;      // owner/repo[/path] as written
  std::string repository;  // owner/repo
  std::string ref;
};

// Hints an evaluator passes to the decide stage to build remedies.
struct RemedyHints {
  std::string fix;                              // rule-specific "fix" text
  std::string mitigate;                         // rule-specific "mitigate" text
  std::string revoke_url;                       // where the credential is revoked, for secrets
  std::string provider;                         // who issued it
  std::optional<PinTarget> pin = std::nullopt;  // pins: the reference to pin
  // When not empty, only these (users or @org/team handles) may approve a waiver of the finding,
  // on top of the policy's authority per severity (e.g. a high-tier component's owners).
  std::vector<std::string> acceptors = {};
  // History: the ref that alone reaches the tree or blob holding it (no commit does).
  std::string only_ref = {};
};

// How a waiver bears on a finding (set by decide).
enum class WaiverStatus {
  kActive,        // the finding passes
  kExpiring,      // passes, and the run warns that the waiver ends soon
  kExpired,       // no longer applies: the finding has its own decision again
  kUnauthorized,  // the approver may not accept this severity: does not apply
  kTooLong,       // lasts longer than the policy allows for this severity: does not apply
  kNotYetValid,   // `created` is after today (a date trick to outlive max_days): does not apply
};

std::string_view WaiverStatusName(WaiverStatus status);

struct WaiverMark {
  std::string id;
  WaiverStatus status = WaiverStatus::kActive;
  std::string expires;  // YYYY-MM-DD
  std::string owner;
  std::string approver;
  std::string reason;
  std::string file;  // where the waiver is written
  int line = 0;
};

// One place a finding was seen in history: the commit that put it at `path` (riskgate history).
struct Sighting {
  std::string commit;
  std::string author;  // "Name <email>"
  long long time = 0;  // committer time, seconds since the epoch
  std::string path;
  int line = 0;
  int column = 0;
  // kAdded: no parent had it anywhere this commit changed; kMoved: a path the commit deleted or
  // rewrote held it (a rename or a move); kBoundary: the history before this commit is missing
  // (a shallow clone), so it was added here or earlier; kRef: no commit holds it, a tree or blob
  // that only a ref names does (`commit` is that object's id, `path` "<ref>:<path>" or "<ref>").
  enum class Kind { kAdded, kMoved, kBoundary, kRef } kind = Kind::kAdded;
  // The commit's distance from the oldest commit of the walk (1 + its parents' largest): orders
  // commits made in the same second, a child after its parents.
  int generation = 0;
};

std::string_view SightingKindName(Sighting::Kind kind);
// Oldest first: by committer time, then generation, then commit id and place (a total order);
// sightings in objects only a ref names (no time) after all others.
bool SightingEarlier(const Sighting& a, const Sighting& b);
// Which of two sightings names where a secret was introduced: any addition before any move
// (a move only carries it on), any commit before an object only a ref names, then the earlier.
bool IntroducesBefore(const Sighting& a, const Sighting& b);

// A finding's trail through history: every sighting, oldest first (the first is where it was
// introduced), and whether it is still in the tip's tree.
struct HistoryTrail {
  std::vector<Sighting> sightings;
  bool present_at_head = false;
};

// The sighting a trail's finding is reported at (null for an empty trail).
const Sighting* Introduction(const HistoryTrail& trail);

// The policy component (threat-model `components:`) a finding is about, and its risk tier.
struct ComponentMark {
  std::string name;
  std::string tier;  // "high", "medium" or "low"
};

struct Finding {
  std::string control;  // "secrets", "pins", ...
  std::string rule;     // rule id within the control
  Severity severity = Severity::kMedium;
  // The decision the policy gives this finding whatever its severity (an unscanned file under
  // limits.on_unscanned); decide uses it instead of the severity table.
  std::optional<Decision> fixed_decision = std::nullopt;
  // How sure the finding is (secrets findings; unset for controls that state facts).
  std::optional<Confidence> confidence = std::nullopt;
  // The most the policy lets this finding decide (controls.secrets.max_decision by confidence).
  std::optional<Decision> decision_cap = std::nullopt;
  std::string message;
  Location location;
  std::string fingerprint;  // content based: stable across line moves
  // The same without the path: one secret (or one forbidden line) wherever it was copied.
  std::string content_id;
  std::string secret;   // redacted form only; empty for non-secret findings
  int occurrences = 1;  // how many times the same fingerprint was seen in the scope
  // False when the finding is on lines the change did not add (pre-existing): reported on
  // request (--all-findings) or in audits, never deciding.
  bool in_change = true;
  RemedyHints hints;
  std::optional<HistoryTrail> history;  // riskgate history: where and when it was introduced
  std::optional<ComponentMark> component = std::nullopt;  // threat-model findings
};

// A finding once the policy has judged it.
struct JudgedFinding : Finding {
  JudgedFinding() = default;
  explicit JudgedFinding(Finding finding) : Finding(std::move(finding)) {}

  Decision decision = Decision::kPass;
  std::vector<Remediation> remediation;  // fix, mitigate, accept
  std::optional<WaiverMark> waiver;      // when a waiver names this finding
  bool baselined = false;                // recorded in the baseline, so it passes
};

}  // namespace riskgate::core
