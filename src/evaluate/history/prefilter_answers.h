// Stage 3 (evaluate): the rule prefilter's answers for the blobs a full-history sweep read, by
// where the object store holds each (collect::SweptBlob::place), so that a blob the store keeps
// as a delta of one of them is matched only near what the delta changed
// (secrets/rule_prefilter.h, TextOrigin). Shared by the sweep's threads. Most blobs have the
// same answer (no rule may match), so each distinct answer is kept once.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "collect/pack/object_store.h"

namespace riskgate::evaluate::history {

class PrefilterAnswers {
 public:
  // The answer kept for the blob at `place`, if any.
  std::optional<std::vector<char>> Find(const collect::pack::ObjectLocation& place) const;
  // Keeps `may` as the answer for the blob at `place` (a place no key can name is not kept).
  void Keep(const collect::pack::ObjectLocation& place, const std::vector<char>& may);

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::uint64_t, std::uint32_t> by_place_;  // place -> index in answers_
  std::unordered_map<std::string, std::uint32_t> index_of_;    // answer -> its index
  std::vector<std::string> answers_;
  std::uint32_t last_ = 0;  // the answer kept last
};

}  // namespace riskgate::evaluate::history
