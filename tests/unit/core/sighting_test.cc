// A history finding's sightings (core/finding.h): which one says where a secret was introduced.
// An addition by a commit wins over a move, and both over a tree or blob that only a ref names
// (its time is 0, so "earliest" alone would always pick it).
#include <catch2/catch.hpp>

#include "core/finding.h"

namespace riskgate::core {
namespace {

Sighting At(const std::string& commit, long long time, Sighting::Kind kind) {
  return Sighting{commit, "Ann <ann@example.com>", time, "app.py", 1, 1, kind, 1};
}

}  // namespace

TEST_CASE("a commit's addition introduces a secret before a move, and both before a ref's object",
          "[unit][core]") {
  const Sighting added = At("a", 2000, Sighting::Kind::kAdded);
  const Sighting moved = At("b", 1000, Sighting::Kind::kMoved);
  const Sighting ref = At("c", 0, Sighting::Kind::kRef);
  const Sighting boundary = At("d", 3000, Sighting::Kind::kBoundary);
  CHECK(IntroducesBefore(added, moved));
  CHECK_FALSE(IntroducesBefore(moved, added));
  CHECK(IntroducesBefore(moved, ref));
  CHECK(IntroducesBefore(added, ref));
  CHECK_FALSE(IntroducesBefore(ref, added));
  CHECK(IntroducesBefore(added, boundary));  // both additions: the earlier
  HistoryTrail trail;
  trail.sightings = {ref, moved, boundary, added};
  CHECK(Introduction(trail)->commit == "a");
  trail.sightings = {ref};
  CHECK(Introduction(trail)->commit == "c");
  // Listed oldest first, an object only a ref names (time 0) after every commit.
  CHECK(SightingEarlier(moved, added));
  CHECK(SightingEarlier(added, ref));
  CHECK_FALSE(SightingEarlier(ref, moved));
  CHECK(SightingKindName(Sighting::Kind::kRef) == "ref");
  CHECK(SightingKindName(Sighting::Kind::kBoundary) == "boundary");
}

}  // namespace riskgate::core
