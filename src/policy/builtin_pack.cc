#include "policy/builtin_pack.h"

#include <future>
#include <mutex>

#include "policy/rule_image.h"

namespace riskgate::embedded {
extern const std::string_view kDefaultRulePackImage;
}  // namespace riskgate::embedded

namespace riskgate::policy {
namespace {

constexpr std::string_view kDefaultName = "builtin:default";

std::optional<RulePack> ReadDefaultPack() {
  return DecodeRuleImage(embedded::kDefaultRulePackImage);
}

// The pack read ahead by a BuiltinRulePackPrefetch, until the first LoadBuiltinRulePack takes it.
std::mutex prefetch_mutex;
std::future<std::optional<RulePack>> prefetched;

}  // namespace

BuiltinRulePackPrefetch::BuiltinRulePackPrefetch() {
  const std::lock_guard<std::mutex> lock(prefetch_mutex);
  if (!prefetched.valid()) prefetched = std::async(std::launch::async, ReadDefaultPack);
}

BuiltinRulePackPrefetch::~BuiltinRulePackPrefetch() {
  std::future<std::optional<RulePack>> unused;
  {
    const std::lock_guard<std::mutex> lock(prefetch_mutex);
    unused = std::move(prefetched);
  }
  if (unused.valid()) unused.wait();
}

std::optional<RulePack> LoadBuiltinRulePack(std::string_view name, core::Diagnostics& diagnostics) {
  if (name != kDefaultName) return std::nullopt;
  std::future<std::optional<RulePack>> ahead;
  {
    const std::lock_guard<std::mutex> lock(prefetch_mutex);
    ahead = std::move(prefetched);
  }
  std::optional<RulePack> pack = ahead.valid() ? ahead.get() : ReadDefaultPack();
  if (!pack) {
    diagnostics.Add(std::string(kDefaultName), {}, "", "the embedded rule pack is corrupt");
    return RulePack{};
  }
  return pack;
}

}  // namespace riskgate::policy
