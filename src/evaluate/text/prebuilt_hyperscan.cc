#include "evaluate/text/prebuilt_hyperscan.h"

#include <mutex>

#include "core/byte_codec.h"

namespace riskgate::evaluate {
namespace {

constexpr std::string_view kMagic = "riskgate-hyperscan-1\n";
constexpr std::uint64_t kMaxDatabase = std::uint64_t{1} << 30;

struct Registry {
  std::mutex mutex;
  std::vector<PrebuiltHyperscan> entries;
};

Registry& TheRegistry() {
  static Registry registry;
  return registry;
}

}  // namespace

std::string EncodePrebuiltHyperscan(const std::vector<PrebuiltHyperscan>& entries) {
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
  return std::move(w.out());
}

std::optional<std::vector<PrebuiltHyperscan>> DecodePrebuiltHyperscan(std::string_view image) {
  core::ByteReader r(image);
  std::uint32_t count = 0;
  if (!r.Magic(kMagic) || !r.Count(count)) return std::nullopt;
  std::vector<PrebuiltHyperscan> entries(count);
  for (auto& entry : entries) {
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
  if (!r.AtEnd()) return std::nullopt;
  return entries;
}

bool RegisterPrebuiltHyperscan(std::string_view image) {
  auto entries = DecodePrebuiltHyperscan(image);
  if (!entries) return false;
  Registry& registry = TheRegistry();
  const std::lock_guard lock(registry.mutex);
  registry.entries.insert(registry.entries.end(), entries->begin(), entries->end());
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

}  // namespace riskgate::evaluate
