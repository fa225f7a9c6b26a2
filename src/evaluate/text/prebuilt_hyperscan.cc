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

// A width as the image holds it: the expression a view into the image.
struct WidthView {
  std::string_view expression;
  bool caseless = false;
  std::optional<std::uint64_t> width;
};

struct Registry {
  std::mutex mutex;
  std::vector<PrebuiltHyperscan> entries;
  // The images' widths, indexed into `widths` when one is first asked for: a start that never
  // splits the prefilter (a pre-commit hook) does not build the index.
  std::vector<WidthView> unindexed;
  std::map<std::string, std::optional<std::uint64_t>> widths;  // by WidthKey
};

// "c" or "i" (caseless), then the expression.
std::string WidthKey(bool caseless, std::string_view expression) {
  std::string key(1, caseless ? 'i' : 'c');
  key += expression;
  return key;
}

struct Image {
  std::vector<PrebuiltHyperscan> entries;
  std::vector<WidthView> widths;
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
    if (!r.StrView(width.expression) || !r.U32(caseless) || caseless > 1 || !r.U64(value)) {
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

// The widths by WidthKey, the images' indexed first; `registry.mutex` held.
std::map<std::string, std::optional<std::uint64_t>>& Widths(Registry& registry) {
  for (const WidthView& width : registry.unindexed) {
    registry.widths[WidthKey(width.caseless, width.expression)] = width.width;
  }
  registry.unindexed.clear();
  return registry.widths;
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
  std::vector<PrebuiltWidth> widths;
  for (const WidthView& width : decoded->widths) {
    widths.push_back({std::string(width.expression), width.caseless, width.width});
  }
  return widths;
}

bool RegisterPrebuiltHyperscan(std::string_view image) {
  auto decoded = Decode(image);
  if (!decoded) return false;
  Registry& registry = TheRegistry();
  const std::lock_guard lock(registry.mutex);
  registry.entries.insert(registry.entries.end(), decoded->entries.begin(), decoded->entries.end());
  registry.unindexed.insert(registry.unindexed.end(), decoded->widths.begin(),
                            decoded->widths.end());
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
  const auto& widths = Widths(registry);
  const auto found = widths.find(WidthKey(caseless, expression));
  if (found == widths.end()) return std::nullopt;
  return found->second;
}

void RememberMaxWidth(std::string_view expression, bool caseless,
                      std::optional<std::uint64_t> width) {
  Registry& registry = TheRegistry();
  const std::lock_guard lock(registry.mutex);
  Widths(registry).insert_or_assign(WidthKey(caseless, expression), width);
}

std::vector<PrebuiltWidth> KnownMaxWidths() {
  Registry& registry = TheRegistry();
  const std::lock_guard lock(registry.mutex);
  std::vector<PrebuiltWidth> widths;
  for (const auto& [key, width] : Widths(registry)) {
    widths.push_back({key.substr(1), key[0] == 'i', width});
  }
  return widths;
}

}  // namespace riskgate::evaluate
