// Ledger: the life of each finding across runs (docs/metrics.md, "Time to remediate"). Input:
// the ledger's rows in time order; output: episodes, each from a finding's first sighting to
// the first later run that had the chance to see it again and did not. No I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ledger/ledger_rows.h"

namespace riskgate::ledger {

struct Episode {
  std::string repository;
  std::string control;
  std::string rule;
  std::string severity;  // as the latest run reported it
  std::string path;
  std::string fingerprint;
  std::string component;
  std::string tier;
  long long first_seen = 0;             // Unix seconds
  std::optional<long long> closed;      // when it was gone; unset while open
  bool closed_at_unknown_time = false;  // a history finding no longer at HEAD when first seen
  // The latest run's view of it.
  std::string decision;
  std::string waiver_id;
  std::string waiver_status;
  std::string waiver_owner;
  std::string waiver_expires;
  bool IsOpen() const { return !closed && !closed_at_unknown_time; }
  bool Accepted() const { return waiver_status == "active" || waiver_status == "expiring"; }
};

// Findings of the `waivers` control (about the waivers themselves) are left out: exception
// aging counts them.
std::vector<Episode> FindingEpisodes(const LedgerRows& rows);

}  // namespace riskgate::ledger
