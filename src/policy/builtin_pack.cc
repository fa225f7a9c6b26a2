#include "policy/builtin_pack.h"

#include <future>
#include <memory>
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

// What a BuiltinPrefetch's thread reads, until the first caller takes each.
struct Ahead {
  std::future<std::optional<RulePack>> pack;
  std::future<std::optional<ComposedPolicy>> policy;
  std::future<void> thread;
};
std::mutex ahead_mutex;
Ahead ahead;

template <typename T>
std::optional<T> Take(std::future<std::optional<T>> Ahead::*which) {
  std::future<std::optional<T>> taken;
  {
    const std::lock_guard<std::mutex> lock(ahead_mutex);
    taken = std::move(ahead.*which);
  }
  return taken.valid() ? taken.get() : std::nullopt;
}

}  // namespace

BuiltinPrefetch::BuiltinPrefetch() {
  const std::lock_guard<std::mutex> lock(ahead_mutex);
  if (ahead.thread.valid()) return;
  auto pack = std::make_shared<std::promise<std::optional<RulePack>>>();
  auto policy = std::make_shared<std::promise<std::optional<ComposedPolicy>>>();
  ahead.pack = pack->get_future();
  ahead.policy = policy->get_future();
  ahead.thread = std::async(std::launch::async, [pack, policy] {
    // Neither throws but on exhausted memory; then the callers read them themselves.
    try {
      pack->set_value(ReadDefaultPack());
    } catch (...) {
      pack->set_value(std::nullopt);
    }
    try {
      policy->set_value(ComposeBuiltinPolicy());
    } catch (...) {
      policy->set_value(std::nullopt);
    }
  });
}

BuiltinPrefetch::~BuiltinPrefetch() {
  Ahead unused;
  {
    const std::lock_guard<std::mutex> lock(ahead_mutex);
    unused = std::move(ahead);
  }
  if (unused.thread.valid()) unused.thread.wait();
}

std::optional<ComposedPolicy> TakePrefetchedBuiltinPolicy() { return Take(&Ahead::policy); }

std::optional<RulePack> LoadBuiltinRulePack(std::string_view name, core::Diagnostics& diagnostics) {
  if (name != kDefaultName) return std::nullopt;
  std::optional<RulePack> pack = Take(&Ahead::pack);
  if (!pack) pack = ReadDefaultPack();
  if (!pack) {
    diagnostics.Add(std::string(kDefaultName), {}, "", "the embedded rule pack is corrupt");
    return RulePack{};
  }
  return pack;
}

}  // namespace riskgate::policy
