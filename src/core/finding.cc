#include "core/finding.h"

#include <tuple>

namespace riskgate::core {

std::string_view RemedyKindName(RemedyKind kind) {
  switch (kind) {
    case RemedyKind::kFix:
      return "fix";
    case RemedyKind::kMitigate:
      return "mitigate";
    case RemedyKind::kAccept:
      return "accept";
  }
  return "fix";
}

std::string_view WaiverStatusName(WaiverStatus status) {
  switch (status) {
    case WaiverStatus::kActive:
      return "active";
    case WaiverStatus::kExpiring:
      return "expiring";
    case WaiverStatus::kExpired:
      return "expired";
    case WaiverStatus::kUnauthorized:
      return "unauthorized";
    case WaiverStatus::kTooLong:
      return "too_long";
    case WaiverStatus::kNotYetValid:
      return "not_yet_valid";
  }
  return "active";
}

bool SightingEarlier(const Sighting& a, const Sighting& b) {
  const bool a_ref = a.kind == Sighting::Kind::kRef;  // no time: after every commit
  const bool b_ref = b.kind == Sighting::Kind::kRef;
  return std::tie(a_ref, a.time, a.generation, a.commit, a.path, a.line, a.column) <
         std::tie(b_ref, b.time, b.generation, b.commit, b.path, b.line, b.column);
}

bool IntroducesBefore(const Sighting& a, const Sighting& b) {
  const auto rank = [](Sighting::Kind kind) {
    return kind == Sighting::Kind::kRef ? 2 : kind == Sighting::Kind::kMoved ? 1 : 0;
  };
  if (rank(a.kind) != rank(b.kind)) return rank(a.kind) < rank(b.kind);
  return SightingEarlier(a, b);
}

const Sighting* Introduction(const HistoryTrail& trail) {
  const Sighting* best = nullptr;
  for (const auto& s : trail.sightings) {
    if (best == nullptr || IntroducesBefore(s, *best)) best = &s;
  }
  return best;
}

std::string_view SightingKindName(Sighting::Kind kind) {
  switch (kind) {
    case Sighting::Kind::kAdded:
      return "added";
    case Sighting::Kind::kMoved:
      return "moved";
    case Sighting::Kind::kBoundary:
      return "boundary";
    case Sighting::Kind::kRef:
      return "ref";
  }
  return "added";
}

}  // namespace riskgate::core
