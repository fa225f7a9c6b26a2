#include "run/pin_resolution.h"

#include <set>

#include "collect/forge/review_sources.h"
#include "run/forge_clients.h"

namespace riskgate::run {
namespace {

constexpr std::size_t kMaxLookupsPerCheck = 50;

}  // namespace

core::Result<ResolvedPins> ResolvePins(const std::vector<core::Finding>& findings,
                                       const policy::Policy& policy,
                                       const collect::EnvReader& env) {
  ResolvedPins out;
  std::optional<collect::forge::HttpClient> client;
  for (const auto& f : findings) {
    if (!f.hints.pin) continue;
    const auto key = std::make_pair(f.hints.pin->repository, f.hints.pin->ref);
    if (out.contains(key)) continue;
    if (!client) {
      auto created = GithubClient(policy.reviews.forge, env);
      if (!created) return tl::unexpected(created.error());
      client.emplace(std::move(*created));
    }
    auto sha = collect::forge::ResolveGithubRef(*client, key.first, key.second);
    if (!sha) return tl::unexpected(sha.error());
    out[key] = *sha;
  }
  return out;
}

void ResolvePinRemedies(std::vector<core::Finding>& findings, const policy::Policy& policy,
                        const collect::EnvReader& env) {
  if (!policy.pins.resolve_refs || GithubToken(env).empty()) return;
  std::vector<core::Finding> wanted;
  std::set<std::pair<std::string, std::string>> distinct;
  for (const auto& f : findings) {
    if (!f.hints.pin || !f.in_change) continue;
    if (!distinct.insert({f.hints.pin->repository, f.hints.pin->ref}).second) continue;
    if (distinct.size() > kMaxLookupsPerCheck) break;
    wanted.push_back(f);
  }
  if (wanted.empty()) return;
  auto resolved = ResolvePins(wanted, policy, env);
  for (auto& f : findings) {
    if (!f.hints.pin || !f.in_change) continue;
    const auto& pin = *f.hints.pin;
    if (!resolved) {
      f.hints.fix += "\n(the SHA could not be looked up: " + resolved.error().message + ")";
      continue;
    }
    auto it = resolved->find({pin.repository, pin.ref});
    if (it == resolved->end()) continue;
    f.hints.fix = "uses: " + pin.action + "@" + it->second + " # " + pin.ref + "\n(the commit '" +
                  pin.ref + "' points at now; `riskgate fix pins` writes it)";
  }
}

}  // namespace riskgate::run
