// Oracle shared by the fuzz targets of object id indexes (a pack's .idx, a multi-pack index):
// each of the first ids it lists is found at its position, and an id one bit away only where
// the index lists that one.
#pragma once

#include <cstdint>
#include <string>

namespace riskgate::fuzz {

// `Index` has size(), Id(i) and Find(raw id) -> optional position.
template <class Index>
void CheckFindsItsIds(const Index& index) {
  for (std::uint32_t i = 0; i < index.size() && i < 4096; ++i) {
    const auto found = index.Find(index.Id(i));
    if (!found || *found != i) __builtin_trap();
    std::string other(index.Id(i));
    other.back() = static_cast<char>(other.back() ^ 1);
    if (const auto near = index.Find(other); near && index.Id(*near) != other) __builtin_trap();
  }
}

}  // namespace riskgate::fuzz
