#include "evaluate/secrets/text_origin.h"

namespace riskgate::evaluate::secrets {

std::optional<std::vector<ByteRun>> OutsideCopies(
    std::span<const collect::pack::CopiedRange> copied, std::size_t size) {
  std::vector<ByteRun> outside;
  std::size_t at = 0;     // bytes before this are inside a copied range or already outside
  std::size_t ended = 0;  // where the last range ended
  for (const collect::pack::CopiedRange& range : copied) {
    if (range.begin < ended || range.end > size || range.end < range.begin) return std::nullopt;
    ended = static_cast<std::size_t>(range.end);
    if (range.end - range.begin < 3) continue;  // no inside
    const auto inside = static_cast<std::size_t>(range.begin) + 1;
    if (inside > at) outside.emplace_back(at, inside);
    at = static_cast<std::size_t>(range.end) - 1;
  }
  if (at < size || size == 0) outside.emplace_back(at, size);
  return outside;
}

bool CoverLittle(std::span<const ByteRun> runs, std::size_t size) {
  std::size_t covered = 0;
  for (const auto& [from, to] : runs) covered += to - from;
  return covered * 5 < size * 3;
}

}  // namespace riskgate::evaluate::secrets
