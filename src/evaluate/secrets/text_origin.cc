#include "evaluate/secrets/text_origin.h"

#include <algorithm>

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

std::optional<bool> OccursOutsideCopies(std::string_view text, std::string_view needle,
                                        std::span<const collect::pack::CopiedRange> copied) {
  const auto outside = OutsideCopies(copied, text.size());
  if (!outside) return std::nullopt;
  const std::size_t reach = needle.empty() ? 0 : needle.size() - 1;
  for (const auto& [begin, end] : *outside) {
    const std::size_t from = begin > reach ? begin - reach : 0;
    const std::size_t to = std::min(text.size(), end + reach);
    if (text.substr(from, to - from).find(needle) != std::string_view::npos) return true;
  }
  return false;
}

bool CoverLittle(std::span<const ByteRun> runs, std::size_t size) {
  std::size_t covered = 0;
  for (const auto& [from, to] : runs) covered += to - from;
  return covered * 5 < size * 3;
}

}  // namespace riskgate::evaluate::secrets
