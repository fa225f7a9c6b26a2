#include "report/history_json.h"

#include <algorithm>

#include "core/date.h"

namespace riskgate::report {

using nlohmann::ordered_json;

namespace {

ordered_json SightingJson(const core::Sighting& s) {
  return ordered_json{{"commit", s.commit},
                      {"author", s.author},
                      {"date", core::FormatTimestamp(s.time)},
                      {"time", s.time},
                      {"path", s.path},
                      {"line", s.line},
                      {"column", s.column},
                      {"kind", core::SightingKindName(s.kind)},
                      {"generation", s.generation}};
}

}  // namespace

ordered_json HistoryJson(const core::Finding& f) {
  ordered_json occurrences = ordered_json::array();
  for (const auto& s : f.history->sightings) occurrences.push_back(SightingJson(s));
  // Introduced where it was first added (a move only carries it on).
  const core::Sighting* first = core::Introduction(*f.history);
  ordered_json introduced = nullptr;
  if (first != nullptr) {
    introduced = {{"commit", first->commit},
                  {"author", first->author},
                  {"date", core::FormatTimestamp(first->time)},
                  {"path", first->path},
                  {"line", first->line}};
  }
  return ordered_json{{"secret_id", f.content_id},
                      {"present_at_head", f.history->present_at_head},
                      {"introduced", introduced},
                      {"occurrences", occurrences}};
}

ordered_json HistoryScopeJson(const core::HistoryScope& h) {
  return ordered_json{{"refs", h.refs},
                      {"tip", h.tip.empty() ? ordered_json(nullptr) : ordered_json(h.tip)},
                      {"commits", h.commits},
                      {"commits_walked", h.commits_walked},
                      {"blobs_read", h.blobs_read},
                      {"bytes_read", h.bytes_read},
                      {"shallow", !h.stopped_at.empty()},
                      {"stopped_at", h.stopped_at},
                      {"missing_blobs", h.missing_blobs},
                      {"shard", h.shard.empty() ? ordered_json(nullptr) : ordered_json(h.shard)},
                      {"seconds", h.seconds}};
}

}  // namespace riskgate::report
