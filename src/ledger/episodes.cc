#include "ledger/episodes.h"

#include <map>
#include <set>
#include <tuple>

namespace riskgate::ledger {
namespace {

using Key = std::tuple<std::string, std::string, std::string, std::string>;  // repo, control,
                                                                             // rule, fingerprint

// Controls whose findings are about content a worktree audit reads again (not about a change's
// reviews, its threat-model coverage or the policy it edits).
bool AboutContent(const std::string& control) {
  return control == "secrets" || control == "pins" || control == "custom" || control == "unscanned";
}

// What a run is evidence of: a history audit, a worktree audit, or one change's runs.
std::string EvidenceOf(const ReportRow& report) {
  if (report.kind == "history") return "history";
  if (report.scope_mode == "worktree") return "worktree";
  return "change:" + (report.change.empty() ? report.commit : report.change);
}

struct Open {
  std::size_t episode = 0;
  std::set<std::string> seen_by;  // evidence that reported it
};

}  // namespace

std::vector<Episode> FindingEpisodes(const LedgerRows& rows) {
  std::vector<Episode> episodes;
  // Open findings by repository: a run can only close its own repository's.
  std::map<std::string, std::map<Key, Open>> open_by_repository;
  std::set<Key> known;   // keys that ever had an episode
  std::size_t next = 0;  // findings are in report order
  for (std::size_t r = 0; r < rows.reports.size(); ++r) {
    const ReportRow& report = rows.reports[r];
    const std::size_t begin = next;
    while (next < rows.findings.size() && rows.findings[next].report == r) ++next;
    if (report.kind != "check" && report.kind != "history") continue;
    const std::string evidence = EvidenceOf(report);
    auto& open = open_by_repository[report.repository];
    std::set<Key> present;
    for (std::size_t i = begin; i < next; ++i) {
      const FindingRow& f = rows.findings[i];
      if (f.control == "waivers") continue;
      const Key key{report.repository, f.control, f.rule, f.fingerprint};
      const bool gone_from_head = f.present_at_head.has_value() && !*f.present_at_head;
      auto found = open.find(key);
      if (gone_from_head) {
        // Gone from HEAD: closed below like an absent finding. One that no run saw at HEAD was
        // introduced and removed between runs: remediated at a time the ledger cannot tell.
        if (found == open.end() && known.insert(key).second) {
          Episode e;
          e.repository = report.repository;
          e.control = f.control;
          e.rule = f.rule;
          e.severity = f.severity;
          e.path = f.path;
          e.fingerprint = f.fingerprint;
          e.first_seen = f.introduced.value_or(report.time);
          e.closed_at_unknown_time = true;
          e.decision = f.decision;
          episodes.push_back(std::move(e));
        }
        continue;
      }
      present.insert(key);
      if (found == open.end()) {
        known.insert(key);
        Episode e;
        e.repository = report.repository;
        e.control = f.control;
        e.rule = f.rule;
        e.fingerprint = f.fingerprint;
        e.first_seen = report.kind == "history" ? f.introduced.value_or(report.time) : report.time;
        found = open.emplace(key, Open{episodes.size(), {}}).first;
        episodes.push_back(std::move(e));
      }
      found->second.seen_by.insert(evidence);
      Episode& e = episodes[found->second.episode];
      e.severity = f.severity;
      e.path = f.path;
      e.component = f.component;
      e.tier = f.tier;
      e.decision = f.decision;
      e.waiver_id = f.waiver_id;
      e.waiver_status = f.waiver_status;
      e.waiver_owner = f.waiver_owner;
      e.waiver_expires = f.waiver_expires;
    }
    // Close what this run would have reported and did not.
    for (auto it = open.begin(); it != open.end();) {
      const auto& [key, state] = *it;
      const bool saw_before = state.seen_by.count(evidence) > 0;
      const bool tree_rechecks = evidence == "worktree" && AboutContent(std::get<1>(key)) &&
                                 !state.seen_by.count("history");
      if (!present.count(key) && (saw_before || tree_rechecks)) {
        episodes[state.episode].closed = report.time;
        it = open.erase(it);
      } else {
        ++it;
      }
    }
  }
  return episodes;
}

}  // namespace riskgate::ledger
