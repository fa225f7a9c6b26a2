#include "collect/pack/tree_object.h"

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/text.h"

namespace riskgate::collect::pack {
namespace {

core::Error Malformed(const std::string& why) {
  return core::Error{core::ErrorCode::kRepository, "malformed tree: " + why, ""};
}

// How many leading bytes `a` and `b` share.
std::size_t CommonPrefix(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x = 0;
    std::uint64_t y = 0;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) break;
  }
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

// The first NUL at or after `from` (npos when none). Names are short: one 16-byte compare
// finds most, where calling memchr for each entry cost more than the search (a tenth of the
// time the history walk spent parsing trees).
std::size_t FindNul(std::string_view data, std::size_t from) {
#if defined(__SSE2__)
  if (from + 16 <= data.size()) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data.data() + from));
    const auto zeros =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, _mm_setzero_si128())));
    if (zeros != 0) return from + static_cast<std::size_t>(std::countr_zero(zeros));
    from += 16;
  }
#endif
  return data.find('\0', from);
}

// The length of the mode git writes for nearly every entry ("100644", "100755", "40000") when
// one starts at `pos` followed by its space, else 0: read without the digit loop.
std::size_t CommonModeDigits(std::string_view data, std::size_t pos, std::uint32_t& mode) {
  const std::size_t left = data.size() - pos;
  const char* at = data.data() + pos;
  if (left >= 7 && std::memcmp(at, "100644 ", 7) == 0) return mode = 0100644, 6;
  if (left >= 6 && std::memcmp(at, "40000 ", 6) == 0) return mode = 040000, 5;
  if (left >= 7 && std::memcmp(at, "100755 ", 7) == 0) return mode = 0100755, 6;
  return 0;
}

}  // namespace

EntryMode NormalizeMode(std::uint32_t written) {
  const std::uint32_t type = written & 0170000;
  if (type == 0040000) return EntryMode::kTree;
  if ((written & 0111) != 0) return EntryMode::kExecutable;
  if (type == 0160000) return EntryMode::kSubmodule;
  if (type == 0120000) return EntryMode::kLink;
  return EntryMode::kBlob;
}

core::Result<ParsedTree> ParsedTree::Parse(std::shared_ptr<const std::string> bytes) {
  ParsedTree tree;
  const std::string_view data(*bytes);
  if (data.size() >= UINT32_MAX) return tl::unexpected(Malformed("larger than 4 GiB"));
  // Entries of git's trees take 30-40 bytes (a mode, a name, 20 id bytes): room for them at once.
  tree.starts_.reserve(data.size() / 28 + 1);
  std::size_t pos = 0;
  while (pos < data.size()) {
    tree.starts_.push_back(static_cast<std::uint32_t>(pos));
    std::uint32_t mode = 0;
    std::size_t digits = CommonModeDigits(data, pos, mode);
    if (digits != 0) {
      pos += digits;
    } else {
      for (; pos < data.size() && data[pos] >= '0' && data[pos] <= '7'; ++pos, ++digits) {
        mode = mode * 8 + static_cast<std::uint32_t>(data[pos] - '0');
        if (mode > 0xffff) return tl::unexpected(Malformed("a mode out of range"));
      }
    }
    if (digits == 0 || pos >= data.size() || data[pos] != ' ') {
      return tl::unexpected(Malformed("an entry without a mode at byte " + std::to_string(pos)));
    }
    ++pos;
    const std::size_t nul = FindNul(data, pos);
    if (nul == std::string_view::npos || nul == pos || nul - pos > 0xffff) {
      return tl::unexpected(Malformed("an entry without a name at byte " + std::to_string(pos)));
    }
    pos = nul + 1;
    if (data.size() - pos < kIdBytes) {
      return tl::unexpected(Malformed("an entry cut short at byte " + std::to_string(pos)));
    }
    pos += kIdBytes;
  }
  tree.starts_.push_back(static_cast<std::uint32_t>(pos));
  tree.bytes_ = std::move(bytes);
  return tree;
}

TreeEntry ParsedTree::operator[](std::size_t i) const {
  const std::string_view data(*bytes_);
  const std::size_t id_at = starts_[i + 1] - kIdBytes;
  std::uint32_t mode = 0;
  std::size_t p = starts_[i];
  if (const std::size_t digits = CommonModeDigits(data, p, mode); digits != 0) {
    p += digits;
  } else {
    for (; data[p] != ' '; ++p) mode = mode * 8 + static_cast<std::uint32_t>(data[p] - '0');
  }
  TreeEntry entry;
  entry.name = data.substr(p + 1, id_at - 1 - (p + 1));  // Parse checked the mode ends in ' '
  entry.id = data.substr(id_at, kIdBytes);
  entry.mode = NormalizeMode(mode);
  return entry;
}

std::pair<std::size_t, std::size_t> ParsedTree::FirstDifference(std::size_t from,
                                                                const ParsedTree& other,
                                                                std::size_t other_from) const {
  if (from >= size() || other_from >= other.size()) return {from, other_from};
  const std::string_view mine = std::string_view(*bytes_).substr(starts_[from]);
  const std::string_view theirs = std::string_view(*other.bytes_).substr(other.starts_[other_from]);
  const std::size_t same = CommonPrefix(mine, theirs);
  // Equal bytes parse to equal entries: the entry holding the first differing byte is at the
  // same distance from the start in both.
  const auto holding =
      std::upper_bound(starts_.begin() + static_cast<std::ptrdiff_t>(from), starts_.end(),
                       static_cast<std::uint32_t>(starts_[from] + same)) -
      starts_.begin() - 1;
  const std::size_t skipped = static_cast<std::size_t>(holding) - from;
  return {from + skipped, other_from + skipped};
}

int CompareInTreeOrder(const TreeEntry& a, const TreeEntry& b) {
  const std::size_t n = std::min(a.name.size(), b.name.size());
  if (const int c = n == 0 ? 0 : std::memcmp(a.name.data(), b.name.data(), n); c != 0) return c;
  const auto next = [n](const TreeEntry& e) -> unsigned char {
    if (e.name.size() > n) return static_cast<unsigned char>(e.name[n]);
    return e.mode == EntryMode::kTree ? '/' : '\0';
  };
  return static_cast<int>(next(a)) - static_cast<int>(next(b));
}

core::Result<std::string> CommitTreeId(std::string_view commit) {
  constexpr std::string_view kTree = "tree ";
  if (commit.size() < kTree.size() + 2 * kIdBytes + 1 || commit.substr(0, kTree.size()) != kTree ||
      commit[kTree.size() + 2 * kIdBytes] != '\n') {
    return core::MakeError(core::ErrorCode::kRepository, "malformed commit: no tree line");
  }
  auto raw = core::BytesFromHex(commit.substr(kTree.size(), 2 * kIdBytes));
  if (!raw) return core::MakeError(core::ErrorCode::kRepository, "malformed commit: bad tree id");
  return std::move(*raw);
}

}  // namespace riskgate::collect::pack
