// Helpers shared by the fuzz targets: split libFuzzer's bytes into the pieces a target needs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace riskgate::fuzz {

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The first byte picks a variant (modulo `variants`); the rest is the payload.
inline std::pair<unsigned, std::string_view> Variant(std::string_view input, unsigned variants) {
  if (input.empty()) return {0, input};
  return {static_cast<unsigned char>(input[0]) % variants, input.substr(1)};
}

// Splits at the first NUL byte: two inputs in one (e.g. a glob and a path).
inline std::pair<std::string_view, std::string_view> SplitAtNul(std::string_view input) {
  const auto nul = input.find('\0');
  if (nul == std::string_view::npos) return {input, {}};
  return {input.substr(0, nul), input.substr(nul + 1)};
}

}  // namespace riskgate::fuzz
