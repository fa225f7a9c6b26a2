// Stage 3 (evaluate): what the secrets prefilter learnt of the blobs a full-history sweep read
// (secrets::PrefilterAnswer), by where the object store holds each (collect::SweptBlob::place),
// so that a blob the store keeps as a delta of one of them is read only near what the delta
// changed (secrets/text_origin.h). Shared by the sweep's threads. Most blobs have the same
// answer (no rule may match, nothing decoded), so each distinct answer is kept once.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "collect/pack/object_store.h"
#include "evaluate/secrets/text_origin.h"

namespace riskgate::evaluate::history {

class PrefilterAnswers {
 public:
  // The answer kept for the blob at `place`, or nullptr. Kept answers stay where they are while
  // this object lives.
  const secrets::PrefilterAnswer* Find(const collect::pack::ObjectLocation& place) const;
  // Keeps `answer` for the blob at `place` (a place no key can name is not kept).
  void Keep(const collect::pack::ObjectLocation& place, const secrets::PrefilterAnswer& answer);

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::uint64_t, std::uint32_t> by_place_;  // place -> index in answers_
  // Each answer as a key (its `may`, then a byte of its flags) -> its index.
  std::unordered_map<std::string, std::uint32_t> index_of_;
  std::deque<secrets::PrefilterAnswer> answers_;  // a deque: what Find gave does not move
  std::uint32_t last_ = 0;                        // the answer kept last
};

}  // namespace riskgate::evaluate::history
