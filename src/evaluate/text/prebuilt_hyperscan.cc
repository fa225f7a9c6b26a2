#include "evaluate/text/prebuilt_hyperscan.h"

#include <map>
#include <mutex>
#include <utility>

#include "core/byte_codec.h"

namespace riskgate::evaluate {
namespace {

constexpr std::string_view kMagic = "riskgate-hyperscan-2\n";
constexpr std::uint64_t kNoBound = UINT64_MAX;
constexpr std::uint64_t kMaxDatabase = std::uint64_t{1} << 30;

struct Registry {
  std::mutex mutex;
  std::vector<PrebuiltHyperscan> entries;
  // By WidthKey.
  std::map<std::string, std::optional<std::uint64_t>> widths;
};

// "c" or "i" (caseless), then the expression.
std::string WidthKey(bool caseless, std::string_view expression) {
  std::string key(1, caseless ? 'i' : 'c');
  key += expression;
  return key;
}

struct Image {
  std::vector<PrebuiltHyperscan> entries;
  std::vector<PrebuiltWidth> widths;
};

std::optional<Image> Decode(std::string_view image) {
  core::ByteReader r(image);
  std::uint32_t count = 0;
  if (!r.Magic(kMagic) || !r.Count(count)) return std::nullopt;
  Image decoded;
  decoded.entries.resize(count);
  for (auto& entry : decoded.entries) {
    std::uint32_t target = 0;
    std::uint32_t left_out = 0;
    if (!r.Str(entry.key) || !r.U32(target) ||
        target > static_cast<std::uint32_t>(HyperscanTarget::kAvx512) || !r.Count(left_out)) {
      return std::nullopt;
    }
    entry.target = static_cast<HyperscanTarget>(target);
    entry.left_out.resize(left_out);
    for (auto& id : entry.left_out) {
      std::uint32_t raw = 0;
      if (!r.U32(raw)) return std::nullopt;
      id = raw;
    }
    if (!r.U64(entry.size) || entry.size == 0 || entry.size > kMaxDatabase ||
        !r.Blob(entry.deflated))
      return std::nullopt;
  }
  if (!r.Count(count)) return std::nullopt;
  decoded.widths.resize(count);
  for (auto& width : decoded.widths) {
    std::uint32_t caseless = 0;
    std::uint64_t value = 0;
    if (!r.Str(width.expression) || !r.U32(caseless) || caseless > 1 || !r.U64(value)) {
      return std::nullopt;
    }
    width.caseless = caseless == 1;
    if (value != kNoBound) width.width = value;
  }
  if (!r.AtEnd()) return std::nullopt;
  return decoded;
}

Registry& TheRegistry() {
  static Registry registry;
  return registry;
}

}  // namespace

std::string EncodePrebuiltHyperscan(const std::vector<PrebuiltHyperscan>& entries,
                                    const std::vector<PrebuiltWidth>& widths) {
  core::ByteWriter w;
  w.out() += kMagic;
  w.U32(static_cast<std::uint32_t>(entries.size()));
  for (const auto& entry : entries) {
    w.Str(entry.key);
    w.U32(static_cast<std::uint32_t>(entry.target));
    w.U32(static_cast<std::uint32_t>(entry.left_out.size()));
    for (const unsigned id : entry.left_out) w.U32(id);
    w.U64(entry.size);
    w.Blob(entry.deflated);
  }
  w.U32(static_cast<std::uint32_t>(widths.size()));
  for (const auto& width : widths) {
    w.Str(width.expression);
    w.U32(width.caseless ? 1 : 0);
    w.U64(width.width.value_or(kNoBound));
  }
  return std::move(w.out());
}

std::optional<std::vector<PrebuiltHyperscan>> DecodePrebuiltHyperscan(std::string_view image) {
  auto decoded = Decode(image);
  if (!decoded) return std::nullopt;
  return std::move(decoded->entries);
}

std::optional<std::vector<PrebuiltWidth>> DecodePrebuiltWidths(std::string_view image) {
  auto decoded = Decode(image);
  if (!decoded) return std::nullopt;
  return std::move(decoded->widths);
}

bool RegisterPrebuiltHyperscan(std::string_view image) {
  auto decoded = Decode(image);
  if (!decoded) return false;
  Registry& registry = TheRegistry();
  const std::lock_guard lock(registry.mutex);
  registry.entries.insert(registry.entries.end(), decoded->entries.begin(), decoded->entries.end());
  for (auto& width : decoded->widths) {
    registry.widths[WidthKey(width.caseless, width.expression)] = width.width;
  }
  return true;
}

std::vector<PrebuiltHyperscan> PrebuiltHyperscanFor(std::string_view key) {
  Registry& registry = TheRegistry();
  const std::lock_guard lock(registry.mutex);
  std::vector<PrebuiltHyperscan> found;
  for (const auto& entry : registry.entries) {
    if (entry.key == key) found.push_back(entry);
  }
  return found;
}

std::size_t PrebuiltHyperscanCount() {
  Registry& registry = TheRegistry();
  const std::lock_guard lock(registry.mutex);
  return registry.entries.size();
}

std::optional<std::optional<std::uint64_t>> KnownMaxWidth(std::string_view expression,
                                                          bool caseless) {
  Registry& registry = TheRegistry();
  const std::lock_guard lock(registry.mutex);
  const auto found = registry.widths.find(WidthKey(caseless, expression));
  if (found == registry.widths.end()) return std::nullopt;
  return found->second;
}

void RememberMaxWidth(std::string_view expression, bool caseless,
                      std::optional<std::uint64_t> width) {
  Registry& registry = TheRegistry();
  const std::lock_guard lock(registry.mutex);
  registry.widths.insert_or_assign(WidthKey(caseless, expression), width);
}

std::vector<PrebuiltWidth> KnownMaxWidths() {
  Registry& registry = TheRegistry();
  const std::lock_guard lock(registry.mutex);
  std::vector<PrebuiltWidth> widths;
  for (const auto& [key, width] : registry.widths) {
    widths.push_back({key.substr(1), key[0] == 'i', width});
  }
  return widths;
}

}  // namespace riskgate::evaluate
