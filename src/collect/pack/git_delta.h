// Stage 1 (collect): git's delta format (the OFS_DELTA and REF_DELTA entries of a pack): a base
// size, a result size, then copy-from-base and insert-literal instructions. Every instruction is
// bounds-checked against the base and the declared result size; nothing is trusted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace riskgate::collect::pack {

struct DeltaSizes {
  std::uint64_t base = 0;
  std::uint64_t result = 0;
  std::size_t header_bytes = 0;  // where the instructions start
};

// The two sizes at the start of a delta.
core::Result<DeltaSizes> ReadDeltaSizes(std::string_view delta);

// Bytes `begin`..`end` of a delta's result that are one run of its base's bytes, copied.
struct CopiedRange {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  bool operator==(const CopiedRange&) const = default;
};

// `base` with `delta` applied; an error when the delta does not fit the base or its own sizes.
// With `copied`, also the result's ranges copied from the base, in order, each as long as it
// goes on (copies that continue each other in both the result and the base are one range).
core::Result<std::string> ApplyDelta(std::string_view base, std::string_view delta,
                                     std::vector<CopiedRange>* copied = nullptr);

}  // namespace riskgate::collect::pack
