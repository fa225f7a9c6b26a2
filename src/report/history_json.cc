#include "report/history_json.h"

#include <algorithm>

#include "core/date.h"

namespace riskgate::report {

using core::JsonOut;

namespace {

JsonOut SightingJson(const core::Sighting& s) {
  return JsonOut::Object({{"commit", s.commit},
                          {"author", s.author},
                          {"date", core::FormatTimestamp(s.time)},
                          {"time", s.time},
                          {"path", s.path},
                          {"line", s.line},
                          {"column", s.column},
                          {"kind", core::SightingKindName(s.kind)},
                          {"generation", s.generation}});
}

}  // namespace

JsonOut HistoryJson(const core::JudgedFinding& f) {
  JsonOut occurrences = JsonOut::Array();
  for (const auto& s : f.history->sightings) occurrences.Push(SightingJson(s));
  // Introduced where it was first added (a move only carries it on).
  const core::Sighting* first = core::Introduction(*f.history);
  JsonOut introduced = nullptr;
  if (first != nullptr) {
    introduced = JsonOut::Object({{"commit", first->commit},
                                  {"author", first->author},
                                  {"date", core::FormatTimestamp(first->time)},
                                  {"path", first->path},
                                  {"line", first->line}});
  }
  return JsonOut::Object({{"secret_id", f.content_id},
                          {"present_at_head", f.history->present_at_head},
                          {"introduced", std::move(introduced)},
                          {"occurrences", std::move(occurrences)}});
}

JsonOut HistoryScopeJson(const core::HistoryScope& h) {
  return JsonOut::Object({{"refs", h.refs},
                          {"tip", h.tip.empty() ? JsonOut(nullptr) : JsonOut(h.tip)},
                          {"commits", h.commits},
                          {"commits_walked", h.commits_walked},
                          {"ref_objects", h.ref_objects},
                          {"blobs_read", h.blobs_read},
                          {"bytes_read", h.bytes_read},
                          {"shallow", !h.stopped_at.empty()},
                          {"stopped_at", h.stopped_at},
                          {"missing_blobs", h.missing_blobs},
                          {"shard", h.shard.empty() ? JsonOut(nullptr) : JsonOut(h.shard)},
                          {"seconds", h.seconds}});
}

}  // namespace riskgate::report
